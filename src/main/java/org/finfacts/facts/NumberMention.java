package org.finfacts.facts;

import java.math.BigDecimal;

/**
 * A quantity without currency: {@code 两千三百万} is 23000000; {@code 2亿股} is 200000000 with unit
 * {@code 股}; {@code 17倍} is 17 with unit {@code 倍}. Ranges have null {@code value} and
 * {@code min}/{@code max}.
 */
public record NumberMention(int start, int end, String text, BigDecimal value, BigDecimal min, BigDecimal max,
                            String unit, Qualifier qualifier) implements Mention {
    @Override
    public MentionType type() {
        return MentionType.NUMBER;
    }

    @Override
    public NumberMention withSpan(int start, int end, String text) {
        return new NumberMention(start, end, text, value, min, max, unit, qualifier);
    }
}
