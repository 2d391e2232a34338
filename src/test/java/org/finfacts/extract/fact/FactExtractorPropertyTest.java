package org.finfacts.extract.fact;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finfacts.core.Document;
import org.finfacts.core.TestEngine;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Fact;
import org.finfacts.facts.Grain;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.Qualifier;
import org.finfacts.normalize.ResolutionContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any text with any non-overlapping mentions: no exception, and every fact points inside its sentence. */
class FactExtractorPropertyTest {
    private static final String ALPHABET = "向对投资收购营收净利润亏损市值估值融资募资发行票据斥资回购罚款分别其中该公司集团据讯"
            + "领投由与在和、,;:。()《》【】/每股至增加减少预计将累计总同期比较去年2023年亿万元美元0123456789 \n";

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMinLength(0).ofMaxLength(120);
    }

    @Property(tries = 300)
    void neverThrowsAndKeepsFactsInsideTheirSentence(@ForAll("texts") String text, @ForAll long seed) {
        AnalyzedText analyzed = TestEngine.get().analyze(Document.of("p", text));
        String w = analyzed.text();
        Random random = new Random(seed);
        List<Mention> mentions = new ArrayList<>();
        int pos = 0;
        while (pos < w.length()) {
            int start = pos + random.nextInt(6);
            int end = start + 1 + random.nextInt(4);
            if (end > w.length()) {
                break;
            }
            String slice = w.substring(start, end);
            switch (random.nextInt(3)) {
                case 0 -> mentions.add(new MoneyMention(start, end, slice, BigDecimal.TEN, null, null, "CNY", Qualifier.EXACT, null));
                case 1 -> mentions.add(new CompanyMention(start, end, slice, "c" + random.nextInt(3), null, "test", true));
                default -> mentions.add(new DateMention(start, end, slice, random.nextBoolean() ? "2023" : "2023-Q2",
                        random.nextBoolean() ? Grain.YEAR : Grain.QUARTER, null, null, false, null));
            }
            pos = end;
        }
        ResolutionContext context = random.nextBoolean() ? ResolutionContext.unknown()
                : new ResolutionContext(java.time.LocalDateTime.of(2024, 4, 10, 0, 0), Grain.DAY, null, "input");
        List<Fact> facts = TestEngine.get().factExtractor().extract(analyzed, mentions, context);
        assertNotNull(facts);
        for (Fact f : facts) {
            assertNotNull(f.subject());
            assertTrue(f.amount().start() >= f.sentence().start() && f.amount().end() <= f.sentence().end());
            assertTrue(mentions.contains(f.amount()));
        }
    }
}
