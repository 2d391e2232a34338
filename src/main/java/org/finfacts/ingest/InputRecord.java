package org.finfacts.ingest;

import org.finfacts.core.Document;

/**
 * One input record on its way to the engine: a {@link Document}, or the reason it could not be read
 * ({@code id} then names the record as well as possible: its id, else {@code file:line}).
 * {@code origin} says where it came from ({@code news.jsonl:17}).
 */
public record InputRecord(String id, String origin, Document document, String error) {
    /** A readable record. */
    public static InputRecord ok(Document document, String origin) {
        return new InputRecord(document.id(), origin, document, null);
    }

    /** A record that could not be read, with the reason. */
    public static InputRecord failed(String id, String origin, String reason) {
        return new InputRecord(id == null ? origin : id, origin, null, reason);
    }

    /** Whether the record could not be read. */
    public boolean isError() {
        return error != null;
    }
}
