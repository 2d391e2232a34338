package org.finfacts.eval.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.facts.JsonCodec;

import java.util.ArrayList;
import java.util.List;

/**
 * One case of a Microsoft Recognizers-Text specification as shipped in
 * {@code conformance/recognizers/*.jsonl}: the input, the optional reference time, the expected
 * results (offsets in UTF-16 units of the input with an <b>inclusive</b> end, as in the original
 * specs) and the model it was written for ({@code CurrencyModel}, {@code DateExtractor}, ...).
 */
public record ConformanceCase(String id, String input, String reference, List<Expected> results, String model,
                              String kind, boolean notSupported, boolean ignoreResolution, JsonNode raw) {

    /** One expected result: text, type, start, inclusive end, and the resolution object (may be null). */
    public record Expected(String text, String type, int start, int endInclusive, JsonNode resolution) {
        /** Exclusive end. */
        public int end() {
            return endInclusive + 1;
        }
    }

    /** Reads one line of a spec file. */
    public static ConformanceCase read(String line) {
        try {
            JsonNode n = JsonCodec.mapper().readTree(line);
            List<Expected> results = new ArrayList<>();
            for (JsonNode r : n.path("results")) {
                results.add(new Expected(r.path("text").asText(), r.path("type").asText(), r.path("start").asInt(),
                        r.path("end").asInt(), r.hasNonNull("resolution") ? r.get("resolution") : null));
            }
            boolean notSupported = n.hasNonNull("not_supported") && !n.get("not_supported").asText().isBlank()
                    || n.hasNonNull("not_supported_by_design") && !n.get("not_supported_by_design").asText().isBlank();
            return new ConformanceCase(n.path("id").asText(), n.path("input").asText(),
                    n.hasNonNull("reference") ? n.get("reference").asText() : null, results,
                    n.path("model").asText(), n.path("kind").asText(), notSupported,
                    n.path("ignore_resolution").asBoolean(false), n);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
    }
}
