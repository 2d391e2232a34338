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

class NerEvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void measuresTheEngineAndHanlpOnTheSameReference() throws Exception {
        Files.writeString(dir.resolve("cluener-dev.jsonl"),
                "{\"id\":\"c1\",\"text\":\"英伟达与微软签署协议。\",\"entities\":[{\"start\":0,\"end\":3,\"type\":\"company\",\"text\":\"英伟达\"},"
                        + "{\"start\":4,\"end\":6,\"type\":\"company\",\"text\":\"微软\"}]}\n", StandardCharsets.UTF_8);
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("ner-eval", "--dir", dir.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("CLUENER company"), out);
        assertTrue(out.contains("| 1.000 1.000"), out);
        assertTrue(out.contains("missing: "), out);
    }
}
