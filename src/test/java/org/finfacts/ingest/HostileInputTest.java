package org.finfacts.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.facts.JsonCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input, generated at run time (nothing big is committed), through the real command line in
 * a child JVM with the heap the README recommends (-Xmx512m): every file and line gets a result or
 * an error line with its reason, the batch around them completes, nothing runs out of memory.
 */
class HostileInputTest {
    private static final String TEXT = "英伟达周三公布财报，营收同比增长，这是公司历史上最好的一个季度。";

    @TempDir
    Path dir;

    private void writeRepeated(Path file, String head, String unit, long bytes, String tail) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            w.write(head);
            String chunk = unit.repeat(1000);
            long chunkBytes = chunk.getBytes(StandardCharsets.UTF_8).length;
            for (long n = 0; n < bytes; n += chunkBytes) {
                w.write(chunk);
            }
            w.write(tail);
        }
    }

    @Test
    void everyHostileInputGetsAResultOrAReasonAtHalfAGigabyteOfHeap() throws Exception {
        Path in = Files.createDirectories(dir.resolve("hostile"));
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] invalid = new byte[text.length + 4];
        System.arraycopy(text, 0, invalid, 0, text.length);
        invalid[text.length] = (byte) 0xFF;
        invalid[text.length + 1] = (byte) 0xC0;
        invalid[text.length + 2] = (byte) 0x80;
        invalid[text.length + 3] = (byte) 0xFE;
        Files.write(in.resolve("invalid-utf8.txt"), invalid);
        Files.write(in.resolve("gbk-labelled-utf8.html"), ("<html><head><meta charset=\"utf-8\"><title>标题</title></head><body><p>"
                + TEXT.repeat(3) + "</p></body></html>").getBytes(Charset.forName("GBK")));
        byte[] utf16 = TEXT.getBytes(StandardCharsets.UTF_16LE);
        byte[] bom = new byte[utf16.length + 2];
        bom[0] = (byte) 0xFF;
        bom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, bom, 2, utf16.length);
        Files.write(in.resolve("utf16-bom.txt"), bom);
        byte[] binary = new byte[100_000];
        new Random(7).nextBytes(binary);
        Files.write(in.resolve("binary.txt"), binary);
        Path explicitBinary = dir.resolve("named.bin");
        Files.write(explicitBinary, binary);
        Files.write(in.resolve("empty.txt"), new byte[0]);
        writeRepeated(in.resolve("single-line-50mb.txt"), "", TEXT, 50L << 20, "");
        writeRepeated(in.resolve("single-line-50mb.jsonl"), "{\"id\":\"huge-line\",\"text\":\"", TEXT, 50L << 20,
                "\"}\n{\"id\":\"after-huge-line\",\"text\":\"巨行之后的一行。\"}\n");
        writeRepeated(in.resolve("page-20mb.html"), "<html><head><title>巨大页面</title></head><body><h1>巨大页面</h1>",
                "<p>" + TEXT.repeat(5) + "</p>\n", 20L << 20, "</body></html>");
        Files.writeString(in.resolve("nested-100000.html"), "<html><head><title>深层</title></head><body>"
                + "<div>".repeat(100_000) + "<p>" + TEXT.repeat(2) + "</p>" + "</div>".repeat(100_000) + "</body></html>");
        Path warc = dir.resolve("whole.warc.gz");
        WarcFixtures.write(warc, true);
        byte[] w = Files.readAllBytes(warc);
        Files.write(in.resolve("truncated.warc.gz"), java.util.Arrays.copyOf(w, w.length - 600));
        String digits = "9".repeat(100_000);
        Files.writeString(in.resolve("broken-lines.jsonl"), String.join("\n",
                "{\"id\":\"good-1\",\"text\":\"第一篇。\"}",
                "{\"id\":\"cut-off\",\"text\":",
                "not json at all",
                "{\"id\":\"no-text\"}",
                "[1,2,3]",
                "{\"id\":\"lone-surrogates\",\"text\":\"营收\\ud800增长\\udfff了\"}",
                "{\"id\":\"emoji\",\"text\":\"" + "📈".repeat(10_000) + "\"}",
                "{\"id\":\"digits\",\"text\":\"" + digits + "亿元\"}",
                "{\"id\":\"yi-yi\",\"text\":\"亿亿亿亿元\"}",
                "{\"id\":\"overflow\",\"text\":\"营收99999999999999999999999999亿元\"}",
                "{\"id\":\"good-2\",\"text\":\"第二篇。\"}") + "\n", StandardCharsets.UTF_8);

        Path out = dir.resolve("out.jsonl");
        Path summary = dir.resolve("summary.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.finfacts.cli.Main", "extract", "-q", "-t", "2", "-o", out.toString(), "--summary", summary.toString(),
                in.toString(), explicitBinary.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("child.log").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the batch completes");
        String log = Files.readString(dir.resolve("child.log"));
        assertEquals(0, p.exitValue(), log);
        assertFalse(log.contains("OutOfMemoryError") || log.contains("StackOverflowError"), log);

        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode n = JsonCodec.mapper().readTree(line);
            byId.put(n.get("id").asText(), n);
        }
        assertTrue(byId.keySet().containsAll(List.of("binary", "empty", "single-line-50mb", "after-huge-line", "page-20mb",
                "nested-100000", "gbk-labelled-utf8", "invalid-utf8", "utf16-bom")), byId.keySet().toString());
        assertEquals("bad charset: binary content, not text", byId.get("binary").get("error").asText());
        assertEquals("bad charset: binary content, not text", byId.get("named").get("error").asText());
        assertEquals("empty file", byId.get("empty").get("error").asText());
        assertTrue(byId.get("single-line-50mb").get("error").asText().startsWith("too large"));
        assertTrue(byId.get(in.resolve("single-line-50mb.jsonl") + ":1").get("error").asText().startsWith("too large: line of"));
        assertNull(byId.get("after-huge-line").get("error"), "the line after a huge line is read");
        assertTrue(byId.get("page-20mb").has("error") ? byId.get("page-20mb").get("error").asText().startsWith("too large")
                : byId.get("page-20mb").get("text_from").asText().equals("html"));
        assertTrue(byId.get("nested-100000").get("text").asText().contains("英伟达周三公布财报"));
        assertTrue(byId.get("gbk-labelled-utf8").get("text").asText().contains("英伟达周三公布财报"));
        assertEquals("bad charset: decoded lossily as UTF-8 (4 characters replaced)",
                byId.get("invalid-utf8").get("warnings").get(0).asText());
        assertEquals(TEXT, byId.get("utf16-bom").get("text").asText());
        assertTrue(byId.values().stream().anyMatch(n -> n.path("error").asText().startsWith("truncated archive")));
        for (String id : List.of("good-1", "good-2", "lone-surrogates", "emoji", "digits", "yi-yi", "overflow")) {
            assertNull(byId.get(id).get("error"), id + ": " + byId.get(id));
        }
        assertEquals("record has no \"text\" field", byId.get("no-text").get("error").asText());
        JsonNode s = JsonCodec.mapper().readTree(summary.toFile());
        assertEquals(byId.size(), s.get("records").asInt(), "every record has a line");
    }

}
