package org.finfacts.ingest;

/**
 * An HTML page as read from the input, before its article is extracted: either undecoded
 * {@code bytes} (a file, a WARC record; {@code httpCharset} from the HTTP header when known) or an
 * already decoded {@code html} string (a JSONL record's {@code html} field). What the record already
 * says about the page ({@code title}, {@code published}, {@code source}) wins over what the page says.
 * {@code fetched} is the crawl time of a WARC record. Example: a JSONL line
 * {@code {"id":"p1","url":"https://...","html":"<html>..."}} becomes {@code RawPage("p1", ..., html, ...)}.
 */
public record RawPage(String id, String origin, byte[] bytes, String html, String httpCharset, String url,
                      String fetched, String title, String published, String source) {
    /** Size of the page as read, in bytes (UTF-16 units for a decoded page). */
    public long size() {
        return bytes != null ? bytes.length : html == null ? 0 : html.length();
    }
}
