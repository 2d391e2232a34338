package org.finfacts.extract.date;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.JsonCodec;
import org.finfacts.facts.Mention;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The date corpus is the specification: every line of {@code corpus/cases/date.jsonl} must give
 * exactly its DATE mentions (code-point offsets, value, grain) with its reference time as the
 * publication time, and every line of {@code corpus/negative/date-*.txt} must give none. A failing
 * case names itself (line number and name).
 */
class DateCorpusTest {
    private static final Path CASES = Path.of("corpus/cases/date.jsonl");
    private static final Path NEGATIVE = Path.of("corpus/negative");

    private final Engine engine = TestEngine.get();

    @TestFactory
    Stream<DynamicTest> everyCaseGivesExactlyItsDates() throws IOException {
        List<String> lines = Files.readAllLines(CASES, StandardCharsets.UTF_8);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = JsonCodec.mapper().readTree(line);
            String name = "date.jsonl:" + (i + 1) + " " + c.path("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        return tests.stream();
    }

    private void check(JsonNode c) {
        String reference = c.hasNonNull("reference") ? c.get("reference").asText() : null;
        AnnotatedDocument doc = engine.process(new Document("case", c.get("text").asText(), null, reference, null, null));
        assertNull(doc.error());
        List<String> expected = new ArrayList<>();
        for (JsonNode d : c.path("dates")) {
            expected.add(describe(d.get("start").asInt(), d.get("end").asInt(), d.get("text").asText(),
                    d.hasNonNull("value") ? d.get("value").asText() : null, d.get("grain").asText()));
        }
        List<String> actual = new ArrayList<>();
        for (Mention m : doc.mentions()) {
            if (m instanceof DateMention d) {
                actual.add(describe(d.start(), d.end(), d.text(), d.value(), d.grain() == null ? null : d.grain().json()));
            }
        }
        assertEquals(expected, actual, c.get("text").asText());
    }

    private static String describe(int start, int end, String text, String value, String grain) {
        return "[" + start + "," + end + ") " + text + " = " + value + " " + grain;
    }

    @TestFactory
    Stream<DynamicTest> negativeInputsGiveNoDate() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(NEGATIVE)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("date-.*\\.txt")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String text = lines.get(i);
                    if (text.isBlank()) {
                        continue;
                    }
                    tests.add(DynamicTest.dynamicTest(f.getFileName() + ":" + (i + 1) + " " + text, () -> {
                        AnnotatedDocument doc = engine.process(new Document("neg", text, null, "2024-04-10", null, null));
                        List<String> dates = doc.mentions().stream().filter(m -> m instanceof DateMention)
                                .map(Mention::text).toList();
                        assertEquals(List.of(), dates, text);
                    }));
                }
            }
        }
        return tests.stream();
    }
}
