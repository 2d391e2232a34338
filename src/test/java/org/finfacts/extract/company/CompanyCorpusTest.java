package org.finfacts.extract.company;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.JsonCodec;
import org.finfacts.facts.Mention;
import org.finfacts.facts.PersonMention;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The company corpus as the specification: every line of {@code corpus/cases/company.jsonl} is run
 * through the engine and must give exactly its COMPANY mentions (span, text, id, and code where the
 * case names one) and, where the case lists them, exactly its PERSON mentions; every line of
 * {@code corpus/negative/company-*.txt} must give no COMPANY mention, of {@code person-*.txt} no
 * PERSON mention. A failing case is named by its {@code name}.
 */
class CompanyCorpusTest {
    private static final Path CASES = Path.of("corpus/cases/company.jsonl");
    private static final Path NEGATIVE = Path.of("corpus/negative");

    private final Engine engine = TestEngine.get();

    @TestFactory
    Stream<DynamicTest> everyCaseGivesExactlyItsCompaniesAndPersons() throws IOException {
        List<String> lines = Files.readAllLines(CASES, StandardCharsets.UTF_8);
        assertTrue(lines.size() >= 200, "the corpus holds at least 200 cases");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = JsonCodec.mapper().readTree(line);
            String name = c.path("name").asText("line " + (i + 1));
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        return tests.stream();
    }

    private void check(JsonNode c) {
        String text = c.path("text").asText();
        AnnotatedDocument doc = engine.process(Document.of("case", text));
        assertEquals(null, doc.error(), "no error");
        TreeSet<String> expected = new TreeSet<>();
        for (JsonNode m : c.path("companies")) {
            expected.add(m.path("start").asInt() + "-" + m.path("end").asInt() + " " + m.path("text").asText()
                    + " id=" + m.path("id").asText() + (m.has("code") ? " code=" + m.path("code").asText() : ""));
        }
        TreeSet<String> actual = new TreeSet<>();
        for (Mention m : doc.mentions()) {
            if (m instanceof CompanyMention cm) {
                String codePart = "";
                for (JsonNode e : c.path("companies")) {
                    if (e.path("start").asInt() == cm.start() && e.path("end").asInt() == cm.end() && e.has("code")) {
                        codePart = " code=" + cm.code();
                    }
                }
                actual.add(cm.start() + "-" + cm.end() + " " + cm.text() + " id=" + cm.id() + codePart);
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), "COMPANY mentions of: " + text);
        if (c.has("persons")) {
            TreeSet<String> expectedPersons = new TreeSet<>();
            for (JsonNode m : c.path("persons")) {
                expectedPersons.add(m.path("start").asInt() + "-" + m.path("end").asInt() + " " + m.path("text").asText());
            }
            TreeSet<String> actualPersons = new TreeSet<>();
            for (Mention m : doc.mentions()) {
                if (m instanceof PersonMention p) {
                    actualPersons.add(p.start() + "-" + p.end() + " " + p.text());
                }
            }
            assertEquals(String.join("\n", expectedPersons), String.join("\n", actualPersons), "PERSON mentions of: " + text);
        }
    }

    @TestFactory
    Stream<DynamicTest> negativeInputsGiveNoCompanyOrPerson() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(NEGATIVE)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                boolean company = file.startsWith("company-");
                boolean person = file.startsWith("person-");
                if (!(company || person) || !file.endsWith(".txt")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String label = file + ":" + (i + 1) + " " + line;
                    tests.add(DynamicTest.dynamicTest(label, () -> {
                        AnnotatedDocument doc = engine.process(Document.of("negative", line));
                        for (Mention m : doc.mentions()) {
                            if (company) {
                                assertTrue(!(m instanceof CompanyMention), "no company in: " + line + " but " + m);
                            } else {
                                assertTrue(!(m instanceof PersonMention), "no person in: " + line + " but " + m);
                            }
                        }
                    }));
                }
            }
        }
        assertTrue(tests.size() >= 30, "at least 30 negative inputs");
        return tests.stream();
    }
}
