package org.finfacts.extract.money;

import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.core.ModelStore;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.JsonCodec;
import org.finfacts.normalize.ResolutionContext;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the quantity stage alone (find + resolve), in characters per second, over the texts
 * of a JSONL file: texts are normalised, split and tokenized first (not timed), then the stage runs
 * once to warm up and three times timed. A benchmark, not a test:
 * {@code java -cp target/finfacts.jar:target/test-classes org.finfacts.extract.money.QuantityBenchmark ../shared/data/news.jsonl}
 */
public final class QuantityBenchmark {
    private QuantityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/news.jsonl");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        Engine engine = Engine.createDefault();
        QuantityRecognizer stage = QuantityRecognizer.create(ModelStore.bundled());
        List<AnalyzedText> texts = new ArrayList<>();
        long chars = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null && texts.size() < limit) {
                Document d = JsonCodec.readDocument(line, "d" + texts.size());
                AnalyzedText a = engine.analyze(d);
                texts.add(a);
                chars += a.text().length();
            }
        }
        ResolutionContext ctx = ResolutionContext.unknown();
        long mentions = 0;
        for (AnalyzedText a : texts) {
            mentions += stage.recognize(a, ctx).size();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (AnalyzedText a : texts) {
                stage.recognize(a, ctx);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        out.printf(Locale.ROOT, "%d documents, %d characters, %d quantity mentions; best of 3: %.3f s, %.0f chars/s%n",
                texts.size(), chars, mentions, best, chars / best);
    }
}
