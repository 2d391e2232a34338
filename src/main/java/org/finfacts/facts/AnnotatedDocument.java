package org.finfacts.facts;

import java.util.List;

/**
 * What the engine reports for one document: its mentions and facts with offsets in Unicode code
 * points into {@code text} (the text the offsets refer to: the input text, or the article text
 * extracted from a page), the sentences, title, publication time ({@code published}, with
 * {@code publishedFrom} saying where it came from: {@code input}, {@code text}, or null), and where
 * title and body lie. A failed document has a non-null {@code error} and empty lists.
 * {@code provenance} (may be null) says where the document came from and which text the offsets
 * refer to (see {@link Provenance}); the batch layer fills it in.
 */
public record AnnotatedDocument(String id, String title, String published, String publishedFrom, String url,
                                String source, String text, Regions regions, List<Fact.Span> sentences,
                                List<Mention> mentions, List<Fact> facts, List<String> warnings, String error,
                                Provenance provenance) {

    /** A document without provenance (what the engine itself produces). */
    public AnnotatedDocument(String id, String title, String published, String publishedFrom, String url,
                             String source, String text, Regions regions, List<Fact.Span> sentences,
                             List<Mention> mentions, List<Fact> facts, List<String> warnings, String error) {
        this(id, title, published, publishedFrom, url, source, text, regions, sentences, mentions, facts, warnings,
                error, null);
    }

    /** A document that could not be processed, with the reason. */
    public static AnnotatedDocument failed(String id, String reason) {
        return new AnnotatedDocument(id, null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                List.of(), reason, null);
    }

    /** The same document with its provenance. */
    public AnnotatedDocument withProvenance(Provenance p) {
        return new AnnotatedDocument(id, title, published, publishedFrom, url, source, text, regions, sentences,
                mentions, facts, warnings, error, p);
    }

    /**
     * The same document with {@code extra} warnings put first and, when {@code publishedFrom} is not
     * null and the engine took the publication time from its input, that origin named instead
     * ({@code html}: the time came from the page the text was extracted from).
     */
    public AnnotatedDocument withSourceNotes(List<String> extra, String publishedFromOverride) {
        List<String> all = warnings;
        if (extra != null && !extra.isEmpty()) {
            all = new java.util.ArrayList<>(extra);
            all.addAll(warnings);
            all = List.copyOf(all);
        }
        String from = publishedFromOverride != null && "input".equals(publishedFrom) ? publishedFromOverride : publishedFrom;
        return new AnnotatedDocument(id, title, published, from, url, source, text, regions, sentences, mentions,
                facts, all, error, provenance);
    }

    /** Whether processing failed. */
    public boolean isError() {
        return error != null;
    }
}
