package org.finfacts.facts;

import java.util.Locale;

/** The precision of a date value: {@code 2023} is YEAR, {@code 2023-Q1} QUARTER, {@code 2024-04-10} DAY. */
public enum Grain {
    YEAR, HALF, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND;

    /** The lower-case name used in JSON ({@code "month"}). */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON name, or returns null for null or an unknown name. */
    public static Grain fromJson(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
