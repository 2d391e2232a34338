package org.finfacts.core;

import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Mention;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {
    private final Engine engine = TestEngine.get();

    static void assertOffsetsExact(AnnotatedDocument doc) {
        String text = doc.text();
        int cps = text.codePointCount(0, text.length());
        for (Mention m : doc.mentions()) {
            assertTrue(m.start() >= 0 && m.start() < m.end() && m.end() <= cps, "offsets inside the text: " + m);
            String slice = text.substring(text.offsetByCodePoints(0, m.start()), text.offsetByCodePoints(0, m.end()));
            assertEquals(slice, m.text(), "mention text is text[start:end] in code points");
        }
    }

    @Test
    void reportsOffsetsInCodePointsAfterEmojiAndExtensionB() {
        AnnotatedDocument doc = engine.process(Document.of("e", "😀😀𠀀𠀁据报道，黄仁勋表示英伟达将继续投资。"));
        assertNull(doc.error());
        assertOffsetsExact(doc);
        Mention person = doc.mentions().stream().filter(m -> m.text().equals("黄仁勋")).findFirst().orElseThrow();
        assertEquals(8, person.start());
        assertEquals(11, person.end());
    }

    @Test
    void sentencesAreCodePointSpans() {
        AnnotatedDocument doc = engine.process(Document.of("s", "😀第一句。第二句!"));
        assertEquals(2, doc.sentences().size());
        assertEquals(0, doc.sentences().get(0).start());
        assertEquals(5, doc.sentences().get(0).end());
        assertEquals(5, doc.sentences().get(1).start());
        assertEquals(9, doc.sentences().get(1).end());
    }

    @Test
    void refusesMissingAndOversizedTextWithAReason() {
        assertEquals("no text", engine.process(new Document("x", null, null, null, null, null)).error());
        Engine small = Engine.create(EngineConfig.defaults().withMaxChars(10));
        AnnotatedDocument big = small.process(Document.of("big", "字".repeat(11)));
        assertNotNull(big.error());
        assertTrue(big.error().startsWith("too large"), big.error());
    }

    @Test
    void keepsTheGivenPublicationTimeAtItsGrain() {
        AnnotatedDocument doc = engine.process(new Document("p", "正文。", null, "2024-04-10T00:36:32", null, null));
        assertEquals("2024-04-10T00:36:32", doc.published());
        assertEquals("input", doc.publishedFrom());
        AnnotatedDocument day = engine.process(new Document("p", "正文。", null, "2024-04-10", null, null));
        assertEquals("2024-04-10", day.published());
    }

    @Test
    void warnsAboutAnUnparseablePublicationTimeInsteadOfFailing() {
        AnnotatedDocument doc = engine.process(new Document("p", "正文。", null, "next tuesday", null, null));
        assertNull(doc.error());
        assertNull(doc.published());
        assertEquals(1, doc.warnings().size());
    }

    @Test
    void survivesEmptyAndWhitespaceText() {
        assertNull(engine.process(Document.of("empty", "")).error());
        assertNull(engine.process(Document.of("blank", " \n\t ")).error());
    }
}
