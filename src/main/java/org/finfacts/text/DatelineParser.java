package org.finfacts.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and parses the date-times that pages print next to a headline or carry in their metadata:
 * {@code 2024-04-10 00:36:32}, {@code 2018年12月28日 19:55}, {@code 2005-5-7 21:23:57},
 * {@code 2024/05/10 08:00}, {@code 2024.05.10}, {@code 9/17/2004 5:54:13 AM} (month first, as
 * US-made systems print it), ISO 8601 with an offset, Unix seconds or milliseconds. Only dates with a four-digit year are taken (a related-links list's {@code 04-10}
 * is not a publication time). Stateless and thread-safe.
 */
public final class DatelineParser {
    /** A date-time found in a text: where, the local time as written, how precise, and any offset. */
    public record Stamp(int start, int end, LocalDateTime time, Precision precision, ZoneOffset offset) {
        /** ISO text at its precision: {@code 2024-04-10}, {@code 2024-04-10T00:36}, {@code 2024-04-10T00:36:32}. */
        public String iso() {
            String base = switch (precision) {
                case MONTH -> String.format("%04d-%02d", time.getYear(), time.getMonthValue());
                case DAY -> time.toLocalDate().toString();
                case MINUTE -> String.format("%sT%02d:%02d", time.toLocalDate(), time.getHour(), time.getMinute());
                case SECOND -> String.format("%sT%02d:%02d:%02d", time.toLocalDate(), time.getHour(), time.getMinute(),
                        time.getSecond());
            };
            return offset == null ? base : base + offset.getId().replace("Z", "+00:00");
        }

        /** Whether a time of day is known. */
        public boolean hasTime() {
            return precision == Precision.MINUTE || precision == Precision.SECOND;
        }
    }

    /** How precise a stamp is. */
    public enum Precision { MONTH, DAY, MINUTE, SECOND }

    private static final Pattern DATE_TIME = Pattern.compile(
            "(?<![0-9])(?:(?<y>(?:19|20)\\d{2})\\s*[-/.年]\\s*(?<m>\\d{1,2})\\s*[-/.月]\\s*(?<d>\\d{1,2})(?![0-9])\\s*日?"
                    + "|(?<um>\\d{1,2})/(?<ud>\\d{1,2})/(?<uy>(?:19|20)\\d{2})(?![0-9]))"
                    + "(?:\\s*(?:T|\\s|-(?=\\s)|星期.|周.|[(（]\\s*[^)）]{0,4}[)）])*\\s*(?:(?<half>上午|下午|晚上|早上|凌晨|中午)\\s*)?"
                    + "(?<h>\\d{1,2})\\s*[:：时点]\\s*(?<mi>\\d{1,2})(?:\\s*[:：分]\\s*(?<s>\\d{1,2})(?:\\.\\d+)?)?分?秒?"
                    + "(?:\\s*(?<ampm>AM|PM|am|pm)(?![A-Za-z]))?"
                    + "(?:\\s*(?<z>Z|[+-]\\d{2}:?\\d{2}(?![0-9])))?)?");
    private static final Pattern YEAR_MONTH = Pattern.compile(
            "^\\s*((?:19|20)\\d{2})\\s*(?:年\\s*(\\d{1,2})\\s*月|[-/.](\\d{1,2}))\\s*$");

    private DatelineParser() {
    }

    /** Every date-time in {@code text}, in order. */
    public static List<Stamp> findAll(String text) {
        List<Stamp> out = new ArrayList<>();
        if (text == null || !hasFourDigits(text, 0, text.length())) {
            return out;
        }
        Matcher m = dateTimeMatcher(text);
        int from = 0;
        while (nextDateTime(m, text, from)) {
            toStamp(m).ifPresent(out::add);
            from = m.end();
        }
        return out;
    }

    /** The first date-time in {@code text}, if any. */
    public static Optional<Stamp> findFirst(String text) {
        if (text == null || !hasFourDigits(text, 0, text.length())) {
            return Optional.empty();
        }
        Matcher m = dateTimeMatcher(text);
        int from = 0;
        while (nextDateTime(m, text, from)) {
            Optional<Stamp> s = toStamp(m);
            if (s.isPresent()) {
                return s;
            }
            from = m.end();
        }
        return Optional.empty();
    }

    private static Matcher dateTimeMatcher(String text) {
        Matcher m = DATE_TIME.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m;
    }

    /**
     * The next match of the date-time pattern at or after {@code from}, as {@code find()} gives it:
     * every match begins with a digit that follows no digit, so the pattern is tried at those
     * positions only.
     */
    private static boolean nextDateTime(Matcher m, String text, int from) {
        int n = text.length();
        for (int p = from; p < n; p++) {
            char c = text.charAt(p);
            if (c >= '0' && c <= '9' && (p == 0 || text.charAt(p - 1) < '0' || text.charAt(p - 1) > '9')) {
                m.region(p, n);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code text[from, to)} holds four ASCII digits in a row: every date-time this class
     * finds has a four-digit year, so text without them is skipped without running the patterns.
     */
    public static boolean hasFourDigits(CharSequence text, int from, int to) {
        int run = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run == 4) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    /**
     * Parses a metadata value: ISO 8601 (with or without offset), the forms {@link #findFirst} knows,
     * or Unix time in seconds or milliseconds ({@code 1712680592}).
     */
    public static Optional<Stamp> parseValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > 80) {
            return Optional.empty();
        }
        if (v.matches("\\d{10}|\\d{13}")) {
            long secs = v.length() == 13 ? Long.parseLong(v) / 1000 : Long.parseLong(v);
            LocalDateTime t = LocalDateTime.ofEpochSecond(secs, 0, ZoneOffset.ofHours(8));
            if (t.getYear() < 1990 || t.getYear() > 2100) {
                return Optional.empty();
            }
            return Optional.of(new Stamp(0, v.length(), t, Precision.SECOND, ZoneOffset.ofHours(8)));
        }
        try {
            OffsetDateTime odt = OffsetDateTime.parse(v);
            Precision p = v.matches(".*T\\d{2}:\\d{2}:\\d{2}.*") ? Precision.SECOND : Precision.MINUTE;
            return Optional.of(new Stamp(0, v.length(), odt.toLocalDateTime(), p, odt.getOffset()));
        } catch (DateTimeParseException ignored) {
            // not strict ISO: try the page forms
        }
        Optional<Stamp> s = findFirst(v);
        return s.isPresent() ? s : parseYearMonth(v);
    }

    /**
     * A line that is nothing but a year and a month ({@code 2003年5月}, {@code 2003-5}): the first day
     * of that month at {@link Precision#MONTH}.
     */
    public static Optional<Stamp> parseYearMonth(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher m = YEAR_MONTH.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), month, 1);
            return Optional.of(new Stamp(0, line.length(), d.atStartOfDay(), Precision.MONTH, null));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Stamp> toStamp(Matcher m) {
        try {
            LocalDate date;
            int dateEnd;
            if (m.group("y") != null) {
                date = LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
                        Integer.parseInt(m.group("d")));
                dateEnd = m.end("d");
            } else {
                date = LocalDate.of(Integer.parseInt(m.group("uy")), Integer.parseInt(m.group("um")),
                        Integer.parseInt(m.group("ud")));
                dateEnd = m.end("uy");
            }
            if (m.group("h") == null) {
                return Optional.of(new Stamp(m.start(), dateEnd, date.atStartOfDay(), Precision.DAY, null));
            }
            int hour = Integer.parseInt(m.group("h"));
            String half = m.group("half");
            String ampm = m.group("ampm");
            boolean pm = (half != null && (half.equals("下午") || half.equals("晚上")))
                    || (ampm != null && ampm.equalsIgnoreCase("pm"));
            if (pm && hour < 12) {
                hour += 12;
            } else if (ampm != null && ampm.equalsIgnoreCase("am") && hour == 12) {
                hour = 0;
            }
            int minute = Integer.parseInt(m.group("mi"));
            int second = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
            LocalDateTime t = date.atTime(hour, minute, second);
            ZoneOffset offset = null;
            String o = m.group("z");
            if (o != null) {
                offset = "Z".equals(o) ? ZoneOffset.UTC
                        : ZoneOffset.of(o.length() == 5 ? o.substring(0, 3) + ":" + o.substring(3) : o);
            }
            return Optional.of(new Stamp(m.start(), m.end(), t, m.group("s") == null ? Precision.MINUTE : Precision.SECOND,
                    offset));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
