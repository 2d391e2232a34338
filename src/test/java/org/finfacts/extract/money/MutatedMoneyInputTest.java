package org.finfacts.extract.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finfacts.core.Mutations;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.NumberMention;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The money and quantity recognizer ({@link MoneyParser}) on mutated finance sentences: no failure,
 * offsets inside the text, mention text = slice, every amount a value, a range or vague ({@code 数千万元}); and written
 * amounts (negative, fractional, far beyond {@code long}) read back to the same value and currency.
 */
class MutatedMoneyInputTest {
    private static final MoneyParser PARSER = MoneyParser.bundled();

    @Provide
    Arbitrary<String> finance() {
        return Mutations.financeText();
    }

    @Property(tries = 2000)
    void mutatedSentencesGiveMentionsInsideTheText(@ForAll("finance") String text) {
        List<Mention> all = PARSER.parseAll(text);
        Mutations.assertMentionsInside(text, all);
        for (Mention m : all) {
            if (m instanceof MoneyMention money) {
                assertTrue(money.value() != null || money.min() != null || money.max() != null
                        || money.qualifier() == org.finfacts.facts.Qualifier.APPROX, money::toString);
            }
            if (m instanceof NumberMention n) {
                assertTrue(n.value() != null || n.min() != null || n.max() != null
                        || n.qualifier() == org.finfacts.facts.Qualifier.APPROX, n::toString);
            }
        }
    }

    @Provide
    Arbitrary<BigDecimal> bigAmounts() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(),
                BigInteger.TEN.pow(30)).filter(b -> b.signum() != 0);
        return Combinators.combine(unscaled, Arbitraries.integers().between(0, 6)).as(BigDecimal::new);
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("CNY", "USD", "HKD", "EUR", "JPY", "GBP", "KRW", "TWD", "AUD", "CHF", "SGD", "CAD");
    }

    @Property(tries = 1000)
    void amountsBeyondLongRoundTripThroughFormatAndParse(@ForAll("bigAmounts") BigDecimal value,
                                                           @ForAll("currencies") String currency) {
        String written = PARSER.format(value, currency);
        MoneyMention m = PARSER.parseAmount("公司披露金额为" + written + "，").orElseThrow(() -> new AssertionError(written));
        assertEquals(0, value.compareTo(m.value()), written);
        assertEquals(currency, m.currency(), written);
        assertEquals(written, m.text());
    }
}
