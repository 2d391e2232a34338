package org.finfacts.extract.money;

import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.Qualifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyParserTest {
    static final MoneyParser PARSER = MoneyParser.bundled();

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "10亿美元|1000000000|USD|exact",
            "1亿元|100000000|CNY|exact",
            "$30亿|3000000000|USD|exact",
            "1e9|1000000000|-|exact",
            "291亿|29100000000|-|exact",
            "超过5000万港元|50000000|HKD|gt",
            "近5万亿美元|5000000000000|USD|approx",
            "人民币6000元|6000|CNY|exact",
            "HK$1.2亿|120000000|HKD|exact",
            "１２亿元|1200000000|CNY|exact",
            "两千三百万元|23000000|CNY|exact",
            "1.5亿英镑以上|150000000|GBP|ge",
            "市值大于1万亿美元的公司|1000000000000|USD|gt"
    })
    void parsesAmountsInQueries(String query, String value, String currency, String qualifier) {
        MoneyMention m = PARSER.parseAmount(query).orElseThrow(() -> new AssertionError("no amount in " + query));
        assertEquals(0, new BigDecimal(value).compareTo(m.value()), query);
        assertEquals(currency, m.currency(), query);
        assertEquals(Qualifier.fromJson(qualifier), m.qualifier(), query);
    }

    @Test
    void parsesARangeWithMinAndMax() {
        MoneyMention m = PARSER.parseAmount("投资200-300亿美元的公司").orElseThrow();
        assertNull(m.value());
        assertEquals(0, new BigDecimal("20000000000").compareTo(m.min()));
        assertEquals(0, new BigDecimal("30000000000").compareTo(m.max()));
        assertEquals("USD", m.currency());
    }

    @Test
    void givesCodePointOffsetsOfTheQuery() {
        MoneyMention m = PARSER.parseAmount("😀𠀀营收27.5亿美元").orElseThrow();
        assertEquals(4, m.start());
        assertEquals(11, m.end());
        assertEquals("27.5亿美元", m.text());
    }

    @Test
    void findsNothingWhereThereIsNoAmount() {
        assertEquals(Optional.empty(), PARSER.parseAmount("万科"));
        assertEquals(Optional.empty(), PARSER.parseAmount(""));
        assertEquals(Optional.empty(), PARSER.parseAmount(null));
        assertEquals(Optional.empty(), PARSER.parseAmount("回购2亿股"));
    }

    @Test
    void reportsEveryQuantityOfAText() {
        List<Mention> all = PARSER.parseAll("营收27.5亿美元，增长12%，员工300人。");
        assertEquals(List.of("MONEY", "PERCENT", "NUMBER"), all.stream().map(m -> m.type().name()).toList());
    }

    @Test
    void formatsAmountsTheWayNewsWritesThem() {
        assertEquals("27.5亿美元", PARSER.format(new BigDecimal("2750000000"), "USD"));
        assertEquals("6300万元", PARSER.format(new BigDecimal("63000000"), "CNY"));
        assertEquals("12.34港元", PARSER.format(new BigDecimal("12.34"), "HKD"));
        assertEquals("8646", PARSER.format(new BigDecimal("8646"), null));
        assertThrows(IllegalArgumentException.class, () -> PARSER.format(BigDecimal.ONE, "XYZ"));
    }

    @Test
    void comparesAmountsByValueCurrencyAndQualifier() {
        MoneyMention a = PARSER.parseAmount("1亿元").orElseThrow();
        MoneyMention b = PARSER.parseAmount("10000万元").orElseThrow();
        assertTrue(MoneyParser.sameAmount(a, b));
    }
}
