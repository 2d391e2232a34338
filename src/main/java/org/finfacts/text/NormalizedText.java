package org.finfacts.text;

/**
 * The working copy of a document's text together with the map back to the original.
 *
 * <p>Extractors search {@link #text()} (normalised: NFKC, full-width folded, spaces inside numbers
 * removed) and address it in UTF-16 indices, as Java strings do. Every reported span is converted
 * with {@link #originalStart(int)} and {@link #originalEnd(int)} into Unicode code point offsets of
 * the text the user gave, so an emoji or a CJK Extension B character never shifts what follows.
 * Example: original {@code "291 亿美元"} has working copy {@code "291亿美元"}; the working span
 * [0, 7) maps back to code points [0, 8).
 */
public final class NormalizedText {
    private final String original;
    private final String text;
    private final int[] originalCodePointOf;
    /** UTF-16 index of each original code point (and the length at the end); null when they coincide. */
    private final int[] originalUtf16OfCodePoint;
    private final int originalLength;

    NormalizedText(String original, String text, int[] originalCodePointOf) {
        this.original = original;
        this.text = text;
        this.originalCodePointOf = originalCodePointOf;
        int cps = original.codePointCount(0, original.length());
        this.originalLength = cps;
        if (cps == original.length()) {
            this.originalUtf16OfCodePoint = null; // no surrogate pairs: code point i is UTF-16 index i
            return;
        }
        int[] utf16 = new int[cps + 1];
        int cp = 0;
        for (int i = 0; i < original.length(); ) {
            utf16[cp++] = i;
            i += Character.charCount(original.codePointAt(i));
        }
        utf16[cps] = original.length();
        this.originalUtf16OfCodePoint = utf16;
    }

    /** The text as the user gave it. */
    public String original() {
        return original;
    }

    /** The normalised working copy that extractors search. */
    public String text() {
        return text;
    }

    /** Length of the original text in Unicode code points. */
    public int originalLength() {
        return originalLength;
    }

    /** Code point offset in the original of the working-copy character at {@code index}. */
    public int originalStart(int index) {
        if (index >= text.length()) {
            return originalLength();
        }
        return originalCodePointOf[index];
    }

    /** Exclusive code point offset in the original of a working-copy span ending at {@code end}. */
    public int originalEnd(int end) {
        if (end <= 0) {
            return 0;
        }
        return originalCodePointOf[end - 1] + 1;
    }

    /**
     * The first working-copy index whose character comes from original code point {@code cp} or a
     * later one (the inverse of {@link #originalStart(int)}; {@code text().length()} past the end).
     */
    public int workingIndex(int cp) {
        int lo = 0;
        int hi = originalCodePointOf.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (originalCodePointOf[mid] < cp) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The original text between two code point offsets. */
    public String originalSlice(int cpStart, int cpEnd) {
        if (originalUtf16OfCodePoint == null) {
            return original.substring(cpStart, cpEnd);
        }
        return original.substring(originalUtf16OfCodePoint[cpStart], originalUtf16OfCodePoint[cpEnd]);
    }
}
