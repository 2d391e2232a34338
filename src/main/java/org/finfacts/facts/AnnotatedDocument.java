package org.finfacts.facts;

import java.util.List;

/**
 * What the engine reports for one document: its mentions and facts with offsets in Unicode code
 * points into {@code text} (the text the offsets refer to: the input text, or the article text
 * extracted from a page), the sentences, title, publication time ({@code published}, with
 * {@code publishedFrom} saying where it came from: {@code input}, {@code text}, or null), and where
 * title and body lie. A failed document has a non-null {@code error} and empty lists.
 */
public record AnnotatedDocument(String id, String title, String published, String publishedFrom, String url,
                                String source, String text, Regions regions, List<Fact.Span> sentences,
                                List<Mention> mentions, List<Fact> facts, List<String> warnings, String error) {

    /** A document that could not be processed, with the reason. */
    public static AnnotatedDocument failed(String id, String reason) {
        return new AnnotatedDocument(id, null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                List.of(), reason);
    }

    /** Whether processing failed. */
    public boolean isError() {
        return error != null;
    }
}
