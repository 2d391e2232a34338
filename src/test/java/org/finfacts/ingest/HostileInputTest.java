package org.finfacts.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.facts.JsonCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Huge hostile input, generated at run time (nothing big is committed): a 50 MB single-line text, a
 * 50 MB JSONL line, a 20 MB page, and a binary file named on the command line, through the real
 * command line in a child JVM with the heap the README recommends (-Xmx512m): every file and line
 * gets a result or an error line with its reason, the batch around them completes, nothing runs out
 * of memory. The small hostile inputs are files in corpus/hostile ({@link HostileCorpusTest}).
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
    void everyHugeInputGetsAResultOrAReasonAtHalfAGigabyteOfHeap() throws Exception {
        Path in = Files.createDirectories(dir.resolve("hostile"));
        byte[] binary = new byte[100_000];
        new Random(7).nextBytes(binary);
        Path explicitBinary = dir.resolve("named.bin");
        Files.write(explicitBinary, binary);
        writeRepeated(in.resolve("single-line-50mb.txt"), "", TEXT, 50L << 20, "");
        writeRepeated(in.resolve("single-line-50mb.jsonl"), "{\"id\":\"huge-line\",\"text\":\"", TEXT, 50L << 20,
                "\"}\n{\"id\":\"after-huge-line\",\"text\":\"巨行之后的一行。\"}\n");
        writeRepeated(in.resolve("page-20mb.html"), "<html><head><title>巨大页面</title></head><body><h1>巨大页面</h1>",
                "<p>" + TEXT.repeat(5) + "</p>\n", 20L << 20, "</body></html>");

        Path out = dir.resolve("out.jsonl");
        Path summary = dir.resolve("summary.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"),
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
        assertEquals(5, byId.size(), byId.keySet().toString());
        assertEquals("bad charset: binary content, not text", byId.get("named").get("error").asText());
        assertTrue(byId.get("single-line-50mb").get("error").asText().startsWith("too large"));
        assertTrue(byId.get(in.resolve("single-line-50mb.jsonl") + ":1").get("error").asText().startsWith("too large: line of"));
        assertNull(byId.get("after-huge-line").get("error"), "the line after a huge line is read");
        assertTrue(byId.get("page-20mb").has("error") ? byId.get("page-20mb").get("error").asText().startsWith("too large")
                : byId.get("page-20mb").get("text_from").asText().equals("html"));
        JsonNode s = JsonCodec.mapper().readTree(summary.toFile());
        assertEquals(byId.size(), s.get("records").asInt(), "every record has a line");
        assertTrue(s.get("peak_heap_mb").asDouble() <= 512, s.toString());
    }

}
