package org.finfacts.extract;

import org.finfacts.facts.Mention;
import org.finfacts.normalize.ResolutionContext;

import java.util.List;

/**
 * Turns the candidates an {@link Extractor} found in one document into typed mentions with values,
 * using the document's {@link ResolutionContext} (its publication time). Sees all candidates of the
 * document at once, so it can resolve one against another ({@code 2023年…比上一年}, a company's
 * short and full names). Thread-safe.
 */
public interface Resolver<C extends Candidate> {
    /** Mentions in working-copy offsets; candidates that do not resolve are dropped. */
    List<Mention> resolve(List<C> candidates, AnalyzedText text, ResolutionContext context);
}
