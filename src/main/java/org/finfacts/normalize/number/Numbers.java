package org.finfacts.normalize.number;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Small exact helpers for amounts: powers of ten, tidy output scale, division with a stated
 * precision. No floating point anywhere. Example: {@code tidy(new BigDecimal("4.9032E+11"))} is
 * {@code 490320000000}.
 */
public final class Numbers {
    /** Precision of quotients that do not terminate ({@code 三分之一}): 20 significant digits. */
    public static final MathContext DIVISION = new MathContext(20, RoundingMode.HALF_EVEN);

    private Numbers() {
    }

    /** 10^power, exact. */
    public static BigDecimal pow10(int power) {
        return BigDecimal.ONE.scaleByPowerOfTen(power);
    }

    /** Without trailing zeros and never in exponent form: 4.9032E+11 becomes 490320000000, 2.50 becomes 2.5. */
    public static BigDecimal tidy(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** a / b, exact when it terminates, else rounded to {@link #DIVISION}. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        try {
            return tidy(a.divide(b));
        } catch (ArithmeticException nonTerminating) {
            return tidy(a.divide(b, DIVISION));
        }
    }

    /** Digits before the decimal point (0 for |v| < 1). */
    public static int integerDigits(BigDecimal v) {
        BigDecimal a = v.abs();
        if (a.compareTo(BigDecimal.ONE) < 0) {
            return 0;
        }
        return a.precision() - a.scale();
    }
}
