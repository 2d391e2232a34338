package org.finfacts.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finfacts.bench.Benchmark;
import org.finfacts.bench.ChildJvm;
import org.finfacts.bench.StageResult;
import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.extract.Recognizer;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import org.finfacts.index.ArticleIndexer;
import org.finfacts.index.ArticleSearcher;
import org.finfacts.index.FxRates;
import org.finfacts.index.SearchBenchmark;
import org.finfacts.server.ApiServer;
import org.finfacts.text.html.ArticleExtractor;
import org.finfacts.ingest.BatchRunner;
import org.finfacts.ingest.InputRecord;
import org.finfacts.ingest.InputSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code finfacts bench}: throughput of each stage and of the whole pipeline on the same input, in
 * one run, with the ratios that matter (extraction vs. HanLP segmentation alone, 2 threads vs. 1),
 * allocation per character, per-document latency, start-up time to the first result, and the
 * smallest heap that completes the input.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the stages and the whole pipeline on one input (default: the bundled demo corpus).")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "0..1", description = "JSONL, .txt or folder (e.g. ../shared/data/news.jsonl); default corpus/demo.")
    String input;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Thread counts to run (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--warmup", defaultValue = "2", description = "Warm-up iterations per stage (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations per stage; the median is reported (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--limit", description = "Use only the first N documents.")
    Integer limit;

    @Option(names = "--stages", split = ",", defaultValue = "hanlp,smartcn,recognizers,extract,breakdown,pages,index,query",
            description = "Stages to run: hanlp, smartcn, recognizers, extract, breakdown (the whole pipeline's time "
                    + "per stage, 1 thread), pages (needs --pages), index, query "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> stages;

    @Option(names = "--pages", paramLabel = "PAGES.jsonl",
            description = "Pages for the page-cleaning stage: JSONL with an \"html\" field (e.g. ../shared/pages/dev.jsonl).")
    Path pages;

    @Option(names = "--query-clients", split = ",", defaultValue = "1,16",
            description = "Concurrent HTTP clients for the query stage (default: ${DEFAULT-VALUE}).")
    List<Integer> queryClients;

    @Option(names = "--query-seconds", defaultValue = "10", description = "Measured seconds per client count (default: ${DEFAULT-VALUE}).")
    int querySeconds;

    @Option(names = "--startup", description = "Also time a cold start to the first result (fresh JVM, 3 runs).")
    boolean startup;

    @Option(names = "--heap-probe", split = ",", paramLabel = "SIZE",
            description = "Also run the whole input in a fresh JVM with each -Xmx (e.g. 256m,384m,512m) and report which complete.")
    List<String> heapProbe;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON report here.")
    Path out;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        String source = input != null ? input : defaultCorpus();
        List<Document> docs = load(source);
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("no documents in " + source);
        }
        long tCreate = System.nanoTime();
        Engine engine = engineOptions.engine();
        engine.process(docs.get(0));
        double firstResultSeconds = (System.nanoTime() - tCreate) / 1e9;

        Benchmark bench = new Benchmark(docs, warmup, iterations);
        err.printf(Locale.ROOT, "finfacts bench: %,d documents, %,d characters from %s%n", bench.size(), bench.chars(), source);
        List<StageResult> results = new ArrayList<>();
        for (int t : threads) {
            if (stages.contains("recognizers") && t == 1) {
                for (Recognizer r : engine.recognizers()) {
                    results.add(report(err, bench.measure(bench.recognizer(engine, r), t)));
                }
            }
            // the stages whose ratios are reported run interleaved, iteration by iteration
            List<Benchmark.Stage> compared = new ArrayList<>();
            if (stages.contains("hanlp")) {
                compared.add(bench.hanlpSegmentation(engine));
            }
            if (stages.contains("smartcn")) {
                compared.add(bench.smartChinese());
            }
            if (stages.contains("extract")) {
                compared.add(bench.fullExtraction(engine));
                compared.add(bench.fullExtractionBatched(engine, BatchRunner.GROUP));
            }
            if (!compared.isEmpty()) {
                for (StageResult r : bench.measureInterleaved(compared, t)) {
                    results.add(report(err, r));
                }
            }
        }
        if (stages.contains("pages") && pages != null) {
            List<Document> html = loadPages(pages);
            Benchmark pageBench = new Benchmark(html, warmup, iterations);
            ArticleExtractor extractor = ArticleExtractor.create(engine.config().models());
            err.printf(Locale.ROOT, "finfacts bench: %,d pages, %,d characters of HTML from %s%n", html.size(), pageBench.chars(), pages);
            for (int t : threads) {
                results.add(report(err, pageBench.measure(Benchmark.stage("page-clean",
                        i -> extractor.extract(html.get(i).text(), html.get(i).url())), t)));
            }
        }
        ObjectNode breakdown = null;
        if (stages.contains("breakdown")) {
            breakdown = breakdown(err, bench, engine);
        }
        ObjectNode indexing = null;
        if (stages.contains("index") || stages.contains("query")) {
            indexing = indexAndQuery(err, engine, docs);
        }
        ObjectNode report = JsonCodec.mapper().createObjectNode();
        ObjectNode machine = report.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("jvm_args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        report.put("input", source);
        report.put("documents", bench.size());
        report.put("chars", bench.chars());
        report.put("in_process_first_result_seconds", round(firstResultSeconds));
        ArrayNode arr = report.putArray("stages");
        for (StageResult r : results) {
            arr.add(JsonCodec.mapper().valueToTree(r));
        }
        ObjectNode ratios = report.putObject("ratios");
        Double seg1 = find(results, "hanlp-segment", 1);
        Double ext1 = find(results, "full-extract", 1);
        Double ext2 = find(results, "full-extract", 2);
        if (seg1 != null && ext1 != null) {
            ratios.put("extract_vs_hanlp_1_thread", round(ext1 / seg1));
            Double segCpu = findCpu(results, "hanlp-segment", 1);
            Double extCpu = findCpu(results, "full-extract", 1);
            if (segCpu != null && extCpu != null && segCpu > 0 && extCpu > 0) {
                ratios.put("extract_vs_hanlp_1_thread_cpu_time", round(extCpu / segCpu));
            }
        }
        if (ext1 != null && ext2 != null) {
            ratios.put("extract_2_threads_vs_1", round(ext2 / ext1));
        }
        Double batch1 = find(results, "full-extract-batched", 1);
        Double batch2 = find(results, "full-extract-batched", 2);
        if (seg1 != null && batch1 != null) {
            ratios.put("batched_extract_vs_hanlp_1_thread", round(batch1 / seg1));
            Double segCpu = findCpu(results, "hanlp-segment", 1);
            Double batchCpu = findCpu(results, "full-extract-batched", 1);
            if (segCpu != null && batchCpu != null && segCpu > 0 && batchCpu > 0) {
                ratios.put("batched_extract_vs_hanlp_1_thread_cpu_time", round(batchCpu / segCpu));
            }
        }
        if (batch1 != null && batch2 != null) {
            ratios.put("batched_extract_2_threads_vs_1", round(batch2 / batch1));
        }
        Double sm1 = find(results, "smartcn-analyze", 1);
        if (sm1 != null && ext1 != null) {
            ratios.put("extract_vs_smartcn_1_thread", round(ext1 / sm1));
        }
        if (breakdown != null) {
            report.set("breakdown", breakdown);
        }
        if (indexing != null) {
            report.set("index", indexing);
        }
        if (startup) {
            report.set("startup", startup(err));
        }
        if (heapProbe != null && !heapProbe.isEmpty()) {
            report.set("heap_probe", heapProbe(err, source, bench.size()));
        }
        String jsonText = JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        if (out != null) {
            Files.writeString(out, jsonText);
        }
        if (json) {
            System.out.println(jsonText);
        } else {
            System.out.print(table(report, results));
        }
        return 0;
    }

    private static String defaultCorpus() {
        Path c = Path.of("corpus", "demo");
        if (!Files.isDirectory(c) && System.getenv("FINFACTS_HOME") != null) {
            c = Path.of(System.getenv("FINFACTS_HOME"), "corpus", "demo");
        }
        return c.toString();
    }

    private List<Document> load(String source) {
        List<Document> docs = new ArrayList<>();
        try (InputSource in = new InputSource(List.of(source), engineOptions.maxChars, InputStream.nullInputStream())) {
            while (in.hasNext() && (limit == null || docs.size() < limit)) {
                InputRecord r = in.next();
                if (!r.isError()) {
                    docs.add(r.document());
                }
            }
        }
        return docs;
    }

    private static List<Document> loadPages(Path file) throws java.io.IOException {
        List<Document> out = new ArrayList<>();
        try (var lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) {
                    continue;
                }
                var n = JsonCodec.mapper().readTree(line);
                if (n.hasNonNull("html")) {
                    out.add(new Document(n.path("id").asText(), n.get("html").asText(), null, null,
                            n.hasNonNull("url") ? n.get("url").asText() : null, null));
                }
            }
        }
        return out;
    }

    /** Indexes the input's annotations into a fresh folder (articles/s, size), then queries it over HTTP. */
    private ObjectNode indexAndQuery(PrintStream err, Engine engine, List<Document> docs) throws Exception {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        List<AnnotatedDocument> annotated = new ArrayList<>();
        for (Document d : docs) {
            AnnotatedDocument a = engine.process(d);
            if (!a.isError()) {
                annotated.add(a);
            }
        }
        FxRates rates = FxRates.load(engine.config().models());
        Path dir = Files.createTempDirectory("finfacts-bench-index");
        try {
            long t0 = System.nanoTime();
            try (ArticleIndexer indexer = ArticleIndexer.open(dir, rates)) {
                for (AnnotatedDocument a : annotated) {
                    indexer.index(a, Integer.toHexString(a.text().hashCode()));
                }
                indexer.commit();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long bytes = IndexCommand.size(dir);
            o.put("articles", annotated.size());
            o.put("build_seconds", round(seconds));
            o.put("articles_per_second", round(annotated.size() / seconds));
            o.put("index_bytes", bytes);
            err.printf(Locale.ROOT, "  %-24s 1 thr  %,12.0f articles/s  (%d articles, %s)%n", "index-build",
                    annotated.size() / seconds, annotated.size(), IndexCommand.human(bytes));
            if (stages.contains("query")) {
                ArrayNode runs = o.putArray("query");
                try (ArticleSearcher searcher = ArticleSearcher.open(dir, rates, ArticleSearcher.QueryValues.engine(engine),
                        ArticleSearcher.Limits.defaults());
                     ApiServer server = ApiServer.start(ApiServer.Config.defaults().at("127.0.0.1", 0), searcher, engine)) {
                    SearchBenchmark sb = new SearchBenchmark();
                    for (int c : queryClients) {
                        SearchBenchmark.Figures f = sb.run(server.url(), null, SearchBenchmark.defaultQueries(), c,
                                Duration.ofSeconds(2), Duration.ofSeconds(querySeconds));
                        runs.add(JsonCodec.mapper().valueToTree(f));
                        err.printf(Locale.ROOT, "  %-24s %d clients  p50 %.2f ms  p99 %.2f ms  fact p99 %.2f ms  %,.0f req/s  %d errors%n",
                                "query (HTTP)", c, f.p50(), f.p99(), f.factP99(), f.throughput(), f.errors());
                    }
                }
            }
        } finally {
            IndexCommand.deleteRecursively(dir);
        }
        return o;
    }

    /** The whole pipeline's time per stage on one thread: share of the total and the stage's own chars/s. */
    private static ObjectNode breakdown(PrintStream err, Benchmark bench, Engine engine) {
        Map<String, Long> nanos = bench.breakdown(engine, BatchRunner.GROUP);
        long total = nanos.values().stream().mapToLong(Long::longValue).sum();
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        o.put("total_chars_per_second", Math.round(bench.chars() / (total / 1e9)));
        ObjectNode per = o.putObject("stages");
        err.printf(Locale.ROOT, "  full-extract breakdown (1 thr, groups of %d, median per pass): %,.0f chars/s overall%n",
                BatchRunner.GROUP, bench.chars() / (total / 1e9));
        o.put("group", BatchRunner.GROUP);
        for (Map.Entry<String, Long> e : nanos.entrySet()) {
            double share = 100.0 * e.getValue() / Math.max(1, total);
            double cps = bench.chars() / (Math.max(1, e.getValue()) / 1e9);
            ObjectNode s = per.putObject(e.getKey());
            s.put("share_percent", round(share));
            s.put("chars_per_second", Math.round(cps));
            s.put("millis_per_pass", round(e.getValue() / 1e6));
            err.printf(Locale.ROOT, "    %-22s %5.1f%%  %,14.0f chars/s%n", e.getKey(), share, cps);
        }
        return o;
    }

    private static StageResult report(PrintStream err, StageResult r) {
        err.printf(Locale.ROOT, "  %-24s %d thr  %,12.0f chars/s  %,8.1f docs/s  %,12.0f chars/cpu-s%n", r.stage(), r.threads(),
                r.medianCharsPerSecond(), r.medianDocsPerSecond(), r.medianCharsPerCpuSecond());
        return r;
    }

    private static Double find(List<StageResult> results, String stage, int threads) {
        for (StageResult r : results) {
            if (r.stage().equals(stage) && r.threads() == threads) {
                return r.medianCharsPerSecond();
            }
        }
        return null;
    }

    private static Double findCpu(List<StageResult> results, String stage, int threads) {
        for (StageResult r : results) {
            if (r.stage().equals(stage) && r.threads() == threads) {
                return r.medianCharsPerCpuSecond();
            }
        }
        return null;
    }

    private ObjectNode startup(PrintStream err) throws Exception {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ChildJvm.Run run = ChildJvm.run(List.of("-Xmx512m"), List.of("extract", "-q", "--no-text"),
                    "英伟达的市值在去年增长了近2万亿美元。", null, 120);
            if (run.exitCode() != 0) {
                throw new IllegalStateException("cold-start run failed: " + run.stderrTail());
            }
            times.add(run.nanos() / 1e9);
        }
        times.sort(Double::compare);
        o.put("cold_start_to_first_result_seconds_median", round(times.get(1)));
        o.put("runs", times.toString());
        err.printf(Locale.ROOT, "  cold start to first result: %.2f s (median of 3)%n", times.get(1));
        return o;
    }

    private ObjectNode heapProbe(PrintStream err, String source, int expected) throws Exception {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        for (String size : heapProbe) {
            Path tmp = Files.createTempFile("finfacts-heap", ".jsonl");
            try {
                ChildJvm.Run run = ChildJvm.run(List.of("-Xmx" + size), List.of("extract", "-q", "--no-text", source,
                        "-o", tmp.toString()), null, null, 3600);
                long lines;
                try (var s = Files.lines(tmp)) {
                    lines = s.count();
                }
                boolean ok = run.exitCode() == 0 && (limit != null || lines >= expected);
                ObjectNode r = o.putObject(size);
                r.put("completed", ok);
                r.put("exit_code", run.exitCode());
                r.put("output_lines", lines);
                r.put("seconds", round(run.nanos() / 1e9));
                if (!ok) {
                    r.put("stderr", run.stderrTail());
                }
                err.printf(Locale.ROOT, "  -Xmx%-6s %s (%d lines, %.1f s)%n", size, ok ? "completed" : "FAILED", lines, run.nanos() / 1e9);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return o;
    }

    private static String table(ObjectNode report, List<StageResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "input: %s (%d documents, %,d chars); machine: %s%n", report.get("input").asText(),
                report.get("documents").asInt(), report.get("chars").asLong(), report.get("machine").toString()));
        sb.append(String.format(Locale.ROOT, "%-24s %4s %14s %10s %14s %10s %10s %9s %9s%n", "stage", "thr", "chars/s (med)",
                "docs/s", "chars/cpu-s", "alloc B/ch", "peak MB", "p50 ms", "p99 ms"));
        for (StageResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-24s %4d %,14.0f %,10.1f %,14.0f %10.1f %10d %9s %9s%n", r.stage(), r.threads(),
                    r.medianCharsPerSecond(), r.medianDocsPerSecond(), r.medianCharsPerCpuSecond(), r.allocatedBytesPerChar(),
                    r.peakHeapBytes() >> 20,
                    r.p50Millis() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.p50Millis()),
                    r.p99Millis() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.p99Millis())));
        }
        sb.append("ratios: ").append(report.get("ratios")).append('\n');
        sb.append(String.format(Locale.ROOT, "in-process engine creation + first document: %.2f s%n",
                report.get("in_process_first_result_seconds").asDouble()));
        if (report.has("startup")) {
            sb.append("startup: ").append(report.get("startup")).append('\n');
        }
        if (report.has("breakdown")) {
            sb.append("full-extract breakdown (1 thread): ").append(report.get("breakdown")).append('\n');
        }
        if (report.has("index")) {
            sb.append("index: ").append(report.get("index")).append('\n');
        }
        if (report.has("heap_probe")) {
            sb.append("heap probe: ").append(report.get("heap_probe")).append('\n');
        }
        return sb.toString();
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
