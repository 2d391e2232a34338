package org.finfacts.eval.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finfacts.core.Engine;
import org.finfacts.facts.JsonCodec;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs spec files through the registered {@link ConformanceSuite}s and tallies, per suite and
 * model, how many cases passed, failed, differ by convention, or are out of scope. The pass rate is
 * passed / (in scope), where in scope = passed + failed + convention; convention differences are
 * also reported apart, so a reader sees both the plain agreement and the real failures.
 */
public final class ConformanceRunner {
    /** A judged case. */
    public record Judged(String suite, ConformanceCase testCase, Verdict verdict) {
    }

    private final List<ConformanceSuite> suites;

    /** A runner over the given suites (the first that accepts a case judges it). */
    public ConformanceRunner(List<ConformanceSuite> suites) {
        this.suites = List.copyOf(suites);
    }

    /** The suites this engine ships. */
    public static List<ConformanceSuite> registered() {
        List<ConformanceSuite> list = new ArrayList<>();
        list.add(new DateTimeConformanceSuite());
        list.add(new CurrencySuite());
        list.add(new NumberSuite());
        list.add(new PercentSuite());
        return list;
    }

    /** Judges every case of the files; cases no suite accepts are counted as out of scope. */
    public List<Judged> run(List<Path> files, Engine engine) throws IOException {
        List<Judged> out = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    ConformanceCase c = ConformanceCase.read(line);
                    out.add(judge(c, engine));
                }
            }
        }
        return out;
    }

    private Judged judge(ConformanceCase c, Engine engine) {
        for (ConformanceSuite s : suites) {
            if (s.accepts(c)) {
                Verdict v;
                try {
                    v = s.check(c, engine);
                } catch (RuntimeException e) {
                    v = Verdict.fail("exception: " + e);
                }
                return new Judged(s.name(), c, v);
            }
        }
        return new Judged("none", c, Verdict.outOfScope("no suite for model " + c.model()));
    }

    /** Counts per suite/model and outcome. */
    public static Map<String, Map<Verdict.Outcome, Integer>> tally(List<Judged> judged) {
        Map<String, Map<Verdict.Outcome, Integer>> t = new TreeMap<>();
        for (Judged j : judged) {
            for (String key : List.of(j.suite() + " (all)", j.suite() + "/" + j.testCase().model())) {
                t.computeIfAbsent(key, k -> new EnumMap<>(Verdict.Outcome.class))
                        .merge(j.verdict().outcome(), 1, Integer::sum);
            }
        }
        return t;
    }

    /** A table of the tallies, then the failures and convention differences (when asked). */
    public static String table(List<Judged> judged, boolean listFailures, boolean listConventions) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-44s %6s %6s %6s %6s %6s %8s %10s%n", "suite/model", "cases", "pass",
                "fail", "conv", "out", "pass%", "pass%-conv"));
        for (Map.Entry<String, Map<Verdict.Outcome, Integer>> e : tally(judged).entrySet()) {
            Map<Verdict.Outcome, Integer> c = e.getValue();
            int pass = c.getOrDefault(Verdict.Outcome.PASS, 0);
            int fail = c.getOrDefault(Verdict.Outcome.FAIL, 0);
            int conv = c.getOrDefault(Verdict.Outcome.CONVENTION, 0);
            int out = c.getOrDefault(Verdict.Outcome.OUT_OF_SCOPE, 0);
            int inScope = pass + fail + conv;
            sb.append(String.format(Locale.ROOT, "%-44s %6d %6d %6d %6d %6d %7.1f%% %9.1f%%%n", e.getKey(),
                    inScope + out, pass, fail, conv, out, inScope == 0 ? 0.0 : 100.0 * pass / inScope,
                    pass + fail == 0 ? 0.0 : 100.0 * pass / (pass + fail)));
        }
        sb.append("(pass% = pass / in scope; pass%-conv leaves convention differences out)\n");
        if (listFailures) {
            sb.append("\nfailures:\n");
            list(sb, judged, Verdict.Outcome.FAIL);
        }
        if (listConventions) {
            sb.append("\nconvention differences:\n");
            list(sb, judged, Verdict.Outcome.CONVENTION);
        }
        return sb.toString();
    }

    private static void list(StringBuilder sb, List<Judged> judged, Verdict.Outcome outcome) {
        for (Judged j : judged) {
            if (j.verdict().outcome() == outcome) {
                sb.append(String.format(Locale.ROOT, "  %-34s %s  | %s%n", j.testCase().id(),
                        j.testCase().input().replace('\n', ' '), j.verdict().detail()));
            }
        }
    }

    /** The tallies and every non-passing case as JSON. */
    public static ObjectNode json(List<Judged> judged) {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        ObjectNode t = o.putObject("tally");
        tally(judged).forEach((k, v) -> {
            ObjectNode x = t.putObject(k);
            v.forEach((outcome, n) -> x.put(outcome.name().toLowerCase(Locale.ROOT), n));
        });
        ArrayNode cases = o.putArray("not_passed");
        for (Judged j : judged) {
            if (j.verdict().outcome() != Verdict.Outcome.PASS) {
                cases.addObject().put("id", j.testCase().id()).put("suite", j.suite())
                        .put("outcome", j.verdict().outcome().name().toLowerCase(Locale.ROOT))
                        .put("input", j.testCase().input()).put("detail", j.verdict().detail());
            }
        }
        return o;
    }
}
