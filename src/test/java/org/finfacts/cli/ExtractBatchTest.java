package org.finfacts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.facts.JsonCodec;
import org.finfacts.ingest.WarcFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code finfacts extract} over crawled input: WARC, resume, near-duplicates, file lists, summaries. */
class ExtractBatchTest {
    private static final String STORY = "北港银行6月18日公告称，该行已在全国银行间债券市场成功发行2024年第一期绿色金融债券，"
            + "发行规模300亿元，期限3年，票面利率2.15%。募集资金将全部用于绿色产业项目，包括清洁能源、节能环保和绿色交通等领域。"
            + "这是今年以来国内银行发行的规模最大的一笔绿色金融债。";
    private static final String OTHER = "长江电池周二晚间发布三季度报告，公司前三季度实现营业收入128.6亿元，同比增长21.3%；"
            + "归属于上市公司股东的净利润为9.8亿元，同比增长15.2%。公司表示，营收增长主要来自储能业务，"
            + "部分大客户的订单已经排到明年上半年。";

    @TempDir
    Path dir;

    private static List<JsonNode> lines(Path out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            nodes.add(JsonCodec.mapper().readTree(line));
        }
        return nodes;
    }

    /** Every line matches the documented schema. */
    private static void assertSchema(List<JsonNode> docs) {
        com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(ExtractBatchTest.class.getResourceAsStream("/schema/annotated-document.schema.json"));
        for (JsonNode d : docs) {
            assertEquals(java.util.Set.of(), schema.validate(d), d.get("id").asText());
        }
    }

    private static String record(String id, String text) {
        return JsonCodec.mapper().createObjectNode().put("id", id).put("text", text).toString();
    }

    @Test
    void aWarcCrawlGivesOneLinePerArticleWithFetchTimeApartFromPublication() throws Exception {
        Path warc = dir.resolve("crawl.warc.gz");
        WarcFixtures.write(warc, true);
        Path out = dir.resolve("out.jsonl");
        Path summary = dir.resolve("summary.json");
        assertEquals(0, Main.run("extract", "-q", "-o", out.toString(), "--summary", summary.toString(), warc.toString()));
        List<JsonNode> docs = lines(out);
        assertEquals(2, docs.size());
        assertSchema(docs);
        JsonNode first = docs.get(0);
        assertEquals("html", first.get("text_from").asText());
        assertEquals("https://finance.example.cn/a/20240305/battery.html", first.get("url").asText());
        assertEquals("2024-03-05T02:00:00Z", first.get("fetched").asText());
        assertEquals("2024-03-05T09:30", first.get("published").asText());
        assertEquals("html", first.get("published_from").asText());
        assertEquals("证券时报", first.get("source").asText());
        assertEquals("李明", first.get("author").asText());
        assertTrue(first.get("text").asText().startsWith("长江电池三季度营收增长两成 储能订单排到明年\n\n时间:2024-03-05 09:30 来源:证券时报 作者:李明\n\n"));
        assertEquals(0, first.at("/regions/title/0").asInt());
        JsonNode s = JsonCodec.mapper().readTree(summary.toFile());
        assertEquals(2, s.get("ok").asInt());
        assertEquals(3, s.get("skipped").asInt());
        assertEquals(1, s.at("/skipped_by_reason/not html: image~1png").asInt());
    }

    @Test
    void resumeSkipsWhatIsDoneCutsAHalfWrittenLineAndKeepsDuplicatesPointingAtTheFirst() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n", record("a", STORY), record("b", OTHER), record("c", "第三篇短讯。")) + "\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, Main.run("extract", "-q", "-o", out.toString(), in.toString()));
        List<String> written = Files.readAllLines(out, StandardCharsets.UTF_8);
        Files.writeString(out, written.get(0) + "\n" + written.get(1).substring(0, 40), StandardCharsets.UTF_8);

        Files.writeString(in, String.join("\n", record("a", STORY), record("b", OTHER), record("c", "第三篇短讯。"),
                record("d", "（来源：东湖金融）" + STORY + "（责任编辑：王芳）")) + "\n", StandardCharsets.UTF_8);
        Path summary = dir.resolve("s.json");
        assertEquals(0, Main.run("extract", "-q", "--resume", "-o", out.toString(), "--summary", summary.toString(),
                in.toString()));
        List<JsonNode> docs = lines(out);
        assertEquals(List.of("a", "b", "c", "d"), docs.stream().map(n -> n.get("id").asText()).toList());
        assertSchema(docs);
        assertEquals("a", docs.get(3).get("duplicate_of").asText());
        assertFalse(docs.get(1).has("duplicate_of"));
        JsonNode s = JsonCodec.mapper().readTree(summary.toFile());
        assertEquals(1, s.at("/skipped_by_reason/already in output").asInt());
        assertEquals(1, s.get("near_duplicates").asInt());
    }

    @Test
    void aFileListNamesInputsAndErrorsSayWhereTheyCameFrom() throws Exception {
        Path page = dir.resolve("page.html");
        Files.write(page, WarcFixtures.page("utf8-meta-jsonld.html"));
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "# crawled today\n" + page + "\n" + dir.resolve("missing.html") + "\n\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, Main.run("extract", "-q", "-o", out.toString(), "--from-list", list.toString()));
        List<JsonNode> docs = lines(out);
        assertEquals(2, docs.size());
        assertEquals("page", docs.get(0).get("id").asText());
        assertEquals("北港银行发行300亿元绿色金融债", docs.get(0).get("title").asText());
        assertEquals("no such file", docs.get(1).get("error").asText());
        assertSchema(docs);
        assertEquals(dir.resolve("missing.html").toString(), docs.get(1).get("origin").asText());
    }

    @Test
    void resumeWithoutAnOutputFileIsAUsageError() {
        assertEquals(2, Main.run("extract", "-q", "--resume", dir.resolve("x.jsonl").toString()));
    }

    @Test
    void progressLineShowsRatesAndEta() {
        String line = ExtractCommand.ProgressBar.render(new org.finfacts.ingest.BatchRunner.Status(
                500, 2, 3, 1, 100_000, 50L << 20, 100L << 20, 10_000_000_000L));
        assertTrue(line.startsWith("[############............]  50% 500 docs  50.0 docs/s  5.00 MB/s  ETA 0:00:10"), line);
        assertTrue(line.endsWith("(2 failed, 3 skipped, 1 dup)"), line);
    }
}
