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

class CompanySampleCommandTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEveryCompanyOfTheSameDrawWithItsContext() throws Exception {
        Path news = dir.resolve("news.jsonl");
        Files.writeString(news, "{\"id\":\"n1\",\"text\":\"英伟达与微软签署协议。\"}\n"
                + "{\"id\":\"n2\",\"text\":\"今天天气晴朗。\"}\n"
                + "{\"id\":\"n3\",\"text\":\"衢州普星宣布完成数千万元A轮融资。\"}\n", StandardCharsets.UTF_8);
        Path saved = dir.resolve("drawn.jsonl");
        String out = run("company-sample", news.toString(), "-n", "3", "--seed", "7", "--save-sample", saved.toString());
        assertTrue(out.contains("\tK\tgazetteer\t英伟达\tNVIDIA\tNVDA\t[英伟达]与微软签署协议。\tn1"), out);
        assertTrue(out.contains("\tU\tcontext\t衢州普星\t衢州普星\t\t[衢州普星]宣布完成数千万元A轮"), out);
        assertTrue(out.contains("# 3 items drawn of 3 (seed 7): 3 COMPANY mentions, 2 known, 1 unknown"), out);
        assertEquals(3, Files.readAllLines(saved, StandardCharsets.UTF_8).size());
        assertEquals(out, run("company-sample", news.toString(), "-n", "3", "--seed", "7"));
        assertTrue(!run("company-sample", news.toString(), "-n", "3", "--unknown-only").contains("英伟达"));
    }

    @Test
    void reportsBrokenLinesAndBadBytesAndGoesOn() throws Exception {
        Path news = dir.resolve("broken.jsonl");
        byte[] good = "{\"id\":\"n1\",\"text\":\"英伟达发布新品。\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] rest = "not json\n{\"id\":\"n3\"}\n{\"id\":\"n4\",\"text\":\"x\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[good.length + rest.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(rest, 0, all, good.length, rest.length);
        Files.write(news, all);
        String out = run("company-sample", news.toString(), "-n", "10");
        assertTrue(out.contains("[英伟达]发布新品。\tn1"), out);
        assertTrue(out.contains("# drawn line 2 skipped: not valid JSON: "), out);
        assertTrue(out.contains("# drawn line 3 skipped: record has no \"text\" field"), out);
        assertTrue(out.contains("# 4 items drawn of 4 (seed 20261128): 1 COMPANY mentions"), out);
        assertTrue(out.contains("# 2 drawn lines skipped; input decoded as UTF-8 with undecodable bytes replaced"), out);
    }
}
