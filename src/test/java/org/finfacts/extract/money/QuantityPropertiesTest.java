package org.finfacts.extract.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finfacts.core.Document;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.normalize.number.NumberFormatter;
import org.finfacts.normalize.number.NumberParse;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random inputs: the quantity stage never throws, keeps offsets inside the text, and round-trips amounts. */
class QuantityPropertiesTest {
    private static final MoneyParser PARSER = MoneyParser.bundled();
    private static final String ALPHABET = "0123456789０１２.,，-~至到、和%％$¥￥€£ 零〇一二两三四五六七八九十百千万亿兆"
            + "壹贰叁肆伍陆柒捌玖拾佰仟萬億点多余几数半分之又负约近超过逾以上左右每股元美元港元人民币亿元/吨个百分点成折"
            + "年月日第代码abcAZek^()【】😀𠀀\n"
            + "打对對比大高小低于或等<=>--百分位點個";

    @Provide
    Arbitrary<String> quantityish() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(60)
                .injectDuplicates(0.1);
    }

    @Property(tries = 1500)
    void anyStringParsesWithoutFailureAndSpansMatchTheText(@ForAll("quantityish") String text) {
        List<Mention> all = PARSER.parseAll(text);
        int cps = text.codePointCount(0, text.length());
        for (Mention m : all) {
            assertTrue(0 <= m.start() && m.start() < m.end() && m.end() <= cps, m::toString);
            String slice = text.substring(text.offsetByCodePoints(0, m.start()), text.offsetByCodePoints(0, m.end()));
            assertEquals(slice, m.text());
        }
    }

    @Property(tries = 300)
    void anyUnicodeStringParsesWithoutFailure(@ForAll String text) {
        List<Mention> all = PARSER.parseAll(text);
        int cps = text.codePointCount(0, text.length());
        for (Mention m : all) {
            assertTrue(0 <= m.start() && m.start() < m.end() && m.end() <= cps, m::toString);
        }
    }

    @Property(tries = 200)
    void theEngineKeepsQuantityOffsetsInsideTheText(@ForAll("quantityish") String text) {
        AnnotatedDocument doc = TestEngine.get().process(Document.of("p", text));
        assertNull(doc.error());
        int cps = text.codePointCount(0, text.length());
        for (Mention m : doc.mentions()) {
            assertTrue(0 <= m.start() && m.start() < m.end() && m.end() <= cps, m::toString);
            assertEquals(text.substring(text.offsetByCodePoints(0, m.start()), text.offsetByCodePoints(0, m.end())),
                    m.text());
        }
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        Arbitrary<Long> unscaled = Arbitraries.longs().between(1, 999_999_999_999L);
        Arbitrary<Integer> scale = Arbitraries.integers().between(0, 4);
        return Combinators.combine(unscaled, scale).as(BigDecimal::valueOf);
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("CNY", "USD", "HKD", "EUR", "JPY", "GBP", "KRW", "TWD", "AUD", "CHF");
    }

    @Property(tries = 1000)
    void formattedAmountsParseBackToTheSameAmount(@ForAll("amounts") BigDecimal value,
                                                   @ForAll("currencies") String currency) {
        String written = PARSER.format(value, currency);
        MoneyMention m = PARSER.parseAmount("金额为" + written + "。").orElseThrow(() -> new AssertionError(written));
        assertEquals(0, value.compareTo(m.value()), written);
        assertEquals(currency, m.currency(), written);
        assertEquals(written, m.text());
    }

    @Property(tries = 1000)
    void chineseNumeralsParseBackToTheirValue(@ForAll("wholeNumbers") long n) {
        String written = NumberFormatter.chinese(n);
        NumberParse p = new org.finfacts.normalize.number.NumberParser(PARSER_NUMERALS).parse(written);
        assertTrue(p.ok(), () -> written + ": " + p.rejection());
        assertEquals(0, BigDecimal.valueOf(n).compareTo(p.number().value()), written);
    }

    @Provide
    Arbitrary<Long> wholeNumbers() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 100_000),
                Arbitraries.longs().between(0, 9_999_999_999_999_999L));
    }

    private static final org.finfacts.normalize.number.NumeralTable PARSER_NUMERALS =
            org.finfacts.normalize.number.NumeralTable.load(org.finfacts.core.ModelStore.bundled());
}
