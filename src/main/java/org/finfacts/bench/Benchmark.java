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

        /** Runs documents {@code docIndex} to {@code docIndex + batch() - 1} (fewer at the end). */
        void run(int docIndex);

        /** How many documents one {@link #run} call handles (1: per document, with latencies). */
        default int batch() {
            return 1;
        }
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

    /** The whole pipeline, one document at a time: normalise, tokenize, recognise, merge, facts, map offsets. */
    public Stage fullExtraction(Engine engine) {
        return stage("full-extract", i -> engine.process(docs.get(i)));
    }

    /**
     * The whole pipeline as {@code finfacts extract} runs it: groups of {@code group} documents, each
     * group stage by stage ({@link Engine#processAll}); the same results as one by one.
     */
    public Stage fullExtractionBatched(Engine engine, int group) {
        return new Stage() {
            @Override
            public String name() {
                return "full-extract-batched";
            }

            @Override
            public void run(int docIndex) {
                engine.processAll(docs.subList(docIndex, Math.min(docs.size(), docIndex + group)));
            }

            @Override
            public int batch() {
                return group;
            }
        };
    }

    /**
     * Where the whole pipeline's time goes: runs every document through {@link Engine#processAll(List,
     * StageTimes)} in groups of {@code group} (1: one by one) on one thread, {@code warmup} times
     * unmeasured then {@code iterations} times, and returns each stage's median nanoseconds per pass,
     * in pipeline order.
     */
    public Map<String, Long> breakdown(Engine engine, int group) {
        for (int w = 0; w < warmup; w++) {
            for (int i = 0; i < docs.size(); i += group) {
                engine.processAll(docs.subList(i, Math.min(docs.size(), i + group)));
            }
        }
        Map<String, long[]> perIteration = new LinkedHashMap<>();
        for (int it = 0; it < iterations; it++) {
            StageTimes times = new StageTimes();
            for (int i = 0; i < docs.size(); i += group) {
                engine.processAll(docs.subList(i, Math.min(docs.size(), i + group)), times);
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
        return measureInterleaved(List.of(stage), threads).get(0);
    }

    /**
     * Measures several stages on {@code threads} threads, interleaved: the warm-up passes of every
     * stage first, then measured iteration {@code i} of each stage in turn, so that a change of load
     * on a shared machine affects all of them alike and their ratios stay fair.
     */
    public List<StageResult> measureInterleaved(List<Stage> stages, int threads) {
        for (int w = 0; w < warmup; w++) {
            for (Stage stage : stages) {
                runOnce(stage, threads, null);
            }
        }
        List<Series> series = new ArrayList<>();
        for (Stage stage : stages) {
            series.add(new Series(stage, threads));
        }
        for (int it = 0; it < iterations; it++) {
            for (Series s : series) {
                s.runMeasured(it);
            }
        }
        List<StageResult> out = new ArrayList<>();
        for (Series s : series) {
            out.add(s.result());
        }
        return out;
    }

    /** The measured iterations of one stage. */
    private final class Series {
        final Stage stage;
        final int threads;
        final double[] cps = new double[iterations];
        final double[] dps = new double[iterations];
        final double[] cpuCps = new double[iterations];
        final long[] latencies;
        long allocated;
        long peak;

        Series(Stage stage, int threads) {
            this.stage = stage;
            this.threads = threads;
            this.latencies = threads == 1 && stage.batch() == 1 ? new long[docs.size() * iterations] : null;
        }

        void runMeasured(int it) {
            long[] lat = latencies == null ? null : new long[docs.size()];
            resetPeaks();
            long t0 = System.nanoTime();
            Pass pass = runOnce(stage, threads, lat);
            long nanos = System.nanoTime() - t0;
            peak = Math.max(peak, peakHeap());
            allocated += pass.allocatedBytes();
            cps[it] = totalChars / (nanos / 1e9);
            dps[it] = docs.size() / (nanos / 1e9);
            cpuCps[it] = pass.cpuNanos() > 0 ? totalChars / (pass.cpuNanos() / 1e9) : -1;
            if (lat != null) {
                System.arraycopy(lat, 0, latencies, it * docs.size(), docs.size());
            }
        }

        StageResult result() {
            double p50 = -1;
            double p99 = -1;
            if (latencies != null) {
                long[] sortedLatencies = latencies.clone();
                Arrays.sort(sortedLatencies);
                p50 = sortedLatencies[(int) Math.floor(0.50 * (sortedLatencies.length - 1))] / 1e6;
                p99 = sortedLatencies[(int) Math.floor(0.99 * (sortedLatencies.length - 1))] / 1e6;
            }
            double[] sorted = cps.clone();
            Arrays.sort(sorted);
            double[] sortedDocs = dps.clone();
            Arrays.sort(sortedDocs);
            double[] sortedCpu = cpuCps.clone();
            Arrays.sort(sortedCpu);
            return new StageResult(stage.name(), threads, docs.size(), totalChars, iterations, median(sorted),
                    sorted[0], sorted[sorted.length - 1], median(sortedDocs), median(sortedCpu),
                    (double) allocated / iterations / Math.max(1, totalChars), peak, p50, p99);
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** What one pass over the documents cost its worker threads: bytes allocated and CPU time (-1 if unknown). */
    private record Pass(long allocatedBytes, long cpuNanos) {
    }

    /** Runs every document once on {@code threads} threads. */
    private Pass runOnce(Stage stage, int threads, long[] latencies) {
        if (threads == 1) {
            long a0 = allocatedBytes();
            long c0 = cpuNanos();
            for (int i = 0; i < docs.size(); i += stage.batch()) {
                long t0 = System.nanoTime();
                stage.run(i);
                if (latencies != null) {
                    latencies[i] = System.nanoTime() - t0;
                }
            }
            return new Pass(allocatedBytes() - a0, c0 < 0 ? -1 : cpuNanos() - c0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<Pass>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long a0 = allocatedBytes();
                    long c0 = cpuNanos();
                    int i;
                    while ((i = next.getAndAdd(stage.batch())) < docs.size()) {
                        stage.run(i);
                    }
                    return new Pass(allocatedBytes() - a0, c0 < 0 ? -1 : cpuNanos() - c0);
                }));
            }
            long alloc = 0;
            long cpu = 0;
            for (Future<Pass> f : futures) {
                Pass p = f.get();
                alloc += p.allocatedBytes();
                cpu = cpu < 0 || p.cpuNanos() < 0 ? -1 : cpu + p.cpuNanos();
            }
            return new Pass(alloc, cpu);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("stage " + stage.name() + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** CPU time of the current thread in nanoseconds, or -1 when the JVM cannot tell. */
    private static long cpuNanos() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : -1;
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
