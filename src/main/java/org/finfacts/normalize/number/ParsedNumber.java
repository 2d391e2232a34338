package org.finfacts.normalize.number;

import java.math.BigDecimal;

/**
 * The value of a written number. {@code value} is exact; it is null when the number is vague
 * ({@code 数千万}) or a rough range ({@code 三四十万} gives min 300000, max 400000).
 * {@code multiplied} says a multiplier or exponent was applied ({@code 4903.2亿}), so the value is
 * written without trailing zeros; otherwise it keeps the scale it was written with ({@code 24.00}).
 * {@code fraction} marks {@code A分之B} and {@code a/b} forms, {@code proper} those not above 1.
 * Example: {@code 300多亿} is value 30000000000, approximation MORE.
 */
public record ParsedNumber(BigDecimal value, BigDecimal min, BigDecimal max, Approximation approximation,
                           boolean multiplied, boolean chineseOnly, boolean fraction, boolean proper,
                           boolean digitSequence) {

    /** How exact the number is as written. */
    public enum Approximation {
        /** As written: {@code 4903.2亿}. */
        EXACT,
        /** Somewhat more than the value: {@code 300多亿}, {@code 十几亿}, {@code 500余万}. */
        MORE,
        /** Roughly the value: {@code 十来个}. */
        ABOUT,
        /** Unknown within an order of magnitude: {@code 数千万}, {@code 几十亿}; value null. */
        VAGUE,
        /** Between two values: {@code 三四十万}; value null, min and max set. */
        RANGE
    }

    /** A plain exact number. */
    public static ParsedNumber exact(BigDecimal value, boolean multiplied, boolean chineseOnly) {
        return new ParsedNumber(value, null, null, Approximation.EXACT, multiplied, chineseOnly, false, false, false);
    }

    /** Whether a single value is known. */
    public boolean hasValue() {
        return value != null;
    }

    /** The same number scaled by {@code factor} (exact), e.g. a currency unit's scale or a percent. */
    public ParsedNumber times(BigDecimal factor) {
        return new ParsedNumber(mul(value, factor), mul(min, factor), mul(max, factor), approximation,
                multiplied || factor.compareTo(BigDecimal.ONE) != 0, chineseOnly, fraction, proper, digitSequence);
    }

    private static BigDecimal mul(BigDecimal a, BigDecimal f) {
        return a == null ? null : Numbers.tidy(a.multiply(f));
    }
}
