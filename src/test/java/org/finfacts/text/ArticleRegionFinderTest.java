package org.finfacts.text;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.ModelStore;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import org.finfacts.facts.Mention;
import org.finfacts.facts.Regions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleRegionFinderTest {
    private static final ArticleRegionFinder FINDER = new ArticleRegionFinder(PageRules.load(ModelStore.bundled()));
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    /** The regions as code point spans of the original text, as the engine reports them. */
    private static Regions regions(String text, String title) {
        NormalizedText n = NORMALIZER.normalize(text);
        Regions r = FINDER.find(n, title);
        if (r == null) {
            return null;
        }
        return new Regions(
                r.title() == null ? null : new org.finfacts.facts.Fact.Span(n.originalStart(r.title().start()), n.originalEnd(r.title().end())),
                r.body() == null ? null : new org.finfacts.facts.Fact.Span(n.originalStart(r.body().start()), n.originalEnd(r.body().end())));
    }

    private static String slice(String text, org.finfacts.facts.Fact.Span s) {
        int a = text.offsetByCodePoints(0, s.start());
        int b = text.offsetByCodePoints(0, s.end());
        return text.substring(a, b);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ArticleRegionFinderTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pageTextLeavesNavigationAndSidebarsOut() throws IOException {
        String text = resource("page-text-with-sidebar.txt");
        Regions r = regions(text, null);
        assertNotNull(r);
        assertEquals("长江电池三季度营收增长两成 储能订单排到明年", slice(text, r.title()));
        String body = slice(text, r.body());
        assertTrue(body.startsWith("长江电池周二晚间发布三季度报告"), body);
        assertTrue(body.endsWith("部分大客户的订单已经排到明年上半年。"), body);
    }

    @Test
    void theTimeLineGivesThePublicationTime() throws IOException {
        String text = resource("page-text-with-sidebar.txt");
        AnnotatedDocument doc = TestEngine.get().process(org.finfacts.core.Document.of("p", text));
        assertEquals("2024-03-05T09:30", doc.published());
        assertEquals("text", doc.publishedFrom());
        for (Mention m : doc.mentions()) {
            assertTrue(doc.regions().covers(m.start(), m.end()) || m.start() < doc.regions().body().start(),
                    "no mention from the sidebar: " + m);
        }
    }

    @Test
    void cleanTextIsLeftWhole() {
        assertNull(regions("英伟达周三公布财报，营收同比增长265%。\n公司预计下一季度营收约为240亿美元。", null));
        assertNull(regions("【央行：下调存款准备金率0.5个百分点】财联社2月5日电，央行决定于2月5日下调存款准备金率。", null));
        String withTitle = "北港银行发行绿色金融债\n\n北港银行公告称，该行成功发行300亿元绿色金融债券。\n\n募集资金将用于绿色产业。";
        Regions r = regions(withTitle, "北港银行发行绿色金融债");
        assertEquals("北港银行发行绿色金融债", slice(withTitle, r.title()));
        assertTrue(slice(withTitle, r.body()).endsWith("募集资金将用于绿色产业。"));
    }

    @Test
    void aDateInTheFirstSentenceOfProseIsNotATimeLine() {
        String text = "公司去年的营收和利润双双创下新高，董事会提出了新的分红方案，市场反应积极，股价连续上涨。"
                + "分析人士普遍认为，这一趋势将在今年延续，主要原因是海外市场的需求持续旺盛，订单饱满。\n"
                + "2024-03-05 09:30\n后续公告将另行披露。";
        assertNull(regions(text, null));
    }

    @Test
    void aTableOfFiguresIsNotARelatedLinksList() {
        String text = "估值变化\n\n公司估值在四年间增长了五十倍，以下为融资历程。\n2023 种子轮 0.5 0.1\n2024 A轮 2 0.3\n"
                + "2025 B轮 8 0.75\n2026 收购 25 25\n数据来源：公开报道。";
        assertNull(regions(text, null));
    }

    @Test
    void theSeedPageMatchesItsGoldRegions() throws IOException {
        Path gold = shared("gold/seed.jsonl");
        Assumptions.assumeTrue(gold != null, "shared data not available");
        JsonNode g = JsonCodec.mapper().readTree(Files.readAllLines(gold, StandardCharsets.UTF_8).get(0));
        String text = g.get("text").asText();
        Regions r = regions(text, null);
        assertEquals(List.of(g.at("/regions/title/0").asInt(), g.at("/regions/title/1").asInt()),
                List.of(r.title().start(), r.title().end()));
        assertEquals(List.of(g.at("/regions/body/0").asInt(), g.at("/regions/body/1").asInt()),
                List.of(r.body().start(), r.body().end()));
        AnnotatedDocument doc = TestEngine.get().process(org.finfacts.core.Document.of("seed", text));
        assertEquals("2024-04-10T00:36:32", doc.published());
        for (Mention m : doc.mentions()) {
            assertTrue(m.end() <= r.body().end(), "no mention from the sidebar: " + m);
        }
    }

    static Path shared(String relative) {
        for (String root : new String[] {"../shared", "/work/shared"}) {
            Path p = Path.of(root, relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }
}
