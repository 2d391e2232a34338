package org.finfacts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import org.finfacts.index.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexSearchCommandTest {
    @TempDir
    Path dir;

    /** Runs the command line, returning exit code, stdout and stderr. */
    private static String[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void indexesAnnotatedJsonlAndSearchesItForPeopleAndMachines() throws Exception {
        JsonCodec codec = new JsonCodec(true);
        StringBuilder sb = new StringBuilder();
        for (AnnotatedDocument d : ServerFixture.documents()) {
            sb.append(codec.write(d, false)).append('\n');
        }
        Path annotated = dir.resolve("annotated.jsonl");
        Files.writeString(annotated, sb.toString(), StandardCharsets.UTF_8);
        Path index = dir.resolve("index");

        String[] built = run("index", "--annotated", annotated.toString(), "--index", index.toString(), "-t", "2");
        assertEquals("0", built[0], built[2]);
        assertTrue(built[2].contains("indexed 32 articles"), built[2]);

        String[] again = run("index", "--annotated", annotated.toString(), "--index", index.toString(), "--incremental");
        assertTrue(again[2].contains("indexed 0 articles (32 unchanged"), again[2]);

        String[] json = run("search", "--index", index.toString(), "--plain-values", "--json", "company:NVIDIA",
                "amount>=1e12");
        assertEquals("0", json[0], json[2]);
        JsonNode n = JsonCodec.mapper().readTree(json[1]);
        assertEquals(1, n.get("total").asInt());
        assertEquals("nvidia-big", n.get("hits").get(0).get("id").asText());

        String[] table = run("search", "--index", index.toString(), "--plain-values", "--facets", "英伟达");
        assertEquals("0", table[0], table[2]);
        assertTrue(table[1].contains("2 articles match 英伟达"), table[1]);
        assertTrue(table[1].contains("【英伟达】"), table[1]);
        assertTrue(table[1].contains("MARKET_CAP NVIDIA 3万亿美元"), table[1]);
        assertTrue(table[1].contains("company:  NVIDIA 2"), table[1]);

        String[] facts = run("search", "--index", index.toString(), "--plain-values", "--facts", "--sort", "amount",
                "amount>=1e9");
        assertTrue(facts[1].contains("3 records match"), facts[1]);

        String[] bad = run("search", "--index", index.toString(), "--plain-values", "compnay:NVIDIA");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].startsWith("finfacts: unknown field 'compnay'"), bad[2]);
        assertFalse(bad[2].contains("\tat "), bad[2]);

        String[] missing = run("search", "--index", dir.resolve("nothing").toString(), "x");
        assertEquals("2", missing[0]);
        assertTrue(missing[2].contains("no index at"), missing[2]);
    }

    @Test
    void indexesInputsThroughTheEngine() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"黄仁勋表示英伟达将继续投资。\",\"published\":\"2024-04-10\",\"source\":\"x\"}\n"
                + "{\"id\":\"b\",\"text\":\n", StandardCharsets.UTF_8);
        Path index = dir.resolve("index");
        String[] built = run("index", in.toString(), "--index", index.toString(), "-t", "1");
        assertEquals("0", built[0], built[2]);
        assertTrue(built[2].contains("indexed 1 articles (0 unchanged, 1 failed"), built[2]);
        String[] found = run("search", "--index", index.toString(), "--json", "黄仁勋 published:2024-04");
        assertEquals(1, JsonCodec.mapper().readTree(found[1]).get("total").asInt(), found[1] + found[2]);
    }
}
