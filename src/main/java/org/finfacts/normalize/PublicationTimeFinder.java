package org.finfacts.normalize;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.DateMention;

import java.util.Optional;

/**
 * Looks for a document's own publication time in its text when none was given
 * ({@code 时间:2024-04-10 00:36:32来源:新媒体}, {@code 发布时间：}, a dateline {@code 格隆汇8月20日丨}).
 */
public interface PublicationTimeFinder {
    /** What was found: the context to resolve against and the mention that carries it. */
    record Found(ResolutionContext context, DateMention mention) {
    }

    /** The publication time stated in the text, if any (mention offsets in the working copy). */
    Optional<Found> find(AnalyzedText text);

    /** A finder that asks each finder in turn and returns the first answer. */
    static PublicationTimeFinder firstOf(PublicationTimeFinder... finders) {
        java.util.List<PublicationTimeFinder> list = java.util.List.of(finders);
        return text -> {
            for (PublicationTimeFinder f : list) {
                Optional<Found> found = f.find(text);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        };
    }

    /** A finder that never finds anything. */
    static PublicationTimeFinder none() {
        return text -> Optional.empty();
    }
}
