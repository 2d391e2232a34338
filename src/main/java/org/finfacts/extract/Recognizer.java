package org.finfacts.extract;

import org.finfacts.facts.Mention;
import org.finfacts.normalize.ResolutionContext;

import java.util.List;

/**
 * One stage of mention recognition: find, then resolve. The pipeline runs its recognizers in order
 * and merges their mentions. Thread-safe.
 */
public interface Recognizer {
    /** Mentions in working-copy offsets, in any order. */
    List<Mention> recognize(AnalyzedText text, ResolutionContext context);

    /** A short name for reports and benchmarks ({@code money}, {@code date}). */
    String name();

    /** A recognizer made of an extractor and the resolver for its candidates. */
    static <C extends Candidate> Recognizer of(String name, Extractor<C> extractor, Resolver<C> resolver) {
        return new Recognizer() {
            @Override
            public List<Mention> recognize(AnalyzedText text, ResolutionContext context) {
                return resolver.resolve(extractor.find(text), text, context);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
