package org.finfacts.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a working copy into sentences at {@code 。！？!?}, line breaks, and the closing quotes or
 * brackets that follow a terminator ({@code 。”}). A run without any terminator is cut at a comma
 * or space once it exceeds {@link #MAX_SENTENCE} characters, so no single sentence can make later
 * stages slow. Leading and trailing white space is left out of each sentence; empty ones are skipped.
 */
public final class SentenceSplitter {
    /** Longest sentence handed to later stages, in UTF-16 units. */
    public static final int MAX_SENTENCE = 600;

    /** Sentences of {@code text}, in order, covering every non-blank character exactly once. */
    public List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int lastSoftBreak = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(out, text, start, i);
                start = i + 1;
                lastSoftBreak = -1;
            } else if (isTerminator(c)) {
                int end = i + 1;
                while (end < n && (isTerminator(text.charAt(end)) || isCloser(text.charAt(end)))) {
                    end++;
                }
                add(out, text, start, end);
                start = end;
                i = end - 1;
                lastSoftBreak = -1;
            } else {
                if (c == '，' || c == ',' || c == ';' || c == ' ' || c == '；') {
                    lastSoftBreak = i + 1;
                }
                if (i - start >= MAX_SENTENCE) {
                    int cut = lastSoftBreak > start ? lastSoftBreak : i;
                    if (cut > start && Character.isHighSurrogate(text.charAt(cut - 1))) {
                        cut++;
                    }
                    add(out, text, start, cut);
                    start = cut;
                    lastSoftBreak = -1;
                }
            }
        }
        add(out, text, start, n);
        return out;
    }

    private static void add(List<Sentence> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(out.size(), start, end));
        }
    }

    private static boolean isTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isCloser(char c) {
        return c == '”' || c == '’' || c == '」' || c == '』' || c == ')' || c == '）' || c == '"' || c == '\'' || c == '】';
    }
}
