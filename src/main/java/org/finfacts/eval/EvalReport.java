package org.finfacts.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finfacts.facts.JsonCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The result of scoring: per-type strict and overlap P/R/F1, normalised-field accuracy, company
 * link F1, fact P/R/F1 per type, and the individual errors (misses, spurious mentions, wrong values),
 * printable as a table or as JSON.
 */
public final class EvalReport {
    /** One scoring error: which document, what kind ({@code missed}, {@code spurious}, {@code wrong value}). */
    public record Error(String document, String kind, String type, String detail, String context) {
    }

    int documents;
    int missingDocuments;
    int failedDocuments;
    final TreeSet<String> types = new TreeSet<>();
    private final Map<String, Prf> strict = new TreeMap<>();
    private final Map<String, Prf> overlap = new TreeMap<>();
    private final Map<String, FieldScore> fields = new TreeMap<>();
    final Prf links = new Prf();
    private final Map<String, Prf> facts = new TreeMap<>();
    final FieldScore factDates = new FieldScore();
    final List<Error> errors = new ArrayList<>();

    Prf strict(String type) {
        return strict.computeIfAbsent(type, k -> new Prf());
    }

    Prf overlap(String type) {
        return overlap.computeIfAbsent(type, k -> new Prf());
    }

    FieldScore fields(String type) {
        return fields.computeIfAbsent(type, k -> new FieldScore());
    }

    Prf facts(String type) {
        return facts.computeIfAbsent(type, k -> new Prf());
    }

    /** Strict scores of a type (empty counts if the type was not scored). */
    public Prf strictScore(String type) {
        return strict.getOrDefault(type, new Prf());
    }

    /** Overlap scores of a type. */
    public Prf overlapScore(String type) {
        return overlap.getOrDefault(type, new Prf());
    }

    /** Field accuracy of a type ({@code MONEY}, {@code DATE}, {@code COMPANY}, {@code COMPANY_CODE}). */
    public FieldScore fieldScore(String type) {
        return fields.getOrDefault(type, new FieldScore());
    }

    /** Same-entity link scores over strictly matched companies. */
    public Prf linkScore() {
        return links;
    }

    /** Fact scores of one type, or {@code ALL}. */
    public Prf factScore(String type) {
        return facts.getOrDefault(type, new Prf());
    }

    /** Date accuracy of matched facts whose gold has a date. */
    public FieldScore factDateScore() {
        return factDates;
    }

    /** Every error found, in document order. */
    public List<Error> errors() {
        return errors;
    }

    /** Documents scored, missing from the system output, and failed by the engine. */
    public int[] documentCounts() {
        return new int[] {documents, missingDocuments, failedDocuments};
    }

    /** A human-readable table; with {@code details}, the errors follow it. */
    public String table(boolean details) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "documents: %d (missing from system output: %d, failed: %d)%n%n",
                documents, missingDocuments, failedDocuments));
        sb.append(String.format(Locale.ROOT, "%-10s %6s %6s %6s | %6s %6s %6s | %5s %5s %5s | %s%n",
                "type", "P", "R", "F1", "P~", "R~", "F1~", "tp", "fp", "fn", "value accuracy (all fields)"));
        for (String type : types) {
            Prf s = strictScore(type);
            Prf o = overlapScore(type);
            FieldScore f = fields.get(type);
            String acc = f == null ? "-" : String.format(Locale.ROOT, "%.3f (%d/%d)", f.accuracy(), f.allRight(), f.compared());
            sb.append(String.format(Locale.ROOT, "%-10s %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %5d %5d %5d | %s%n",
                    type, s.precision(), s.recall(), s.f1(), o.precision(), o.recall(), o.f1(), s.tp(), s.fp(), s.fn(), acc));
        }
        sb.append("(P/R/F1 strict spans; ~ overlapping spans)\n\n");
        for (Map.Entry<String, FieldScore> e : fields.entrySet()) {
            StringBuilder per = new StringBuilder();
            e.getValue().perField().forEach((k, c) -> per.append(String.format(Locale.ROOT, " %s %d/%d", k, c[1], c[0])));
            sb.append(String.format(Locale.ROOT, "fields %-12s%s%n", e.getKey(), per));
        }
        sb.append(String.format(Locale.ROOT, "company links: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)%n%n",
                links.precision(), links.recall(), links.f1(), links.tp(), links.fp(), links.fn()));
        sb.append(String.format(Locale.ROOT, "%-12s %6s %6s %6s | %5s %5s %5s%n", "facts", "P", "R", "F1", "tp", "fp", "fn"));
        for (Map.Entry<String, Prf> e : facts.entrySet()) {
            Prf p = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-12s %6.3f %6.3f %6.3f | %5d %5d %5d%n",
                    e.getKey(), p.precision(), p.recall(), p.f1(), p.tp(), p.fp(), p.fn()));
        }
        if (facts.isEmpty()) {
            sb.append("(no facts in gold or output)\n");
        }
        sb.append(String.format(Locale.ROOT, "fact dates right: %d/%d%n", factDates.allRight(), factDates.compared()));
        if (details) {
            sb.append("\nerrors:\n");
            for (Error e : errors) {
                sb.append(String.format(Locale.ROOT, "  %-12s %-8s %-11s %s%s%n", e.document().length() > 12
                        ? e.document().substring(0, 12) : e.document(), e.type(), e.kind(), e.detail(),
                        e.context() == null ? "" : "  « " + e.context() + " »"));
            }
        } else {
            long wrong = errors.stream().filter(e -> e.kind().equals("wrong value")).count();
            sb.append(String.format(Locale.ROOT, "%nwrong values (%d):%n", wrong));
            errors.stream().filter(e -> e.kind().equals("wrong value")).forEach(e ->
                    sb.append(String.format(Locale.ROOT, "  %s %s %s%n", e.document(), e.type(), e.detail())));
        }
        return sb.toString();
    }

    /** The report as JSON (for machines: CI thresholds, dashboards). */
    public ObjectNode toJson(boolean withErrors) {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        o.put("documents", documents);
        o.put("missing_documents", missingDocuments);
        o.put("failed_documents", failedDocuments);
        ObjectNode mentions = o.putObject("mentions");
        for (String type : types) {
            ObjectNode t = mentions.putObject(type);
            put(t.putObject("strict"), strictScore(type));
            put(t.putObject("overlap"), overlapScore(type));
            FieldScore f = fields.get(type);
            if (f != null) {
                putFields(t.putObject("fields"), f);
            }
        }
        if (fields.containsKey("COMPANY_CODE")) {
            putFields(o.putObject("company_codes"), fields.get("COMPANY_CODE"));
        }
        put(o.putObject("company_links"), links);
        ObjectNode fo = o.putObject("facts");
        facts.forEach((k, v) -> put(fo.putObject(k), v));
        putFields(o.putObject("fact_dates"), factDates);
        if (withErrors) {
            ArrayNode arr = o.putArray("errors");
            for (Error e : errors) {
                ObjectNode x = arr.addObject();
                x.put("document", e.document());
                x.put("kind", e.kind());
                x.put("type", e.type());
                x.put("detail", e.detail());
                x.put("context", e.context());
            }
        }
        return o;
    }

    private static void put(ObjectNode o, Prf p) {
        o.put("precision", round(p.precision()));
        o.put("recall", round(p.recall()));
        o.put("f1", round(p.f1()));
        o.put("tp", p.tp());
        o.put("fp", p.fp());
        o.put("fn", p.fn());
    }

    private static void putFields(ObjectNode o, FieldScore f) {
        o.put("compared", f.compared());
        o.put("all_right", f.allRight());
        o.put("accuracy", round(f.accuracy()));
        ObjectNode per = o.putObject("per_field");
        f.perField().forEach((k, c) -> per.putObject(k).put("compared", c[0]).put("right", c[1]));
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }
}
