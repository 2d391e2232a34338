package org.finfacts.cli;

import org.finfacts.eval.EvalDocument;
import org.finfacts.eval.EvalReport;
import org.finfacts.eval.Evaluation;
import org.finfacts.eval.OracleMentions;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code finfacts eval}: scores the engine (or a system output file) against a gold file and prints
 * a table of P/R/F1 per type, value accuracy, company links and facts, with the wrong values.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score against gold: strict and overlap P/R/F1 per type, normalised-field accuracy, "
                + "company links, facts. Runs the engine on the gold texts unless --system is given.")
public final class EvalCommand implements Callable<Integer> {
    @Option(names = {"-g", "--gold"}, required = true, paramLabel = "GOLD.jsonl", description = "Gold annotations.")
    Path gold;

    @Option(names = {"-s", "--system"}, paramLabel = "SYSTEM.jsonl", description = "Output of extract to score; default: run the engine now.")
    Path system;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--errors", description = "List every miss, spurious mention and wrong value.")
    boolean errors;

    @Option(names = "--save-system", paramLabel = "FILE", description = "Also write the engine's output for the gold texts here (ignored with --system).")
    Path saveSystem;

    @Option(names = "--require", paramLabel = "TYPE=F1", description = "Exit 1 when the strict F1 of TYPE (or FACTS) is below the value, e.g. --require MONEY=0.9.")
    Map<String, Double> require;

    @Option(names = "--oracle-mentions", description = "Run only the fact stage, on the gold mentions, and score its facts "
            + "(mention scores are then those of gold itself).")
    boolean oracleMentions;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: number of cores).")
    Integer threads;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(gold)) {
            throw new IllegalArgumentException("--gold: no such file: " + gold);
        }
        List<EvalDocument> goldDocs = Evaluation.readJsonl(gold);
        Map<String, EvalDocument> sys;
        if (oracleMentions) {
            if (system != null) {
                throw new IllegalArgumentException("--oracle-mentions runs the fact stage itself: it cannot score --system");
            }
            sys = OracleMentions.runAll(engineOptions.engine(), goldDocs);
        } else if (system != null) {
            if (!Files.isRegularFile(system)) {
                throw new IllegalArgumentException("--system: no such file: " + system);
            }
            sys = Evaluation.byId(Evaluation.readJsonl(system));
        } else {
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            List<AnnotatedDocument> annotated = Evaluation.runEngine(engineOptions.engine(), goldDocs, n);
            if (saveSystem != null) {
                JsonCodec codec = new JsonCodec(false);
                StringBuilder sb = new StringBuilder();
                for (AnnotatedDocument d : annotated) {
                    sb.append(codec.write(d, false)).append('\n');
                }
                Files.writeString(saveSystem, sb.toString());
            }
            sys = Evaluation.toEval(annotated);
        }
        EvalReport report = Evaluation.score(goldDocs, sys);
        if (json) {
            System.out.println(JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson(errors)));
        } else {
            System.out.print(report.table(errors));
        }
        return checkRequirements(report);
    }

    private int checkRequirements(EvalReport report) {
        if (require == null) {
            return 0;
        }
        int code = 0;
        for (Map.Entry<String, Double> e : require.entrySet()) {
            String type = e.getKey().toUpperCase(Locale.ROOT);
            double f1 = type.equals("FACTS") ? report.factScore("ALL").f1() : report.strictScore(type).f1();
            if (f1 + 1e-9 < e.getValue()) {
                System.err.printf(Locale.ROOT, "finfacts: %s F1 %.3f is below the required %.3f%n", type, f1, e.getValue());
                code = 1;
            }
        }
        return code;
    }
}
