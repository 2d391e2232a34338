package org.finfacts.cli;

import org.finfacts.core.Engine;
import org.finfacts.core.ModelStore;
import org.finfacts.index.ArticleIndexer;
import org.finfacts.index.ArticleSearcher;
import org.finfacts.index.FxRates;
import org.finfacts.index.IndexBuilder;
import org.finfacts.index.SearchBenchmark;
import org.finfacts.ingest.InputSource;
import org.finfacts.server.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code finfacts bench-search}: optionally builds an index from an input and reports build rate and
 * size, then starts the API on loopback (or uses {@code --url}) and measures query latency for each
 * client count over a fixed query set, for a fixed time. Ends by itself.
 */
@Command(name = "bench-search", mixinStandardHelpOptions = true,
        description = "Benchmark the search API over HTTP on loopback: index build rate and size (with --input), "
                + "query latency p50/p99 and errors for each number of concurrent clients.")
public final class BenchSearchCommand implements Callable<Integer> {
    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder (built first with --input).")
    Path index;

    @Option(names = "--input", paramLabel = "FILE", description = "Build the index from this input first and report the build rate.")
    List<String> input;

    @Option(names = "--annotated", description = "The --input is annotated JSONL (no engine).")
    boolean annotated;

    @Option(names = "--queries", paramLabel = "FILE|default|mixed", defaultValue = "default",
            description = "Query set: a file (route<TAB>query<TAB>params per line; route search, facts or extract), "
                    + "'default' (16 searches and fact listings) or 'mixed' (the bundled mixed workload: searches, "
                    + "fact listings and extractions) (default: ${DEFAULT-VALUE}).")
    String queries;

    @Option(names = "--clients", paramLabel = "N,...", split = ",", defaultValue = "1,16",
            description = "Concurrent client counts to run (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "20", description = "Measured seconds per client count (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "3", description = "Unmeasured warm-up seconds per client count (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--url", paramLabel = "URL", description = "Benchmark a running server instead of starting one.")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "API token for --url.")
    String token;

    @Option(names = "--document-cache", paramLabel = "N", defaultValue = "512",
            description = "Parsed articles the server keeps for repeated hits; 0 parses every hit (default: ${DEFAULT-VALUE}).")
    int documentCache;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Indexing threads for --input (default: cores).")
    Integer threads;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        PrintStream o = System.out;
        if (seconds < 1 || seconds > 3600 || warmup < 0 || clients.isEmpty() || clients.stream().anyMatch(c -> c < 1 || c > 512)) {
            throw new IllegalArgumentException("--seconds 1..3600, --warmup >= 0, --clients 1..512");
        }
        ModelStore store = engineOptions.models == null ? ModelStore.bundled() : ModelStore.directory(engineOptions.models);
        FxRates rates = FxRates.load(store);
        Engine engine = engineOptions.engine();
        if (input != null && !input.isEmpty()) {
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            IndexBuilder.Summary s;
            try (ArticleIndexer indexer = ArticleIndexer.open(index, rates)) {
                IndexBuilder b = new IndexBuilder(indexer, new IndexBuilder.Options(n, 10_000, Duration.ofSeconds(60), false),
                        null);
                if (annotated) {
                    s = b.fromAnnotated(input, System.in);
                } else {
                    try (InputSource source = new InputSource(input, engineOptions.maxChars, System.in)) {
                        s = b.fromInputs(engine, source);
                    }
                }
            }
            o.printf(Locale.ROOT, "build: %,d articles (%,d failed) in %.1f s = %.0f articles/s; %,d facts, %,d money "
                            + "mentions; index %s%n", s.indexed(), s.failed(), s.nanos() / 1e9, s.articlesPerSecond(),
                    s.facts(), s.money(), IndexCommand.human(IndexCommand.size(index)));
        }
        List<SearchBenchmark.QueryCase> set = queries.equals("default") ? SearchBenchmark.defaultQueries()
                : queries.equals("mixed") ? SearchBenchmark.mixedQueries() : SearchBenchmark.readQueries(Path.of(queries));
        long factQueries = set.stream().filter(SearchBenchmark.QueryCase::factFiltered).count();
        try (ArticleSearcher searcher = ArticleSearcher.open(index, rates, ArticleSearcher.QueryValues.engine(engine),
                ArticleSearcher.Limits.defaults().withDocumentCache(Math.max(0, documentCache)))) {
            ApiServer server = null;
            String base = url;
            if (base == null) {
                server = ApiServer.start(ApiServer.Config.defaults().at("127.0.0.1", 0), searcher, engine);
                base = server.url();
            }
            try {
                ArticleSearcher.Stats stats = searcher.stats();
                o.printf(Locale.ROOT, "index: %,d articles, %,d facts, %,d money mentions, %s; %d queries (%d "
                                + "fact-filtered), %d s per run after %d s warm-up, server %s%n", stats.articles(),
                        stats.facts(), stats.money(), IndexCommand.human(stats.bytes()), set.size(), factQueries,
                        seconds, warmup, base);
                o.println(SearchBenchmark.Figures.header());
                SearchBenchmark bench = new SearchBenchmark();
                for (int c : clients) {
                    SearchBenchmark.Figures f = bench.run(base, token, set, c, Duration.ofSeconds(warmup),
                            Duration.ofSeconds(seconds));
                    o.println(f.row());
                    if (f.routes().size() > 1 || set.stream().anyMatch(q -> !q.route().equals("search"))) {
                        o.println("    " + SearchBenchmark.RouteFigures.header());
                        for (SearchBenchmark.RouteFigures r : f.routes()) {
                            o.println("    " + r.row());
                        }
                    }
                    o.println("    answers by HTTP status: " + f.statuses() + " (599: no answer)");
                    o.flush();
                }
                if (server != null) {
                    Runtime rt = Runtime.getRuntime();
                    double before = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
                    System.gc();
                    o.printf(Locale.ROOT, "heap after the runs: %.0f MB used after a full GC (%.0f MB before it) of "
                                    + "%.0f MB committed, max %.0f MB; server errors counted by the server: %d%n",
                            (rt.totalMemory() - rt.freeMemory()) / 1048576.0, before, rt.totalMemory() / 1048576.0,
                            rt.maxMemory() / 1048576.0, server.serverErrors());
                }
            } finally {
                if (server != null) {
                    server.close();
                }
            }
        }
        return 0;
    }
}
