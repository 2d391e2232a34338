package org.finfacts.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * A mention as the scorer sees it, read alike from gold and from system output: type, code point
 * span, text, the normalised fields it carries ({@code value min max currency qualifier per grain id
 * code}), and whether gold marked it optional.
 */
public record EvalMention(String type, int start, int end, String text, Map<String, String> fields,
                          boolean optional, String note) {
    static final String[] FIELDS = {"value", "min", "max", "currency", "qualifier", "per", "grain", "id", "code"};

    /** Reads a mention object; fields absent from the object are absent from {@code fields}. */
    public static EvalMention read(JsonNode n) {
        Map<String, String> fields = new TreeMap<>();
        for (String f : FIELDS) {
            if (n.has(f)) {
                JsonNode v = n.get(f);
                fields.put(f, v.isNull() ? null : v.asText());
            }
        }
        return new EvalMention(n.path("type").asText(), n.path("start").asInt(), n.path("end").asInt(),
                n.path("text").asText(), fields, n.path("optional").asBoolean(false),
                n.hasNonNull("note") ? n.get("note").asText() : null);
    }

    /** A field's value, null when absent or null. */
    public String field(String name) {
        return fields.get(name);
    }

    /** Number of shared code points with another mention. */
    public int overlap(EvalMention o) {
        return Math.max(0, Math.min(end, o.end) - Math.max(start, o.start));
    }
}
