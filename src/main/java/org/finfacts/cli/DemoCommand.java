package org.finfacts.cli;

import org.finfacts.core.Engine;
import org.finfacts.eval.EvalDocument;
import org.finfacts.eval.EvalReport;
import org.finfacts.eval.Evaluation;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Fact;
import org.finfacts.facts.JsonCodec;
import org.finfacts.facts.Mention;
import org.finfacts.ingest.BatchRunner;
import org.finfacts.ingest.InputSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code finfacts demo}: the main job on the bundled corpus. Extracts every article of
 * {@code corpus/demo/} into {@code out/demo/annotated.jsonl}, scores the seed article against its
 * gold, builds the search index {@code out/demo/index} from the annotations and runs example queries,
 * and prints where everything went with a short summary; {@code --serve} then starts the API.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the engine on the bundled demo corpus, score the seed article, and summarise.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus", description = "The corpus folder (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo", description = "Where to write results (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: number of cores).")
    Integer threads;

    @Option(names = "--serve", description = "After the demo, serve the search API and page over out/demo/index.")
    boolean serve;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port for --serve (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        PrintStream o = System.out;
        if (!Files.isDirectory(corpus) && !corpus.isAbsolute() && System.getenv("FINFACTS_HOME") != null) {
            corpus = Path.of(System.getenv("FINFACTS_HOME")).resolve(corpus);
        }
        Path demo = corpus.resolve("demo");
        if (!Files.isDirectory(demo)) {
            throw new IllegalArgumentException("no demo corpus at " + demo.toAbsolutePath()
                    + " (run from the project folder, or pass --corpus DIR)");
        }
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        Engine engine = engineOptions.engine();
        o.printf(Locale.ROOT, "engine ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;

        Path annotated = out.resolve("annotated.jsonl");
        JsonCodec codec = new JsonCodec(true);
        Map<String, Integer> mentionCounts = new TreeMap<>();
        Map<String, Integer> factCounts = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        BatchRunner.Summary summary;
        try (BufferedWriter w = Files.newBufferedWriter(annotated, StandardCharsets.UTF_8);
             InputSource source = new InputSource(List.of(demo.toString()), engineOptions.maxChars, System.in)) {
            summary = new BatchRunner(engine, n).run(source, doc -> {
                count(doc, mentionCounts, factCounts, examples);
                try {
                    w.write(codec.write(doc, false));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, null);
        }
        o.printf(Locale.ROOT, "extracted %d documents (%d failed) in %.1f s: %.0f chars/s%n",
                summary.ok() + summary.failed(), summary.failed(), summary.nanos() / 1e9, summary.charsPerSecond());
        o.println("  mentions: " + mentionCounts);
        o.println("  facts:    " + factCounts);
        for (String e : examples) {
            o.println("    " + e);
        }
        o.println("  -> " + annotated);

        Path gold = corpus.resolve("gold").resolve("seed.jsonl");
        if (Files.isRegularFile(gold)) {
            List<EvalDocument> goldDocs = Evaluation.readJsonl(gold);
            EvalReport report = Evaluation.score(goldDocs, Evaluation.toEval(Evaluation.runEngine(engine, goldDocs, n)));
            Path evalOut = out.resolve("eval-seed.txt");
            Files.writeString(evalOut, report.table(true), StandardCharsets.UTF_8);
            o.println("seed article against its gold (strict F1):");
            for (String type : List.of("MONEY", "DATE", "COMPANY", "PERSON")) {
                o.printf(Locale.ROOT, "  %-8s %.3f%n", type, report.strictScore(type).f1());
            }
            o.printf(Locale.ROOT, "  %-8s %.3f%n", "FACTS", report.factScore("ALL").f1());
            o.println("  -> " + evalOut);
        }
        DemoSearch.run(o, engine, engineOptions, annotated, out.resolve("index"), n, serve, port);
        return 0;
    }

    private static void count(AnnotatedDocument doc, Map<String, Integer> mentions, Map<String, Integer> facts,
                              List<String> examples) {
        for (Mention m : doc.mentions()) {
            mentions.merge(m.type().name(), 1, Integer::sum);
        }
        for (Fact f : doc.facts()) {
            facts.merge(f.type().name(), 1, Integer::sum);
            if (examples.size() < 5) {
                examples.add(String.format(Locale.ROOT, "%s %s%s %s %s%s", f.type(), f.subject(),
                        f.object() == null ? "" : " -> " + f.object(), f.amount().text(),
                        f.amount().currency() == null ? "" : "(" + f.amount().currency() + ")",
                        f.date() == null ? "" : " " + f.date()));
            }
        }
    }
}
