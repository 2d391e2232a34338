package org.finfacts.index;

import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import org.finfacts.ingest.BatchRunner;
import org.finfacts.ingest.BoundedLineReader;
import org.finfacts.ingest.InputRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Fills an index: from input documents through the engine, or from annotated JSONL written by
 * {@code finfacts extract} (no engine). Documents are analysed and added on {@code threads} workers
 * with a bounded queue; the index is committed every {@code commitEvery} documents or
 * {@code commitInterval}, and at the end, so a crash loses at most the work since the last commit,
 * and running the same input again (articles are replaced by id) completes it with one copy of each.
 * With {@code incremental}, inputs whose content hash equals the one indexed are skipped. A record
 * that cannot be read, extracted or indexed is counted with its reason; the run goes on.
 */
public final class IndexBuilder {
    /** How to run. */
    public record Options(int threads, int commitEvery, Duration commitInterval, boolean incremental) {
        /** Workers = cores, commit every 5,000 documents or 30 s, not incremental. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), 5000, Duration.ofSeconds(30), false);
        }
    }

    /** Told about progress (from the calling thread). */
    public interface Listener {
        /** Now and then: documents done (indexed + unchanged + failed) and failures so far. */
        void progress(long done, long failed, long nanos);

        /** After each commit, with the number of documents indexed when it started. */
        void committed(long indexed, long nanos);
    }

    /** What a run did. */
    public record Summary(long indexed, long unchanged, long failed, Map<String, Long> failures, long facts,
                          long money, long inexactAmounts, long chars, long commits, long nanos) {
        /** Indexed articles per second. */
        public double articlesPerSecond() {
            return nanos == 0 ? 0 : indexed / (nanos / 1e9);
        }
    }

    private static final int MAX_LINE_CHARS = 20_000_000;

    private final ArticleIndexer indexer;
    private final Options options;
    private final Listener listener;

    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong facts = new AtomicLong();
    private final AtomicLong money = new AtomicLong();
    private final AtomicLong inexact = new AtomicLong();
    private final AtomicLong chars = new AtomicLong();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private Map<String, String> known = Map.of();
    private volatile UncheckedIOException fatal;

    /** A builder writing through {@code indexer}; {@code listener} may be null. */
    public IndexBuilder(ArticleIndexer indexer, Options options, Listener listener) {
        this.indexer = indexer;
        this.options = options;
        this.listener = listener;
    }

    /** Runs the engine over input records and indexes the results. */
    public Summary fromInputs(Engine engine, Iterator<InputRecord> inputs) throws IOException {
        return run(() -> {
            if (!inputs.hasNext()) {
                return null;
            }
            InputRecord r = inputs.next();
            return () -> {
                if (r.isError()) {
                    fail(r.error());
                    return;
                }
                Document d = r.document();
                String hash = hash(d.id(), d.text(), d.title(), d.published(), d.url(), d.source());
                if (hash.equals(known.get(d.id()))) {
                    unchanged.incrementAndGet();
                    return;
                }
                AnnotatedDocument doc = engine.process(d);
                if (doc.isError()) {
                    fail(doc.error());
                    return;
                }
                add(doc, hash);
            };
        });
    }

    /** Indexes annotated JSONL files or folders of them ({@code -} reads {@code stdin}). */
    public Summary fromAnnotated(List<String> inputs, InputStream stdin) throws IOException {
        List<Path> files = new ArrayList<>();
        boolean readStdin = false;
        for (String in : inputs) {
            if (in.equals("-")) {
                readStdin = true;
                continue;
            }
            Path p = Path.of(in);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT)
                            .matches(".*\\.(jsonl|json|ndjson)")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException("no such file or folder: " + p);
            }
        }
        LineSource lines = new LineSource(files, readStdin ? stdin : null);
        try {
            return run(() -> {
                String[] next = lines.next();
                if (next == null) {
                    return null;
                }
                String origin = next[0];
                String line = next[1];
                return () -> {
                    if (line == null) {
                        fail("too large: line longer than " + MAX_LINE_CHARS + " characters (" + origin + ")");
                        return;
                    }
                    AnnotatedDocument doc;
                    try {
                        doc = JsonCodec.readAnnotated(line);
                    } catch (IllegalArgumentException e) {
                        fail(e.getMessage() + " (" + origin + ")");
                        return;
                    }
                    if (doc.isError()) {
                        fail("not extracted: " + doc.error());
                        return;
                    }
                    String hash = hash(line);
                    if (doc.id() != null && hash.equals(known.get(doc.id()))) {
                        unchanged.incrementAndGet();
                        return;
                    }
                    add(doc, hash);
                };
            });
        } finally {
            lines.close();
        }
    }

    private interface TaskSource {
        /** The next unit of work, or null at the end. */
        Runnable next() throws IOException;
    }

    private Summary run(TaskSource source) throws IOException {
        long t0 = System.nanoTime();
        if (options.incremental()) {
            known = indexer.committedHashes();
        }
        int threads = Math.max(1, options.threads());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4), r -> {
                    Thread t = new Thread(r, "finfacts-indexer");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        long commits = 0;
        long lastCommitAt = 0;
        long lastCommitTime = System.nanoTime();
        long lastReport = t0;
        try {
            Runnable task;
            while ((task = source.next()) != null) {
                if (fatal != null) {
                    break;
                }
                Runnable t = task;
                pool.execute(() -> safely(t));
                long now = System.nanoTime();
                long done = indexed.get();
                if (done - lastCommitAt >= options.commitEvery()
                        || (done > lastCommitAt && now - lastCommitTime >= options.commitInterval().toNanos())) {
                    indexer.commit();
                    commits++;
                    lastCommitAt = done;
                    lastCommitTime = System.nanoTime();
                    if (listener != null) {
                        listener.committed(done, lastCommitTime - t0);
                    }
                }
                if (listener != null && now - lastReport > 1_000_000_000L) {
                    listener.progress(indexed.get() + unchanged.get() + failed.get(), failed.get(), now - t0);
                    lastReport = now;
                }
            }
        } finally {
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    if (listener != null) {
                        listener.progress(indexed.get() + unchanged.get() + failed.get(), failed.get(),
                                System.nanoTime() - t0);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while indexing", e);
            }
        }
        if (fatal != null) {
            throw new IOException(fatal.getMessage(), fatal.getCause());
        }
        indexer.commit();
        commits++;
        long nanos = System.nanoTime() - t0;
        if (listener != null) {
            listener.committed(indexed.get(), nanos);
            listener.progress(indexed.get() + unchanged.get() + failed.get(), failed.get(), nanos);
        }
        Map<String, Long> reasons = new TreeMap<>();
        failures.forEach((k, v) -> reasons.put(k, v.sum()));
        return new Summary(indexed.get(), unchanged.get(), failed.get(), reasons, facts.get(), money.get(),
                inexact.get(), chars.get(), commits, nanos);
    }

    private void safely(Runnable task) {
        try {
            task.run();
        } catch (OutOfMemoryError e) {
            fail("too large: out of memory while indexing");
        } catch (UncheckedIOException e) {
            fatal = e;
        } catch (RuntimeException e) {
            fail("internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void add(AnnotatedDocument doc, String hash) {
        try {
            ArticleDocuments.Block b = indexer.index(doc, hash);
            indexed.incrementAndGet();
            facts.addAndGet(b.facts());
            money.addAndGet(b.money());
            inexact.addAndGet(b.inexactAmounts());
            chars.addAndGet(doc.text().length());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the index: " + e.getMessage(), e);
        }
    }

    private void fail(String reason) {
        failed.incrementAndGet();
        failures.computeIfAbsent(BatchRunner.reasonOf(reason), k -> new LongAdder()).increment();
    }

    /** A short content hash (hex) of the given parts. */
    static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                if (p != null) {
                    md.update(p.getBytes(StandardCharsets.UTF_8));
                }
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines of several files and stdin, each with its origin ({@code file:line}); a too-long line is null. */
    private static final class LineSource {
        private final Iterator<Path> files;
        private final InputStream stdin;
        private BoundedLineReader reader;
        private String name;
        private int lineNo;
        private boolean stdinDone;

        LineSource(List<Path> files, InputStream stdin) {
            this.files = files.iterator();
            this.stdin = stdin;
            this.stdinDone = stdin == null;
        }

        String[] next() throws IOException {
            while (true) {
                if (reader == null && !open()) {
                    return null;
                }
                String line = reader.readLine();
                if (line == null) {
                    if (!"stdin".equals(name)) {
                        reader.close();
                    }
                    reader = null;
                    continue;
                }
                lineNo++;
                if (line != BoundedLineReader.TOO_LONG && line.isBlank()) {
                    continue;
                }
                return new String[] {name + ":" + lineNo, line == BoundedLineReader.TOO_LONG ? null : line};
            }
        }

        private boolean open() throws IOException {
            InputStream in;
            if (files.hasNext()) {
                Path p = files.next();
                in = Files.newInputStream(p);
                name = p.toString();
            } else if (!stdinDone) {
                stdinDone = true;
                in = stdin;
                name = "stdin";
            } else {
                return false;
            }
            reader = new BoundedLineReader(new InputStreamReader(new BufferedInputStream(in, 1 << 16),
                    StandardCharsets.UTF_8), MAX_LINE_CHARS);
            lineNo = 0;
            return true;
        }

        void close() throws IOException {
            if (reader != null && !"stdin".equals(name)) {
                reader.close();
            }
        }
    }
}
