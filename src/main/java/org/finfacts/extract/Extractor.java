package org.finfacts.extract;

import java.util.List;

/**
 * Finds spans of one kind in analysed text and returns them with their raw parts, without
 * interpreting them (the find step; {@link Resolver} is the interpret step). Implementations are
 * stateless after construction and thread-safe.
 */
public interface Extractor<C extends Candidate> {
    /** Candidates in text order; never null. */
    List<C> find(AnalyzedText text);
}
