package org.finfacts.extract.fact;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.Document;
import org.finfacts.core.TestEngine;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Fact;
import org.finfacts.facts.Grain;
import org.finfacts.facts.JsonCodec;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.NumberMention;
import org.finfacts.facts.PersonMention;
import org.finfacts.facts.Qualifier;
import org.finfacts.normalize.PublicationTime;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.text.NormalizedText;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fact corpus ({@code corpus/cases/facts.jsonl}): each line is a sentence or two of our own with
 * the mentions the recognizers would produce and the exact facts expected. The mentions become real
 * {@link Mention} records at their working-copy spans and go through the engine's fact extractor
 * (a company is known to the gazetteer unless the case says {@code "known": false}; its kind is the
 * gazetteer's for its id).
 */
class FactCorpusTest {
    private static final Path CASES = Path.of("corpus/cases/facts.jsonl");

    static Stream<Arguments> cases() throws IOException {
        List<String> lines = Files.readAllLines(CASES, StandardCharsets.UTF_8);
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode c = JsonCodec.mapper().readTree(lines.get(i));
            out.add(Arguments.of(Named.of("line " + (i + 1) + ": " + c.path("name").asText(), c)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsExactlyTheExpectedFacts(JsonNode c) {
        String text = c.path("text").asText();
        String published = c.hasNonNull("published") ? c.get("published").asText() : null;
        AnalyzedText analyzed = TestEngine.get().analyze(new Document(c.path("name").asText(), text, null, published, null, null));
        List<Mention> mentions = mentions(c, text, analyzed.normalized());
        ResolutionContext context = PublicationTime.parse(published, "input").orElse(ResolutionContext.unknown());
        List<Fact> facts = TestEngine.get().factExtractor().extract(analyzed, mentions, context);

        List<String> expected = new ArrayList<>();
        for (JsonNode f : c.path("facts")) {
            int at = f.has("amount_at") ? f.get("amount_at").asInt() : text.indexOf(f.path("amount").asText());
            assertTrue(at >= 0, "amount of an expected fact is not in the text");
            expected.add(key(f.path("type").asText(), str(f, "subject"), str(f, "object"), text.codePointCount(0, at),
                    str(f, "date"), f.path("cumulative").asBoolean(false), f.path("change").asBoolean(false),
                    str(f, "direction"), f.path("forecast").asBoolean(false)));
        }
        List<String> actual = new ArrayList<>();
        for (Fact f : facts) {
            actual.add(key(f.type().name(), f.subject(), f.object(), analyzed.normalized().originalStart(f.amount().start()),
                    f.date(), f.cumulative(), f.change(), f.direction(), f.forecast()));
        }
        expected.sort(Comparator.naturalOrder());
        actual.sort(Comparator.naturalOrder());
        assertEquals(expected, actual, text);
    }

    private static String key(String type, String subject, String object, int amountAt, String date, boolean cumulative,
                              boolean change, String direction, boolean forecast) {
        return type + " " + subject + (object == null ? "" : " -> " + object) + " @" + amountAt + " date=" + date
                + (cumulative ? " cumulative" : "") + (change ? " change=" + direction : "") + (forecast ? " forecast" : "");
    }

    /** The case's mentions at their working-copy spans, located by {@code at} (code points) or first occurrence. */
    static List<Mention> mentions(JsonNode c, String text, NormalizedText n) {
        List<Mention> out = new ArrayList<>();
        for (JsonNode m : c.path("mentions")) {
            String t = m.path("text").asText();
            int cpStart = m.has("at") ? m.get("at").asInt() : text.codePointCount(0, text.indexOf(t));
            int cpEnd = cpStart + t.codePointCount(0, t.length());
            int start = n.workingIndex(cpStart);
            int end = n.workingIndex(cpEnd);
            String w = n.text().substring(start, end);
            switch (m.path("type").asText()) {
                case "MONEY" -> out.add(new MoneyMention(start, end, w, decimal(m, "value"), decimal(m, "min"),
                        decimal(m, "max"), str(m, "currency"), Qualifier.fromJson(str(m, "qualifier")), str(m, "per")));
                case "DATE" -> out.add(new DateMention(start, end, w, str(m, "value"), Grain.fromJson(str(m, "grain")),
                        null, null, false, null));
                case "COMPANY" -> out.add(new CompanyMention(start, end, w, str(m, "id"), null, "case", m.path("known").asBoolean(true)));
                case "PERSON" -> out.add(new PersonMention(start, end, w));
                case "NUMBER" -> out.add(new NumberMention(start, end, w, decimal(m, "value"), null, null, str(m, "unit"),
                        Qualifier.EXACT));
                default -> throw new IllegalArgumentException("unknown mention type in case: " + m);
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    private static String str(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        return n.hasNonNull(field) ? new BigDecimal(n.get(field).asText()) : null;
    }
}
