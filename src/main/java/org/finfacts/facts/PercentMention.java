package org.finfacts.facts;

import java.math.BigDecimal;

/**
 * A percentage, valued in percent: {@code 75%} is 75, {@code 百分之二点四} 2.4, {@code 九成} 90,
 * {@code 260%以上} 260 with qualifier {@code ge}. Ranges have null {@code value} and {@code min}/{@code max}.
 * {@code unit} is null for a percentage and names the unit of a change in percentages
 * ({@code 2.4个百分点} is 2.4 with unit {@code 个百分点}: percentage points).
 */
public record PercentMention(int start, int end, String text, BigDecimal value, BigDecimal min, BigDecimal max,
                             Qualifier qualifier, String unit) implements Mention {
    /** A percentage (no unit). */
    public PercentMention(int start, int end, String text, BigDecimal value, BigDecimal min, BigDecimal max,
                          Qualifier qualifier) {
        this(start, end, text, value, min, max, qualifier, null);
    }

    @Override
    public MentionType type() {
        return MentionType.PERCENT;
    }

    @Override
    public PercentMention withSpan(int start, int end, String text) {
        return new PercentMention(start, end, text, value, min, max, qualifier, unit);
    }
}
