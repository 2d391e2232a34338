package org.finfacts.extract.date;

import org.finfacts.extract.Candidate;

/**
 * A date expression found in the working copy, with its raw parts and no value yet. Null parts
 * were not written. Example: {@code 去年11月} has {@code yearOffset=-1}, {@code month=11};
 * {@code 2020年上半年} has {@code year=2020}, {@code half=1}; {@code 上周五} has {@code weekOffset=-1},
 * {@code weekday=5}.
 *
 * @param year            a written year ({@code 2023年}, {@code 二〇二三年}, {@code 康熙三年} as 1664)
 * @param shortYear       a two-digit year ({@code 07年} as 7), placed near the reference when resolved
 * @param loneShortYear   a two-digit year with nothing after it ({@code 23年营收}): a date only when it
 *                        lies within five years of the reference, else dropped by the resolver
 * @param yearOffset      a relative year ({@code 去年} -1, {@code 同年} 0)
 * @param yearAnaphoric   whether the relative year counts from the date the text last named
 * @param samePeriod      {@code 同期}: the period of the anchor, one or more years away
 * @param half            1 or 2 ({@code 上半年})
 * @param halfOffset      a relative half year ({@code 上个半年} -1)
 * @param quarter         1..4 ({@code 三季度})
 * @param quarterOffset   a relative quarter ({@code 上季度} -1)
 * @param yearPart        start | mid | end of the year ({@code 年初}, {@code 年底}): year grain
 * @param yearEnd         the last day of the year ({@code 期末})
 * @param week            an ISO week number ({@code 第15周})
 * @param month           1..12
 * @param monthOffset     a relative month ({@code 上月} -1)
 * @param monthAnaphoric  whether the relative month counts from the month last named ({@code 当月})
 * @param monthPart       start | mid | end of the month ({@code 月底}, {@code 中旬}): month grain
 * @param rangeStart      the first month of a month range written once ({@code 1} of {@code 1—7月})
 * @param rangeEnd        the last month of such a range ({@code 7月})
 * @param weekOffset      the week of a relative week or weekday ({@code 上周} -1)
 * @param weekday         ISO weekday 1..7 ({@code 周五} 5)
 * @param day             day of month
 * @param lunar           month and day are lunar ({@code 农历正月初一})
 * @param dayOffset       a relative day ({@code 昨天} -1)
 * @param dayAnaphoric    whether the relative day counts from the day last named ({@code 同日})
 * @param tradingDays     a shift in trading days ({@code 前一交易日} -1)
 * @param holiday         a named holiday ({@code 春节})
 * @param hour            hour of day, 0..23
 * @param minute          minute
 * @param second          second
 * @param comparative     a deictic year written as a comparison ({@code 较去年}): with no reference,
 *                        it may count from the year the sentence names
 */
public record DateCandidate(int start, int end, String text,
                            Integer year, Integer shortYear, boolean loneShortYear, Integer yearOffset, boolean yearAnaphoric,
                            boolean samePeriod, Integer half, Integer halfOffset, Integer quarter, Integer quarterOffset, String yearPart, boolean yearEnd,
                            Integer week, Integer month, Integer monthOffset, boolean monthAnaphoric,
                            String monthPart, boolean rangeStart, boolean rangeEnd, Integer weekOffset,
                            Integer weekday, Integer day, boolean lunar, Integer dayOffset, boolean dayAnaphoric,
                            Integer tradingDays, DateLexicon.Holiday holiday, Integer hour, Integer minute,
                            Integer second, boolean comparative) implements Candidate {

    /** Whether a year was written as a number or era ({@code 2023年}, {@code 07年}), not as a word. */
    public boolean hasWrittenYear() {
        return year != null || shortYear != null;
    }

    /** Whether any year, written or relative, is part of the expression. */
    public boolean hasYear() {
        return hasWrittenYear() || yearOffset != null;
    }

    /** Mutable parts while an expression is being read. */
    static final class Builder {
        Integer year;
        Integer shortYear;
        boolean loneShortYear;
        Integer yearOffset;
        boolean yearAnaphoric;
        boolean samePeriod;
        Integer half;
        Integer halfOffset;
        Integer quarter;
        Integer quarterOffset;
        String yearPart;
        boolean yearEnd;
        Integer week;
        Integer month;
        Integer monthOffset;
        boolean monthAnaphoric;
        String monthPart;
        boolean rangeStart;
        boolean rangeEnd;
        Integer weekOffset;
        Integer weekday;
        Integer day;
        boolean lunar;
        Integer dayOffset;
        boolean dayAnaphoric;
        Integer tradingDays;
        DateLexicon.Holiday holiday;
        Integer hour;
        Integer minute;
        Integer second;
        boolean comparative;

        Builder copy() {
            Builder b = new Builder();
            b.year = year;
            b.shortYear = shortYear;
            b.loneShortYear = loneShortYear;
            b.yearOffset = yearOffset;
            b.yearAnaphoric = yearAnaphoric;
            b.samePeriod = samePeriod;
            b.half = half;
            b.halfOffset = halfOffset;
            b.quarter = quarter;
            b.quarterOffset = quarterOffset;
            b.yearPart = yearPart;
            b.yearEnd = yearEnd;
            b.week = week;
            b.month = month;
            b.monthOffset = monthOffset;
            b.monthAnaphoric = monthAnaphoric;
            b.monthPart = monthPart;
            b.rangeStart = rangeStart;
            b.rangeEnd = rangeEnd;
            b.weekOffset = weekOffset;
            b.weekday = weekday;
            b.day = day;
            b.lunar = lunar;
            b.dayOffset = dayOffset;
            b.dayAnaphoric = dayAnaphoric;
            b.tradingDays = tradingDays;
            b.holiday = holiday;
            b.hour = hour;
            b.minute = minute;
            b.second = second;
            b.comparative = comparative;
            return b;
        }

        DateCandidate build(int start, int end, String text) {
            return new DateCandidate(start, end, text, year, shortYear, loneShortYear, yearOffset, yearAnaphoric, samePeriod, half,
                    halfOffset, quarter, quarterOffset, yearPart, yearEnd, week, month, monthOffset, monthAnaphoric, monthPart, rangeStart,
                    rangeEnd, weekOffset, weekday, day, lunar, dayOffset, dayAnaphoric, tradingDays, holiday, hour,
                    minute, second, comparative);
        }
    }
}
