package org.finfacts.extract.money;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.tokenize.Token;

import java.util.List;

/**
 * Where the tokenizer cut the working copy: token boundaries and the token starting at a position.
 * Lets the quantity extractor refuse numerals inside words ({@code 统一}, {@code 一元复始},
 * {@code 万科}). A text analysed without tokens (a short query) answers "boundary" everywhere. Person-name
 * tokens are not trusted to bound words: the name recogniser glues numerals and currency words into
 * names ({@code 占比三/nr}, {@code 万美金/nr}), so every position inside them counts as a boundary.
 */
final class TokenIndex {
    private final boolean[] boundary;
    private final int[] tokenAt;
    private final List<Token> tokens;

    private TokenIndex(boolean[] boundary, int[] tokenAt, List<Token> tokens) {
        this.boundary = boundary;
        this.tokenAt = tokenAt;
        this.tokens = tokens;
    }

    static TokenIndex of(AnalyzedText text) {
        List<Token> tokens = text.tokens();
        if (tokens.isEmpty()) {
            return new TokenIndex(null, null, tokens);
        }
        int n = text.text().length();
        boolean[] b = new boolean[n + 1];
        int[] at = new int[n + 1];
        java.util.Arrays.fill(at, -1);
        for (int k = 0; k < text.tokenCount(); k++) {
            int start = text.tokenStart(k);
            int end = text.tokenEnd(k);
            if (start >= 0 && end <= n && start < end) {
                b[start] = true;
                b[end] = true;
                at[start] = k;
                if (text.tokenIsPersonName(k)) {
                    for (int p = start + 1; p < end; p++) {
                        b[p] = true;
                    }
                }
            }
        }
        return new TokenIndex(b, at, tokens);
    }

    /** Whether a token starts or ends at {@code pos} (always true without tokens). */
    boolean isBoundary(int pos) {
        return boundary == null || pos < 0 || pos >= boundary.length || boundary[pos];
    }

    /** Whether the tokenizer ran on this text. */
    boolean known() {
        return boundary != null;
    }

    /** The token starting at {@code pos}, or null. */
    Token startingAt(int pos) {
        if (tokenAt == null || pos < 0 || pos >= tokenAt.length || tokenAt[pos] < 0) {
            return null;
        }
        return tokens.get(tokenAt[pos]);
    }
}
