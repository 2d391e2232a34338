package org.finfacts.extract.date;

import org.finfacts.core.ModelStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateModelsTest {
    private final DateLexicon lexicon = DateLexicon.load(ModelStore.directory(Path.of("models")));

    @Test
    void loadsEveryDateModelFile() {
        assertEquals(-1, lexicon.relative("去年").offset());
        assertTrue(lexicon.relative("上一年").anaphoric());
        assertTrue(lexicon.relative("当日").clauseStart());
        assertEquals("half", lexicon.period("上半年").kind());
        assertEquals(5, lexicon.weekday("周五"));
        assertTrue(lexicon.holiday("春节").lunar());
        assertEquals(1662, lexicon.eraStart("康熙"));
        assertTrue(lexicon.countFollows("30年以来", 3));
        assertTrue(lexicon.insideNonDatePhrase("看今日头条", 1, 3));
    }

    @Test
    void lunarCalendarGivesSpringFestivalDates() {
        assertEquals(LocalDate.of(2024, 2, 10), lexicon.lunarToGregorian(2024, 1, 1));
        assertEquals(LocalDate.of(2025, 1, 29), lexicon.lunarToGregorian(2025, 1, 1));
        assertEquals(LocalDate.of(2024, 9, 17), lexicon.lunarToGregorian(2024, 8, 15));
        assertNull(lexicon.lunarToGregorian(500, 1, 1));
        assertEquals(LocalDate.of(1726, 2, 2), lexicon.lunarToGregorian(1726, 1, 1));
    }

    @Test
    void bundledModelsLoadToo() {
        assertEquals(lexicon.words().size(), DateLexicon.load(ModelStore.bundled()).words().size());
    }

    @Test
    void readsChineseNumbers() {
        assertEquals(2023, ChineseNumber.digitByDigit("二〇二三"));
        assertEquals(23, ChineseNumber.small("二十三"));
        assertEquals(12, ChineseNumber.small("十二"));
        assertEquals(21, ChineseNumber.small("廿一"));
        assertEquals(-1, ChineseNumber.small("十十"));
    }
}
