package org.finfacts.text.html;

import org.finfacts.core.ModelStore;
import org.finfacts.ingest.TextDecoder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleExtractorTest {
    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.create(ModelStore.bundled());

    private static Article page(String name) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/pages/" + name)) {
            TextDecoder.Decoded d = TextDecoder.decodeHtml(in.readAllBytes(), null);
            return EXTRACTOR.extract(d.text(), null);
        }
    }

    @Test
    void gbkPageGivesHeadlineTimeSourceAuthorAndBodyWithoutSidebars() throws IOException {
        Article a = page("gbk-news-with-sidebars.html");
        assertEquals("长江电池三季度营收增长两成 储能订单排到明年", a.title());
        assertEquals("长江电池三季度营收增长两成 储能订单排到明年_公司新闻_南岸财经网", a.pageTitle());
        assertEquals("2024-03-05T09:30", a.published());
        assertEquals("text", a.publishedFrom());
        assertEquals("证券时报", a.source());
        assertEquals("李明", a.author());
        String body = a.body();
        assertTrue(body.startsWith("本报讯（记者李明）长江电池周二晚间发布三季度报告"), body);
        assertTrue(body.contains("长江电池股价当日收涨3.2%。"), "a paragraph with a link is kept");
        assertTrue(body.contains("预计2026年投产。"));
        for (String boilerplate : new String[] {"相关阅读", "储能电池价格继续下探", "网友评论", "这个业绩超出预期", "热门文章",
                "央行宣布降准", "广告位招租", "版权所有", "分享到", "当前位置", "发布时间", "2019-01-01"}) {
            assertFalse(body.contains(boilerplate), "body must not contain " + boilerplate + ":\n" + body);
        }
        assertEquals(5, a.paragraphs().size(), "paragraphs are kept as lines: " + a.paragraphs());
    }

    @Test
    void metaTagsAndJsonLdGiveTimeWhenThePageShowsNone() throws IOException {
        Article a = page("utf8-meta-jsonld.html");
        assertEquals("北港银行发行300亿元绿色金融债", a.title());
        assertEquals("2024-06-18T15:42:10+08:00", a.published());
        assertEquals("meta", a.publishedFrom());
        assertEquals("东湖金融", a.source());
        assertEquals("周晓", a.author());
        assertEquals(3, a.paragraphs().size(), a.paragraphs().toString());
        assertFalse(a.body().contains("推荐阅读"));
        assertFalse(a.body().contains("保险资金加大权益投资"));
        assertFalse(a.body().contains("复制链接"));
    }

    @Test
    void jsonLdAloneGivesTheTime() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
                + "\"2023-11-02T08:05:00+08:00\"}</script><title>标题</title></head><body><h1>标题</h1>"
                + "<p>这是正文的第一段，讲述了一家公司的季度业绩，内容足够长，可以被识别为正文。</p></body></html>";
        Article a = EXTRACTOR.extract(html, null);
        assertEquals("2023-11-02T08:05:00+08:00", a.published());
        assertEquals("json-ld", a.publishedFrom());
    }

    @Test
    void aListOfLinksIsNotAnArticle() throws IOException {
        Article a = page("no-article-list.html");
        assertFalse(a.isArticle());
        assertTrue(a.notArticle().startsWith("not an article"), a.notArticle());
    }

    @Test
    void siteNameSuffixesAreStrippedFromTheTitle() {
        assertEquals("营收创新高", EXTRACTOR.stripSiteName("营收创新高_新浪财经"));
        assertEquals("营收创新高", EXTRACTOR.stripSiteName("营收创新高-东方财富网"));
        assertEquals("营收创新高", EXTRACTOR.stripSiteName("营收创新高 | 财新网"));
        assertEquals("海外留学生看两会：出国前后关注点大不同",
                EXTRACTOR.stripSiteName("海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网"));
        assertEquals("A-B股溢价收窄", EXTRACTOR.stripSiteName("A-B股溢价收窄"));
    }

    @Test
    void aDateInARelatedLinksListIsNeverThePublicationTime() {
        String html = "<html><head><title>某公司发布公告</title></head><body><h1>某公司发布公告</h1>"
                + "<p>某公司今日发布公告称，公司董事会审议通过了回购股份的议案，回购金额不低于一亿元。</p>"
                + "<p>公司表示，本次回购体现了对公司未来发展的信心，回购的股份将用于员工持股计划。</p>"
                + "<div class=\"related\"><h3>相关新闻</h3><ul><li><a href=\"/1\">另一家公司回购 2021-05-06 10:00</a></li>"
                + "<li><a href=\"/2\">又一家公司增持</a> 2021-05-05</li></ul></div></body></html>";
        Article a = EXTRACTOR.extract(html, null);
        assertNull(a.published(), a.published());
        assertFalse(a.body().contains("另一家公司"));
    }

    @Test
    void aPageNestedAHundredThousandLevelsDeepIsExtractedWithoutStackOverflow() {
        StringBuilder b = new StringBuilder("<html><head><title>深层页面</title></head><body>");
        b.append("<div>".repeat(100_000));
        b.append("<p>这是埋在十万层嵌套里的正文，内容完整，句子通顺，可以被识别为正文段落。</p>");
        b.append("</div>".repeat(100_000));
        b.append("</body></html>");
        Article a = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> EXTRACTOR.extract(b.toString(), null));
        assertTrue(a.body().contains("埋在十万层嵌套里的正文"), a.body());
    }

    @Test
    void brokenAnchorsDoNotTurnTheWholePageIntoLinks() {
        String html = "<html><body><div><a name=top>楼层： 第 1 楼</div><div class=post>作者：<a href=/u/1>某人<a></div>"
                + "<div class=text>这是帖子的正文内容，有完整的句子，也有标点符号，应该被当作正文提取出来。"
                + "第二句话继续补充说明，保证文字足够长。</div></body></html>";
        Article a = EXTRACTOR.extract(html, null);
        assertTrue(a.body().contains("这是帖子的正文内容"), a.body());
    }
}
