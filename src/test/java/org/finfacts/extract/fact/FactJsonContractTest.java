package org.finfacts.extract.fact;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.finfacts.core.Document;
import org.finfacts.core.TestEngine;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.Fact;
import org.finfacts.facts.JsonCodec;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.Qualifier;
import org.finfacts.normalize.PublicationTime;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facts serialise as ANNOTATION.md's {@code {"type","subject","object","amount_at","date"}} plus the schema's extras. */
class FactJsonContractTest {
    @Test
    void factsOfARealSentenceMatchTheSchemaAndTheContractFields() {
        String text = "就在刚刚,亚马逊向Anthropic追加27.5亿美元投资,此次注资后,亚马逊对Anthropic的总投资达40亿美元。";
        AnalyzedText analyzed = TestEngine.get().analyze(new Document("j", text, null, "2024-04-10", null, null));
        List<Mention> mentions = new ArrayList<>();
        mentions.add(company(text, "亚马逊", 0));
        mentions.add(company(text, "Anthropic", 0));
        mentions.add(money(text, "27.5亿美元", "2750000000"));
        mentions.add(company(text, "亚马逊", text.indexOf("此次")));
        mentions.add(company(text, "Anthropic", text.indexOf("此次")));
        mentions.add(money(text, "40亿美元", "4000000000"));
        mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Fact> facts = TestEngine.get().factExtractor().extract(analyzed, mentions,
                PublicationTime.parse("2024-04-10", "input").orElseThrow());
        assertEquals(2, facts.size());

        AnnotatedDocument doc = new AnnotatedDocument("j", null, "2024-04-10", "input", null, null, text, null,
                List.of(new Fact.Span(0, text.length())), mentions, facts, List.of(), null);
        JsonNode json = new JsonCodec(true).toJson(doc);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(FactJsonContractTest.class.getResourceAsStream("/schema/annotated-document.schema.json"));
        assertEquals(Set.of(), schema.validate(json));

        JsonNode first = json.get("facts").get(0);
        assertEquals("INVESTMENT", first.get("type").asText());
        assertEquals("Amazon", first.get("subject").asText());
        assertEquals("Anthropic", first.get("object").asText());
        assertEquals(text.indexOf("27.5亿美元"), first.get("amount_at").asInt());
        assertEquals("2024-04", first.get("date").asText());
        assertEquals("投资", first.get("trigger").asText());
        JsonNode total = json.get("facts").get(1);
        assertTrue(total.get("cumulative").asBoolean());
        assertEquals(text.indexOf("40亿美元"), total.get("amount_at").asInt());
    }

    private static CompanyMention company(String text, String name, int from) {
        int at = text.indexOf(name, from);
        return new CompanyMention(at, at + name.length(), name, name.equals("亚马逊") ? "Amazon" : name, null, "test", true);
    }

    private static MoneyMention money(String text, String amount, String value) {
        int at = text.indexOf(amount);
        return new MoneyMention(at, at + amount.length(), amount, new BigDecimal(value), null, null, "USD", Qualifier.EXACT, null);
    }
}
