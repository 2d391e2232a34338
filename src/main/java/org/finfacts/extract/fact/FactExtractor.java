package org.finfacts.extract.fact;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.Fact;
import org.finfacts.facts.Mention;
import org.finfacts.normalize.ResolutionContext;

import java.util.List;

/**
 * Ties the mentions of a document into facts (who paid, raised, earned or was worth how much, when).
 * Receives the merged mentions in working-copy offsets, sorted by start. Thread-safe.
 */
public interface FactExtractor {
    /** Facts in text order; never null. */
    List<Fact> extract(AnalyzedText text, List<Mention> mentions, ResolutionContext context);

    /** An extractor that finds nothing. */
    static FactExtractor none() {
        return (text, mentions, context) -> List.of();
    }
}
