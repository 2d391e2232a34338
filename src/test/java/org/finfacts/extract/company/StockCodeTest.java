package org.finfacts.extract.company;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class StockCodeTest {
    private static String code(String bracket) {
        StockCode.Found f = StockCode.codeAt(bracket, 0);
        return f == null ? null : f.code();
    }

    @Test
    void readsSixDigitCodesWithTheirExchange() {
        assertEquals("688065.SH", code("(688065)"));
        assertEquals("600519.SH", code("(600519)"));
        assertEquals("000001.SZ", code("(000001)"));
        assertEquals("300750.SZ", code("(300750)"));
        assertEquals("830799.BJ", code("(830799)"));
    }

    @Test
    void readsPrefixedAndSuffixedForms() {
        assertEquals("000560.SZ", code("(SZ 000560，收盘价：3.12元)"));
        assertEquals("600243.SH", code("(SH 600243)"));
        assertEquals("002390.SZ", code("(002390.SZ)"));
        assertEquals("601886.SH", code("(证券代码：601886)"));
    }

    @Test
    void readsHongKongCodesPaddedToFiveDigits() {
        assertEquals("01238.HK", code("(01238)"));
        assertEquals("01113.HK", code("(1113.HK)"));
        assertEquals("03700.HK", code("(03700-HK)"));
        assertEquals("06606.HK", code("(HK06606，股价24.25港元)"));
    }

    @Test
    void readsUsTickersAsWritten() {
        assertEquals("SOGO.US", code("(SOGO.US)"));
        assertEquals("BIDU.US", code("(BIDU.O)"));
    }

    @Test
    void refusesNumbersThatAreNoCodes() {
        assertNull(code("(2023)"));
        assertNull(code("(12%)"));
        assertNull(code("(ABC)"));
    }

    @Test
    void recognisesAnInlineQuote() {
        assertNotNull(StockCode.quoteAt("(5.980,0.29,5.10%)", 0));
        assertNotNull(StockCode.quoteAt("(0.106,0.00,0.00%)", 0));
        assertNull(StockCode.quoteAt("(01238)", 0));
    }
}
