package org.finfacts.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores system output against gold as {@code ANNOTATION.md} "Scoring" says: per mention type,
 * precision/recall/F1 with strict spans (same start and end) and with overlapping spans, matched
 * one-to-one; for strictly matched MONEY and DATE mentions the share whose normalised fields are all
 * equal; for COMPANY the share with the right id (and code where gold has one) and the pairwise F1 of
 * same-entity links; for facts, P/R/F1 where a match is the same type, subject, amount mention and
 * object. A gold mention or fact marked optional costs nothing when missed and counts as right when
 * found. System mentions of types that no gold document uses (NUMBER, PERCENT) are not scored.
 */
public final class Scorer {
    private static final Set<String> VALUE_FIELDS_MONEY = new LinkedHashSet<>(List.of("value", "min", "max", "currency", "qualifier", "per"));
    private static final Set<String> VALUE_FIELDS_DATE = new LinkedHashSet<>(List.of("value", "grain"));
    private static final Set<String> DECIMAL_FIELDS = Set.of("value", "min", "max");

    /** Scores every gold document against the system document with the same id (missing = empty). */
    public EvalReport score(List<EvalDocument> gold, Map<String, EvalDocument> system) {
        EvalReport report = new EvalReport();
        Set<String> types = new TreeSet<>();
        for (EvalDocument g : gold) {
            for (EvalMention m : g.mentions()) {
                types.add(m.type());
            }
        }
        report.types.addAll(types);
        for (EvalDocument g : gold) {
            EvalDocument s = system.get(g.id());
            report.documents++;
            if (s == null) {
                report.missingDocuments++;
                s = new EvalDocument(g.id(), null, null, null, null, List.of(), List.of(), "missing from system output");
            } else if (s.error() != null) {
                report.failedDocuments++;
            }
            for (String type : types) {
                scoreType(report, g, s, type);
            }
            scoreFacts(report, g, s);
        }
        return report;
    }

    private void scoreType(EvalReport report, EvalDocument g, EvalDocument s, String type) {
        List<EvalMention> gold = g.mentions().stream().filter(m -> m.type().equals(type)).toList();
        List<EvalMention> sys = s.mentions().stream().filter(m -> m.type().equals(type)).toList();

        Matching strict = match(gold, sys, true);
        report.strict(type).add(strict.truePositives(), strict.unmatchedSystem.size(), strict.requiredMissed.size());
        Matching overlap = match(gold, sys, false);
        report.overlap(type).add(overlap.truePositives(), overlap.unmatchedSystem.size(), overlap.requiredMissed.size());

        for (EvalMention miss : strict.requiredMissed) {
            report.errors.add(new EvalReport.Error(g.id(), "missed", type, describe(miss), context(g, miss)));
        }
        for (EvalMention extra : strict.unmatchedSystem) {
            report.errors.add(new EvalReport.Error(g.id(), "spurious", type, describe(extra), context(g, extra)));
        }
        for (int[] p : strict.pairs) {
            compareFields(report, g, type, gold.get(p[0]), sys.get(p[1]));
        }
        if (type.equals("COMPANY")) {
            scoreLinks(report, gold, sys, strict.pairs);
        }
    }

    private void compareFields(EvalReport report, EvalDocument g, String type, EvalMention gm, EvalMention sm) {
        Set<String> fields = switch (type) {
            case "MONEY" -> VALUE_FIELDS_MONEY;
            case "DATE" -> VALUE_FIELDS_DATE;
            case "COMPANY" -> Set.of("id");
            default -> Set.of();
        };
        if (fields.isEmpty()) {
            return;
        }
        FieldScore score = report.fields(type);
        boolean all = true;
        List<String> wrong = new ArrayList<>();
        for (String f : fields) {
            boolean right = sameValue(f, gm.field(f), sm.field(f));
            score.field(f, right);
            if (!right) {
                all = false;
                wrong.add(f + ": gold=" + gm.field(f) + " system=" + sm.field(f));
            }
        }
        score.pair(all);
        if (type.equals("COMPANY") && gm.fields().containsKey("code")) {
            FieldScore codes = report.fields("COMPANY_CODE");
            boolean right = Objects.equals(gm.field("code"), sm.field("code"));
            codes.field("code", right);
            codes.pair(right);
            if (!right) {
                wrong.add("code: gold=" + gm.field("code") + " system=" + sm.field("code"));
            }
        }
        if (!wrong.isEmpty()) {
            report.errors.add(new EvalReport.Error(g.id(), "wrong value", type,
                    gm.text() + " [" + gm.start() + "," + gm.end() + ") " + String.join("; ", wrong), context(g, gm)));
        }
    }

    static boolean sameValue(String field, String gold, String sys) {
        if (gold == null || sys == null) {
            return gold == null && sys == null;
        }
        if (DECIMAL_FIELDS.contains(field)) {
            try {
                return new BigDecimal(gold).compareTo(new BigDecimal(sys)) == 0;
            } catch (NumberFormatException e) {
                return gold.equals(sys);
            }
        }
        return gold.equals(sys);
    }

    private void scoreLinks(EvalReport report, List<EvalMention> gold, List<EvalMention> sys, List<int[]> pairs) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < pairs.size(); i++) {
            for (int j = i + 1; j < pairs.size(); j++) {
                EvalMention g1 = gold.get(pairs.get(i)[0]);
                EvalMention g2 = gold.get(pairs.get(j)[0]);
                EvalMention s1 = sys.get(pairs.get(i)[1]);
                EvalMention s2 = sys.get(pairs.get(j)[1]);
                boolean goldLink = g1.field("id") != null && g1.field("id").equals(g2.field("id"));
                boolean sysLink = s1.field("id") != null && s1.field("id").equals(s2.field("id"));
                if (goldLink && sysLink) {
                    tp++;
                } else if (sysLink) {
                    fp++;
                } else if (goldLink) {
                    fn++;
                }
            }
        }
        report.links.add(tp, fp, fn);
    }

    private void scoreFacts(EvalReport report, EvalDocument g, EvalDocument s) {
        List<EvalFact> required = new ArrayList<>();
        Map<String, List<EvalFact>> optionalByKey = new HashMap<>();
        for (EvalFact f : g.facts()) {
            if (f.optional()) {
                optionalByKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
            } else {
                required.add(f);
            }
        }
        Map<String, List<EvalFact>> requiredByKey = new HashMap<>();
        for (EvalFact f : required) {
            requiredByKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
        }
        Set<EvalFact> matchedGold = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (EvalFact sf : s.facts()) {
            EvalFact gf = take(requiredByKey.get(sf.key()));
            if (gf == null) {
                gf = take(optionalByKey.get(sf.key()));
            }
            if (gf != null) {
                matchedGold.add(gf);
                report.facts(sf.type()).add(1, 0, 0);
                report.facts("ALL").add(1, 0, 0);
                if (gf.date() != null) {
                    report.factDates.field("date", Objects.equals(gf.date(), sf.date()));
                    report.factDates.pair(Objects.equals(gf.date(), sf.date()));
                    if (!Objects.equals(gf.date(), sf.date())) {
                        report.errors.add(new EvalReport.Error(g.id(), "wrong value", "FACT",
                                describe(gf, g) + " system date=" + sf.date(), null));
                    }
                }
            } else {
                report.facts(sf.type()).add(0, 1, 0);
                report.facts("ALL").add(0, 1, 0);
                report.errors.add(new EvalReport.Error(g.id(), "spurious", "FACT", describe(sf, g), null));
            }
        }
        for (EvalFact gf : required) {
            if (!matchedGold.contains(gf)) {
                report.facts(gf.type()).add(0, 0, 1);
                report.facts("ALL").add(0, 0, 1);
                report.errors.add(new EvalReport.Error(g.id(), "missed", "FACT", describe(gf, g), null));
            }
        }
    }

    private static EvalFact take(List<EvalFact> list) {
        return list == null || list.isEmpty() ? null : list.remove(0);
    }

    private static String describe(EvalFact f, EvalDocument g) {
        String amount = "";
        if (f.amountAt() != null && g.text() != null) {
            for (EvalMention m : g.mentions()) {
                if (m.start() == f.amountAt() && m.type().equals("MONEY")) {
                    amount = " " + m.text();
                }
            }
        }
        return f.type() + " " + f.subject() + (f.object() == null ? "" : " -> " + f.object())
                + " @" + f.amountAt() + amount + (f.date() == null ? "" : " date=" + f.date());
    }

    private static String describe(EvalMention m) {
        StringBuilder sb = new StringBuilder(m.text()).append(" [").append(m.start()).append(',').append(m.end()).append(')');
        m.fields().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    private static String context(EvalDocument g, EvalMention m) {
        String t = g.text();
        if (t == null) {
            return null;
        }
        int cps = t.codePointCount(0, t.length());
        int from = Math.max(0, Math.min(cps, m.start() - 12));
        int to = Math.max(from, Math.min(cps, m.end() + 12));
        int a = t.offsetByCodePoints(0, from);
        int b = t.offsetByCodePoints(0, to);
        return t.substring(a, b).replace('\n', ' ');
    }

    /** One-to-one matching of gold and system mentions of one type in one document. */
    private static final class Matching {
        final List<int[]> pairs = new ArrayList<>();
        final List<EvalMention> requiredMissed = new ArrayList<>();
        final List<EvalMention> unmatchedSystem = new ArrayList<>();

        int truePositives() {
            return pairs.size();
        }
    }

    private static Matching match(List<EvalMention> gold, List<EvalMention> sys, boolean strict) {
        Matching result = new Matching();
        Set<Integer> usedGold = new HashSet<>();
        Set<Integer> usedSys = new HashSet<>();
        for (boolean optionalPass : new boolean[] {false, true}) {
            List<int[]> candidates = new ArrayList<>();
            for (int gi = 0; gi < gold.size(); gi++) {
                EvalMention gm = gold.get(gi);
                if (gm.optional() != optionalPass || usedGold.contains(gi)) {
                    continue;
                }
                for (int si = 0; si < sys.size(); si++) {
                    if (usedSys.contains(si)) {
                        continue;
                    }
                    EvalMention sm = sys.get(si);
                    int ov = gm.overlap(sm);
                    boolean ok = strict ? gm.start() == sm.start() && gm.end() == sm.end() : ov > 0;
                    if (ok) {
                        candidates.add(new int[] {gi, si, ov});
                    }
                }
            }
            candidates.sort(Comparator.<int[]>comparingInt(c -> -c[2]).thenComparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
            for (int[] c : candidates) {
                if (!usedGold.contains(c[0]) && !usedSys.contains(c[1])) {
                    usedGold.add(c[0]);
                    usedSys.add(c[1]);
                    result.pairs.add(new int[] {c[0], c[1]});
                }
            }
        }
        for (int gi = 0; gi < gold.size(); gi++) {
            if (!usedGold.contains(gi) && !gold.get(gi).optional()) {
                result.requiredMissed.add(gold.get(gi));
            }
        }
        for (int si = 0; si < sys.size(); si++) {
            if (!usedSys.contains(si)) {
                result.unmatchedSystem.add(sys.get(si));
            }
        }
        result.pairs.sort(Comparator.comparingInt(p -> p[0]));
        return result;
    }
}
