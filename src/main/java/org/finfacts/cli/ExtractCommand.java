package org.finfacts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finfacts.core.Engine;
import org.finfacts.core.ModelStore;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Fact;
import org.finfacts.facts.JsonCodec;
import org.finfacts.ingest.BatchRunner;
import org.finfacts.ingest.BoundedLineReader;
import org.finfacts.ingest.InputSource;
import org.finfacts.ingest.NearDuplicates;
import org.finfacts.ingest.PageConverter;
import org.finfacts.text.html.ArticleExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code finfacts extract}: annotates documents from files, directories, globs, a file list, JSONL,
 * HTML pages, WARC archives or stdin and writes one JSON line per input record, in input order; a
 * failing record gets an {@code error} line with its reason. Shows progress (docs/s, MB/s, ETA) and
 * a summary on stderr, can write the summary as JSON, resumes an interrupted run, and marks
 * near-duplicate stories.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Annotate documents and pages (.txt, .html/.htm, .jsonl with {\"id\",\"text\"|\"html\",...}, "
                + ".warc/.warc.gz, directories, globs, --from-list, or - for stdin) and write one JSON line per input record.")
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files, directories or globs ('data/**/*.html'); - or nothing (and no --from-list) reads stdin.")
    List<String> inputs;

    @Option(names = "--from-list", paramLabel = "FILE", description = "Read input paths (or globs) from FILE, one per line; # starts a comment.")
    Path fromList;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write JSONL here instead of stdout.")
    Path output;

    @Option(names = "--resume", description = "Skip records whose id is already in the output file and append the rest (needs -o).")
    boolean resume;

    @Option(names = "--summary", paramLabel = "FILE", description = "Also write the run's summary (counts by reason, rates) as JSON to FILE.")
    Path summaryFile;

    @Option(names = "--pretty", description = "Indent the JSON for people (one document per block).")
    boolean pretty;

    @Option(names = "--no-text", description = "Leave each document's text out of the output.")
    boolean noText;

    @Option(names = "--no-dedup", description = "Do not mark near-duplicate stories.")
    boolean noDedup;

    @Option(names = "--max-page-bytes", paramLabel = "N", defaultValue = "" + PageConverter.DEFAULT_MAX_PAGE_BYTES,
            description = "Largest HTML page accepted, in bytes; larger ones get an error line (default: ${DEFAULT-VALUE}).")
    long maxPageBytes;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: number of cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on stderr.")
    boolean quiet;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        List<String> named = inputs == null ? List.of() : inputs;
        if (named.isEmpty() && fromList == null) {
            named = List.of("-");
        }
        if (resume && output == null) {
            throw new IllegalArgumentException("--resume needs -o FILE: it skips the ids already in that file");
        }
        if (fromList != null && !Files.isRegularFile(fromList)) {
            throw new IllegalArgumentException("--from-list: no such file: " + fromList);
        }
        PrintStream err = System.err;
        long t0 = System.nanoTime();
        Engine engine = engineOptions.engine();
        ModelStore models = engineOptions.models == null ? ModelStore.bundled() : ModelStore.directory(engineOptions.models);
        PageConverter converter = new PageConverter(ArticleExtractor.create(models), maxPageBytes);
        if (!quiet) {
            err.printf(Locale.ROOT, "finfacts: engine ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        JsonCodec codec = new JsonCodec(!noText);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (output != null && output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Set<String> done = new HashSet<>();
        NearDuplicates duplicates = noDedup ? null : new NearDuplicates();
        if (resume && Files.exists(output)) {
            readPreviousRun(output, done, duplicates);
            if (!quiet) {
                err.printf(Locale.ROOT, "finfacts: resuming: %,d records already in %s%n", done.size(), output);
            }
        }
        long total = fromList == null ? InputSource.totalBytes(named) : -1;
        try (Stream<String> listLines = fromList == null ? Stream.empty() : Files.lines(fromList, StandardCharsets.UTF_8)) {
            Iterator<String> specs = Stream.concat(named.stream(), listLines.map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))).iterator();
            try (Writer w = openOutput();
                 InputSource source = new InputSource(specs,
                         new InputSource.Options(engineOptions.maxChars, maxPageBytes, converter), System.in)) {
                ProgressBar bar = quiet ? null : new ProgressBar(err, System.console() != null);
                BatchRunner.Options options = new BatchRunner.Options(done::contains, duplicates,
                        bar == null ? null : bar::update, source::bytesRead, total, source::skipped);
                BatchRunner.Summary s = new BatchRunner(engine, n).execute(source, doc -> write(w, codec, doc), options);
                w.flush();
                if (bar != null) {
                    bar.finish();
                    printSummary(err, s);
                }
                if (summaryFile != null) {
                    writeSummary(s, named);
                }
                return 0;
            }
        }
    }

    /** The output writer; a lone surrogate in a text becomes {@code ?} (one code point, offsets intact). */
    private Writer openOutput() throws IOException {
        if (output == null) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        }
        OutputStream file = resume && Files.exists(output)
                ? Files.newOutputStream(output, StandardOpenOption.APPEND)
                : Files.newOutputStream(output);
        return new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    /**
     * Reads the ids of a previous run's output (and fingerprints the bodies of its first copies, when
     * the output holds texts, so that near-duplicates keep pointing at them), and cuts off a last line that
     * the interrupted run left half-written, so that appending continues on a clean line.
     */
    static void readPreviousRun(Path out, Set<String> ids, NearDuplicates duplicates) throws IOException {
        truncateToLastNewline(out);
        try (BoundedLineReader r = new BoundedLineReader(new BufferedReader(new InputStreamReader(
                Files.newInputStream(out), StandardCharsets.UTF_8), 1 << 16), 64_000_000)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line == BoundedLineReader.TOO_LONG || line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JsonCodec.mapper().readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (n == null || !n.hasNonNull("id")) {
                    continue;
                }
                String id = n.get("id").asText();
                ids.add(id);
                if (duplicates != null && n.hasNonNull("text") && !n.hasNonNull("duplicate_of") && !n.hasNonNull("error")) {
                    JsonNode body = n.at("/regions/body");
                    Fact.Span span = body.isArray() && body.size() == 2 ? new Fact.Span(body.get(0).asInt(), body.get(1).asInt()) : null;
                    int[] signature = NearDuplicates.signature(BatchRunner.bodyOf(n.get("text").asText(), span));
                    if (signature != null) {
                        duplicates.add(signature, id);
                    }
                }
            }
        }
    }

    private static void truncateToLastNewline(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long len = f.length();
            long pos = len;
            byte[] buf = new byte[8192];
            while (pos > 0) {
                int chunk = (int) Math.min(buf.length, pos);
                f.seek(pos - chunk);
                f.readFully(buf, 0, chunk);
                for (int i = chunk - 1; i >= 0; i--) {
                    if (buf[i] == '\n') {
                        long keep = pos - chunk + i + 1;
                        if (keep < len) {
                            f.setLength(keep);
                        }
                        return;
                    }
                }
                pos -= chunk;
            }
            f.setLength(0);
        }
    }

    private void printSummary(PrintStream err, BatchRunner.Summary s) {
        err.printf(Locale.ROOT, "finfacts: %,d records in %.1f s (%.1f docs/s, %.2f MB/s): %,d ok, %,d failed, %,d skipped, "
                        + "%,d near-duplicates -> %s%n", s.ok() + s.failed(), s.nanos() / 1e9, s.docsPerSecond(),
                s.megabytesPerSecond(), s.ok(), s.failed(), s.skipped(), s.duplicates(),
                output == null ? "stdout" : output);
        err.printf(Locale.ROOT, "  peak heap %.0f MB of %d MB%n", peakHeapBytes() / 1048576.0,
                Runtime.getRuntime().maxMemory() >> 20);
        if (!s.failuresByReason().isEmpty()) {
            err.println("  failed:  " + BatchRunner.describe(s.failuresByReason()));
        }
        if (!s.skippedByReason().isEmpty()) {
            err.println("  skipped: " + BatchRunner.describe(s.skippedByReason()));
        }
    }

    private void writeSummary(BatchRunner.Summary s, List<String> named) throws IOException {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        o.put("records", s.ok() + s.failed());
        o.put("ok", s.ok());
        o.put("failed", s.failed());
        o.put("skipped", s.skipped());
        o.put("near_duplicates", s.duplicates());
        ObjectNode f = o.putObject("failed_by_reason");
        s.failuresByReason().forEach(f::put);
        ObjectNode k = o.putObject("skipped_by_reason");
        s.skippedByReason().forEach(k::put);
        o.put("seconds", s.nanos() / 1e9);
        o.put("docs_per_second", s.docsPerSecond());
        o.put("input_bytes", s.bytes());
        o.put("mb_per_second", s.megabytesPerSecond());
        o.put("threads", threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        o.put("peak_heap_mb", peakHeapBytes() / 1048576.0);
        o.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        o.put("output", output == null ? "stdout" : output.toString());
        o.putPOJO("inputs", new ArrayList<>(named));
        if (fromList != null) {
            o.put("from_list", fromList.toString());
        }
        if (summaryFile.getParent() != null) {
            Files.createDirectories(summaryFile.getParent());
        }
        Files.writeString(summaryFile, o.toPrettyString() + "\n", StandardCharsets.UTF_8);
    }

    /** The heap's peak use so far: the sum of the heap pools' peaks (an upper bound of the true peak). */
    static long peakHeapBytes() {
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean b : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == java.lang.management.MemoryType.HEAP) {
                peak += b.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private void write(Writer w, JsonCodec codec, AnnotatedDocument doc) {
        try {
            w.write(codec.write(doc, pretty));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }

    /**
     * The progress line on stderr: a bar with percent and ETA when the input size is known, docs/s,
     * MB/s, failures, skips and duplicates; redrawn in place on a terminal, else printed every 10 s.
     */
    static final class ProgressBar {
        private final PrintStream err;
        private final boolean terminal;
        private long lastPrinted;
        private boolean drawn;

        ProgressBar(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        void update(BatchRunner.Status s) {
            long now = System.nanoTime();
            if (!terminal && now - lastPrinted < 10_000_000_000L) {
                return;
            }
            lastPrinted = now;
            String line = render(s);
            if (terminal) {
                err.print("\r" + line + "  ");
            } else {
                err.println(line);
            }
            drawn = true;
        }

        static String render(BatchRunner.Status s) {
            double secs = Math.max(1e-9, s.nanos() / 1e9);
            StringBuilder b = new StringBuilder();
            if (s.totalBytes() > 0) {
                double frac = Math.min(1.0, (double) s.bytesRead() / s.totalBytes());
                int filled = (int) Math.round(frac * 24);
                b.append('[').append("#".repeat(filled)).append(".".repeat(24 - filled)).append("] ");
                b.append(String.format(Locale.ROOT, "%3.0f%% ", frac * 100));
            }
            b.append(String.format(Locale.ROOT, "%,d docs  %.1f docs/s  %.2f MB/s", s.done(), s.done() / secs,
                    s.bytesRead() / 1048576.0 / secs));
            if (s.totalBytes() > 0 && s.bytesRead() > 0 && s.bytesRead() < s.totalBytes()) {
                long eta = (long) ((s.totalBytes() - s.bytesRead()) * (secs / s.bytesRead()));
                b.append(String.format(Locale.ROOT, "  ETA %d:%02d:%02d", eta / 3600, (eta / 60) % 60, eta % 60));
            }
            if (s.failed() > 0 || s.skipped() > 0 || s.duplicates() > 0) {
                b.append(String.format(Locale.ROOT, "  (%,d failed, %,d skipped, %,d dup)", s.failed(), s.skipped(),
                        s.duplicates()));
            }
            return b.toString();
        }

        void finish() {
            if (drawn && terminal) {
                err.println();
            }
        }
    }
}
