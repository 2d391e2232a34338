package org.finfacts.facts;

/**
 * Where a reported document came from and what the batch layer learned about it, apart from the
 * facts: {@code textFrom} says which text the offsets refer to ({@code input}: the text as given;
 * {@code html}: the article text extracted from a page), {@code fetched} is the crawl time (a WARC
 * record's date, kept apart from the publication time), {@code author} the byline found on the page,
 * {@code origin} the place in the input ({@code news.jsonl:17}, {@code crawl.warc.gz@1024}), and
 * {@code duplicateOf} the id of the first document (in input order) with a near-identical body.
 * Every field may be null.
 * Example: {@code new Provenance("html", "2024-04-10T01:02:03Z", "张三", "a.warc.gz@0", null)}.
 */
public record Provenance(String textFrom, String fetched, String author, String origin, String duplicateOf) {
    /** Text as given, from {@code origin}. */
    public static Provenance input(String origin) {
        return new Provenance("input", null, null, origin, null);
    }

    /** The same provenance marked as a near-duplicate of {@code firstId}. */
    public Provenance withDuplicateOf(String firstId) {
        return new Provenance(textFrom, fetched, author, origin, firstId);
    }
}
