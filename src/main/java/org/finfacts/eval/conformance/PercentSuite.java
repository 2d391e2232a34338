package org.finfacts.eval.conformance;

import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Mention;
import org.finfacts.facts.PercentMention;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognizers-Text {@code PercentModel} cases against the engine's PERCENT mentions: same span, same
 * value in percent (percentage points, {@code 2.4个百分点}, are PERCENT 2.4 with unit {@code 个百分点}).
 * Conventions (ANNOTATION.md): a range ({@code 5-20%}) is one mention with min/max; a proper fraction
 * is a proportion, PERCENT ({@code 五分之一} -> 20).
 */
public final class PercentSuite extends QuantitySuite {
    @Override
    public String name() {
        return "percentage";
    }

    @Override
    public boolean accepts(ConformanceCase c) {
        return c.model().equals("PercentModel");
    }

    @Override
    public Verdict check(ConformanceCase c, Engine engine) {
        AnnotatedDocument doc = run(c, engine);
        if (doc.isError()) {
            return Verdict.fail("engine error: " + doc.error());
        }
        List<Mention> all = doc.mentions();
        Set<Mention> matched = new HashSet<>();
        List<Difference> diffs = new ArrayList<>();
        for (Want w : wants(c)) {
            Mention same = null;
            for (Mention m : all) {
                if (m instanceof PercentMention && m.start() == w.start() && m.end() == w.end()) {
                    same = m;
                }
            }
            if (same != null) {
                matched.add(same);
                BigDecimal v = valueOf(same);
                if (!sameNumber(w.value(), v)) {
                    diffs.add(new Difference("value of " + w.text() + ": spec " + w.value() + ", engine " + v, null));
                }
                continue;
            }
            Mention range = covering(all, w.start(), w.end(), PercentMention.class);
            if (range instanceof PercentMention p && p.value() == null && p.min() != null) {
                matched.add(p);
                diffs.add(new Difference(w.text() + " is inside the range " + show(p),
                        "ANNOTATION.md: a range is one mention with min/max"));
                continue;
            }
            diffs.add(new Difference("missed " + w.text() + " [" + w.start() + "," + w.end() + ")", null));
        }
        for (Mention m : all) {
            if (m instanceof PercentMention && !matched.contains(m)) {
                boolean fraction = m instanceof PercentMention && m.text().matches(".*[0-9一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾][百千万佰仟萬]*\\s*分\\s*之.*");
                diffs.add(new Difference("spurious " + show(m), fraction
                        ? "ANNOTATION.md: a fraction is a proportion, PERCENT (五分之一 -> 20)" : null));
            }
        }
        return verdict(diffs);
    }
}
