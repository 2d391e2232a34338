package org.finfacts.text;

import org.finfacts.core.ModelStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRulesTest {
    private static final PageRules RULES = PageRules.load(ModelStore.bundled());

    @Test
    void everyPageModelFileLoadsAndCompiles() {
        assertTrue(RULES.isBoilerplateHeading("相关阅读"));
        assertTrue(RULES.publishedMetaNames().contains("article:published_time"));
    }

    @Test
    void recognisesBoilerplateHeadingsWithTheirDecorations() {
        assertTrue(RULES.isBoilerplateHeading("近期热点"));
        assertTrue(RULES.isBoilerplateHeading("【相关阅读】"));
        assertTrue(RULES.isBoilerplateHeading("热门文章 >>"));
        assertTrue(RULES.isBoilerplateHeading("网友评论(12)"));
        assertTrue(RULES.isClosingHeading("网友评论"));
        assertFalse(RULES.isClosingHeading("相关阅读"));
        assertFalse(RULES.isBoilerplateHeading("相关阅读显示市场情绪回暖，成交额明显放大。"));
    }

    @Test
    void recognisesFurnitureLinesAndNoiseNames() {
        assertTrue(RULES.isFurniture("分享到：微博 微信"));
        assertTrue(RULES.isFurniture("打印 | 关闭窗口"));
        assertTrue(RULES.isFurniture("上一篇：某公司发布公告"));
        assertFalse(RULES.isFurniture("公司表示将继续分享发展成果。"));
        assertTrue(RULES.isUnlikelyByName("related-news"));
        assertTrue(RULES.isUnlikelyByName("xgyd"));
        assertFalse(RULES.isUnlikelyByName("article-content comment-count"));
        assertFalse(RULES.isUnlikelyByName("main"));
        assertTrue(RULES.isSiteName("新浪财经"));
        assertTrue(RULES.isSiteName("finance.sina.com.cn"));
    }

    @Test
    void aBrokenEntryFailsNamingItsFileAndLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("text"));
        for (String f : new String[] {"boilerplate-headings.tsv", "boilerplate-lines.tsv", "html-noise.tsv",
                "page-labels.tsv", "published-meta.tsv", "site-suffixes.tsv"}) {
            Files.writeString(dir.resolve("text/" + f), "# empty\n");
        }
        Files.writeString(dir.resolve("text/boilerplate-lines.tsv"), "# x\n(unclosed\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> PageRules.load(ModelStore.directory(dir)));
        assertEquals("text/boilerplate-lines.tsv:2: bad regular expression: Unclosed group", e.getMessage());
    }
}
