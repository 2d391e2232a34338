package org.finfacts.cli;

import org.finfacts.core.Engine;
import org.finfacts.core.ModelStore;
import org.finfacts.index.ArticleIndexer;
import org.finfacts.index.ArticleSearcher;
import org.finfacts.index.FxRates;
import org.finfacts.index.IndexBuilder;
import org.finfacts.index.QueryException;
import org.finfacts.index.SearchRequest;
import org.finfacts.index.SearchResults;
import org.finfacts.server.ApiServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The search part of {@code finfacts demo}: indexes the demo's annotated output into a fresh
 * {@code out/demo/index}, runs example queries and prints them as commands to try, and with
 * {@code --serve} starts the API and page on it.
 */
final class DemoSearch {
    private static final List<String> EXAMPLES = List.of(
            "英伟达 市值",
            "company:NVIDIA",
            "type:INVESTMENT amount>=USD1e9",
            "amount>=10亿美元",
            "date:2024 amount>=1e8",
            "\"人工智能\" NOT 泡沫");

    private DemoSearch() {
    }

    static void run(PrintStream o, Engine engine, EngineOptions options, Path annotated, Path index, int threads,
                    boolean serve, int port) throws IOException {
        ModelStore store = options.models == null ? ModelStore.bundled() : ModelStore.directory(options.models);
        FxRates rates = FxRates.load(store);
        clear(index);
        IndexBuilder.Summary s;
        try (ArticleIndexer indexer = ArticleIndexer.open(index, rates)) {
            s = new IndexBuilder(indexer, new IndexBuilder.Options(threads, 5000, Duration.ofSeconds(30), false), null)
                    .fromAnnotated(List.of(annotated.toString()), InputStream.nullInputStream());
            indexer.forceMerge(1);
        }
        o.printf(Locale.ROOT, "indexed %d articles (%d facts, %d money mentions) in %.1f s -> %s%n", s.indexed(), s.facts(),
                s.money(), s.nanos() / 1e9, index);
        try (ArticleSearcher searcher = ArticleSearcher.open(index, rates, ArticleSearcher.QueryValues.engine(engine),
                ArticleSearcher.Limits.defaults())) {
            o.println("example searches (./finfacts search --index " + index + " QUERY, add --json or --facets):");
            for (String q : EXAMPLES) {
                String result;
                try {
                    SearchResults.Articles r = searcher.search(SearchRequest.of(q).withPage(0, 1));
                    result = String.format(Locale.ROOT, "%3d articles", r.total());
                    if (!r.hits().isEmpty() && !r.hits().get(0).records().isEmpty()) {
                        result += "  e.g. " + SearchCommand.describe(r.hits().get(0).records().get(0));
                    }
                } catch (QueryException e) {
                    result = "  (" + e.getMessage() + ")";
                }
                o.printf(Locale.ROOT, "  %-34s %s%n", "'" + q + "'", result);
            }
            if (serve) {
                try (ApiServer server = ApiServer.start(ApiServer.Config.defaults().at("127.0.0.1", port), searcher,
                        engine)) {
                    ServeCommand.serveUntilInterrupted(server, searcher);
                } catch (Exception e) {
                    if (e instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        }
    }

    /** Empties an index folder of an earlier demo (only the flat files Lucene writes there). */
    private static void clear(Path index) throws IOException {
        if (!Files.isDirectory(index)) {
            return;
        }
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.delete(f);
                }
            }
        }
    }
}
