package org.finfacts.extract.money;

import org.finfacts.extract.Candidate;

import java.util.List;

/**
 * A quantity the {@link QuantityExtractor} found, with its raw parts and no value yet (working-copy
 * UTF-16 offsets). {@code start}/{@code end} are the span the mention will have: from a sign, a
 * currency written before the number ({@code prefix}) or a percent prefix ({@code 百分之}), to the end of
 * the currency word, percent sign or unit. Qualifier words ({@code qualifierBefore},
 * {@code qualifierAfter}), the per-unit ({@code per} from 每X or /X, {@code average} from 日均) and a
 * change verb before the amount ({@code changeVerb}) lie outside the span.
 * Example: for {@code 至少200-300亿美元} the pieces {@code 200} and {@code 300亿美元} joined by {@code -},
 * qualifier word {@code 至少}.
 *
 * @param pieces        one number, or two for a range
 * @param rangeSeparator the raw separator of a range ({@code -}, {@code 至}, {@code 到}), or null
 * @param prefix        a currency written before the number ({@code 人民币}, {@code $}), or null
 * @param percent       a percent mark: {@code %}, {@code ‰}, a prefix such as {@code 百分之} or
 *                      {@code 千分之}, {@code 成} or {@code 折}; null for none
 * @param unit          a NUMBER unit ({@code 股}, {@code 倍}), or null
 * @param listSeparator the separator ({@code 、}, {@code 和}, {@code 及}) joining this to the next
 *                      candidate in a list that may share its unit, or null
 * @param glued         whether Latin letters touch the number's start ({@code Google200-300亿美元})
 * @param chineseOnly   whether the number is written in Chinese numerals only
 */
public record QuantityCandidate(int start, int end, List<Piece> pieces, String rangeSeparator, String prefix,
                                String percent, String unit, String qualifierBefore, String qualifierAfter,
                                String per, String average, String changeVerb, String listSeparator,
                                boolean glued, boolean chineseOnly) implements Candidate {

    /**
     * One number of a candidate: its span, its raw text (sign and multipliers included, e.g.
     * {@code -1.08亿}), the currency word written right after it (or null), and smaller units that
     * follow it ({@code 五元三毛}: tail {@code 三}+{@code 毛}).
     */
    public record Piece(int start, int end, String number, String currency, List<Tail> tails) {
    }

    /** A smaller unit after an amount: number and currency word ({@code 三}, {@code 毛}). */
    public record Tail(String number, String currency) {
    }

    /** Whether this is a range of two pieces. */
    public boolean isRange() {
        return pieces.size() == 2;
    }

    /** The same candidate followed in a list by another. */
    QuantityCandidate withListSeparator(String separator) {
        return new QuantityCandidate(start, end, pieces, rangeSeparator, prefix, percent, unit, qualifierBefore,
                qualifierAfter, per, average, changeVerb, separator, glued, chineseOnly);
    }
}
