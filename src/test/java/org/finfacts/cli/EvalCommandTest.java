package org.finfacts.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresASystemFileAgainstGoldAndEnforcesRequirements() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, "{\"id\":\"a\",\"text\":\"营收29亿美元\",\"mentions\":[{\"start\":2,\"end\":7,\"text\":\"29亿美元\","
                + "\"type\":\"MONEY\",\"value\":\"2900000000\",\"currency\":\"USD\",\"qualifier\":\"exact\"}],\"facts\":[]}\n",
                StandardCharsets.UTF_8);
        Path sys = dir.resolve("sys.jsonl");
        Files.writeString(sys, "{\"id\":\"a\",\"mentions\":[],\"facts\":[]}\n", StandardCharsets.UTF_8);
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("eval", "--gold", gold.toString(), "--system", sys.toString(), "--json", "--require", "MONEY=0.5");
        } finally {
            System.setOut(old);
        }
        assertEquals(1, code);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\"MONEY\""), out);
        assertTrue(out.contains("\"fn\" : 1"), out);
    }
}
