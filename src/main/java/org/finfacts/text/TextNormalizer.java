package org.finfacts.text;

import java.text.Normalizer;

/**
 * Builds the working copy of a text that every extractor searches, keeping a map to the original.
 *
 * <p>Per code point: NFKC (so full-width digits and letters, the ideographic space and Kangxi
 * radicals such as {@code ⾄} U+2F84 become {@code 至}), except enclosed list numerals such as
 * {@code ①}, and vulgar fractions such as {@code ½} (NFKC {@code 1⁄2}: two numbers from one character),
 * which would otherwise turn into digits glued to the text after them. Then short runs of
 * horizontal white space between a digit and a Han character or a percent sign are dropped
 * ({@code 291 亿美元} to {@code 291亿美元}, {@code 2023 年} to {@code 2023年}), and zero-width characters
 * inside numbers and Han words ({@code 26\u200B0亿} to {@code 260亿}). Line breaks are kept.
 * Stateless and thread-safe.
 */
public final class TextNormalizer {
    private static final int MAX_DROPPED_SPACE_RUN = 3;

    /** Normalises {@code original}; never fails, whatever the input holds (lone surrogates included). */
    public NormalizedText normalize(String original) {
        int n = original.length();
        StringBuilder folded = new StringBuilder(n);
        int[] map = new int[Math.max(16, n + 16)];
        int cpIndex = 0;
        for (int i = 0; i < n; ) {
            char ch = original.charAt(i);
            if (ch < 0x80 || (ch >= 0x4E00 && ch <= 0x9FFF)) {
                // the common case: ASCII and CJK unified ideographs stay as they are (CR becomes LF)
                if (folded.length() >= map.length) {
                    map = java.util.Arrays.copyOf(map, map.length * 2);
                }
                map[folded.length()] = cpIndex;
                folded.append(ch == '\r' ? '\n' : ch);
                i++;
                cpIndex++;
                continue;
            }
            int cp = original.codePointAt(i);
            i += Character.charCount(cp);
            String out = cachedFold(cp);
            for (int k = 0; k < out.length(); k++) {
                if (folded.length() >= map.length) {
                    map = java.util.Arrays.copyOf(map, map.length * 2);
                }
                map[folded.length()] = cpIndex;
                folded.append(out.charAt(k));
            }
            cpIndex++;
        }
        return dropSpacesInsideNumbers(original, folded, map);
    }

    /**
     * {@link #fold} of general punctuation (U+2000..206F), CJK symbols and punctuation (U+3000..303F)
     * and full-width forms (U+FF00..FFEF), the non-ideographs Chinese text uses most, computed once.
     */
    private static final String[] GENERAL_PUNCTUATION = foldTable(0x2000, 0x2070);
    private static final String[] CJK_PUNCTUATION = foldTable(0x3000, 0x3040);
    private static final String[] FULL_WIDTH = foldTable(0xFF00, 0xFFF0);

    private static String[] foldTable(int from, int to) {
        String[] t = new String[to - from];
        for (int cp = from; cp < to; cp++) {
            t[cp - from] = fold(cp);
        }
        return t;
    }

    private static String cachedFold(int cp) {
        if (cp >= 0x2000 && cp < 0x2070) {
            return GENERAL_PUNCTUATION[cp - 0x2000];
        }
        if (cp >= 0x3000 && cp < 0x3040) {
            return CJK_PUNCTUATION[cp - 0x3000];
        }
        if (cp >= 0xFF00 && cp < 0xFFF0) {
            return FULL_WIDTH[cp - 0xFF00];
        }
        return fold(cp);
    }

    private static String fold(int cp) {
        if (cp < 0x80) {
            return cp == '\r' ? "\n" : String.valueOf((char) cp);
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            return String.valueOf((char) cp);
        }
        if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
            return "\uFFFD";
        }
        if (isEnclosedNumeral(cp)) {
            return new String(Character.toChars(cp));
        }
        if (cp == 0x3000 || cp == 0x00A0 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009 || cp == 0x202F) {
            return " ";
        }
        if (cp == 0x200B || cp == 0xFEFF) {
            return "\u200B";
        }
        String s = new String(Character.toChars(cp));
        if (Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
            return s;
        }
        String nf = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return nf.isEmpty() ? " " : nf;
    }

    private static boolean isEnclosedNumeral(int cp) {
        return (cp >= 0x00BC && cp <= 0x00BE)
                || (cp >= 0x2460 && cp <= 0x24FF)
                || (cp >= 0x2776 && cp <= 0x2793)
                || (cp >= 0x3220 && cp <= 0x325F)
                || (cp >= 0x3280 && cp <= 0x32BF)
                || (cp >= 0x2150 && cp <= 0x218F);
    }

    private static NormalizedText dropSpacesInsideNumbers(String original, StringBuilder folded, int[] map) {
        int n = folded.length();
        StringBuilder out = new StringBuilder(n);
        int[] outMap = new int[n];
        int o = 0;
        for (int i = 0; i < n; ) {
            char c = folded.charAt(i);
            if ((isHorizontalSpace(c) || isInvisible(c)) && o > 0) {
                int j = i;
                int spaces = 0;
                while (j < n && (isHorizontalSpace(folded.charAt(j)) || isInvisible(folded.charAt(j)))) {
                    spaces += isHorizontalSpace(folded.charAt(j)) ? 1 : 0;
                    j++;
                }
                if (j < n && (spaces <= MAX_DROPPED_SPACE_RUN && joinsNumber(out.charAt(o - 1), folded.charAt(j))
                        || spaces == 0 && joinsAcrossInvisible(out.charAt(o - 1), folded.charAt(j)))) {
                    i = j;
                    continue;
                }
                while (i < j) {
                    char k = folded.charAt(i);
                    out.append(k == '\u200B' ? ' ' : k);
                    outMap[o++] = map[i];
                    i++;
                }
                continue;
            }
            if (c == '\u200B') {
                c = ' ';
            }
            out.append(c);
            outMap[o++] = map[i];
            i++;
        }
        return new NormalizedText(original, out.toString(), java.util.Arrays.copyOf(outMap, o));
    }

    private static boolean isHorizontalSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * Zero-width and invisible format characters (zero-width space, joiner and non-joiner, word joiner,
     * byte-order mark, soft hyphen): inside a number or a Han word they are dropped, so
     * {@code 26\u200B0亿美元} reads as {@code 260亿美元}, not as {@code 0亿美元}; elsewhere a zero-width
     * space or byte-order mark is a space and the others stay.
     */
    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\u00AD';
    }

    private static boolean joinsAcrossInvisible(char before, char after) {
        boolean digitBefore = before >= '0' && before <= '9';
        boolean digitAfter = after >= '0' && after <= '9';
        return digitBefore && (digitAfter || after == '.' || after == ',' || after == '%' || isHan(after))
                || digitAfter && (before == '.' || before == ',' || isHan(before))
                || isHan(before) && isHan(after);
    }

    private static boolean joinsNumber(char before, char after) {
        boolean digitBefore = before >= '0' && before <= '9';
        boolean digitAfter = after >= '0' && after <= '9';
        if (digitBefore) {
            return isHan(after) || after == '%';
        }
        return digitAfter && isHan(before);
    }

    static boolean isHan(char c) {
        return c >= 0x3400 && c <= 0x9FFF;
    }
}
