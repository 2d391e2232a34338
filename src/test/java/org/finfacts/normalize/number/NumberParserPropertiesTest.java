package org.finfacts.normalize.number;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finfacts.core.Mutations;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The number parser on random numerals and on mutated written numbers: it never fails, it answers
 * a number or a rejection with its reason (never both, never neither), and a number it accepts has
 * a value, a range with min <= max, or is vague ({@code 数千}).
 */
class NumberParserPropertiesTest {
    private static final NumberParser PARSER = NumberParserTest.PARSER;
    private static final String NUMERALS = "0123456789０１２３.．,，-+~～至到e零〇一二两三四五六七八九十百千万亿兆"
            + "壹贰叁肆伍陆柒捌玖拾佰仟萬億点多余几数半分之又负约近超过逾以上左右 ½①𝟐٢\u200B\uD800";

    @Provide
    Arbitrary<String> numerals() {
        return Arbitraries.strings().withChars(NUMERALS.toCharArray()).ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> writtenNumbers() {
        Arbitrary<String> written = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 9_999_999_999_999_999L).map(NumberFormatter::chinese),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e25"), new BigDecimal("1e25")).ofScale(4)
                        .map(NumberFormatter::withMultiplier));
        return Mutations.mutated(written, 4);
    }

    @Property(tries = 2000)
    void randomNumeralsParseOrAreRejectedWithAReason(@ForAll("numerals") String s) {
        check(s);
    }

    @Property(tries = 2000)
    void mutatedWrittenNumbersParseOrAreRejectedWithAReason(@ForAll("writtenNumbers") String s) {
        check(s);
    }

    private static void check(String s) {
        NumberParse p = PARSER.parse(s);
        assertNotNull(p);
        assertTrue(p.ok() == (p.number() != null) && p.ok() == (p.rejection() == null), () -> s + " -> " + p);
        if (p.ok()) {
            ParsedNumber n = p.number();
            assertTrue(n.value() != null || n.min() != null || n.max() != null
                    || n.approximation() == ParsedNumber.Approximation.VAGUE, () -> s + " -> " + n);
            assertTrue(n.min() == null || n.max() == null || n.min().compareTo(n.max()) <= 0, () -> s + " -> " + n);
        }
        NumberParse amount = PARSER.parseAmount(s);
        assertTrue(amount.ok() == (amount.number() != null), () -> s + " -> " + amount);
    }
}
