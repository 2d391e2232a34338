package org.finfacts.eval.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.facts.JsonCodec;
import org.finfacts.ingest.BoundedLineReader;
import org.finfacts.ingest.TextDecoder;
import org.finfacts.text.DatelineParser;
import org.finfacts.text.html.Article;
import org.finfacts.text.html.ArticleExtractor;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores article extraction against a page benchmark in the format of {@code pages/dev.jsonl}:
 * one page per line with {@code html}, its original {@code encoding}, {@code expected}
 * ({@code title}, {@code publish_time}, {@code author}, {@code content} or
 * {@code content_with}/{@code content_without} snippets) and {@code fields_labelled}. Each page is
 * re-encoded to its original bytes, so charset detection runs as it does on crawled files. Reports
 * body character F1 and ROUGE-L over characters (white space ignored), title exact match,
 * publication time at minute grain (at the label's own precision when coarser), author exact
 * match, per source and overall; and extraction throughput on 1 and 2 threads with peak heap.
 */
public final class PagesEvaluation {
    private static final Pattern MONTH_ONLY = Pattern.compile("^\\s*((?:19|20)\\d{2})[-/.年](\\d{1,2})月?\\s*$");

    /** One benchmark page, with its bytes in the original encoding. */
    public record Page(String id, String source, String kind, String url, byte[] bytes, JsonNode expected,
                       List<String> labelled, String notes) {
    }

    /** The outcome on one page; a metric is null where the page has no label for it. */
    public record PageResult(String id, String source, String kind, TextOverlap body, Boolean snippets, Boolean title,
                             Boolean published, Boolean author, String gotTitle, String wantTitle, String gotPublished,
                             String wantPublished, String gotAuthor, String wantAuthor, Article article) {
    }

    /** Averages over a group of pages. */
    public record Summary(int pages, int bodyPages, double bodyF1, double bodyP, double bodyR, double rougeF1,
                          int snippetPages, int snippetsOk, int titlePages, int titleOk, int timePages, int timeOk,
                          int authorPages, int authorOk) {
        /** Title exact-match rate (NaN when no page has a title label). */
        public double titleRate() {
            return titlePages == 0 ? Double.NaN : (double) titleOk / titlePages;
        }

        /** Publication-time accuracy (NaN when no page has a time label). */
        public double timeRate() {
            return timePages == 0 ? Double.NaN : (double) timeOk / timePages;
        }

        /** Author exact-match rate (NaN when no page has an author label). */
        public double authorRate() {
            return authorPages == 0 ? Double.NaN : (double) authorOk / authorPages;
        }
    }

    /** Throughput of one timed pass. */
    public record Throughput(int threads, int pages, long bytes, long nanos, long peakHeapBytes) {
        /** Pages per second. */
        public double pagesPerSecond() {
            return pages / (nanos / 1e9);
        }

        /** Megabytes (2^20 bytes) of HTML per second. */
        public double megabytesPerSecond() {
            return bytes / 1048576.0 / (nanos / 1e9);
        }
    }

    private final ArticleExtractor extractor;

    /** An evaluation of {@code extractor}. */
    public PagesEvaluation(ArticleExtractor extractor) {
        this.extractor = extractor;
    }

    /** Reads the benchmark pages from a JSONL file. */
    public static List<Page> read(Path file) throws IOException {
        List<Page> pages = new ArrayList<>();
        try (BoundedLineReader r = new BoundedLineReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), 50_000_000)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line == BoundedLineReader.TOO_LONG) {
                    continue;
                }
                JsonNode n = JsonCodec.mapper().readTree(line);
                List<String> labelled = new ArrayList<>();
                n.path("fields_labelled").forEach(f -> labelled.add(f.asText()));
                pages.add(new Page(n.path("id").asText("line " + no), n.path("source").asText("?"),
                        n.path("page_kind").asText("?"),
                        n.hasNonNull("url") ? n.get("url").asText() : null,
                        encode(n.path("html").asText(""), n.path("encoding").asText("utf-8")),
                        n.path("expected"), labelled, n.path("notes").asText("")));
            }
        }
        return pages;
    }

    /** The page as its server sent it: {@code utf-8-sig} gets a BOM, {@code gb18030(replace:2)} is GB18030. */
    static byte[] encode(String html, String encoding) {
        String e = encoding.toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").strip();
        if (e.equals("utf-8-sig")) {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[body.length + 3];
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
            System.arraycopy(body, 0, out, 3, body.length);
            return out;
        }
        Charset c = TextDecoder.charsetOrNull(e);
        return html.getBytes(c == null ? StandardCharsets.UTF_8 : c);
    }

    /** Extracts one page the way the batch does: decode its bytes, then extract. */
    public Article extract(Page p) {
        TextDecoder.Decoded d = TextDecoder.decodeHtml(p.bytes(), null);
        return extractor.extract(d.text(), p.url());
    }

    /** Scores every page. */
    public List<PageResult> score(List<Page> pages) {
        List<PageResult> out = new ArrayList<>();
        for (Page p : pages) {
            out.add(score(p, extract(p)));
        }
        return out;
    }

    static PageResult score(Page p, Article a) {
        JsonNode e = p.expected();
        String body = a.isArticle() || !a.paragraphs().isEmpty() ? a.body() : "";
        TextOverlap overlap = null;
        Boolean snippets = null;
        if (p.labelled().contains("content") && e.hasNonNull("content") && !e.get("content").asText().isBlank()) {
            overlap = TextOverlap.of(body, e.get("content").asText());
        } else if (p.labelled().contains("content_with")) {
            String flat = body.replaceAll("\\s+", "");
            boolean ok = true;
            for (JsonNode s : e.path("content_with")) {
                ok &= flat.contains(s.asText().replaceAll("\\s+", ""));
            }
            for (JsonNode s : e.path("content_without")) {
                ok &= !flat.contains(s.asText().replaceAll("\\s+", ""));
            }
            snippets = ok;
        }
        Boolean title = null;
        String wantTitle = null;
        if (p.labelled().contains("title") && e.hasNonNull("title")) {
            wantTitle = e.get("title").asText();
            String got = p.notes().contains("title is the raw <title>") ? a.pageTitle() : a.title();
            title = squash(wantTitle).equals(squash(got));
        }
        Boolean published = null;
        String wantPublished = null;
        if (p.labelled().contains("publish_time") && e.hasNonNull("publish_time")) {
            wantPublished = e.hasNonNull("publish_time_norm") ? e.get("publish_time_norm").asText()
                    : e.get("publish_time").asText();
            published = sameTime(wantPublished, a.published());
        }
        Boolean author = null;
        String wantAuthor = null;
        if (p.labelled().contains("author") && e.hasNonNull("author")) {
            wantAuthor = e.get("author").asText();
            author = squash(wantAuthor).equals(squash(a.author()));
        }
        return new PageResult(p.id(), p.source(), p.kind(), overlap, snippets, title, published, author, a.title(), wantTitle,
                a.published(), wantPublished, a.author(), wantAuthor, a);
    }

    /** Whether a system time matches a label at minute grain, or at the label's precision when coarser. */
    static boolean sameTime(String want, String got) {
        if (got == null) {
            return false;
        }
        Optional<DatelineParser.Stamp> g = DatelineParser.parseValue(got);
        if (g.isEmpty()) {
            return false;
        }
        Matcher month = MONTH_ONLY.matcher(want);
        if (month.matches()) {
            return g.get().time().getYear() == Integer.parseInt(month.group(1))
                    && g.get().time().getMonthValue() == Integer.parseInt(month.group(2));
        }
        Optional<DatelineParser.Stamp> w = DatelineParser.parseValue(want);
        if (w.isEmpty()) {
            return false;
        }
        if (!w.get().time().toLocalDate().equals(g.get().time().toLocalDate())) {
            return false;
        }
        if (!w.get().hasTime()) {
            return true;
        }
        return g.get().hasTime() && w.get().time().getHour() == g.get().time().getHour()
                && w.get().time().getMinute() == g.get().time().getMinute();
    }

    private static String squash(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u00a0\\u3000]+", "");
    }

    /** Averages per source (in first-seen order), per page kind ({@code kind:article}) and overall ({@code all}). */
    public static Map<String, Summary> summarise(List<PageResult> results) {
        Map<String, List<PageResult>> groups = new LinkedHashMap<>();
        for (PageResult r : results) {
            groups.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r);
        }
        for (PageResult r : results) {
            groups.computeIfAbsent("kind:" + r.kind(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Summary> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<PageResult>> g : groups.entrySet()) {
            out.put(g.getKey(), summary(g.getValue()));
        }
        out.put("all", summary(results));
        return out;
    }

    private static Summary summary(List<PageResult> rs) {
        int bodyPages = 0;
        double f = 0;
        double p = 0;
        double r = 0;
        double rouge = 0;
        int snip = 0;
        int snipOk = 0;
        int titles = 0;
        int titleOk = 0;
        int times = 0;
        int timeOk = 0;
        int authors = 0;
        int authorOk = 0;
        for (PageResult x : rs) {
            if (x.body() != null) {
                bodyPages++;
                f += x.body().bag().f1();
                p += x.body().bag().precision();
                r += x.body().bag().recall();
                rouge += x.body().rougeL().f1();
            }
            if (x.snippets() != null) {
                snip++;
                snipOk += x.snippets() ? 1 : 0;
            }
            if (x.title() != null) {
                titles++;
                titleOk += x.title() ? 1 : 0;
            }
            if (x.published() != null) {
                times++;
                timeOk += x.published() ? 1 : 0;
            }
            if (x.author() != null) {
                authors++;
                authorOk += x.author() ? 1 : 0;
            }
        }
        double n = Math.max(1, bodyPages);
        return new Summary(rs.size(), bodyPages, f / n, p / n, r / n, rouge / n, snip, snipOk, titles, titleOk, times,
                timeOk, authors, authorOk);
    }

    /** Times one extraction pass over all pages on {@code threads} threads, with the heap's peak use. */
    public Throughput time(List<Page> pages, int threads) {
        System.gc();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                b.resetPeakUsage();
                heap.add(b);
            }
        }
        long bytes = 0;
        for (Page p : pages) {
            bytes += p.bytes().length;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<Article>> futures = new ArrayList<>();
            for (Page p : pages) {
                futures.add(pool.submit(() -> extract(p)));
            }
            for (Future<Article> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("extraction failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long nanos = System.nanoTime() - t0;
        long peak = 0;
        for (MemoryPoolMXBean b : heap) {
            peak += b.getPeakUsage().getUsed();
        }
        return new Throughput(threads, pages.size(), bytes, nanos, peak);
    }
}
