package org.finfacts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.facts.JsonCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractCommandTest {
    @TempDir
    Path dir;

    private List<JsonNode> readLines(Path out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            nodes.add(JsonCodec.mapper().readTree(line));
        }
        return nodes;
    }

    @Test
    void writesOneLinePerInputInOrderWithErrorsInPlace() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"a\",\"text\":\"黄仁勋表示。\",\"published\":\"2024-04-10\"}",
                "{\"id\":\"b\",\"text\":",
                "this is not json",
                "",
                "{\"id\":\"c\"}",
                "{\"id\":\"d\",\"text\":\"第二篇。\"}") + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, Main.run("extract", "-q", "-t", "2", "-o", out.toString(), in.toString()));
        List<JsonNode> lines = readLines(out);
        assertEquals(5, lines.size());
        assertEquals("a", lines.get(0).get("id").asText());
        assertFalse(lines.get(0).has("error"));
        assertTrue(lines.get(1).get("error").asText().startsWith("not valid JSON"), lines.get(1).toString());
        assertEquals("not a JSON object", lines.get(2).get("error").asText());
        assertEquals("c", lines.get(3).get("id").asText());
        assertEquals("record has no \"text\" field", lines.get(3).get("error").asText());
        assertEquals("d", lines.get(4).get("id").asText());
    }

    @Test
    void readsDirectoriesOfTextFilesAndReportsEmptyOnes() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus/sub"));
        Files.writeString(corpus.resolve("b.txt"), "第二篇文章。", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("corpus/a.txt"), "第一篇文章。", StandardCharsets.UTF_8);
        Files.write(dir.resolve("corpus/empty.txt"), new byte[0]);
        Files.write(dir.resolve("corpus/gbk.txt"), "英伟达营收。".getBytes("GBK"));
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, Main.run("extract", "-q", "-o", out.toString(), dir.resolve("corpus").toString()));
        List<JsonNode> lines = readLines(out);
        assertEquals(List.of("a", "empty", "gbk", "b"), lines.stream().map(n -> n.get("id").asText()).toList());
        assertEquals("empty file", lines.get(1).get("error").asText());
        assertEquals("英伟达营收。", lines.get(2).get("text").asText());
    }

    @Test
    void aMissingInputIsAnErrorLineNotACrash() throws Exception {
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, Main.run("extract", "-q", "-o", out.toString(), dir.resolve("nope.jsonl").toString()));
        List<JsonNode> lines = readLines(out);
        assertEquals(1, lines.size());
        assertEquals("no such file", lines.get(0).get("error").asText());
    }

    @Test
    void badOptionsGiveAUsageErrorCode() {
        assertNotEquals(0, Main.run("extract", "--threads", "many"));
        assertNotEquals(0, Main.run("eval", "--gold", dir.resolve("missing.jsonl").toString()));
    }
}
