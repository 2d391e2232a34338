package org.finfacts.text;

import org.finfacts.core.Document;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zero-width characters inside numbers (copied from web pages, or inserted against scrapers) are
 * dropped from the working copy: {@code 26<ZWSP>0亿美元} is 260亿, never a mention {@code 0亿美元} worth
 * nothing (regression: corpus/hostile/zero-width-in-numbers.txt gave five amounts of value 0).
 */
class ZeroWidthCharactersTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "200C", "200D", "2060", "FEFF", "00AD"})
    void anInvisibleCharacterInsideANumberIsDropped(String hex) {
        String z = new String(Character.toChars(Integer.parseInt(hex, 16)));
        NormalizedText n = normalizer.normalize("营收26" + z + "0亿美元，增长1" + z + ".5" + z + "%，英" + z + "伟达");
        assertEquals("营收260亿美元,增长1.5%,英伟达", n.text());
        int s = n.text().indexOf("260");
        assertEquals("26" + z + "0亿美元", n.originalSlice(n.originalStart(s), n.originalEnd(s + "260亿美元".length())));
    }

    @Test
    void aZeroWidthSpaceBetweenWordsStaysASpace() {
        assertEquals("Apple Inc 和2024   2025", normalizer.normalize("Apple\u200BInc\u200B和\u200B2024\u200B \u200B2025").text());
    }

    @Test
    void theEngineReadsTheWholeAmountAndReportsTheOriginalSpan() {
        String text = "英伟达季度营收26\u200B0亿美元，净利润1\u200D00亿元。";
        AnnotatedDocument doc = TestEngine.get().process(Document.of("zw", text));
        List<MoneyMention> money = doc.mentions().stream().filter(MoneyMention.class::isInstance)
                .map(MoneyMention.class::cast).toList();
        assertEquals(2, money.size(), doc.mentions().toString());
        assertEquals(0, new BigDecimal("26000000000").compareTo(money.get(0).value()));
        assertEquals("26\u200B0亿美元", money.get(0).text());
        assertEquals(0, new BigDecimal("10000000000").compareTo(money.get(1).value()));
        for (Mention m : doc.mentions()) {
            assertEquals(text.substring(text.offsetByCodePoints(0, m.start()), text.offsetByCodePoints(0, m.end())), m.text());
        }
    }
}
