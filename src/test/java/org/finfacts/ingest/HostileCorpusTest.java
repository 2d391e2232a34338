package org.finfacts.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.facts.JsonCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays the hostile-input corpus {@code corpus/hostile/} (one file per attack, described in its
 * README) through the real command line in a child JVM with the heap the README recommends
 * ({@code -Xmx512m}), in one batch, and checks each file against {@code corpus/hostile/expected.tsv}:
 * exactly the expected output lines, in input order (one per record, nothing dropped, nothing
 * invented), each a result or an error with the expected reason; and, for every result, every
 * offset inside the text and {@code text == text[start:end]} (code points) for every mention.
 * A file without expected lines, or expected lines without their file, fail the test.
 */
class HostileCorpusTest {
    static final Path CORPUS = Path.of("corpus", "hostile");
    static final Path EXPECTED = CORPUS.resolve("expected.tsv");

    @TempDir
    static Path dir;

    static int exitCode;
    static String log;
    static List<JsonNode> lines = new ArrayList<>();
    static JsonNode summary;

    /** One row of expected.tsv. */
    record Expected(String origin, String outcome, List<String> checks, int lineNo) {
        String file() {
            return fileOf(origin);
        }
    }

    @BeforeAll
    static void runTheCorpusThroughTheCommandLine() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Path summaryFile = dir.resolve("summary.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                classpath,
                "org.finfacts.cli.Main", "extract", "-q", "-t", "2", "-o", out.toString(), "--summary",
                summaryFile.toString(), CORPUS.toAbsolutePath().toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("child.log").toFile());
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the batch did not complete in 240 s");
        }
        exitCode = p.exitValue();
        log = Files.readString(dir.resolve("child.log"));
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            lines.add(JsonCodec.mapper().readTree(line));
        }
        summary = JsonCodec.mapper().readTree(summaryFile.toFile());
    }

    @Test
    void theBatchCompletesAtHalfAGigabyteOfHeapWithALinePerRecord() {
        assertEquals(0, exitCode, log);
        assertFalse(log.contains("OutOfMemoryError") || log.contains("StackOverflowError") || log.contains("\tat "), log);
        assertEquals(lines.size(), summary.get("records").asInt(), "every record read has one line");
        assertEquals(lines.size(), summary.get("ok").asInt() + summary.get("failed").asInt());
        assertTrue(summary.get("peak_heap_mb").asDouble() <= 512, summary.toString());
    }

    @Test
    void everyExpectedRowNamesAFileOfTheCorpusAndEveryFileHasRows() throws IOException {
        List<String> files = corpusFiles();
        Map<String, List<Expected>> byFile = expectedByFile();
        for (String f : byFile.keySet()) {
            assertTrue(files.contains(f), "expected.tsv names a file that is not in corpus/hostile: " + f);
        }
        for (String f : files) {
            assertTrue(byFile.containsKey(f), f + " has no expected lines in expected.tsv");
        }
        int rows = byFile.values().stream().mapToInt(List::size).sum();
        assertEquals(rows, lines.size(), "one output line per expected row");
    }

    @TestFactory
    Stream<DynamicTest> eachFileGetsExactlyItsExpectedLines() throws IOException {
        Map<String, List<Expected>> byFile = expectedByFile();
        Map<String, List<JsonNode>> actual = new LinkedHashMap<>();
        for (JsonNode n : lines) {
            actual.computeIfAbsent(fileOf(relativeOrigin(n)), k -> new ArrayList<>()).add(n);
        }
        return corpusFiles().stream().map(f -> DynamicTest.dynamicTest(f, () -> {
            List<Expected> want = byFile.getOrDefault(f, List.of());
            List<JsonNode> got = actual.getOrDefault(f, List.of());
            List<String> gotOrigins = got.stream().map(HostileCorpusTest::relativeOrigin).toList();
            assertEquals(want.stream().map(Expected::origin).toList(), gotOrigins, f + ": output lines (by origin)");
            for (int i = 0; i < want.size(); i++) {
                check(want.get(i), got.get(i));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyLineOfAPlainJsonlFileHasExactlyOneOutputLine() throws IOException {
        return corpusFiles().stream().filter(f -> f.endsWith(".jsonl")).map(f -> DynamicTest.dynamicTest(f, () -> {
            long records = 0;
            try (BufferedReader r = Files.newBufferedReader(CORPUS.resolve(f), StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.replace("\uFEFF", "").isBlank()) {
                        records++;
                    }
                }
            }
            long out = lines.stream().filter(n -> fileOf(relativeOrigin(n)).equals(f)).count();
            assertEquals(records, out, f);
        }));
    }

    private static void check(Expected e, JsonNode n) {
        String where = "expected.tsv:" + e.lineNo() + " " + e.origin() + " -> " + abbreviate(n.toString());
        if (e.outcome().startsWith("error: ")) {
            assertNotNull(n.get("error"), where);
            String reason = e.outcome().substring("error: ".length());
            assertTrue(n.get("error").asText().startsWith(reason), where);
            assertEquals(0, n.get("mentions").size(), where);
            assertEquals(0, n.get("facts").size(), where);
            return;
        }
        assertEquals("ok", e.outcome(), "expected.tsv:" + e.lineNo() + ": outcome is ok or error: REASON");
        assertNull(n.get("error"), where);
        String text = n.get("text").asText();
        int[] utf16 = utf16Offsets(text);
        int cps = utf16.length - 1;
        for (JsonNode m : n.get("mentions")) {
            int s = m.get("start").asInt();
            int end = m.get("end").asInt();
            assertTrue(0 <= s && s < end && end <= cps, where + ": mention out of range " + m);
            assertEquals(text.substring(utf16[s], utf16[end]), m.get("text").asText(),
                    where + ": mention text is not text[start:end]");
        }
        for (JsonNode span : n.path("sentences")) {
            assertInside(span, cps, where + ": sentence");
        }
        for (JsonNode f : n.get("facts")) {
            assertInside(f.get("evidence"), cps, where + ": evidence");
            int at = f.get("amount_at").asInt();
            assertTrue(0 <= at && at < cps, where + ": amount_at " + f);
            assertTrue(text.startsWith(f.get("amount_text").asText(), utf16[at]), where + ": amount_text " + f);
        }
        for (String c : e.checks()) {
            checkOne(c, n, where);
        }
    }

    private static void checkOne(String c, JsonNode n, String where) {
        int eq = c.indexOf('=');
        int tilde = c.indexOf('~');
        int cut = eq < 0 ? tilde : tilde < 0 ? eq : Math.min(eq, tilde);
        if (cut < 0) {
            fail("expected.tsv: a check is key=value or key~value, not '" + c + "'");
        }
        String key = c.substring(0, cut);
        String value = c.substring(cut + 1);
        List<String> money = new ArrayList<>();
        for (JsonNode m : n.get("mentions")) {
            if (m.get("type").asText().equals("MONEY")) {
                money.add(m.path("value").asText());
            }
        }
        switch (key) {
            case "id" -> assertEquals(value, n.get("id").asText(), where);
            case "text" -> assertTrue(n.get("text").asText().contains(value), where + ": text contains " + value);
            case "warning" -> {
                boolean found = false;
                for (JsonNode w : n.path("warnings")) {
                    found |= w.asText().contains(value);
                }
                assertTrue(found, where + ": a warning containing " + value);
            }
            case "mentions" -> assertEquals(Integer.parseInt(value), n.get("mentions").size(), where);
            case "money" -> assertTrue(money.contains(value), where + ": a MONEY mention of value " + value + " in " + money);
            case "no-money" -> assertFalse(money.contains(value), where + ": no MONEY mention of value " + value);
            default -> fail("expected.tsv: unknown check " + key);
        }
    }

    private static void assertInside(JsonNode span, int cps, String what) {
        int s = span.get(0).asInt();
        int e = span.get(1).asInt();
        assertTrue(0 <= s && s <= e && e <= cps, what + " " + span + " outside 0.." + cps);
    }

    /** The UTF-16 index of every code point offset of the text, and of its end. */
    private static int[] utf16Offsets(String text) {
        int[] out = new int[text.codePointCount(0, text.length()) + 1];
        int i = 0;
        int k = 0;
        while (i < text.length()) {
            out[k++] = i;
            i += Character.charCount(text.codePointAt(i));
        }
        out[k] = text.length();
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** The origin of an output line relative to the corpus folder: {@code broken-lines.jsonl:3}. */
    static String relativeOrigin(JsonNode n) {
        String origin = n.path("origin").asText();
        String base = CORPUS.toAbsolutePath() + "/";
        int at = origin.indexOf(base);
        return at < 0 ? origin : origin.substring(0, at) + origin.substring(at + base.length());
    }

    /** The file part of an origin ({@code x.jsonl:3} and {@code x.warc.gz@240} name their file). */
    static String fileOf(String origin) {
        int colon = origin.lastIndexOf(':');
        int at = origin.lastIndexOf('@');
        int cut = Math.max(colon, at);
        return cut > 0 && origin.substring(cut + 1).matches("\\d+") ? origin.substring(0, cut) : origin;
    }

    static List<String> corpusFiles() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(f -> !f.equals("README.md") && !f.equals("expected.tsv"))
                    .sorted().toList();
        }
    }

    static Map<String, List<Expected>> expectedByFile() throws IOException {
        Map<String, List<Expected>> out = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8);
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i);
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] cols = row.split("\t", -1);
            List<String> checks = new ArrayList<>();
            if (cols.length > 2) {
                for (String c : cols[2].split(";")) {
                    if (!c.isBlank()) {
                        checks.add(c.strip());
                    }
                }
            }
            Expected e = new Expected(cols[0].strip(), cols.length > 1 ? cols[1].strip() : "", checks, i + 1);
            out.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }
}
