package org.finfacts.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatelineParserTest {
    private static String iso(String text) {
        return DatelineParser.findFirst(text).map(DatelineParser.Stamp::iso).orElse(null);
    }

    @Test
    void readsTheFormsPagesPrintUnderHeadlines() {
        assertEquals("2024-04-10T00:36:32", iso("时间:2024-04-10 00:36:32来源:新媒体"));
        assertEquals("2018-12-28T19:55", iso("2018年12月28日 19:55 新京报"));
        assertEquals("2005-05-07T21:23:57", iso("发表于 2005-5-7 21:23:57"));
        assertEquals("2024-05-10T08:00", iso("2024/05/10 08:00"));
        assertEquals("2024-05-10", iso("《人民日报》（2024年05月10日 04版）"));
        assertEquals("2004-09-17T05:54:13", iso("发布日期： 9/17/2004 5:54:13 AM"));
        assertEquals("2005-09-07T23:57", iso("发表于2005年09月07日 11:57 PM"));
        assertEquals("2024-04-10T15:30", iso("2024年4月10日 下午3:30"));
    }

    @Test
    void ignoresDatesWithoutAYearAndImpossibleDates() {
        assertEquals(null, iso("热点新闻 04-10"));
        assertEquals(null, iso("2024-13-40"));
    }

    @Test
    void parsesMetadataValues() {
        assertEquals("2024-06-18T15:42:10+08:00", DatelineParser.parseValue("2024-06-18T15:42:10+08:00").get().iso());
        assertEquals("2024-04-10T00:36:32+08:00", DatelineParser.parseValue("1712680592").get().iso());
        assertEquals("2003-05", DatelineParser.parseValue("2003年5月").get().iso());
    }

    @Property(tries = 300)
    void anyTextGivesStampsInsideIt(@ForAll String text) {
        for (DatelineParser.Stamp s : DatelineParser.findAll(text)) {
            assertTrue(s.start() >= 0 && s.end() <= text.length() && s.start() < s.end());
        }
        Optional<DatelineParser.Stamp> v = DatelineParser.parseValue(text);
        assertTrue(v.isEmpty() || v.get().iso().length() >= 7);
    }
}
