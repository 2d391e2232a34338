package org.finfacts.ingest;

import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs an {@link Engine} over a stream of {@link InputRecord}s on several threads and hands the
 * results to a consumer in input order. At most {@code 8 × threads} records are in flight, so memory
 * stays bounded whatever the input size. Unreadable records and failing documents come out as error
 * documents in their place: every input gives exactly one output.
 */
public final class BatchRunner {
    /** Counts of one run. */
    public record Summary(long ok, long failed, Map<String, Long> failuresByReason, long chars, long nanos) {
        /** Documents per second over the whole run. */
        public double docsPerSecond() {
            return nanos == 0 ? 0 : (ok + failed) / (nanos / 1e9);
        }

        /** Input characters per second over the whole run. */
        public double charsPerSecond() {
            return nanos == 0 ? 0 : chars / (nanos / 1e9);
        }
    }

    /** Told about progress now and then (from the consumer's thread). */
    public interface Progress {
        void update(long done, long failed, long chars, long nanos);
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
        long t0 = System.nanoTime();
        long ok = 0;
        long failed = 0;
        long chars = 0;
        Map<String, Long> reasons = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "finfacts-worker");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<AnnotatedDocument>> window = new ArrayDeque<>();
        Deque<Integer> sizes = new ArrayDeque<>();
        int maxInFlight = threads * 8;
        long lastReport = t0;
        try {
            while (records.hasNext() || !window.isEmpty()) {
                while (records.hasNext() && window.size() < maxInFlight) {
                    InputRecord r = records.next();
                    sizes.addLast(r.document() == null ? 0 : r.document().text().length());
                    if (r.isError()) {
                        window.addLast(java.util.concurrent.CompletableFuture.completedFuture(
                                AnnotatedDocument.failed(r.id(), r.error())));
                    } else {
                        window.addLast(pool.submit(() -> processSafely(r)));
                    }
                }
                Future<AnnotatedDocument> f = window.pollFirst();
                int size = sizes.pollFirst();
                AnnotatedDocument doc = await(f);
                chars += size;
                if (doc.isError()) {
                    failed++;
                    reasons.merge(reasonOf(doc.error()), 1L, Long::sum);
                } else {
                    ok++;
                }
                out.accept(doc);
                long now = System.nanoTime();
                if (progress != null && now - lastReport > 1_000_000_000L) {
                    progress.update(ok + failed, failed, chars, now - t0);
                    lastReport = now;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long nanos = System.nanoTime() - t0;
        if (progress != null) {
            progress.update(ok + failed, failed, chars, nanos);
        }
        return new Summary(ok, failed, reasons, chars, nanos);
    }

    private AnnotatedDocument processSafely(InputRecord r) {
        try {
            return engine.process(r.document());
        } catch (OutOfMemoryError e) {
            return AnnotatedDocument.failed(r.id(), "too large: out of memory while processing");
        } catch (Throwable e) {
            return AnnotatedDocument.failed(r.id(), "internal error: " + e.getClass().getSimpleName());
        }
    }

    private static AnnotatedDocument await(Future<AnnotatedDocument> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            return AnnotatedDocument.failed(null, "internal error: " + c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : ": " + c.getMessage()));
        }
    }

    /** The reason class of an error message: the text before its first colon ({@code too large}). */
    public static String reasonOf(String error) {
        int colon = error.indexOf(':');
        return (colon < 0 ? error : error.substring(0, colon)).trim();
    }
}
