package org.finfacts.extract.date;

import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Mention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The anchoring rules of {@link DateResolver}, one behaviour per test. */
class DateResolverTest {
    private final Engine engine = TestEngine.get();

    private List<DateMention> dates(String text, String published) {
        return engine.process(new Document("r", text, null, published, null, null)).mentions().stream()
                .filter(m -> m instanceof DateMention).map(m -> (DateMention) m).toList();
    }

    private DateMention date(String text, String published, String surface) {
        return dates(text, published).stream().filter(d -> d.text().equals(surface)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + surface + " in " + dates(text, published)));
    }

    @Test
    void deicticYearCountsFromThePublicationTime() {
        assertEquals("2023", date("2023年营收创新高，去年公司扭亏为盈。", "2024-04-10", "去年").value());
    }

    @Test
    void anaphoricYearCountsFromTheYearTheSentenceNames() {
        assertEquals("2022", date("2023年融资额比上一年增长260%。", "2024-04-10", "上一年").value());
    }

    @Test
    void samePeriodTakesTheAnchorsQuarter() {
        assertEquals("2023-Q1", date("今年一季度营收较去年同期增长。", "2024-04-10", "去年同期").value());
    }

    @Test
    void samePeriodAfterARangeIsAYear() {
        DateMention d = date("2021年1—11月投资增长，比去年同期增长5.7%。", "2022-01-10", "去年同期");
        assertEquals("2020", d.value());
    }

    @Test
    void repeatedSamePeriodDoesNotDriftYearByYear() {
        List<DateMention> ds = dates("2021年11月投资增长，比去年同期增长14.2%。其中公路投资比去年同期增长15.1%。", null);
        assertEquals("2020-11", ds.get(1).value());
        assertEquals("2020-11", ds.get(2).value());
    }

    @Test
    void comparativeLastYearWithoutPublicationTimeUsesTheNamedYear() {
        assertEquals("2018", date("截至2019年6月30日止3个月业绩，较去年亏损减少。", null, "去年").value());
    }

    @Test
    void deicticLastYearWithoutPublicationTimeStaysNull() {
        DateMention d = date("2019年营收增长，去年公司亏损。", null, "去年");
        assertNull(d.value());
        assertTrue(d.relative());
    }

    @Test
    void sameYearTakesTheYearJustNamed() {
        assertEquals("2008-12", date("2008年8月基金成立。同年12月完成扩募。", null, "同年12月").value());
    }

    @Test
    void periodWithoutYearTakesTheSentencesYear() {
        assertEquals("2021-H2", date("2021年经营良好；由于下半年原材料波动，毛利下降。", "2022-03-01", "下半年").value());
    }

    @Test
    void bareWeekdayIsInThePublicationWeek() {
        assertEquals("2025-12-19", date("财务大臣周五发出警告。", "2025-12-21", "周五").value());
    }

    @Test
    void previousTradingDaySkipsTheWeekend() {
        assertEquals("2024-04-05", date("今日市场低开，与前一交易日形成对比。", "2024-04-08", "前一交易日").value());
    }

    @Test
    void sameDayIsTheDayJustNamed() {
        assertEquals("2025-12-17", date("12月17日A股反弹。\n\n当日成交放量。", "2025-12-18", "当日").value());
    }

    @Test
    void yearlessMonthLeansToThePast() {
        assertEquals("2018-03", date("可以给我三月的数据吗", "2018-09-18", "三月").value());
        assertEquals("2024-03-02", date("3月2日起发售。", "2024-04-10", "3月2日").value());
    }

    @Test
    void clockTimeIsOnTheDayLastNamed() {
        DateMention t = date("2026年1月3日凌晨行动开始。\n02:30 地面突袭。", "2026-01-04", "02:30");
        assertEquals("2026-01-03T02:30", t.value());
    }

    @Test
    void loneTwoDigitYearNeedsANearbyReference() {
        assertEquals("2023", date("23年营收创新高。", "2024-04-10", "23年").value());
        assertTrue(dates("23年营收创新高。", null).isEmpty());
        assertTrue(dates("12年证券从业经验。", "2024-04-10").isEmpty());
    }

    @Test
    void invalidDateKeepsItsSpanWithoutValue() {
        DateMention d = date("2019年2月29日", "2020-03-22", "2019年2月29日");
        assertNull(d.value());
    }

    @Test
    void publicationTimeLineIsMarkedPublished() {
        List<Mention> ms = engine.process(new Document("p", "标题\n时间:2024-04-10 00:36:32来源:新媒体\n去年营收增长。",
                null, null, null, null)).mentions();
        DateMention published = ms.stream().filter(m -> m instanceof DateMention d && "published".equals(d.role()))
                .map(m -> (DateMention) m).findFirst().orElseThrow();
        assertEquals("2024-04-10T00:36:32", published.value());
        assertEquals("2023", date("标题\n时间:2024-04-10 00:36:32来源:新媒体\n去年营收增长。", null, "去年").value());
    }
}
