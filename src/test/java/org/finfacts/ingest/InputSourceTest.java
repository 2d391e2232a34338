package org.finfacts.ingest;

import org.finfacts.core.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputSourceTest {
    @TempDir
    Path dir;

    private static List<InputRecord> read(InputSource s) {
        List<InputRecord> out = new ArrayList<>();
        s.forEachRemaining(out::add);
        return out;
    }

    private static InputSource source(List<String> inputs) {
        return new InputSource(inputs, EngineConfig.DEFAULT_MAX_CHARS, InputStream.nullInputStream());
    }

    @Test
    void warcResponsesWithHtmlBecomePagesAndTheRestIsCountedAsSkipped() throws Exception {
        Path warc = dir.resolve("crawl.warc.gz");
        WarcFixtures.write(warc, true);
        try (InputSource s = source(List.of(warc.toString()))) {
            List<InputRecord> records = read(s);
            assertEquals(2, records.size(), records.toString());
            InputRecord first = records.get(0);
            assertTrue(first.isPage());
            assertEquals("https://finance.example.cn/a/20240305/battery.html", first.page().url());
            assertEquals("gbk", first.page().httpCharset());
            assertEquals("2024-03-05T02:00:00Z", first.page().fetched());
            assertTrue(first.id().startsWith("urn:uuid:"), first.id());
            assertTrue(first.origin().startsWith(warc + "@"), first.origin());
            InputRecord.Prepared p = first.prepare();
            assertNull(p.error());
            assertEquals("长江电池三季度营收增长两成 储能订单排到明年", p.document().title());
            assertEquals("2024-03-05T09:30", p.document().published());
            assertEquals("html", p.provenance().textFrom());
            assertEquals("2024-03-05T02:00:00Z", p.provenance().fetched());
            assertEquals(Map.of("http status 404", 1L, "not html: image/png", 1L, "warc request record", 1L), s.skipped());
            assertTrue(s.bytesRead() > 0);
        }
    }

    @Test
    void plainWarcReadsLikeGzipped() throws Exception {
        Path warc = dir.resolve("crawl.warc");
        WarcFixtures.write(warc, false);
        try (InputSource s = source(List.of(warc.toString()))) {
            assertEquals(2, read(s).size());
        }
    }

    @Test
    void aTruncatedArchiveKeepsWhatWasReadAndEndsWithItsReason() throws Exception {
        Path whole = dir.resolve("whole.warc.gz");
        WarcFixtures.write(whole, true);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.warc.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 600));
        try (InputSource s = source(List.of(cut.toString()))) {
            List<InputRecord> records = read(s);
            InputRecord last = records.get(records.size() - 1);
            assertTrue(last.isError(), records.toString());
            assertTrue(last.error().startsWith("truncated archive: "), last.error());
            assertTrue(records.get(0).isPage(), "the first page is still read");
        }
    }

    @Test
    void jsonlLinesWithHtmlArePagesAndKeepTheirMetadata() throws Exception {
        Path jsonl = dir.resolve("pages.jsonl");
        String html = new String(WarcFixtures.page("utf8-meta-jsonld.html"), StandardCharsets.UTF_8);
        String line = org.finfacts.facts.JsonCodec.mapper().createObjectNode().put("id", "p1")
                .put("url", "https://bank.example.cn/x.html").put("title", "给定的标题").put("html", html).toString();
        Files.writeString(jsonl, line + "\n{\"id\":\"t1\",\"text\":\"一段文字。\"}\n", StandardCharsets.UTF_8);
        try (InputSource s = source(List.of(jsonl.toString()))) {
            List<InputRecord> records = read(s);
            assertEquals(2, records.size());
            InputRecord.Prepared p = records.get(0).prepare();
            assertEquals("p1", p.document().id());
            assertEquals("给定的标题", p.document().title(), "the record's own title wins");
            assertEquals("https://bank.example.cn/x.html", p.document().url());
            assertTrue(p.document().text().startsWith("给定的标题\n\n时间:2024-06-18 15:42:10 来源:东湖金融 作者:周晓\n\n北港银行6月18日公告称"),
                    p.document().text());
            assertEquals("t1", records.get(1).id());
            assertFalse(records.get(1).isPage());
        }
    }

    @Test
    void globsAreExpandedInNameOrderAndReportWhenNothingMatches() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/2024/03"));
        Files.write(data.resolve("b.html"), WarcFixtures.page("utf8-meta-jsonld.html"));
        Files.write(dir.resolve("data/a.html"), WarcFixtures.page("gbk-news-with-sidebars.html"));
        Files.writeString(dir.resolve("data/notes.txt"), "不是网页。", StandardCharsets.UTF_8);
        try (InputSource s = source(List.of(dir + "/data/**/*.html", dir + "/nothing/*.html"))) {
            List<InputRecord> records = read(s);
            assertEquals(List.of("b", "a", dir + "/nothing/*.html"), records.stream().map(InputRecord::id).toList(),
                    "name order: data/2024/03/b.html sorts before data/a.html");
            assertEquals("no such file: no file matches " + dir + "/nothing/*.html", records.get(2).error());
        }
        assertEquals(Files.size(data.resolve("b.html")) + Files.size(dir.resolve("data/a.html")),
                InputSource.totalBytes(List.of(dir + "/data/**/*.html")));
    }

    @Test
    void aDirectoryMixesEveryKindOfInput() throws Exception {
        Path d = Files.createDirectories(dir.resolve("mixed"));
        Files.write(d.resolve("1.html"), WarcFixtures.page("gbk-news-with-sidebars.html"));
        Files.writeString(d.resolve("2.txt"), "一段文字。", StandardCharsets.UTF_8);
        WarcFixtures.write(d.resolve("3.warc.gz"), true);
        Files.writeString(d.resolve("4.jsonl"), "{\"id\":\"j\",\"text\":\"文字。\"}\n", StandardCharsets.UTF_8);
        Files.writeString(d.resolve("5.csv"), "a,b\n", StandardCharsets.UTF_8);
        try (InputSource s = source(List.of(d.toString()))) {
            assertEquals(5, read(s).size());
        }
    }

    @Test
    void stdinHtmlIsAPage() {
        byte[] html = "<html><head><title>标题</title></head><body><p>这是一段足够长的正文内容，用来确认标准输入里的网页会被当作网页读取。</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        try (InputSource s = new InputSource(List.of("-"), EngineConfig.DEFAULT_MAX_CHARS, new ByteArrayInputStream(html))) {
            List<InputRecord> records = read(s);
            assertEquals(1, records.size());
            assertTrue(records.get(0).isPage());
        }
    }
}
