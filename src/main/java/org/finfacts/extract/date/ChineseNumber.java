package org.finfacts.extract.date;

/**
 * Reads the small numbers that dates are written with: ASCII digits, digit-by-digit Chinese years
 * ({@code 二〇二三} 2023, {@code 零八} 8) and positional Chinese numbers up to 99 ({@code 二十三} 23,
 * {@code 十二} 12, {@code 廿一} 21). Returns -1 for anything else.
 */
final class ChineseNumber {
    private static final String DIGITS = "〇零一二三四五六七八九";

    private ChineseNumber() {
    }

    /** Value of one Chinese digit character, or -1 ({@code 两} is 2). */
    static int digit(char c) {
        if (c == '两') {
            return 2;
        }
        if (c == 'O' || c == 'o' || c == '０') {
            return -1;
        }
        int i = DIGITS.indexOf(c);
        if (i < 0) {
            return -1;
        }
        return i <= 1 ? 0 : i - 1;
    }

    /** Whether the character is a Chinese digit (not 十). */
    static boolean isDigit(char c) {
        return digit(c) >= 0;
    }

    /** {@code 二〇二三} -> 2023: each character one digit. */
    static int digitByDigit(String s) {
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = Character.isDigit(c) && c < 128 ? c - '0' : digit(c);
            if (d < 0 || c == '两') {
                return -1;
            }
            v = v * 10 + d;
        }
        return s.isEmpty() ? -1 : v;
    }

    /** {@code 二十三} -> 23, {@code 十} -> 10, {@code 廿一} -> 21, {@code 9} -> 9, {@code 元} -> 1; else -1. */
    static int small(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return s.length() > 3 ? -1 : Integer.parseInt(s);
        }
        if (s.equals("元")) {
            return 1;
        }
        String t = s.replace("廿", "二十").replace("卅", "三十");
        int ten = t.indexOf('十');
        if (ten < 0) {
            return t.length() == 1 ? digit(t.charAt(0)) : -1;
        }
        if (t.indexOf('十', ten + 1) >= 0) {
            return -1;
        }
        int tens = 1;
        if (ten == 1) {
            tens = digit(t.charAt(0));
        } else if (ten > 1) {
            return -1;
        }
        int ones = 0;
        if (ten < t.length() - 1) {
            if (ten != t.length() - 2) {
                return -1;
            }
            ones = digit(t.charAt(ten + 1));
        }
        if (tens < 1 || ones < 0) {
            return -1;
        }
        return tens * 10 + ones;
    }
}
