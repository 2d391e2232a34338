package org.finfacts.ingest;

import org.finfacts.core.Document;
import org.finfacts.text.DatelineParser;
import org.finfacts.text.html.Article;
import org.finfacts.text.html.ArticleExtractor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Turns a {@link RawPage} into the engine's input: decodes its bytes ({@link TextDecoder#decodeHtml}),
 * extracts the article ({@link ArticleExtractor}) and writes it as one text, the text every offset
 * of the output refers to ({@code "text_from": "html"}):
 *
 * <pre>
 * 标题                                     the headline
 *                                          (blank line)
 * 时间:2024-04-10 00:36:32 来源:新浪财经 作者:张三     what is known of time, outlet, byline
 *                                          (blank line)
 * 第一段……                                  body paragraphs, separated by blank lines
 *
 * 第二段……
 * </pre>
 *
 * The time line is left out when nothing of it is known. Pages larger than the limit, pages that
 * decode only lossily (processed, with a warning) and pages without an article (an error with its
 * reason) are reported, never thrown. Pages above {@link #BIG_PAGE_BYTES} are parsed one at a time,
 * so several huge pages on several threads cannot exhaust the heap together. Thread-safe.
 */
public final class PageConverter {
    /** Default largest page accepted: 32 MB. */
    public static final long DEFAULT_MAX_PAGE_BYTES = 32L << 20;
    /** Pages above this size are parsed one at a time. */
    public static final long BIG_PAGE_BYTES = 4L << 20;

    /** The outcome: the document to annotate with what the page said about it, or the reason it has none. */
    public record Converted(Document document, String author, String fetched, List<String> warnings,
                            boolean publishedFromPage, String error) {
        static Converted failed(String reason) {
            return new Converted(null, null, null, List.of(), false, reason);
        }
    }

    private final ArticleExtractor extractor;
    private final long maxPageBytes;
    private final Semaphore bigPages = new Semaphore(1);

    /** A converter using {@code extractor}, refusing pages above {@code maxPageBytes}. */
    public PageConverter(ArticleExtractor extractor, long maxPageBytes) {
        this.extractor = extractor;
        this.maxPageBytes = maxPageBytes;
    }

    /** The extractor in use. */
    public ArticleExtractor extractor() {
        return extractor;
    }

    /** Decodes and extracts one page. */
    public Converted convert(RawPage page) {
        if (page.size() > maxPageBytes) {
            return Converted.failed("too large: page of " + page.size() + " bytes (limit " + maxPageBytes + ")");
        }
        if (page.size() == 0) {
            return Converted.failed("empty page");
        }
        boolean big = page.size() > BIG_PAGE_BYTES;
        if (big) {
            bigPages.acquireUninterruptibly();
        }
        try {
            return convertNow(page);
        } finally {
            if (big) {
                bigPages.release();
            }
        }
    }

    private Converted convertNow(RawPage page) {
        List<String> warnings = new ArrayList<>();
        String html = page.html();
        if (html == null) {
            if (TextDecoder.looksBinary(page.bytes())) {
                return Converted.failed("bad charset: binary content, not text");
            }
            TextDecoder.Decoded d = TextDecoder.decodeHtml(page.bytes(), page.httpCharset());
            if (d.lossy()) {
                warnings.add("bad charset: decoded lossily as " + d.charset() + " ("
                        + TextDecoder.countReplacements(d.text()) + " characters replaced)");
            }
            html = d.text();
        }
        if (html.isBlank()) {
            return Converted.failed("empty page");
        }
        Article a;
        try {
            a = extractor.extract(html, page.url());
        } catch (StackOverflowError e) {
            return Converted.failed("parse failure: page nested too deeply");
        } catch (RuntimeException e) {
            return Converted.failed("parse failure: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
        }
        if (!a.isArticle()) {
            return Converted.failed(a.notArticle());
        }
        String title = page.title() != null && !page.title().isBlank() ? page.title() : a.title();
        boolean publishedFromPage = page.published() == null || page.published().isBlank();
        String published = publishedFromPage ? a.published() : page.published();
        String source = page.source() != null && !page.source().isBlank() ? page.source() : a.source();
        String text = articleText(title, published, source, a.author(), a.paragraphs());
        Document doc = new Document(page.id(), text, title, published, page.url(), source);
        return new Converted(doc, a.author(), page.fetched(), warnings, publishedFromPage && published != null, null);
    }

    /** The engine text of an article (see the class comment for its layout). */
    public static String articleText(String title, String published, String source, String author,
                                     List<String> paragraphs) {
        StringBuilder b = new StringBuilder();
        if (title != null && !title.isBlank()) {
            b.append(title.strip()).append("\n\n");
        }
        StringBuilder line = new StringBuilder();
        if (published != null) {
            line.append("时间:").append(readableTime(published));
        }
        if (source != null && !source.isBlank()) {
            line.append(line.length() > 0 ? " " : "").append("来源:").append(source.strip());
        }
        if (author != null && !author.isBlank()) {
            line.append(line.length() > 0 ? " " : "").append("作者:").append(author.strip());
        }
        if (line.length() > 0) {
            b.append(line).append("\n\n");
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            b.append(paragraphs.get(i));
            if (i + 1 < paragraphs.size()) {
                b.append("\n\n");
            }
        }
        return b.toString().strip();
    }

    private static String readableTime(String iso) {
        return DatelineParser.parseValue(iso)
                .map(s -> s.iso().replace('T', ' ').replaceAll("([+-]\\d{2}:\\d{2}|Z)$", ""))
                .orElse(iso);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
