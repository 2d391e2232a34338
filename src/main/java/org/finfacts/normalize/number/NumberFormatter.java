package org.finfacts.normalize.number;

import java.math.BigDecimal;

/**
 * Writes numbers the way Chinese text does, exactly (the inverse of {@link NumberParser} for these
 * forms): {@code withMultiplier(2750000000)} is {@code 27.5亿}, {@code withMultiplier(63000000)}
 * {@code 6300万}; {@code chinese(23000000)} is {@code 二千三百万}, {@code chinese(10040)} {@code 一万零四十}.
 */
public final class NumberFormatter {
    private static final String DIGITS = "零一二三四五六七八九";
    private static final String[] UNITS = {"", "十", "百", "千"};
    private static final String[] SECTIONS = {"", "万", "亿", "万亿"};

    private NumberFormatter() {
    }

    /** Arabic digits with 亿 or 万 where the value has at least that many digits: 27.5亿, 6300万, 12.34. */
    public static String withMultiplier(BigDecimal value) {
        BigDecimal abs = value.abs();
        if (abs.compareTo(Numbers.pow10(8)) >= 0) {
            return Numbers.tidy(value.movePointLeft(8)).toPlainString() + "亿";
        }
        if (abs.compareTo(Numbers.pow10(4)) >= 0) {
            return Numbers.tidy(value.movePointLeft(4)).toPlainString() + "万";
        }
        return value.toPlainString();
    }

    /** A whole number in Chinese numerals (0 to 10^16 - 1), negative with 负. */
    public static String chinese(long n) {
        if (n < 0) {
            return "负" + chinese(-n);
        }
        if (n == 0) {
            return "零";
        }
        if (n >= 10_000_000_000_000_000L) {
            throw new IllegalArgumentException("too large for Chinese numerals: " + n);
        }
        if (n >= 1_000_000_000_000L) {
            long high = n / 100_000_000L;
            long low = n % 100_000_000L;
            return chinese(high) + "亿" + (low == 0 ? "" : (low < 10_000_000L ? "零" : "") + chinese(low));
        }
        StringBuilder out = new StringBuilder();
        int[] sections = new int[4];
        long rest = n;
        for (int k = 0; k < 4; k++) {
            sections[k] = (int) (rest % 10000);
            rest /= 10000;
        }
        boolean started = false;
        boolean zeroPending = false;
        for (int k = 3; k >= 0; k--) {
            int sec = sections[k];
            if (sec == 0) {
                if (started) {
                    zeroPending = true;
                }
                continue;
            }
            if (started && (zeroPending || sec < 1000)) {
                out.append('零');
            }
            out.append(section(sec, started)).append(SECTIONS[k]);
            started = true;
            zeroPending = false;
        }
        return out.toString();
    }

    private static String section(int sec, boolean inner) {
        StringBuilder b = new StringBuilder();
        boolean zero = false;
        boolean any = false;
        for (int p = 3; p >= 0; p--) {
            int d = sec / pow(p) % 10;
            if (d == 0) {
                if (any) {
                    zero = true;
                }
                continue;
            }
            if (zero) {
                b.append('零');
                zero = false;
            }
            b.append(DIGITS.charAt(d)).append(UNITS[p]);
            any = true;
        }
        return b.toString();
    }

    private static int pow(int p) {
        int r = 1;
        for (int k = 0; k < p; k++) {
            r *= 10;
        }
        return r;
    }
}
