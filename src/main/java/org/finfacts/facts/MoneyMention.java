package org.finfacts.facts;

import java.math.BigDecimal;

/**
 * An amount of money: {@code 4903.2亿元人民币} is value 490320000000, currency CNY. A range
 * ({@code 200-300亿美元}) has a null {@code value} and {@code min}/{@code max}. {@code currency} is an
 * ISO 4217 code, null only where no currency word applies. {@code per} names the unit a price is per
 * ({@code 28.11元/股} gives {@code 股}), else null.
 */
public record MoneyMention(int start, int end, String text, BigDecimal value, BigDecimal min, BigDecimal max,
                           String currency, Qualifier qualifier, String per) implements Mention {
    @Override
    public MentionType type() {
        return MentionType.MONEY;
    }

    /** Whether this is a range with a minimum and a maximum instead of one value. */
    public boolean isRange() {
        return value == null && min != null && max != null;
    }

    @Override
    public MoneyMention withSpan(int start, int end, String text) {
        return new MoneyMention(start, end, text, value, min, max, currency, qualifier, per);
    }
}
