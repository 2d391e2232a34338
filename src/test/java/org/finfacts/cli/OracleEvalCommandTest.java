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

class OracleEvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresTheFactStageOnGoldMentionsAndRefusesASystemFile() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, "{\"id\":\"a\",\"text\":\"粤高速2021年营收52.88亿元。\",\"mentions\":["
                + "{\"start\":0,\"end\":3,\"text\":\"粤高速\",\"type\":\"COMPANY\",\"id\":\"粤高速\"},"
                + "{\"start\":3,\"end\":8,\"text\":\"2021年\",\"type\":\"DATE\",\"value\":\"2021\",\"grain\":\"year\"},"
                + "{\"start\":10,\"end\":16,\"text\":\"52.88亿元\",\"type\":\"MONEY\",\"value\":\"5288000000\",\"currency\":\"CNY\",\"qualifier\":\"exact\"}],"
                + "\"facts\":[{\"type\":\"REVENUE\",\"subject\":\"粤高速\",\"amount_at\":10,\"date\":\"2021\"}]}\n",
                StandardCharsets.UTF_8);
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        int refused;
        try {
            code = Main.run("eval", "--gold", gold.toString(), "--oracle-mentions", "--require", "FACTS=1.0");
            refused = Main.run("eval", "--gold", gold.toString(), "--oracle-mentions", "--system", gold.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code, buf.toString(StandardCharsets.UTF_8));
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("fact dates right: 1/1"));
        assertTrue(refused != 0);
    }
}
