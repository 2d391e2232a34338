package org.finfacts.index;

import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.MentionType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Query values read through the engine. Keyboard forms never need it; the Chinese forms run once the
 * money and date recognizers are in the engine (each test checks with a probe and is skipped before).
 */
class EngineQueryValuesTest {
    private static boolean engineFinds(String text, MentionType type) {
        AnnotatedDocument d = TestEngine.get().process(new Document("probe", text, null, "2024-04-10", null, null));
        return d.mentions().stream().anyMatch(m -> m.type() == type);
    }

    @Test
    void keyboardFormsAreReadWithoutTheEngine() {
        Engine engine = TestEngine.get();
        EngineAmountParser amounts = new EngineAmountParser(engine);
        assertEquals(new AmountParser.Amount(new BigDecimal("1E+9"), null), amounts.parse("1e9").orElseThrow());
        assertEquals(new AmountParser.Amount(new BigDecimal("2.5E+12"), "USD"), amounts.parse("usd 2.5E12").orElseThrow());
        assertEquals(new AmountParser.Amount(new BigDecimal("1000000"), "CNY"), amounts.parse("1,000,000CNY").orElseThrow());
        assertTrue(amounts.parse("1e999").isEmpty());
        assertTrue(amounts.parse("USD1e9EUR").isEmpty());
        EngineDateRangeParser dates = new EngineDateRangeParser(engine);
        assertEquals(LocalDateTime.parse("2024-03-01T00:00"), dates.parse("2024-03").orElseThrow().start());
        assertEquals(java.util.Set.of("nvidia"), new EngineCompanyResolver(engine).keys(" NVIDIA "));
    }

    @Test
    void chineseAmountsAreReadByTheMoneyRecognizer() {
        Assumptions.assumeTrue(engineFinds("投资10亿美元。", MentionType.MONEY), "no MONEY recognizer in the engine yet");
        EngineAmountParser amounts = new EngineAmountParser(TestEngine.get());
        AmountParser.Amount a = amounts.parse("10亿美元").orElseThrow();
        assertEquals(0, new BigDecimal("1000000000").compareTo(a.value()));
        assertEquals("USD", a.currency());
        AmountParser.Amount b = amounts.parse("1亿元").orElseThrow();
        assertEquals(0, new BigDecimal("100000000").compareTo(b.value()));
        assertEquals("CNY", b.currency());
        assertTrue(amounts.parse("很多钱").isEmpty());
    }

    @Test
    void chineseDatesAreReadByTheDateRecognizer() {
        Assumptions.assumeTrue(engineFinds("2023年营收增长。", MentionType.DATE), "no DATE recognizer in the engine yet");
        Clock april2024 = Clock.fixed(Instant.parse("2024-04-10T00:00:00Z"), ZoneOffset.UTC);
        EngineDateRangeParser dates = new EngineDateRangeParser(TestEngine.get(), april2024);
        Period y2023 = dates.parse("2023年").orElseThrow();
        assertEquals(LocalDateTime.parse("2023-01-01T00:00"), y2023.start());
        assertEquals(LocalDateTime.parse("2024-01-01T00:00"), y2023.end());
        Period march = dates.parse("2023年3月").orElseThrow();
        assertEquals(LocalDateTime.parse("2023-03-01T00:00"), march.start());
        assertEquals(LocalDateTime.parse("2023-04-01T00:00"), march.end());
        assertEquals(LocalDateTime.parse("2023-01-01T00:00"), dates.parse("去年").orElseThrow().start());
    }

    @Test
    void chineseQueryValuesFilterTheIndex(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Assumptions.assumeTrue(engineFinds("投资10亿美元。", MentionType.MONEY), "no MONEY recognizer in the engine yet");
        TestIndex.write(dir, ServerFixture.documents());
        try (ArticleSearcher s = ArticleSearcher.open(dir, TestIndex.RATES,
                ArticleSearcher.QueryValues.engine(TestEngine.get()), ArticleSearcher.Limits.defaults())) {
            assertEquals(1, s.search(SearchRequest.of("company:NVIDIA amount>=1万亿美元")).total());
            assertEquals(2, s.search(SearchRequest.of("amount>=10000亿美元")).total());
            assertEquals(1, s.search(SearchRequest.of("amount:[5亿美元 TO 20亿美元]")).total());
        }
    }
}
