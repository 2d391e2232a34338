package org.finfacts.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Fact;
import org.finfacts.facts.Mention;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline ({@link Engine#process}) on finance sentences mutated at random and on any
 * Unicode at all: it never fails, every mention lies inside the text with its text equal to the
 * slice (code points), mentions never overlap, sentences and fact evidence lie inside the text, and
 * every fact's amount is one of the document's mentions.
 */
class MutatedInputPropertiesTest {
    private final Engine engine = TestEngine.get();

    @Provide
    Arbitrary<String> finance() {
        return Mutations.financeText();
    }

    @Provide
    Arbitrary<String> anyUnicode() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    @Property(tries = 2000)
    void mutatedFinanceTextIsAnnotatedWithinItsBounds(@ForAll("finance") String text, @ForAll boolean published) {
        check(text, published ? "2024-04-10T09:30:00" : null);
    }

    @Property(tries = 300)
    void anyUnicodeAtAllIsAnnotatedWithinItsBounds(@ForAll("anyUnicode") String text) {
        check(text, "2024-04-10");
    }

    private void check(String text, String published) {
        AnnotatedDocument doc = engine.process(new Document("p", text, null, published, null, null));
        assertNull(doc.error(), () -> "failed on " + Mutations.escape(text));
        assertEquals(text, doc.text());
        List<Mention> mentions = doc.mentions();
        Mutations.assertMentionsInside(text, mentions);
        int cps = text.codePointCount(0, text.length());
        for (int i = 1; i < mentions.size(); i++) {
            Mention a = mentions.get(i - 1);
            Mention b = mentions.get(i);
            assertTrue(a.start() <= b.start() && !a.overlaps(b), () -> "overlap or order: " + a + " / " + b);
        }
        for (Fact.Span s : doc.sentences()) {
            assertTrue(0 <= s.start() && s.start() <= s.end() && s.end() <= cps, () -> "sentence " + s);
        }
        for (Fact f : doc.facts()) {
            assertTrue(mentions.contains(f.amount()), () -> "fact amount not a mention: " + f);
            assertTrue(0 <= f.sentence().start() && f.sentence().end() <= cps, () -> "evidence " + f);
            assertTrue(f.sentence().start() <= f.amount().start() && f.amount().end() <= f.sentence().end(),
                    () -> "amount outside its evidence: " + f);
            assertTrue(f.subjectMention() == null || mentions.contains(f.subjectMention()), () -> "subject " + f);
        }
    }
}
