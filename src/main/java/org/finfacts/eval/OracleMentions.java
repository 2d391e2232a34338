package org.finfacts.eval;

import org.finfacts.core.Engine;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Fact;
import org.finfacts.facts.Grain;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.PersonMention;
import org.finfacts.facts.Qualifier;
import org.finfacts.normalize.PublicationTime;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.text.NormalizedText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the engine's fact stage alone on the gold mentions ("oracle mentions"), to measure fact
 * extraction apart from recognition: each gold document is analysed ({@code engine.analyze}), its
 * MONEY, DATE, COMPANY and PERSON mentions (code points) become working-copy {@link Mention}s, the
 * engine's fact extractor runs on them, and the facts come back as a system document for the scorer.
 * Example: {@code 27.5亿美元} at code points [389, 396) becomes a {@link MoneyMention} with value
 * 2750000000 USD at its working-copy span.
 */
public final class OracleMentions {
    private OracleMentions() {
    }

    /** The gold mentions of {@code gold} as working-copy mentions of {@code analyzed}, sorted by start. */
    public static List<Mention> of(EvalDocument gold, AnalyzedText analyzed) {
        NormalizedText n = analyzed.normalized();
        int length = n.originalLength();
        List<Mention> out = new ArrayList<>();
        for (EvalMention g : gold.mentions()) {
            int cs = Math.max(0, Math.min(length, g.start()));
            int ce = Math.max(cs, Math.min(length, g.end()));
            int start = n.workingIndex(cs);
            int end = n.workingIndex(ce);
            if (end <= start) {
                continue;
            }
            String text = n.text().substring(start, end);
            Mention m = switch (g.type()) {
                case "MONEY" -> new MoneyMention(start, end, text, decimal(g.field("value")), decimal(g.field("min")),
                        decimal(g.field("max")), g.field("currency"), Qualifier.fromJson(g.field("qualifier")), g.field("per"));
                case "DATE" -> new DateMention(start, end, text, g.field("value"), Grain.fromJson(g.field("grain")),
                        null, null, false, null);
                case "COMPANY" -> new CompanyMention(start, end, text, g.field("id"), g.field("code"), "gold",
                        g.field("id") != null);
                case "PERSON" -> new PersonMention(start, end, text);
                default -> null;
            };
            if (m != null) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return out;
    }

    /** The fact stage of {@code engine} on one gold document's mentions, as a system document. */
    public static EvalDocument run(Engine engine, EvalDocument gold) {
        if (gold.text() == null) {
            return new EvalDocument(gold.id(), null, null, null, null, List.of(), List.of(), "gold document has no text");
        }
        AnalyzedText analyzed = engine.analyze(gold.toInput());
        ResolutionContext context = PublicationTime.parse(gold.published(), "input").orElse(ResolutionContext.unknown());
        List<Fact> facts = engine.factExtractor().extract(analyzed, of(gold, analyzed), context);
        NormalizedText n = analyzed.normalized();
        List<EvalFact> out = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            out.add(new EvalFact(f.type().name(), f.subject(), f.object(),
                    f.amount() == null ? null : n.originalStart(f.amount().start()), f.date(), false));
        }
        return new EvalDocument(gold.id(), null, null, null, null, gold.mentions(), out, null);
    }

    /** {@link #run} over every gold document, by id in gold order. */
    public static Map<String, EvalDocument> runAll(Engine engine, List<EvalDocument> gold) {
        Map<String, EvalDocument> out = new LinkedHashMap<>();
        for (EvalDocument g : gold) {
            out.put(g.id(), run(engine, g));
        }
        return out;
    }

    private static BigDecimal decimal(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
