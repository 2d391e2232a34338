package org.finfacts.extract.company;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.tokenize.Token;

import java.util.Arrays;
import java.util.List;

/**
 * The tokens of a working copy indexed by position, so that name matching can ask in constant time
 * whether a span starts and ends at token boundaries and which token covers a character. Example:
 * in {@code 平安夜/吃/苹果}, {@code 平安} starts at a token start but does not end at a token end.
 */
final class TokenGrid {
    private final List<Token> tokens;
    private final int[] tokenAt;
    private final boolean[] starts;
    private final boolean[] ends;

    TokenGrid(AnalyzedText text) {
        int n = text.text().length();
        tokens = text.tokens();
        tokenAt = new int[n + 1];
        Arrays.fill(tokenAt, -1);
        starts = new boolean[n + 1];
        ends = new boolean[n + 1];
        for (int i = 0; i < text.tokenCount(); i++) {
            int start = text.tokenStart(i);
            int end = text.tokenEnd(i);
            if (start < 0 || end > n || start >= end) {
                continue;
            }
            starts[start] = true;
            ends[end] = true;
            for (int p = start; p < end; p++) {
                tokenAt[p] = i;
            }
        }
    }

    /** Whether a token starts at {@code pos} (or nothing is tokenized there). */
    boolean isStart(int pos) {
        return pos <= 0 || pos >= tokenAt.length - 1 || starts[pos] || tokenAt[pos] < 0;
    }

    /** Whether a token ends at {@code pos} (or nothing is tokenized there). */
    boolean isEnd(int pos) {
        return pos <= 0 || pos >= tokenAt.length - 1 || ends[pos] || tokenAt[pos - 1] < 0;
    }

    /** The token covering position {@code pos}, or null. */
    Token at(int pos) {
        if (pos < 0 || pos >= tokenAt.length || tokenAt[pos] < 0) {
            return null;
        }
        return tokens.get(tokenAt[pos]);
    }

    /** The tokens, in order. */
    List<Token> tokens() {
        return tokens;
    }

    /** Index of the token covering {@code pos}, or -1. */
    int indexAt(int pos) {
        return pos < 0 || pos >= tokenAt.length ? -1 : tokenAt[pos];
    }
}
