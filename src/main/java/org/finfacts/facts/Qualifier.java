package org.finfacts.facts;

import java.util.Locale;

/**
 * How an amount relates to the number written: {@code 约5万亿} is {@link #APPROX}, {@code 超过300亿}
 * {@link #GT}, {@code 至少10亿} {@link #GE}, {@code 不到1亿} {@link #LT}, {@code 不超过22.84亿} {@link #LE}.
 */
public enum Qualifier {
    EXACT, APPROX, GT, GE, LT, LE;

    /** The lower-case name used in JSON ({@code "approx"}). */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON name; unknown names are {@link #EXACT}. */
    public static Qualifier fromJson(String s) {
        if (s == null) {
            return EXACT;
        }
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return EXACT;
        }
    }
}
