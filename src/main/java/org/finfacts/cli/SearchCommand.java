package org.finfacts.cli;

import org.finfacts.core.ModelStore;
import org.finfacts.facts.Fact;
import org.finfacts.facts.JsonCodec;
import org.finfacts.index.ArticleSearcher;
import org.finfacts.index.FxRates;
import org.finfacts.index.IndexFields;
import org.finfacts.index.SearchJson;
import org.finfacts.index.SearchRequest;
import org.finfacts.index.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code finfacts search}: runs a query against the index and prints a table for people (each hit
 * with its snippet and matching facts with their sentences), or JSON with {@code --json}.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the index: free text, company:, type:, amount>=, amount:[a TO b], currency:, date:, "
                + "source:, title:, published:, AND/OR/NOT, parentheses, \"phrases\". Facts filters in one group "
                + "hold on one fact.")
public final class SearchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query (words are joined with spaces).")
    List<String> query;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder.")
    Path index;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
            description = "relevance, date, date_asc, amount, amount_asc (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits per page (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Hits to skip (default: ${DEFAULT-VALUE}).")
    int offset;

    @Option(names = "--facets", description = "Count facets (company, type, year, currency, source) with sums of amounts.")
    boolean facets;

    @Option(names = "--facts", description = "List matching facts (and with --kinds money mentions) instead of articles.")
    boolean facts;

    @Option(names = "--kinds", paramLabel = "K", split = ",", defaultValue = "fact",
            description = "Record kinds listed by --facts: fact, money (default: ${DEFAULT-VALUE}).")
    List<String> kinds;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "10000", description = "Time allowed (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--plain-values", description = "Read amounts and dates in the query without the engine (1e9, 2024-03 only).")
    boolean plainValues;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        PrintStream o = System.out;
        ModelStore store = engineOptions.models == null ? ModelStore.bundled() : ModelStore.directory(engineOptions.models);
        ArticleSearcher.QueryValues values = plainValues ? ArticleSearcher.QueryValues.plain()
                : ArticleSearcher.QueryValues.engine(engineOptions.engine());
        String q = String.join(" ", query);
        SearchRequest request = new SearchRequest(q, SearchRequest.Sort.of(sort), offset, limit, facets,
                new LinkedHashSet<>(kinds), Duration.ofMillis(timeoutMs));
        try (ArticleSearcher searcher = ArticleSearcher.open(index, FxRates.load(store), values,
                ArticleSearcher.Limits.defaults())) {
            if (facts) {
                SearchResults.Records r = searcher.records(request);
                if (json) {
                    o.println(JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(SearchJson.records(r)));
                } else {
                    printRecords(o, r);
                }
            } else {
                SearchResults.Articles r = searcher.search(request);
                if (json) {
                    o.println(JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(SearchJson.articles(r)));
                } else {
                    printArticles(o, r);
                }
            }
        }
        return 0;
    }

    private static void printArticles(PrintStream o, SearchResults.Articles r) {
        o.printf(Locale.ROOT, "%,d articles match %s (%.1f ms)%s%n", r.total(), r.query(), r.micros() / 1000.0,
                r.total() > r.hits().size() ? String.format(Locale.ROOT, "; showing %d-%d", r.offset() + 1,
                        r.offset() + r.hits().size()) : "");
        int rank = r.offset();
        for (SearchResults.ArticleHit h : r.hits()) {
            rank++;
            o.printf(Locale.ROOT, "%n%3d. %s  %s  %s  %s%n", rank, h.article().id(), orDash(h.article().published()),
                    orDash(h.article().source()), oneLine(orDash(h.article().title()), 60));
            o.println("     " + marked(h.snippet()));
            for (SearchResults.RecordHit rec : h.records()) {
                o.println("     - " + describe(rec));
                o.println("       " + marked(rec.evidence()));
            }
            if (h.recordCount() > h.records().size()) {
                o.printf(Locale.ROOT, "     (%d more matching records)%n", h.recordCount() - h.records().size());
            }
        }
        if (r.facets() != null) {
            o.println();
            for (Map.Entry<String, List<SearchResults.FacetBucket>> f : r.facets().entrySet()) {
                StringBuilder sb = new StringBuilder();
                for (SearchResults.FacetBucket b : f.getValue()) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(b.value()).append(' ').append(b.articles());
                    if (b.facts() > 0) {
                        sb.append(" (").append(b.facts()).append(" facts");
                        if (b.amountUsd() != null) {
                            sb.append(", USD ").append(compact(b.amountUsd()));
                        }
                        sb.append(')');
                    }
                }
                o.printf(Locale.ROOT, "%-9s %s%n", f.getKey() + ":", sb.length() == 0 ? "-" : sb);
            }
        }
    }

    private static void printRecords(PrintStream o, SearchResults.Records r) {
        o.printf(Locale.ROOT, "%,d records match %s (%.1f ms)%n", r.total(), r.query(), r.micros() / 1000.0);
        int rank = r.offset();
        for (SearchResults.RecordHit h : r.hits()) {
            rank++;
            o.printf(Locale.ROOT, "%n%3d. %s  [%s %s  %s]%n", rank, describe(h), h.article().id(),
                    orDash(h.article().published()), oneLine(orDash(h.article().title()), 40));
            o.println("     " + marked(h.evidence()));
        }
    }

    static String describe(SearchResults.RecordHit h) {
        StringBuilder sb = new StringBuilder();
        if (h.fact() != null) {
            Fact f = h.fact();
            sb.append(f.type()).append(' ').append(f.subject());
            if (f.object() != null) {
                sb.append(" -> ").append(f.object());
            }
            if (f.amount() != null) {
                sb.append(' ').append(f.amount().text());
            }
            if (f.date() != null) {
                sb.append(' ').append(f.date());
            }
        } else if (h.money() != null) {
            sb.append(IndexFields.MONEY).append(' ').append(h.money().text());
            if (h.money().currency() != null) {
                sb.append(" (").append(h.money().currency()).append(')');
            }
        }
        if (h.amountUsd() != null) {
            sb.append("  ~USD ").append(compact(h.amountUsd()));
        }
        return sb.toString();
    }

    static String marked(SearchResults.Snippet s) {
        if (s == null) {
            return "";
        }
        int[] cps = s.text().codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (SearchResults.Highlight h : s.highlights()) {
            sb.append(new String(cps, at, h.start() - at)).append('【')
                    .append(new String(cps, h.start(), h.end() - h.start())).append('】');
            at = h.end();
        }
        sb.append(new String(cps, at, cps.length - at));
        return oneLine(sb.toString(), 400);
    }

    private static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max)) + "…";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    static String compact(BigDecimal usd) {
        double v = usd.doubleValue();
        if (Math.abs(v) >= 1e12) {
            return String.format(Locale.ROOT, "%.2ftn", v / 1e12);
        }
        if (Math.abs(v) >= 1e9) {
            return String.format(Locale.ROOT, "%.2fbn", v / 1e9);
        }
        if (Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.2fm", v / 1e6);
        }
        return usd.setScale(Math.min(2, Math.max(0, usd.scale())), java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
