package org.finfacts.index;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-open span of time {@code [start, end)}, as the index stores dates: {@code 2024} is
 * {@code [2024-01-01T00:00, 2025-01-01T00:00)}, {@code 2023-Q1} is {@code [2023-01-01, 2023-04-01)}.
 * {@link #parseIso} reads the ISO values at their grain that the engine writes ({@code 2023},
 * {@code 2023-11}, {@code 2023-Q1}, {@code 2023-H1}, {@code 2024-W15}, {@code 2024-04-10},
 * {@code 2024-04-10T00:36:32}, with or without an offset). Times are local times of the text; the index
 * counts them as seconds since 1970-01-01T00:00 without a zone.
 */
public record Period(LocalDateTime start, LocalDateTime end) {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");
    private static final Pattern TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?");

    /** A period; fails when {@code end} is not after {@code start}. */
    public Period {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("empty period: " + start + " .. " + end);
        }
    }

    /** Seconds since 1970-01-01T00:00 (no zone) of the start. */
    public long startSeconds() {
        return seconds(start);
    }

    /** Seconds since 1970-01-01T00:00 (no zone) of the end (exclusive). */
    public long endSeconds() {
        return seconds(end);
    }

    /** The year the period starts in. */
    public int year() {
        return start.getYear();
    }

    /** A local time as seconds since 1970-01-01T00:00, without a zone. */
    public static long seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    /** The local time of {@link #seconds}. */
    public static LocalDateTime ofSeconds(long seconds) {
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    }

    /** The period of an ISO value at its grain, or empty when the value is not one of those forms. */
    public static Optional<Period> parseIso(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String s = value.trim();
        try {
            Matcher m;
            if ((m = YEAR.matcher(s)).matches()) {
                LocalDateTime a = LocalDate.of(num(m, 1), 1, 1).atStartOfDay();
                return Optional.of(new Period(a, a.plusYears(1)));
            }
            if ((m = MONTH.matcher(s)).matches()) {
                LocalDateTime a = LocalDate.of(num(m, 1), num(m, 2), 1).atStartOfDay();
                return Optional.of(new Period(a, a.plusMonths(1)));
            }
            if ((m = DAY.matcher(s)).matches()) {
                LocalDateTime a = LocalDate.of(num(m, 1), num(m, 2), num(m, 3)).atStartOfDay();
                return Optional.of(new Period(a, a.plusDays(1)));
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                LocalDateTime a = LocalDate.of(num(m, 1), (num(m, 2) - 1) * 3 + 1, 1).atStartOfDay();
                return Optional.of(new Period(a, a.plusMonths(3)));
            }
            if ((m = HALF.matcher(s)).matches()) {
                LocalDateTime a = LocalDate.of(num(m, 1), num(m, 2) == 1 ? 1 : 7, 1).atStartOfDay();
                return Optional.of(new Period(a, a.plusMonths(6)));
            }
            if ((m = WEEK.matcher(s)).matches()) {
                int week = num(m, 2);
                LocalDate jan4 = LocalDate.of(num(m, 1), 1, 4);
                if (week < 1 || week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                    return Optional.empty();
                }
                LocalDate monday = jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                return Optional.of(new Period(monday.atStartOfDay(), monday.plusDays(7).atStartOfDay()));
            }
            String local = stripOffset(s);
            if ((m = TIME.matcher(local)).matches()) {
                LocalDateTime t = LocalDate.parse(m.group(1)).atTime(num(m, 2), num(m, 3),
                        m.group(4) == null ? 0 : num(m, 4));
                return Optional.of(new Period(t, m.group(4) == null ? t.plusMinutes(1) : t.plusSeconds(1)));
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The day of a publication time ({@code 2024-04-10T00:36:32+08:00} is the day 2024-04-10). */
    public static Optional<Period> dayOf(String published) {
        Optional<Period> p = parseIso(published);
        return p.map(x -> {
            LocalDateTime day = x.start().toLocalDate().atStartOfDay();
            return new Period(day, day.plusDays(1));
        });
    }

    private static String stripOffset(String s) {
        if (s.endsWith("Z")) {
            return s.substring(0, s.length() - 1);
        }
        try {
            return OffsetDateTime.parse(s).toLocalDateTime().toString();
        } catch (DateTimeParseException e) {
            return s;
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
