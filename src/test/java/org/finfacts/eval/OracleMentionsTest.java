package org.finfacts.eval;

import org.finfacts.core.TestEngine;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class OracleMentionsTest {
    /** 🚀 is one code point but two UTF-16 units; the full-width comma folds to ','. */
    private static final String GOLD = "{\"id\":\"o1\",\"published\":\"2024-04-10\",\"text\":\"🚀就在刚刚，亚马逊向Anthropic追加27.5亿美元投资。\","
            + "\"mentions\":[{\"start\":6,\"end\":9,\"text\":\"亚马逊\",\"type\":\"COMPANY\",\"id\":\"Amazon\"},"
            + "{\"start\":10,\"end\":19,\"text\":\"Anthropic\",\"type\":\"COMPANY\",\"id\":\"Anthropic\"},"
            + "{\"start\":21,\"end\":28,\"text\":\"27.5亿美元\",\"type\":\"MONEY\",\"value\":\"2750000000\",\"currency\":\"USD\",\"qualifier\":\"exact\"}],"
            + "\"facts\":[{\"type\":\"INVESTMENT\",\"subject\":\"Amazon\",\"object\":\"Anthropic\",\"amount_at\":21,\"date\":\"2024-04\"}]}";

    @Test
    void convertsGoldCodePointMentionsToWorkingCopyMentions() {
        EvalDocument gold = EvalDocument.read(GOLD);
        var analyzed = TestEngine.get().analyze(gold.toInput());
        List<Mention> mentions = OracleMentions.of(gold, analyzed);
        assertEquals(3, mentions.size());
        CompanyMention amazon = assertInstanceOf(CompanyMention.class, mentions.get(0));
        assertEquals("亚马逊", amazon.text());
        assertEquals("Amazon", amazon.id());
        MoneyMention money = assertInstanceOf(MoneyMention.class, mentions.get(2));
        assertEquals("27.5亿美元", analyzed.text().substring(money.start(), money.end()));
        assertEquals(0, money.value().compareTo(new java.math.BigDecimal("2750000000")));
    }

    @Test
    void runsTheFactStageOnGoldMentionsAndScoresItsFacts() {
        EvalDocument gold = EvalDocument.read(GOLD);
        EvalDocument system = OracleMentions.run(TestEngine.get(), gold);
        assertEquals(1, system.facts().size());
        EvalFact f = system.facts().get(0);
        assertEquals("INVESTMENT|Amazon|Anthropic|21", f.key());
        assertEquals("2024-04", f.date());
        EvalReport report = Evaluation.score(List.of(gold), OracleMentions.runAll(TestEngine.get(), List.of(gold)));
        assertEquals(1.0, report.factScore("ALL").f1(), 1e-9);
        assertEquals(1, report.factDateScore().allRight());
    }
}
