package org.finfacts.extract.date;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finfacts.core.ModelStore;
import org.finfacts.core.Mutations;
import org.finfacts.facts.DateMention;
import org.finfacts.normalize.PublicationTime;
import org.finfacts.normalize.ResolutionContext;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The date recognizer ({@link DateParser}) on mutated finance sentences, with and without a
 * publication time: no failure, offsets inside the text, mention text = slice, intervals not empty.
 */
class MutatedDateInputTest {
    private static final DateParser PARSER = DateParser.create(ModelStore.bundled());
    private static final ResolutionContext REF = PublicationTime.parse("2024-04-10T00:36:32", "input").orElseThrow();

    @Provide
    Arbitrary<String> finance() {
        return Mutations.financeText();
    }

    @Property(tries = 2000)
    void mutatedSentencesGiveDatesInsideTheText(@ForAll("finance") String text, @ForAll boolean known) {
        var dates = PARSER.parseAll(text, known ? REF : ResolutionContext.unknown());
        Mutations.assertMentionsInside(text, dates);
        for (DateMention d : dates) {
            assertTrue(d.value() == null || d.intervalStart() != null && d.intervalEnd().isAfter(d.intervalStart()),
                    d::toString);
        }
    }
}
