package org.finfacts.core;

/**
 * A document to annotate: an {@code id}, its {@code text}, and what is known about it. {@code published}
 * is the publication time as given ({@code 2024-04-10}, {@code 2024-04-10T00:36:32}, or with an
 * offset), the reference for relative dates; {@code title}, {@code url}, {@code source} are optional.
 * Example: {@code new Document("a1", "去年营收291亿美元。", null, "2024-04-10", null, null)}.
 */
public record Document(String id, String text, String title, String published, String url, String source) {
    /** A document with only an id and a text. */
    public static Document of(String id, String text) {
        return new Document(id, text, null, null, null, null);
    }
}
