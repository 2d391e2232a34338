package org.finfacts.index;

import java.util.Optional;

/**
 * Reads the date in a query ({@code date:2024}, {@code date:[2023-01 TO 2023-06]}) as a {@link Period}.
 * {@link #plain()} knows ISO values at any grain ({@code 2024}, {@code 2024-03}, {@code 2024-03-05},
 * {@code 2024-Q1}, {@code 2024-H1}, {@code 2024-W15}) and spans written {@code 2024-01-01..2024-06-30}
 * (from the start of the first to the end of the second); {@link EngineDateRangeParser} adds what the
 * engine's date recognizer reads ({@code 2023年}, {@code 2023年3月}, {@code 去年}).
 */
public interface DateRangeParser {
    /** The period of {@code text}, or empty when it is not a date. */
    Optional<Period> parse(String text);

    /** ISO values and {@code a..b} spans only. */
    static DateRangeParser plain() {
        return DateRangeParser::parsePlain;
    }

    /** The ISO value or {@code a..b} span of {@code text}, or empty. */
    static Optional<Period> parsePlain(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dots = text.indexOf("..");
        if (dots > 0) {
            Optional<Period> a = Period.parseIso(text.substring(0, dots));
            Optional<Period> b = Period.parseIso(text.substring(dots + 2));
            if (a.isPresent() && b.isPresent() && b.get().end().isAfter(a.get().start())) {
                return Optional.of(new Period(a.get().start(), b.get().end()));
            }
            return Optional.empty();
        }
        return Period.parseIso(text);
    }
}
