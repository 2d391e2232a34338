package org.finfacts.cli;

import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.JsonCodec;
import org.finfacts.facts.Mention;
import org.finfacts.ingest.TextDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code finfacts company-sample}: draws a fixed-seed random sample of news items (JSONL with
 * {@code id} and {@code text}), runs the engine and prints every COMPANY mention with its context, one
 * tab-separated line each, so that precision on unseen news can be judged by hand and compared before
 * and after a change (same file, same seed, same sample). Columns: number, {@code K}nown or
 * {@code U}nknown, source, text, id, code, context with the mention in brackets, document id.
 */
@Command(name = "company-sample", mixinStandardHelpOptions = true,
        description = "Print every COMPANY mention, with context, of a fixed-seed random sample of JSONL news items "
                + "(for judging precision by hand).")
public final class CompanySampleCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JSONL", description = "News items, one JSON object a line with \"id\" and \"text\".")
    Path input;

    @Option(names = {"-n", "--size"}, paramLabel = "N", defaultValue = "200",
            description = "Number of items drawn (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20261128",
            description = "Random seed of the draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--context", paramLabel = "CHARS", defaultValue = "12",
            description = "Characters of context on each side (default: ${DEFAULT-VALUE}).")
    int context;

    @Option(names = "--unknown-only", description = "Print only mentions the gazetteer does not know.")
    boolean unknownOnly;

    @Option(names = "--save-sample", paramLabel = "FILE",
            description = "Also write the drawn items (the input lines) to FILE, to run them through another build.")
    Path saveSample;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("no such file: " + input);
        }
        if (size < 1 || context < 0) {
            throw new IllegalArgumentException("--size must be positive and --context not negative");
        }
        // the project's decoder: a BOM, GBK or a broken byte does not stop the draw (lossy bytes become U+FFFD)
        TextDecoder.Decoded decoded = TextDecoder.decode(Files.readAllBytes(input), "UTF-8");
        List<String> lines = new ArrayList<>();
        for (String line : decoded.text().split("\r?\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        List<Integer> order = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<Integer> picked = new ArrayList<>(order.subList(0, Math.min(size, order.size())));
        Collections.sort(picked);
        if (saveSample != null) {
            List<String> drawn = new ArrayList<>(picked.size());
            for (int i : picked) {
                drawn.add(lines.get(i));
            }
            Files.write(saveSample, drawn, StandardCharsets.UTF_8);
        }
        List<Document> docs = new ArrayList<>(picked.size());
        StringBuilder out = new StringBuilder();
        int failed = 0;
        for (int i : picked) {
            try {
                docs.add(JsonCodec.readDocument(lines.get(i), "line-" + (i + 1)));
            } catch (IllegalArgumentException e) {
                failed++;
                out.append("# drawn line ").append(i + 1).append(" skipped: ").append(e.getMessage()).append('\n');
            }
        }
        Engine engine = engineOptions.engine();
        int count = 0;
        int known = 0;
        for (AnnotatedDocument doc : engine.processAll(docs)) {
            int[] cps = (doc.text() == null ? "" : doc.text()).codePoints().toArray();
            for (Mention m : doc.mentions()) {
                if (!(m instanceof CompanyMention c) || (unknownOnly && c.known())) {
                    continue;
                }
                count++;
                known += c.known() ? 1 : 0;
                out.append(count).append('\t').append(c.known() ? 'K' : 'U').append('\t').append(c.source())
                        .append('\t').append(c.text()).append('\t').append(c.id()).append('\t')
                        .append(c.code() == null ? "" : c.code()).append('\t')
                        .append(contextOf(cps, c.start(), c.end())).append('\t').append(doc.id()).append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "# %d items drawn of %d (seed %d): %d COMPANY mentions, %d known, %d unknown%n",
                picked.size(), lines.size(), seed, count, known, count - known));
        if (failed > 0 || decoded.lossy()) {
            out.append(String.format(Locale.ROOT, "# %d drawn lines skipped; input decoded as %s%s%n", failed,
                    decoded.charset(), decoded.lossy() ? " with undecodable bytes replaced" : ""));
        }
        System.out.print(out);
        return 0;
    }

    /** The mention in brackets with {@link #context} code points of {@code cps} on each side, line breaks as spaces. */
    private String contextOf(int[] cps, int start, int end) {
        int s = Math.max(0, start - context);
        int e = Math.min(cps.length, end + context);
        String before = new String(cps, s, Math.max(0, Math.min(start, cps.length) - s));
        String inside = new String(cps, Math.min(start, cps.length), Math.max(0, Math.min(end, cps.length) - Math.min(start, cps.length)));
        String after = new String(cps, Math.min(end, cps.length), Math.max(0, e - Math.min(end, cps.length)));
        return (before + "[" + inside + "]" + after).replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
