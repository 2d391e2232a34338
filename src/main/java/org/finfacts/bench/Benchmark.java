package org.finfacts.bench;

import com.sun.management.ThreadMXBean;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.core.StageTimes;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Recognizer;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.text.NormalizedText;
import org.finfacts.text.Sentence;
import org.finfacts.text.SentenceSplitter;
import org.finfacts.text.TextNormalizer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Measures the engine's stages on one in-memory input, each the same way: warm-up iterations, then
 * measured iterations whose median throughput is reported, on each requested thread count, with the
 * bytes allocated per input character and the heap's peak. Stages: HanLP segmentation alone (the
 * engine's own tokenizer over the engine's own sentences), Lucene's SmartChineseAnalyzer alone, each
 * recognizer alone (over pre-analysed text), and the full extraction ({@link Engine#process}).
 */
public final class Benchmark {
    /** A stage: runs one document. */
    public interface Stage {
        String name();

        void run(int docIndex);
    }

    private final List<Document> docs;
    private final long totalChars;
    private final int warmup;
    private final int iterations;

    /** A benchmark over {@code docs} with the given warm-up and measured iteration counts. */
    public Benchmark(List<Document> docs, int warmup, int iterations) {
        this.docs = List.copyOf(docs);
        this.totalChars = docs.stream().mapToLong(d -> d.text().length()).sum();
        this.warmup = warmup;
        this.iterations = Math.max(1, iterations);
    }

    /** Number of input characters. */
    public long chars() {
        return totalChars;
    }

    /** Number of documents. */
    public int size() {
        return docs.size();
    }

    /** HanLP segmentation alone, as the engine configures and calls it (per sentence of the working copy). */
    public Stage hanlpSegmentation(Engine engine) {
        TextNormalizer normalizer = new TextNormalizer();
        SentenceSplitter splitter = new SentenceSplitter();
        List<NormalizedText> texts = new ArrayList<>();
        List<List<Sentence>> sentences = new ArrayList<>();
        for (Document d : docs) {
            NormalizedText n = normalizer.normalize(d.text());
            texts.add(n);
            sentences.add(splitter.split(n.text()));
        }
        return stage("hanlp-segment", i -> {
            String t = texts.get(i).text();
            for (Sentence s : sentences.get(i)) {
                engine.tokenizer().tokenize(t, s.start(), s.end());
            }
        });
    }

    /** Lucene's SmartChineseAnalyzer alone, consuming every token of the raw text. */
    public Stage smartChinese() {
        ThreadLocal<SmartChineseAnalyzer> analyzers = ThreadLocal.withInitial(SmartChineseAnalyzer::new);
        return stage("smartcn-analyze", i -> {
            try (TokenStream ts = analyzers.get().tokenStream("body", new StringReader(docs.get(i).text()))) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    term.length();
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The whole pipeline: normalise, tokenize, recognise, merge, facts, map offsets. */
    public Stage fullExtraction(Engine engine) {
        return stage("full-extract", i -> engine.process(docs.get(i)));
    }

    /**
     * Where the whole pipeline's time goes: runs every document through {@link Engine#process(Document,
     * StageTimes)} on one thread, {@code warmup} times unmeasured then {@code iterations} times, and
     * returns each stage's median nanoseconds per pass, in pipeline order.
     */
    public Map<String, Long> breakdown(Engine engine) {
        for (int w = 0; w < warmup; w++) {
            for (Document d : docs) {
                engine.process(d);
            }
        }
        Map<String, long[]> perIteration = new LinkedHashMap<>();
        for (int it = 0; it < iterations; it++) {
            StageTimes times = new StageTimes();
            for (Document d : docs) {
                engine.process(d, times);
            }
            for (Map.Entry<String, Long> e : times.nanos().entrySet()) {
                perIteration.computeIfAbsent(e.getKey(), k -> new long[iterations])[it] = e.getValue();
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        perIteration.forEach((stage, values) -> {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            out.put(stage, sorted[sorted.length / 2]);
        });
        return out;
    }

    /** One recognizer alone, over text analysed beforehand (its own cost, without tokenization). */
    public Stage recognizer(Engine engine, Recognizer recognizer) {
        List<AnalyzedText> analyzed = new ArrayList<>();
        for (Document d : docs) {
            analyzed.add(engine.analyze(d));
        }
        ResolutionContext ctx = ResolutionContext.unknown();
        return stage("recognizer:" + recognizer.name(), i -> recognizer.recognize(analyzed.get(i), ctx));
    }

    /** A named stage from a per-document action. */
    public static Stage stage(String name, Consumer<Integer> perDocument) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(int docIndex) {
                perDocument.accept(docIndex);
            }
        };
    }

    /** Runs a stage with warm-up and measured iterations on {@code threads} threads. */
    public StageResult measure(Stage stage, int threads) {
        for (int w = 0; w < warmup; w++) {
            runOnce(stage, threads, null);
        }
        double[] cps = new double[iterations];
        double[] dps = new double[iterations];
        long allocated = 0;
        long[] latencies = threads == 1 ? new long[docs.size() * iterations] : null;
        resetPeaks();
        for (int it = 0; it < iterations; it++) {
            long[] lat = latencies == null ? null : new long[docs.size()];
            long alloc0 = allocatedBytes();
            long t0 = System.nanoTime();
            long workerAlloc = runOnce(stage, threads, lat);
            long nanos = System.nanoTime() - t0;
            allocated += workerAlloc >= 0 ? workerAlloc : allocatedBytes() - alloc0;
            cps[it] = totalChars / (nanos / 1e9);
            dps[it] = docs.size() / (nanos / 1e9);
            if (lat != null) {
                System.arraycopy(lat, 0, latencies, it * docs.size(), docs.size());
            }
        }
        long peak = peakHeap();
        double p50 = -1;
        double p99 = -1;
        if (latencies != null) {
            Arrays.sort(latencies);
            p50 = latencies[(int) Math.floor(0.50 * (latencies.length - 1))] / 1e6;
            p99 = latencies[(int) Math.floor(0.99 * (latencies.length - 1))] / 1e6;
        }
        double[] sorted = cps.clone();
        Arrays.sort(sorted);
        double[] sortedDocs = dps.clone();
        Arrays.sort(sortedDocs);
        return new StageResult(stage.name(), threads, docs.size(), totalChars, iterations, median(sorted),
                sorted[0], sorted[sorted.length - 1], median(sortedDocs),
                (double) allocated / iterations / Math.max(1, totalChars), peak, p50, p99);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Runs every document once; returns the bytes the worker threads allocated, or -1 if unknown. */
    private long runOnce(Stage stage, int threads, long[] latencies) {
        if (threads == 1) {
            long a0 = allocatedBytes();
            for (int i = 0; i < docs.size(); i++) {
                long t0 = System.nanoTime();
                stage.run(i);
                if (latencies != null) {
                    latencies[i] = System.nanoTime() - t0;
                }
            }
            return allocatedBytes() - a0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long a0 = allocatedBytes();
                    int i;
                    while ((i = next.getAndIncrement()) < docs.size()) {
                        stage.run(i);
                    }
                    return allocatedBytes() - a0;
                }));
            }
            long total = 0;
            for (Future<Long> f : futures) {
                total += f.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("stage " + stage.name() + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage since the last reset (an upper bound of the live peak). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
