package org.finfacts.facts;

import org.finfacts.core.Document;
import org.finfacts.core.TestEngine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCodecReadTest {
    private final JsonCodec codec = new JsonCodec(true);

    @Test
    void readsBackWhatItWritesWithFactsTiedToTheirMentions() {
        String text = "亚马逊向Anthropic追加27.5亿美元投资，去年营收5-8亿元。";
        CompanyMention amazon = new CompanyMention(0, 3, "亚马逊", "Amazon", "AMZN", "gazetteer", true);
        CompanyMention anthropic = new CompanyMention(4, 13, "Anthropic", "Anthropic", null, "gazetteer", true);
        MoneyMention money = new MoneyMention(15, 22, "27.5亿美元", new BigDecimal("2750000000"), null, null, "USD",
                Qualifier.EXACT, null);
        DateMention lastYear = new DateMention(25, 27, "去年", "2023", Grain.YEAR, LocalDateTime.parse("2023-01-01T00:00"),
                LocalDateTime.parse("2024-01-01T00:00"), true, null);
        MoneyMention range = new MoneyMention(29, 34, "5-8亿元", null, new BigDecimal("500000000"),
                new BigDecimal("800000000"), "CNY", Qualifier.APPROX, null);
        PercentMention pct = new PercentMention(0, 1, "亚", new BigDecimal("2.4"), null, null, Qualifier.GE, "个百分点");
        NumberMention num = new NumberMention(1, 2, "马", new BigDecimal("1"), null, null, "个", Qualifier.EXACT);
        PersonMention person = new PersonMention(2, 3, "逊");
        Fact fact = new Fact(FactType.INVESTMENT, "Amazon", amazon, "Anthropic", anthropic, money, "2024-04", true,
                true, "increase", true, new Fact.Span(0, 25), "投资");
        AnnotatedDocument doc = new AnnotatedDocument("a1", "标题", "2024-04-10", "input", "http://x", "src", text,
                new Regions(new Fact.Span(0, 2), new Fact.Span(0, 35)), List.of(new Fact.Span(0, 25), new Fact.Span(25, 35)),
                List.of(amazon, anthropic, money, lastYear, range, pct, num, person), List.of(fact), List.of("w"), null);
        String line = codec.write(doc, false);
        AnnotatedDocument back = JsonCodec.readAnnotated(line);
        assertEquals(line, codec.write(back, false));
        assertEquals(doc.mentions(), back.mentions());
        assertSame(back.mentions().get(2), back.facts().get(0).amount());
        assertSame(back.mentions().get(0), back.facts().get(0).subjectMention());
        assertEquals(fact, back.facts().get(0));
    }

    @Test
    void readsEngineOutputAndFailedDocuments() {
        AnnotatedDocument doc = TestEngine.get().process(new Document("e1", "黄仁勋表示，英伟达将继续投资。", "标题",
                "2024-04-10", null, "src"));
        String line = codec.write(doc, false);
        assertEquals(line, codec.write(JsonCodec.readAnnotated(line), false));
        AnnotatedDocument failed = JsonCodec.readAnnotated("{\"id\":\"x\",\"error\":\"too large: 3 characters\",\"mentions\":[],\"facts\":[]}");
        assertTrue(failed.isError());
        assertEquals("x", failed.id());
    }

    @Test
    void refusesLinesThatDoNotFollowTheSchema() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonCodec.readAnnotated("{\"id\":"))
                .getMessage().startsWith("not valid JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> JsonCodec.readAnnotated("{\"id\":\"x\",\"mentions\":[{\"start\":0,\"end\":1,\"text\":\"a\",\"type\":\"FOO\"}]}"))
                .getMessage().contains("unknown mention type"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> JsonCodec.readAnnotated("{\"id\":\"x\",\"mentions\":[],\"facts\":[{\"type\":\"GIFT\"}]}"))
                .getMessage().contains("unknown fact type"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> JsonCodec.readAnnotated("{\"id\":\"x\",\"sentences\":[[1]]}"))
                .getMessage().contains("[start, end] pair"));
    }
}
