package org.finfacts.ingest;

import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Fact;
import org.finfacts.facts.Provenance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs an {@link Engine} over a stream of {@link InputRecord}s on several threads and hands the
 * results to a consumer in input order. Workers prepare each record (a page's article is extracted
 * there, in parallel) and annotate it; the calling thread reads input, writes output in order, and
 * marks near-duplicates ({@link NearDuplicates}, so "first" means first in input order). At most
 * {@code 8 × threads} records and {@link #MAX_IN_FLIGHT_BYTES} bytes of input are in flight, so
 * memory stays bounded whatever the input size. Unreadable records and failing documents come out
 * as error documents in their place: every input gives exactly one output, except records skipped
 * because the output already has them ({@code --resume}).
 */
public final class BatchRunner {
    /** Input bytes allowed in flight at once (one record is always admitted, whatever its size). */
    public static final long MAX_IN_FLIGHT_BYTES = 64L << 20;
    /** Records a worker annotates together, stage by stage ({@link Engine#processAll}). */
    public static final int GROUP = 64;
    /** Input bytes after which a group is handed over even if it has fewer records (big documents). */
    static final long GROUP_BYTES = 1L << 19;

    /** Counts of one run. */
    public record Summary(long ok, long failed, Map<String, Long> failuresByReason, long chars, long nanos,
                          long skipped, Map<String, Long> skippedByReason, long duplicates, long bytes) {
        /** Counts without skips, duplicates or bytes. */
        public Summary(long ok, long failed, Map<String, Long> failuresByReason, long chars, long nanos) {
            this(ok, failed, failuresByReason, chars, nanos, 0, Map.of(), 0, 0);
        }

        /** Documents per second over the whole run. */
        public double docsPerSecond() {
            return nanos == 0 ? 0 : (ok + failed) / (nanos / 1e9);
        }

        /** Input characters per second over the whole run. */
        public double charsPerSecond() {
            return nanos == 0 ? 0 : chars / (nanos / 1e9);
        }

        /** Input megabytes (2^20 bytes) per second over the whole run. */
        public double megabytesPerSecond() {
            return nanos == 0 ? 0 : bytes / 1048576.0 / (nanos / 1e9);
        }
    }

    /** Told about progress now and then (from the consumer's thread). */
    public interface Progress {
        void update(long done, long failed, long chars, long nanos);
    }

    /** Where a run stands: records written, skipped, bytes of input read of a total (-1 when unknown). */
    public record Status(long done, long failed, long skipped, long duplicates, long chars, long bytesRead,
                         long totalBytes, long nanos) {
    }

    /**
     * How to run: {@code alreadyDone} tells ids to skip ({@code --resume}); {@code duplicates} marks
     * near-duplicates when not null; {@code listener} hears about progress about once a second;
     * {@code bytesRead} and {@code totalBytes} measure input for rates and ETA; {@code sourceSkips}
     * supplies the input's own skip counts (WARC records that are not pages).
     */
    public record Options(Predicate<String> alreadyDone, NearDuplicates duplicates, Consumer<Status> listener,
                          LongSupplier bytesRead, long totalBytes, Supplier<Map<String, Long>> sourceSkips) {
        /** Nothing skipped, no duplicate marking, no progress. */
        public static Options plain() {
            return new Options(id -> false, null, null, () -> 0, -1, Map::of);
        }
    }

    private record Result(AnnotatedDocument doc, int[] fingerprint) {
    }

    private final Engine engine;
    private final int threads;

    /** A runner over {@code engine} with {@code threads} workers (at least 1). */
    public BatchRunner(Engine engine, int threads) {
        this.engine = engine;
        this.threads = Math.max(1, threads);
    }

    /** Processes every record; returns when all results have been consumed. */
    public Summary run(Iterator<InputRecord> records, Consumer<AnnotatedDocument> out, Progress progress) {
        Consumer<Status> listener = progress == null ? null
                : s -> progress.update(s.done(), s.failed(), s.chars(), s.nanos());
        return execute(records, out, new Options(id -> false, null, listener, () -> 0, -1, Map::of));
    }

    /** Processes every record with these options; returns when all results have been consumed. */
    public Summary execute(Iterator<InputRecord> records, Consumer<AnnotatedDocument> out, Options options) {
        long t0 = System.nanoTime();
        long ok = 0;
        long failed = 0;
        long skipped = 0;
        long duplicates = 0;
        long chars = 0;
        Map<String, Long> reasons = new TreeMap<>();
        Map<String, Long> skips = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "finfacts-worker");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Result>> window = new ArrayDeque<>();
        Deque<InputRecord> inFlight = new ArrayDeque<>();
        Deque<Long> sizes = new ArrayDeque<>();
        long bytesInFlight = 0;
        int maxInFlight = threads * 2 * GROUP;
        List<InputRecord> group = new ArrayList<>(GROUP);
        List<CompletableFuture<Result>> groupResults = new ArrayList<>(GROUP);
        long groupBytes = 0;
        long lastReport = t0;
        boolean withDuplicates = options.duplicates() != null;
        try {
            while (records.hasNext() || !window.isEmpty()) {
                // refill once a whole group fits, so that workers get full groups
                boolean refill = window.size() <= maxInFlight - GROUP;
                while (refill && window.size() < maxInFlight && (window.isEmpty() || bytesInFlight < MAX_IN_FLIGHT_BYTES)
                        && records.hasNext()) {
                    InputRecord r = records.next();
                    if (r.id() != null && options.alreadyDone().test(r.id())) {
                        skipped++;
                        skips.merge("already in output", 1L, Long::sum);
                        continue;
                    }
                    long size = sizeOf(r);
                    bytesInFlight += size;
                    sizes.addLast(size);
                    inFlight.addLast(r);
                    if (r.isError()) {
                        window.addLast(CompletableFuture.completedFuture(new Result(
                                AnnotatedDocument.failed(r.id(), r.error()).withProvenance(Provenance.input(r.origin())),
                                null)));
                    } else {
                        CompletableFuture<Result> result = new CompletableFuture<>();
                        window.addLast(result);
                        group.add(r);
                        groupResults.add(result);
                        groupBytes += size;
                        if (group.size() == GROUP || groupBytes >= GROUP_BYTES) {
                            submitGroup(pool, group, groupResults, withDuplicates);
                            groupBytes = 0;
                        }
                    }
                }
                submitGroup(pool, group, groupResults, withDuplicates);
                groupBytes = 0;
                if (window.isEmpty()) {
                    continue;
                }
                Future<Result> f = window.pollFirst();
                InputRecord r = inFlight.pollFirst();
                bytesInFlight -= sizes.pollFirst();
                Result res = await(f, r);
                AnnotatedDocument doc = res.doc();
                if (doc.isError()) {
                    failed++;
                    reasons.merge(reasonOf(doc.error()), 1L, Long::sum);
                } else {
                    ok++;
                    chars += doc.text() == null ? 0 : doc.text().length();
                    if (withDuplicates && res.fingerprint() != null) {
                        String first = options.duplicates().firstSimilar(res.fingerprint(), doc.id());
                        if (first != null && doc.provenance() != null) {
                            duplicates++;
                            doc = doc.withProvenance(doc.provenance().withDuplicateOf(first));
                        }
                    }
                }
                out.accept(doc);
                long now = System.nanoTime();
                if (options.listener() != null && now - lastReport > 1_000_000_000L) {
                    options.listener().accept(new Status(ok + failed, failed, skipped + sum(options.sourceSkips().get()),
                            duplicates, chars, options.bytesRead().getAsLong(), options.totalBytes(), now - t0));
                    lastReport = now;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long nanos = System.nanoTime() - t0;
        for (Map.Entry<String, Long> e : options.sourceSkips().get().entrySet()) {
            skips.merge(e.getKey(), e.getValue(), Long::sum);
            skipped += e.getValue();
        }
        long bytes = options.bytesRead().getAsLong();
        if (options.listener() != null) {
            options.listener().accept(new Status(ok + failed, failed, skipped, duplicates, chars, bytes,
                    options.totalBytes(), nanos));
        }
        return new Summary(ok, failed, reasons, chars, nanos, skipped, skips, duplicates, bytes);
    }

    private static long sum(Map<String, Long> m) {
        long s = 0;
        for (long v : m.values()) {
            s += v;
        }
        return s;
    }

    private static long sizeOf(InputRecord r) {
        if (r.isPage()) {
            return r.page().size();
        }
        if (r.isError()) {
            return 0;
        }
        return r.document() == null || r.document().text() == null ? 0 : 2L * r.document().text().length();
    }

    /** Hands the records gathered so far to a worker as one group, then starts a new group. */
    private void submitGroup(ExecutorService pool, List<InputRecord> group, List<CompletableFuture<Result>> results,
                             boolean fingerprint) {
        if (group.isEmpty()) {
            return;
        }
        List<InputRecord> records = List.copyOf(group);
        List<CompletableFuture<Result>> futures = List.copyOf(results);
        group.clear();
        results.clear();
        pool.execute(() -> {
            try {
                List<Result> done = processGroup(records, fingerprint);
                for (int i = 0; i < futures.size(); i++) {
                    futures.get(i).complete(done.get(i));
                }
            } catch (Throwable e) {
                for (CompletableFuture<Result> f : futures) {
                    f.completeExceptionally(e);
                }
            }
        });
    }

    /**
     * Prepares and annotates a group of records: the engine runs stage by stage over the group's
     * documents ({@link Engine#processAll}); each result is what {@link #processSafely} gives the
     * record alone. Should the group fail as a whole (out of memory), each record runs alone.
     */
    private List<Result> processGroup(List<InputRecord> records, boolean fingerprint) {
        Result[] out = new Result[records.size()];
        List<InputRecord.Prepared> prepared = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            InputRecord r = records.get(i);
            try {
                InputRecord.Prepared p = r.prepare();
                if (p.isError()) {
                    out[i] = new Result(AnnotatedDocument.failed(r.id(), p.error()).withProvenance(p.provenance()), null);
                } else {
                    prepared.add(p);
                    at.add(i);
                    docs.add(p.document());
                }
            } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
                out[i] = processSafely(r, fingerprint);
            }
        }
        List<AnnotatedDocument> annotated;
        try {
            annotated = engine.processAll(docs);
        } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
            annotated = null;
        }
        for (int k = 0; k < at.size(); k++) {
            int i = at.get(k);
            out[i] = annotated == null ? processSafely(records.get(i), fingerprint)
                    : finished(records.get(i), prepared.get(k), annotated.get(k), fingerprint);
        }
        return List.of(out);
    }

    /** The result of an annotated record: provenance, source notes and the near-duplicate fingerprint. */
    private static Result finished(InputRecord r, InputRecord.Prepared p, AnnotatedDocument doc, boolean fingerprint) {
        try {
            if (doc.isError()) {
                return new Result(doc.withProvenance(p.provenance()), null);
            }
            int[] fp = fingerprint ? NearDuplicates.signature(bodyOf(doc)) : null;
            return new Result(doc.withProvenance(p.provenance()).withSourceNotes(p.warnings(), p.publishedFrom()), fp);
        } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
            return failure(r, e);
        }
    }

    private Result processSafely(InputRecord r, boolean fingerprint) {
        InputRecord.Prepared p;
        AnnotatedDocument doc;
        try {
            p = r.prepare();
            if (p.isError()) {
                return new Result(AnnotatedDocument.failed(r.id(), p.error()).withProvenance(p.provenance()), null);
            }
            doc = engine.process(p.document());
        } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
            return failure(r, e);
        }
        return finished(r, p, doc, fingerprint);
    }

    /** The error line of a record whose preparation or annotation threw, with the reason's class. */
    private static Result failure(InputRecord r, Throwable e) {
        String reason;
        if (e instanceof OutOfMemoryError) {
            reason = "too large: out of memory while processing";
        } else if (e instanceof StackOverflowError) {
            reason = "parse failure: input nested too deeply";
        } else {
            reason = "internal error: " + e.getClass().getSimpleName();
        }
        return new Result(AnnotatedDocument.failed(r.id(), reason).withProvenance(Provenance.input(r.origin())), null);
    }

    /** The article body of an annotated document: its body region, else its whole text (null without text). */
    public static String bodyOf(AnnotatedDocument doc) {
        return bodyOf(doc.text(), doc.regions() == null ? null : doc.regions().body());
    }

    /** The part of {@code text} a body span (code points) covers; the whole text when the span is null. */
    public static String bodyOf(String text, Fact.Span body) {
        if (text == null || body == null) {
            return text;
        }
        try {
            int s = text.offsetByCodePoints(0, body.start());
            int e = text.offsetByCodePoints(s, body.end() - body.start());
            return text.substring(s, e);
        } catch (IndexOutOfBoundsException ex) {
            return text;
        }
    }

    private static Result await(Future<Result> f, InputRecord r) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            return new Result(AnnotatedDocument.failed(r.id(), "internal error: " + c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : ": " + c.getMessage())), null);
        }
    }

    /** The reason class of an error message: the text before its first colon ({@code too large}). */
    public static String reasonOf(String error) {
        int colon = error.indexOf(':');
        return (colon < 0 ? error : error.substring(0, colon)).trim();
    }

    /** Reasons with counts, most frequent first, for messages ({@code too large 3, empty file 1}). */
    public static String describe(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> e = new java.util.ArrayList<>(counts.entrySet());
        e.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Long> x : e) {
            s.append(s.length() == 0 ? "" : ", ").append(x.getKey()).append(' ').append(x.getValue());
        }
        return s.toString();
    }
}
