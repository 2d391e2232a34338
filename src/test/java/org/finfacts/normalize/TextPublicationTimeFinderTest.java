package org.finfacts.normalize;

import org.finfacts.core.Document;
import org.finfacts.core.TestEngine;
import org.finfacts.extract.AnalyzedText;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextPublicationTimeFinderTest {
    private final TextPublicationTimeFinder finder = new TextPublicationTimeFinder();

    private Optional<PublicationTimeFinder.Found> find(String text) {
        AnalyzedText a = TestEngine.get().analyze(Document.of("t", text));
        return finder.find(a);
    }

    @Test
    void findsALabelledTimeLine() {
        PublicationTimeFinder.Found f = find("导航\n标题\n\n时间:2024-04-10 00:36:32来源:新媒体\n\n正文").orElseThrow();
        assertEquals("2024-04-10T00:36:32", f.mention().value());
        assertEquals("text", f.context().referenceFrom());
        assertEquals("2024-04-10 00:36:32", f.mention().text());
    }

    @Test
    void findsAFullWidthLabel() {
        PublicationTimeFinder.Found f = find("标题\n发布时间：2024-04-10 10:00\n正文").orElseThrow();
        assertEquals("2024-04-10T10:00", f.mention().value());
    }

    @Test
    void findsABylineTimestamp() {
        PublicationTimeFinder.Found f = find("公司公告\n每日经济新闻2020-07-14 18:59:58\n正文7月14日晚间发布公告").orElseThrow();
        assertEquals("2020-07-14T18:59:58", f.mention().value());
    }

    @Test
    void findsADateAloneOnItsLine() {
        assertEquals("2024-04-10", find("标题\n2024年4月10日\n正文").orElseThrow().mention().value());
    }

    @Test
    void aDatelineWithoutYearGivesNoReference() {
        assertTrue(find("格隆汇8月20日丨公司公布业绩。").isEmpty());
    }

    @Test
    void anEventDateInTheFirstSentenceIsNotAByline() {
        assertTrue(find("2026年1月3日凌晨，美国发动军事行动。").isEmpty());
    }

    @Test
    void neverLooksIntoARelatedLinksList() {
        assertTrue(find("正文很短。\n相关报道：\n2024-04-10 10:00 另一篇文章").isEmpty());
    }

    @Test
    void neverLooksBelowTheTopZone() {
        String filler = "文".repeat(TextPublicationTimeFinder.ZONE);
        assertTrue(find(filler + "\n2024-04-10 10:00").isEmpty());
    }
}
