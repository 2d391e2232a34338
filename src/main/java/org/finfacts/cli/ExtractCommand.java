package org.finfacts.cli;

import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import org.finfacts.ingest.BatchRunner;
import org.finfacts.ingest.InputSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code finfacts extract}: annotates documents from files, directories, JSONL or stdin and writes
 * one JSON line per input, in input order; a failing input gets an {@code error} line.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Annotate documents (.txt files, directories, JSONL with {\"id\",\"text\",\"published\"?}, or - for stdin) "
                + "and write one JSON line per input document.")
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files or directories; - or nothing reads stdin.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write JSONL here instead of stdout.")
    Path output;

    @Option(names = "--pretty", description = "Indent the JSON for people (one document per block).")
    boolean pretty;

    @Option(names = "--no-text", description = "Leave each document's text out of the output.")
    boolean noText;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: number of cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on stderr.")
    boolean quiet;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        List<String> in = inputs == null || inputs.isEmpty() ? List.of("-") : inputs;
        PrintStream err = System.err;
        long t0 = System.nanoTime();
        Engine engine = engineOptions.engine();
        if (!quiet) {
            err.printf(Locale.ROOT, "finfacts: engine ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        JsonCodec codec = new JsonCodec(!noText);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (output != null && output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (Writer w = output == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
             InputSource source = new InputSource(in, engineOptions.maxChars, System.in)) {
            BatchRunner.Summary s = new BatchRunner(engine, n).run(source, doc -> write(w, codec, doc),
                    quiet ? null : (done, failed, chars, nanos) -> err.printf(Locale.ROOT,
                            "\r%,d docs (%,d failed)  %.0f docs/s  %.0f chars/s   ", done, failed,
                            done / (nanos / 1e9), chars / (nanos / 1e9)));
            w.flush();
            if (!quiet) {
                err.println();
                err.printf(Locale.ROOT, "finfacts: %,d ok, %,d failed%s in %.1f s -> %s%n", s.ok(), s.failed(),
                        s.failuresByReason().isEmpty() ? "" : " " + s.failuresByReason(), s.nanos() / 1e9,
                        output == null ? "stdout" : output);
            }
            return 0;
        }
    }

    private void write(Writer w, JsonCodec codec, AnnotatedDocument doc) {
        try {
            w.write(codec.write(doc, pretty));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }
}
