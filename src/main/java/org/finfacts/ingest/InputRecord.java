package org.finfacts.ingest;

import org.finfacts.core.Document;
import org.finfacts.facts.Provenance;

import java.util.List;

/**
 * One input record on its way to the engine: a {@link Document} (text as given), an HTML page
 * whose article is extracted when the record is {@linkplain #prepare() prepared} (on a worker
 * thread, so extraction runs in parallel), or the reason it could not be read ({@code id} then names
 * the record as well as possible: its id, else {@code file:line}). {@code origin} says where it came
 * from ({@code news.jsonl:17}, {@code crawl.warc.gz@10422}).
 */
public final class InputRecord {
    /** A record ready for the engine: its document, provenance, warnings, or the reason it has none. */
    public record Prepared(Document document, Provenance provenance, List<String> warnings, String publishedFrom,
                           String error) {
        /** Whether the record could not be turned into a document. */
        public boolean isError() {
            return error != null;
        }
    }

    private final String id;
    private final String origin;
    private final Document document;
    private final List<String> warnings;
    private final RawPage page;
    private final PageConverter converter;
    private final String error;
    private Prepared prepared;

    private InputRecord(String id, String origin, Document document, List<String> warnings, RawPage page,
                        PageConverter converter, String error) {
        this.id = id;
        this.origin = origin;
        this.document = document;
        this.warnings = warnings == null ? List.of() : List.copyOf(warnings);
        this.page = page;
        this.converter = converter;
        this.error = error;
    }

    /** A readable text record. */
    public static InputRecord ok(Document document, String origin) {
        return new InputRecord(document.id(), origin, document, List.of(), null, null, null);
    }

    /** A readable text record with warnings about how it was read ({@code bad charset: decoded lossily ...}). */
    public static InputRecord ok(Document document, String origin, List<String> warnings) {
        return new InputRecord(document.id(), origin, document, warnings, null, null, null);
    }

    /** An HTML page, converted by {@code converter} when prepared. */
    public static InputRecord page(RawPage page, PageConverter converter) {
        return new InputRecord(page.id(), page.origin(), null, List.of(), page, converter, null);
    }

    /** A record that could not be read, with the reason. */
    public static InputRecord failed(String id, String origin, String reason) {
        return new InputRecord(id == null ? origin : id, origin, null, List.of(), null, null, reason);
    }

    /** The record's id. */
    public String id() {
        return id;
    }

    /** Where the record was read. */
    public String origin() {
        return origin;
    }

    /** Why the record could not be read, or null (a page's extraction errors show in {@link #prepare()}). */
    public String error() {
        return error;
    }

    /** Whether the record could not be read. */
    public boolean isError() {
        return error != null;
    }

    /** Whether the record is an HTML page. */
    public boolean isPage() {
        return page != null;
    }

    /** The raw page of a page record, else null. */
    public RawPage page() {
        return page;
    }

    /** The document to annotate (for a page: its extracted article), or null when there is none. */
    public Document document() {
        if (document != null || page == null) {
            return document;
        }
        return prepare().document();
    }

    /** Turns the record into the engine's input; for a page this extracts its article (once). */
    public Prepared prepare() {
        if (prepared != null) {
            return prepared;
        }
        if (error != null) {
            prepared = new Prepared(null, Provenance.input(origin), List.of(), null, error);
        } else if (page == null) {
            prepared = new Prepared(document, Provenance.input(origin), warnings, null, null);
        } else {
            PageConverter.Converted c = converter.convert(page);
            Provenance p = new Provenance("html", page.fetched(), c.author(), origin, null);
            prepared = c.error() != null
                    ? new Prepared(null, p, c.warnings(), null, c.error())
                    : new Prepared(c.document(), p, c.warnings(), c.publishedFromPage() ? "html" : null, null);
        }
        return prepared;
    }
}
