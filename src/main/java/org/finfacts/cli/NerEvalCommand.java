package org.finfacts.cli;

import org.finfacts.core.Engine;
import org.finfacts.facts.MentionType;
import org.finfacts.core.EngineConfig;
import org.finfacts.eval.ner.NerEvaluation;
import org.finfacts.tokenize.HanlpTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code finfacts ner-eval}: organisation spans of the engine and of HanLP's own organisation
 * recognition, measured in the same run against NER references: recall on CFSC ({@code Corporate},
 * and {@code Stock}, which also holds indices and sectors) and on DuEE-fin silver ({@code ORG}), whose
 * labels are partial; precision and recall on CLUENER's {@code company} class.
 */
@Command(name = "ner-eval", mixinStandardHelpOptions = true,
        description = "Company/organisation span recall (CFSC, DuEE-fin) and P/R/F1 (CLUENER company) of the engine "
                + "and of HanLP's organisation recognition, exact and overlapping spans.")
public final class NerEvalCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "../shared/ner",
            description = "Folder with cfsc-ner-val.jsonl, duee-fin-bbt-silver-dev.jsonl, cluener-dev.jsonl (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N documents of each file.")
    Integer limit;

    @Mixin
    EngineOptions engineOptions;

    private record Dataset(String file, String label, Set<String> types, boolean complete) {
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--dir: no such folder: " + dir);
        }
        List<Dataset> datasets = List.of(
                new Dataset("cfsc-ner-val.jsonl", "CFSC Corporate", Set.of("Corporate"), false),
                new Dataset("cfsc-ner-val.jsonl", "CFSC Stock", Set.of("Stock"), false),
                new Dataset("cfsc-ner-val.jsonl", "CFSC Corporate+Stock", Set.of("Corporate", "Stock"), false),
                new Dataset("duee-fin-bbt-silver-dev.jsonl", "DuEE-fin ORG", Set.of("ORG"), false),
                new Dataset("cluener-dev.jsonl", "CLUENER company", Set.of("company"), true),
                new Dataset("cluener-dev.jsonl", "CLUENER company+organization", Set.of("company", "organization"), false));
        Engine engine = engineOptions.engine();
        EngineConfig base = engine.config();
        Engine hanlp = Engine.create(new EngineConfig(base.models(), new HanlpTokenizer.Options(true, true, true),
                base.maxChars()));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-30s %6s | %-34s | %-34s%n", "dataset", "gold",
                "engine COMPANY", "HanLP organisation recognition (nt)"));
        out.append(String.format(Locale.ROOT, "%-30s %6s | %-34s | %-34s%n", "", "",
                "R exact  R overlap | P  F1 (exact)", "R exact  R overlap | P  F1 (exact)"));
        String lastFile = null;
        List<NerEvaluation.Doc> docs = null;
        List<List<NerEvaluation.Span>> engineSpans = null;
        List<List<NerEvaluation.Span>> hanlpSpans = null;
        long engineNanos = 0;
        long hanlpNanos = 0;
        long chars = 0;
        List<String> notes = new ArrayList<>();
        for (Dataset d : datasets) {
            Path file = dir.resolve(d.file());
            if (!Files.isRegularFile(file)) {
                if (!notes.contains("missing: " + file)) {
                    notes.add("missing: " + file);
                }
                continue;
            }
            if (!d.file().equals(lastFile)) {
                docs = NerEvaluation.read(file);
                if (limit != null && docs.size() > limit) {
                    docs = docs.subList(0, limit);
                }
                long t0 = System.nanoTime();
                engineSpans = NerEvaluation.engineSpans(engine, docs);
                long t1 = System.nanoTime();
                hanlpSpans = NerEvaluation.hanlpOrganizationSpans(hanlp, docs);
                long t2 = System.nanoTime();
                engineNanos += t1 - t0;
                hanlpNanos += t2 - t1;
                for (NerEvaluation.Doc doc : docs) {
                    chars += doc.text().length();
                }
                lastFile = d.file();
            }
            NerEvaluation.Tally e = NerEvaluation.score(docs, d.types(), engineSpans);
            NerEvaluation.Tally h = NerEvaluation.score(docs, d.types(), hanlpSpans);
            out.append(String.format(Locale.ROOT, "%-30s %6d | %s | %s%n", d.label(), e.gold, cells(e, d.complete()),
                    cells(h, d.complete())));
        }
        out.append(String.format(Locale.ROOT, "%nrecall: share of reference spans found (exact: same start and end; overlap: "
                + "sharing a character). P and F1 only where the labels are complete (CLUENER company).%n"));
        out.append(String.format(Locale.ROOT, "time: engine (whole pipeline) %.1f s, HanLP with organisation recognition "
                + "(analysis only) %.1f s, %d characters%n", engineNanos / 1e9, hanlpNanos / 1e9, chars));
        Path duee = dir.resolve("duee-fin-bbt-silver-dev.jsonl");
        if (Files.isRegularFile(duee)) {
            quantitiesAndDates(engine, duee, out);
        }
        for (String n : notes) {
            out.append(n).append('\n');
        }
        System.out.print(out);
        return 0;
    }

    /**
     * Recall of the DuEE-fin silver MONEY/PRICE, DATE, PERCENT and SHARES spans by the engine's MONEY,
     * DATE, PERCENT and NUMBER mentions: a check on text the rules were not written against. The silver
     * spans include qualifier words ({@code 约}, {@code 最高价为}) and trailing words ({@code 晚间}) that
     * ANNOTATION.md keeps outside the span, so overlap recall is the comparable figure.
     */
    private void quantitiesAndDates(Engine engine, Path file, StringBuilder out) throws java.io.IOException {
        List<NerEvaluation.Doc> docs = NerEvaluation.read(file);
        if (limit != null && docs.size() > limit) {
            docs = docs.subList(0, limit);
        }
        java.util.Map<MentionType, List<List<NerEvaluation.Span>>> spans = NerEvaluation.engineSpans(engine, docs,
                Set.of(MentionType.MONEY, MentionType.DATE, MentionType.PERCENT, MentionType.NUMBER));
        out.append(String.format(Locale.ROOT, "%nDuEE-fin silver quantities and dates (recall only; silver spans include "
                + "qualifiers, so overlap is the comparable figure):%n"));
        out.append(String.format(Locale.ROOT, "%-22s %-8s %6s | %8s %10s%n", "silver type", "engine", "gold", "R exact", "R overlap"));
        String[][] pairs = {{"MONEY", "MONEY"}, {"PRICE", "MONEY"}, {"DATE", "DATE"}, {"PERCENT", "PERCENT"}, {"SHARES", "NUMBER"}};
        for (String[] p : pairs) {
            NerEvaluation.Tally t = NerEvaluation.score(docs, Set.of(p[0]), spans.get(MentionType.valueOf(p[1])));
            out.append(String.format(Locale.ROOT, "%-22s %-8s %6d | %8.3f %10.3f%n", p[0], p[1], t.gold, t.recall(),
                    t.overlapRecall()));
        }
    }

    private static String cells(NerEvaluation.Tally t, boolean complete) {
        if (!complete) {
            return String.format(Locale.ROOT, "%6.3f   %6.3f    |   -      -    ", t.recall(), t.overlapRecall());
        }
        return String.format(Locale.ROOT, "%6.3f   %6.3f    | %5.3f %5.3f  ", t.recall(), t.overlapRecall(),
                t.precision(), t.f1());
    }
}
