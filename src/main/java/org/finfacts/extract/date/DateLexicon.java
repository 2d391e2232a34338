package org.finfacts.extract.date;

import org.finfacts.core.ModelStore;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word lists and tables the date stage reads from {@code models/date/}: relative words
 * ({@code relative.tsv}), period words ({@code periods.tsv}), weekday names ({@code weekdays.tsv}),
 * holidays ({@code holidays.tsv}), era names ({@code eras.tsv}), count contexts
 * ({@code not-dates.tsv}) and the lunar calendar ({@code lunar-months.tsv}). Loaded once; immutable.
 * Example: {@code lexicon.relative("去年")} is unit YEAR, offset -1, deictic.
 */
public final class DateLexicon {
    /** What a relative word shifts. */
    public enum Unit { YEAR, HALF, QUARTER, MONTH, WEEK, DAY, TRADING_DAY }

    /**
     * A relative word: {@code 去年} is (YEAR, -1, deictic); {@code 上一年} is (YEAR, -1, anaphoric);
     * {@code clauseStart} words ({@code 当日}) are dates only at the start of a clause.
     */
    public record Relative(String word, Unit unit, int offset, boolean anaphoric, boolean clauseStart) {
    }

    /** A period word: kind half/quarter/yearpart/yearend/monthpart with its value ({@code 上半年} half 1). */
    public record Period(String word, String kind, String value) {
    }

    /** A holiday: gregorian or lunar month/day, shifted by {@code shift} days ({@code 除夕}: lunar 1/1, -1). */
    public record Holiday(String name, boolean lunar, int month, int day, int shift) {
    }

    private final Map<String, Relative> relatives = new HashMap<>();
    private final Map<String, Period> periods = new HashMap<>();
    private final Map<String, Integer> weekdays = new HashMap<>();
    private final Map<String, Holiday> holidays = new HashMap<>();
    private final Map<String, Integer> eras = new HashMap<>();
    private final List<String> countAfter = new ArrayList<>();
    private final List<String> countBefore = new ArrayList<>();
    private final List<String> notDatePhrases = new ArrayList<>();
    private final Map<Integer, List<LocalDate>> lunarMonthStarts = new HashMap<>();
    private final Map<Integer, List<Integer>> lunarMonthNumbers = new HashMap<>();
    private final Map<Integer, List<Boolean>> lunarLeap = new HashMap<>();
    private final List<String> words;

    private DateLexicon(ModelStore store) {
        for (ModelStore.Row r : store.rows("date/relative.tsv")) {
            Unit unit = switch (r.get(1)) {
                case "year" -> Unit.YEAR;
                case "half" -> Unit.HALF;
                case "quarter" -> Unit.QUARTER;
                case "month" -> Unit.MONTH;
                case "week" -> Unit.WEEK;
                case "day" -> Unit.DAY;
                case "tradingday" -> Unit.TRADING_DAY;
                default -> throw r.error("unknown unit: " + r.get(1));
            };
            if (!r.get(3).equals("deictic") && !r.get(3).equals("anaphoric")) {
                throw r.error("anchor must be deictic or anaphoric: " + r.get(3));
            }
            if (!r.get(4).isEmpty() && !r.get(4).equals("clause-start")) {
                throw r.error("position must be empty or clause-start: " + r.get(4));
            }
            relatives.put(r.get(0), new Relative(r.get(0), unit, integer(r, 2), r.get(3).equals("anaphoric"),
                    r.get(4).equals("clause-start")));
        }
        for (ModelStore.Row r : store.rows("date/periods.tsv")) {
            String kind = r.get(1);
            String value = r.get(2);
            boolean ok = switch (kind) {
                case "half" -> value.matches("[12]");
                case "quarter" -> value.matches("[1-4]");
                case "yearpart", "monthpart", "yearend" -> value.matches("start|mid|end");
                default -> false;
            };
            if (!ok) {
                throw r.error("bad period kind or value: " + kind + " " + value);
            }
            periods.put(r.get(0), new Period(r.get(0), kind, value));
        }
        for (ModelStore.Row r : store.rows("date/weekdays.tsv")) {
            int d = integer(r, 1);
            if (d < 1 || d > 7) {
                throw r.error("weekday must be 1..7");
            }
            weekdays.put(r.get(0), d);
        }
        for (ModelStore.Row r : store.rows("date/holidays.tsv")) {
            boolean lunar = switch (r.get(1)) {
                case "lunar" -> true;
                case "gregorian" -> false;
                default -> throw r.error("calendar must be gregorian or lunar");
            };
            holidays.put(r.get(0), new Holiday(r.get(0), lunar, integer(r, 2), integer(r, 3), integer(r, 4)));
        }
        for (ModelStore.Row r : store.rows("date/eras.tsv")) {
            eras.put(r.get(0), integer(r, 1));
        }
        for (ModelStore.Row r : store.rows("date/not-dates.tsv")) {
            switch (r.get(0)) {
                case "after" -> countAfter.add(r.get(1));
                case "before" -> countBefore.add(r.get(1));
                default -> throw r.error("position must be after or before");
            }
        }
        for (ModelStore.Row r : store.rows("date/not-date-words.tsv")) {
            notDatePhrases.add(r.get(0));
        }
        for (ModelStore.Row r : store.rows("date/lunar-months.tsv")) {
            int year = integer(r, 0);
            try {
                lunarMonthStarts.computeIfAbsent(year, k -> new ArrayList<>()).add(LocalDate.parse(r.get(3)));
            } catch (DateTimeParseException e) {
                throw r.error("bad date: " + r.get(3));
            }
            lunarMonthNumbers.computeIfAbsent(year, k -> new ArrayList<>()).add(integer(r, 1));
            lunarLeap.computeIfAbsent(year, k -> new ArrayList<>()).add(r.get(2).equals("leap"));
        }
        List<String> all = new ArrayList<>();
        all.addAll(relatives.keySet());
        all.addAll(periods.keySet());
        all.addAll(weekdays.keySet());
        all.addAll(holidays.keySet());
        all.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        words = Collections.unmodifiableList(all);
    }

    private static int integer(ModelStore.Row r, int i) {
        try {
            return Integer.parseInt(r.get(i));
        } catch (NumberFormatException e) {
            throw r.error("not an integer in column " + (i + 1) + ": " + r.get(i));
        }
    }

    /** Loads every date model file from the store; a broken row fails with its file and line. */
    public static DateLexicon load(ModelStore store) {
        return new DateLexicon(store);
    }

    public Relative relative(String word) {
        return relatives.get(word);
    }

    public Period period(String word) {
        return periods.get(word);
    }

    public Integer weekday(String word) {
        return weekdays.get(word);
    }

    public Holiday holiday(String word) {
        return holidays.get(word);
    }

    /** Gregorian year of the first year of an era ({@code 康熙} -> 1662), or null. */
    public Integer eraStart(String name) {
        return eras.get(name);
    }

    /** Era names, longest first. */
    public List<String> eraNames() {
        List<String> names = new ArrayList<>(eras.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed());
        return names;
    }

    /** Every word of the relative, period, weekday and holiday lists, longest first. */
    public List<String> words() {
        return words;
    }

    /** Whether {@code text} at {@code end} continues with a word that makes a number a count. */
    public boolean countFollows(String text, int end) {
        for (String w : countAfter) {
            if (text.startsWith(w, end)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} before {@code start} ends with a word that makes a number a count. */
    public boolean countPrecedes(String text, int start) {
        for (String w : countBefore) {
            if (start >= w.length() && text.startsWith(w, start - w.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the span [start, end) lies inside a phrase that names no date ({@code 今日头条}). */
    public boolean insideNonDatePhrase(String text, int start, int end) {
        for (String p : notDatePhrases) {
            for (int k = Math.max(0, end - p.length()); k <= start; k++) {
                if (text.startsWith(p, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The Gregorian date of a lunar date (non-leap month), or null outside 1900-2100 or for a day
     * the month does not have. {@code lunarToGregorian(2024, 1, 1)} is 2024-02-10.
     */
    public LocalDate lunarToGregorian(int lunarYear, int month, int day) {
        List<LocalDate> starts = lunarMonthStarts.get(lunarYear);
        if (starts == null || day < 1 || day > 30) {
            return null;
        }
        List<Integer> numbers = lunarMonthNumbers.get(lunarYear);
        List<Boolean> leap = lunarLeap.get(lunarYear);
        for (int i = 0; i < starts.size(); i++) {
            if (numbers.get(i) == month && !leap.get(i)) {
                LocalDate start = starts.get(i);
                LocalDate next = i + 1 < starts.size() ? starts.get(i + 1) : nextYearStart(lunarYear);
                LocalDate d = start.plusDays(day - 1L);
                if (next != null && !d.isBefore(next)) {
                    return null;
                }
                return d;
            }
        }
        return null;
    }

    private LocalDate nextYearStart(int lunarYear) {
        List<LocalDate> next = lunarMonthStarts.get(lunarYear + 1);
        return next == null ? null : next.get(0);
    }
}
