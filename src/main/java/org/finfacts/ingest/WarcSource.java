package org.finfacts.ingest;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the HTML pages of one WARC file (plain or gzipped, read with jwarc): every
 * {@code response} (HTTP, status 2xx) and {@code resource} record with an HTML body becomes a page
 * record whose {@code url} is {@code WARC-Target-URI}, whose {@code fetched} time is
 * {@code WARC-Date} (kept apart from the publication time), whose id is {@code WARC-Record-ID}, and
 * whose charset hint is the HTTP {@code Content-Type} header's. Other records are counted as skipped
 * by reason ({@code warc request record}, {@code not html: image/png}, {@code http status 404}):
 * they are not articles. A body above the page limit is an error record ({@code too large}); a
 * truncated or corrupt archive ends with one error record ({@code truncated archive}) after the
 * records read before the damage. One record's body is held at a time.
 */
final class WarcSource implements Closeable {
    private final WarcReader reader;
    private final String name;
    private final long maxPageBytes;
    private final PageConverter converter;
    private final Map<String, Long> skipped;
    private boolean done;

    WarcSource(InputStream in, String name, long maxPageBytes, PageConverter converter, Map<String, Long> skipped)
            throws IOException {
        this.reader = new WarcReader(in);
        this.reader.onWarning(w -> { });
        this.name = name;
        this.maxPageBytes = maxPageBytes;
        this.converter = converter;
        this.skipped = skipped;
    }

    /** The next page or error record, or null at the end of the archive. */
    InputRecord next() {
        while (!done) {
            long position = reader.position();
            String origin = name + "@" + position;
            Optional<WarcRecord> next;
            try {
                next = reader.next();
            } catch (IOException | RuntimeException e) {
                done = true;
                return InputRecord.failed(origin, origin, "truncated archive: " + describe(e));
            }
            if (next.isEmpty()) {
                done = true;
                return null;
            }
            WarcRecord record = next.get();
            origin = name + "@" + reader.position();
            try {
                InputRecord r = toRecord(record, origin);
                if (r != null) {
                    return r;
                }
            } catch (IOException | RuntimeException e) {
                done = true;
                return InputRecord.failed(idOf(record, origin), origin, "truncated archive: " + describe(e));
            }
        }
        return null;
    }

    private InputRecord toRecord(WarcRecord record, String origin) throws IOException {
        if (!(record instanceof WarcResponse) && !(record instanceof WarcResource)) {
            skip("warc " + record.type() + " record");
            return null;
        }
        WarcTargetRecord target = (WarcTargetRecord) record;
        String id = idOf(record, origin);
        MediaType type;
        MessageBody body;
        if (record instanceof WarcResponse response) {
            MediaType declared = response.contentType();
            if (!declared.base().equals(MediaType.HTTP) && !declared.base().equals(MediaType.HTTP_RESPONSE)) {
                skip("not http: " + declared.base());
                return null;
            }
            HttpResponse http = response.http();
            if (http.status() < 200 || http.status() >= 300) {
                skip("http status " + http.status());
                return null;
            }
            type = http.contentType();
            body = http.bodyDecoded();
        } else {
            type = record.contentType();
            body = record.body();
        }
        String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
        boolean html = base.equals("text/html") || base.equals("application/xhtml+xml");
        boolean unknown = base.isEmpty() || base.equals("application/octet-stream") || base.equals("text/plain");
        if (!html && !unknown) {
            skip("not html: " + base);
            return null;
        }
        byte[] bytes = readBounded(body.stream());
        if (bytes == null) {
            return InputRecord.failed(id, origin, "too large: page of more than " + maxPageBytes + " bytes");
        }
        if (!html && !looksLikeHtml(bytes)) {
            skip("not html: " + (base.isEmpty() ? "no content type" : base));
            return null;
        }
        String charset = type == null ? null : type.parameters().get("charset");
        String fetched = record.date() == null ? null : record.date().toString();
        RawPage page = new RawPage(id, origin, bytes, null, charset, target.target(), fetched, null, null, null);
        return InputRecord.page(page, converter);
    }

    private byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPageBytes + 1));
        if (bytes.length > maxPageBytes) {
            return null;
        }
        return bytes;
    }

    /** Whether the first bytes of a body look like an HTML document. */
    static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("\u00ef\u00bb\u00bf")) {
            head = head.substring(3).stripLeading();
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || (head.startsWith("<?xml") && head.contains("<html")) || head.startsWith("<!--") && head.contains("<html");
    }

    private static String idOf(WarcRecord record, String fallback) {
        try {
            String id = record.id().toString();
            return id.isEmpty() ? fallback : id;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    private String describe(Throwable e) {
        String m = e.getMessage();
        return name + ": " + e.getClass().getSimpleName() + (m == null ? "" : ": " + firstLine(m));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
