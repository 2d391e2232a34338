package org.finfacts.cli;

import org.finfacts.core.ModelStore;
import org.finfacts.index.ArticleIndexer;
import org.finfacts.index.FxRates;
import org.finfacts.index.IndexBuilder;
import org.finfacts.ingest.InputSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code finfacts index}: builds or updates the search index from input documents (running the
 * engine) or from annotated JSONL ({@code --annotated}). Articles are replaced by id, so running it
 * again, or after a crash, leaves one copy of each.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build or update the search index from inputs (runs the engine) or from annotated JSONL "
                + "written by extract (--annotated). Re-indexing replaces articles by id; commits are durable.")
public final class IndexCommand implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files or directories; - or nothing reads stdin.")
    List<String> inputs;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder (created if missing).")
    Path index;

    @Option(names = "--annotated", description = "Inputs are annotated JSONL (output of extract, with text); no engine runs.")
    boolean annotated;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: number of cores).")
    Integer threads;

    @Option(names = "--commit-every", paramLabel = "N", defaultValue = "5000",
            description = "Commit after every N indexed articles (default: ${DEFAULT-VALUE}).")
    int commitEvery;

    @Option(names = "--commit-seconds", paramLabel = "S", defaultValue = "30",
            description = "Commit at least every S seconds while indexing (default: ${DEFAULT-VALUE}).")
    int commitSeconds;

    @Option(names = "--incremental", description = "Skip inputs whose content is unchanged since they were indexed.")
    boolean incremental;

    @Option(names = "--force-merge", description = "Merge the index into one segment at the end (after a bulk build; faster queries).")
    boolean forceMerge;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on stderr.")
    boolean quiet;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        List<String> in = inputs == null || inputs.isEmpty() ? List.of("-") : inputs;
        if (commitEvery < 1 || commitSeconds < 1) {
            throw new IllegalArgumentException("--commit-every and --commit-seconds must be at least 1");
        }
        PrintStream err = System.err;
        ModelStore store = engineOptions.models == null ? ModelStore.bundled() : ModelStore.directory(engineOptions.models);
        FxRates rates = FxRates.load(store);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        IndexBuilder.Options options = new IndexBuilder.Options(n, commitEvery, Duration.ofSeconds(commitSeconds),
                incremental);
        IndexBuilder.Listener listener = quiet ? null : new IndexBuilder.Listener() {
            @Override
            public void progress(long done, long failed, long nanos) {
                err.printf(Locale.ROOT, "\r%,d documents (%,d failed)  %.0f docs/s   ", done, failed,
                        done / Math.max(1e-9, nanos / 1e9));
            }

            @Override
            public void committed(long indexed, long nanos) {
                err.printf(Locale.ROOT, "\rfinfacts: committed %,d articles at %.1f s%n", indexed, nanos / 1e9);
            }
        };
        IndexBuilder.Summary s;
        try (ArticleIndexer indexer = ArticleIndexer.open(index, rates)) {
            IndexBuilder builder = new IndexBuilder(indexer, options, listener);
            if (annotated) {
                s = builder.fromAnnotated(in, System.in);
            } else {
                try (InputSource source = new InputSource(in, engineOptions.maxChars, System.in)) {
                    s = builder.fromInputs(engineOptions.engine(), source);
                }
            }
            if (forceMerge) {
                long t0 = System.nanoTime();
                indexer.forceMerge(1);
                if (!quiet) {
                    err.printf(Locale.ROOT, "%nfinfacts: merged into one segment in %.1f s", (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        if (!quiet) {
            err.println();
            err.printf(Locale.ROOT, "finfacts: indexed %,d articles (%,d unchanged, %,d failed%s) with %,d facts and "
                            + "%,d money mentions in %.1f s: %.0f articles/s, %,d commits%n", s.indexed(), s.unchanged(),
                    s.failed(), s.failures().isEmpty() ? "" : " " + s.failures(), s.facts(), s.money(), s.nanos() / 1e9,
                    s.articlesPerSecond(), s.commits());
            if (s.inexactAmounts() > 0) {
                err.printf(Locale.ROOT, "finfacts: %,d amounts are not exactly representable (more than %d decimals or "
                        + "beyond 1.7e32) and were indexed as their enclosing range%n", s.inexactAmounts(), 6);
            }
            err.printf(Locale.ROOT, "finfacts: index %s: %s%n", index, human(size(index)));
        }
        return 0;
    }

    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String human(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
