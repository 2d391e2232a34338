package org.finfacts.normalize.number;

import org.finfacts.core.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberParserTest {
    static final NumberParser PARSER = new NumberParser(NumeralTable.load(ModelStore.bundled()));

    static ParsedNumber ok(String s) {
        NumberParse p = PARSER.parse(s);
        assertTrue(p.ok(), () -> s + " rejected: " + p.rejection());
        return p.number();
    }

    static void assertValue(String expected, String written) {
        ParsedNumber n = ok(written);
        assertNotNull(n.value(), written);
        assertEquals(0, new BigDecimal(expected).compareTo(n.value()), () -> written + " -> " + n.value());
    }

    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource(delimiter = '|', value = {
            "29100000000|291亿",
            "490320000000|4903.2亿",
            "110090000000|1,100.9亿",
            "4780000000000|4.78万亿",
            "63000000|6300万",
            "8646|0.8646万",
            "137768.6|13.77686万",
            "100000000|10000万",
            "11482496.51|11,482,496.51",
            "-176566|-176,566",
            "30000000|3千万",
            "23000000|两千三百万",
            "34000|参万肆仟",
            "10040|一万零四十",
            "100000000000|千亿",
            "350000000|三点五亿",
            "21500000000000000000000000|2.15e25",
            "-32|负三十二",
            "1300|一千三",
            "94000|九万四",
            "990|九百九",
            "130|百三",
            "250|二百五",
            "1050|一千零五十",
            "40050000|四千零五万",
            "500000006|五亿零六",
            "1100000|一百零十万",
            "1012|一千零十二",
            "50|半百",
            "2345|贰仟叁佰肆拾伍",
            "67890|陆万柒仟捌佰玖拾",
            "10|拾",
            "800000000|八億",
            "1500000000000|一万五千亿",
            "400000000|四万万",
            "3006200045200|三兆六十二亿四万五千二",
            "700014600|7亿1万4千6百",
            "4569831148725382|四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二",
            "20300000|2千零30万",
            "45000|4万5000",
            "260000|26万",
            "12.75|十二点七五",
            "0.5|零点五",
            "3600.5|三千六点五",
            "30000000.25|三千万点二五",
            "40000|40k",
            "0.25|.25",
            "-0.75|-.75",
            "32|2^5",
            "0.125|2^-3",
            "-1.6|-16e-1",
            "2023|二〇二三",
            "7|柒"
    })
    void readsNumbersExactly(String expected, String written) {
        assertValue(expected, written);
    }

    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource(delimiter = '|', value = {
            "0.2|五分之一",
            "0.75|四分之三",
            "0.05|一百分之五",
            "0.003|一千分之三",
            "250.5|二百五十又二分之一",
            "-2.25|负二又四分之一",
            "0.6|3/5",
            "2.75|2 3/4"
    })
    void readsFractions(String expected, String written) {
        ParsedNumber n = ok(written);
        assertTrue(n.fraction(), written);
        assertEquals(0, new BigDecimal(expected).compareTo(n.value()), () -> written + " -> " + n.value());
    }

    @Test
    void marksProperFractionsAndRoundsThirdsToTwentyDigits() {
        assertTrue(ok("三分之二").proper());
        assertFalse(ok("二分之五").proper());
        assertEquals("0.33333333333333333333", ok("三分之一").value().toPlainString());
    }

    @Test
    void keepsTheScaleOfPlainArabicAndTidiesMultipliedValues() {
        assertEquals("24.00", ok("24.00").value().toPlainString());
        assertEquals("6.40", ok("6.40").value().toPlainString());
        assertEquals("490320000000", ok("4903.2亿").value().toPlainString());
        assertEquals("100000000", ok("10000万").value().toPlainString());
        assertEquals("21500000000000000000000000", ok("2.15e25").value().toPlainString());
    }

    @Test
    void readsMoreThanAsMoreWithTheBaseValue() {
        ParsedNumber n = ok("300多亿");
        assertEquals(ParsedNumber.Approximation.MORE, n.approximation());
        assertEquals(0, new BigDecimal("30000000000").compareTo(n.value()));
        assertEquals(ParsedNumber.Approximation.MORE, ok("十几亿").approximation());
        assertEquals(0, new BigDecimal("1000000000").compareTo(ok("十几亿").value()));
        assertEquals(0, new BigDecimal("5000000").compareTo(ok("500余万").value()));
        assertEquals(0, new BigDecimal("100000").compareTo(ok("十多万").value()));
        assertEquals(0, new BigDecimal("30000000000000").compareTo(ok("三十万多亿").value()));
    }

    @Test
    void readsSeveralAndLeadingFewAsVague() {
        for (String s : new String[] {"数千万", "几十亿", "数百", "数万"}) {
            ParsedNumber n = ok(s);
            assertEquals(ParsedNumber.Approximation.VAGUE, n.approximation(), s);
            assertNull(n.value(), s);
        }
    }

    @Test
    void readsNeighbouringDigitsAsARoughRange() {
        ParsedNumber n = ok("三四十万");
        assertEquals(ParsedNumber.Approximation.RANGE, n.approximation());
        assertEquals(0, new BigDecimal("300000").compareTo(n.min()));
        assertEquals(0, new BigDecimal("400000").compareTo(n.max()));
        ParsedNumber pair = ok("七八");
        assertTrue(pair.digitSequence());
        assertEquals(0, BigDecimal.valueOf(7).compareTo(pair.min()));
    }

    @Test
    void flagsDigitSequencesForTheExtractorToJudge() {
        assertTrue(ok("三八").digitSequence());
        assertTrue(ok("两两").digitSequence());
        assertEquals(ParsedNumber.Approximation.EXACT, ok("三五").approximation());
    }

    @Test
    void ignoresSpacesBetweenNumerals() {
        assertValue("152", "一百 五 十 二");
        assertValue("0.2", "五 分之 一");
    }

    @ParameterizedTest(name = "rejects {0}")
    @CsvSource(delimiter = '|', value = {"万", "亿亿", "万科", "几", "数", "点五", "五十千", "一亿二亿", "二分之", "1,23", "e5",
            "1/0", "零分之一"})
    void rejectsWhatIsNotANumber(String written) {
        NumberParse p = PARSER.parse(written);
        assertFalse(p.ok(), () -> written + " accepted as " + p.number());
        assertNotNull(p.rejection());
    }

    @Test
    void rejectsAbsurdInputsWithAReasonInsteadOfWorkingForever() {
        String hundredThousandDigits = "9".repeat(100_000);
        assertTrue(PARSER.parse(hundredThousandDigits).rejection().startsWith("too long"));
        assertTrue(PARSER.parse("9".repeat(50)).rejection().startsWith("too many digits"));
        assertTrue(PARSER.parse("一亿亿亿亿").rejection().contains("too many multipliers"));
        assertTrue(PARSER.parse("1e99999").rejection().startsWith("exponent too large"));
        assertTrue(PARSER.parse("1e41").rejection().startsWith("exponent too large"));
        assertTrue(PARSER.parse("9^999").rejection().startsWith("exponent too large"));
        assertTrue(PARSER.parse("9".repeat(38) + "亿").rejection().startsWith("too large"));
    }

    @Test
    void handlesNumbersBeyondLongExactly() {
        assertValue("92233720368547758070000", "9223372036854775807万");
        assertValue("50000000000000000000", "5000亿亿");
        assertValue("10000000000000000", "一亿亿");
        assertValue("202107211321363588510367", "202107211321363588510367");
    }
}
