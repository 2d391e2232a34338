package org.finfacts.normalize.number;

/**
 * The outcome of parsing one written number: the {@link ParsedNumber}, or a one-line reason why it
 * was rejected ({@code "too many digits: 100000 (limit 40)"}). Absurd inputs are rejections, never
 * exceptions. Example: {@code parser.parse("三点五亿").number().value()} is 350000000.
 */
public record NumberParse(ParsedNumber number, String rejection) {
    static NumberParse of(ParsedNumber n) {
        return new NumberParse(n, null);
    }

    static NumberParse reject(String why) {
        return new NumberParse(null, why);
    }

    /** Whether the text is a number. */
    public boolean ok() {
        return number != null;
    }
}
