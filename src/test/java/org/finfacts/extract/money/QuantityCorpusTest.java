package org.finfacts.extract.money;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import org.finfacts.facts.Mention;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The quantity stage's specification: every line of {@code corpus/cases/money*.jsonl},
 * {@code number*.jsonl} and {@code percent*.jsonl}, and every input of
 * {@code corpus/negative/money-*.txt}, run through the whole engine.
 *
 * <p>Case format (one JSON object per line):
 * <pre>
 * {"name": "shared-unit-list", "text": "分别是2.4亿、7.5亿和15.5亿美元。", "only": ["MONEY"],   // "only" is optional
 *  "expect": [{"start": 3, "end": 7, "text": "2.4亿", "type": "MONEY", "value": "240000000",
 *              "currency": "USD"}, ...]}
 * </pre>
 * {@code expect} is the COMPLETE list, in text order, of the mentions of the compared types (MONEY,
 * NUMBER and PERCENT, or those listed in {@code only}). Offsets are code points of {@code text}, end
 * exclusive; {@code text} is checked when given. Every value field of the type is compared, and a field
 * left out means null: MONEY {@code value min max currency qualifier per}, NUMBER {@code value min max
 * unit qualifier}, PERCENT {@code value min max unit qualifier}; {@code qualifier} left out means
 * {@code exact}. Values are decimal strings compared numerically. A failing case names itself.
 *
 * <p>Negative files: one input per line ({@code #} lines are comments); each must yield no MONEY.
 */
class QuantityCorpusTest {
    private static final Path CASES = Path.of("corpus/cases");
    private static final List<String> CASE_FILES = List.of("money", "number", "percent");
    private static final Path NEGATIVE = Path.of("corpus/negative");
    private static final List<String> ALL_TYPES = List.of("MONEY", "NUMBER", "PERCENT");

    @TestFactory
    Stream<DynamicTest> casesHoldTheExactMentions() throws IOException {
        Engine engine = TestEngine.get();
        List<Path> files;
        try (Stream<Path> all = Files.list(CASES)) {
            files = all.filter(f -> f.getFileName().toString().endsWith(".jsonl")
                            && CASE_FILES.stream().anyMatch(p -> f.getFileName().toString().startsWith(p)))
                    .sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                JsonNode c = JsonCodec.mapper().readTree(line);
                String name = file.getFileName() + ":" + (i + 1) + " " + c.path("name").asText("line " + (i + 1));
                tests.add(DynamicTest.dynamicTest(name, () -> check(engine, c)));
            }
        }
        assertTrue(tests.size() >= 300, "the corpus has at least 300 cases");
        return tests.stream();
    }

    private static void check(Engine engine, JsonNode c) {
        String text = c.get("text").asText();
        AnnotatedDocument doc = engine.process(new Document("case", text, null,
                c.hasNonNull("published") ? c.get("published").asText() : null, null, null));
        assertEquals(null, doc.error(), "engine error");
        List<String> types = new ArrayList<>();
        if (c.has("only")) {
            c.get("only").forEach(t -> types.add(t.asText()));
        } else {
            types.addAll(ALL_TYPES);
        }
        List<JsonNode> got = new ArrayList<>();
        for (Mention m : doc.mentions()) {
            if (types.contains(m.type().name())) {
                got.add(JsonCodec.mention(m));
            }
        }
        List<JsonNode> want = new ArrayList<>();
        c.path("expect").forEach(want::add);
        String detail = "\n  text: " + text + "\n  want: " + want + "\n  got:  " + got;
        if (got.size() != want.size()) {
            fail("expected " + want.size() + " mentions, got " + got.size() + detail);
        }
        for (int k = 0; k < want.size(); k++) {
            JsonNode w = want.get(k);
            JsonNode g = got.get(k);
            String type = w.get("type").asText();
            assertEquals(type, g.get("type").asText(), "type of mention " + k + detail);
            assertEquals(w.get("start").asInt(), g.get("start").asInt(), "start of mention " + k + detail);
            assertEquals(w.get("end").asInt(), g.get("end").asInt(), "end of mention " + k + detail);
            if (w.has("text")) {
                assertEquals(w.get("text").asText(), g.get("text").asText(), "text of mention " + k + detail);
            }
            for (String f : fields(type)) {
                String wv = w.hasNonNull(f) ? w.get(f).asText() : f.equals("qualifier") ? "exact" : null;
                String gv = g.hasNonNull(f) ? g.get(f).asText() : null;
                boolean same = Set.of("value", "min", "max").contains(f) ? sameDecimal(wv, gv) : java.util.Objects.equals(wv, gv);
                assertTrue(same, f + " of mention " + k + ": want " + wv + ", got " + gv + detail);
            }
        }
    }

    private static List<String> fields(String type) {
        return switch (type) {
            case "MONEY" -> List.of("value", "min", "max", "currency", "qualifier", "per");
            case "NUMBER" -> List.of("value", "min", "max", "unit", "qualifier");
            default -> List.of("value", "min", "max", "unit", "qualifier");
        };
    }

    private static boolean sameDecimal(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return !b.contains("E") && new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    }

    @TestFactory
    Stream<DynamicTest> negativeInputsYieldNoMoney() throws IOException {
        Engine engine = TestEngine.get();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(NEGATIVE)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("money-.*\\.txt")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String name = f.getFileName() + ":" + (i + 1) + " " + line;
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        AnnotatedDocument doc = engine.process(Document.of("negative", line));
                        List<String> money = doc.mentions().stream().filter(m -> m.type().name().equals("MONEY"))
                                .map(Mention::text).toList();
                        assertTrue(money.isEmpty(), "no MONEY expected, got " + money);
                    }));
                }
            }
        }
        assertTrue(tests.size() >= 40, "negative inputs exist");
        return tests.stream();
    }
}
