package org.finfacts.eval.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.NumberMention;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognizers-Text {@code CurrencyModel} cases against the engine's MONEY mentions: same span, same
 * value, same ISO code. Conventions (ANNOTATION.md): {@code $} is USD where the spec leaves the dollar
 * unnamed; a currency name without an amount ({@code 人民币 美元}) is not a mention; a unit with no ISO
 * 4217 code ({@code 比特币}) is not MONEY.
 */
public final class CurrencySuite extends QuantitySuite {
    @Override
    public String name() {
        return "currency";
    }

    @Override
    public boolean accepts(ConformanceCase c) {
        return c.model().equals("CurrencyModel");
    }

    @Override
    public Verdict check(ConformanceCase c, Engine engine) {
        AnnotatedDocument doc = run(c, engine);
        if (doc.isError()) {
            return Verdict.fail("engine error: " + doc.error());
        }
        List<Mention> all = doc.mentions();
        List<MoneyMention> money = new ArrayList<>();
        for (Mention m : all) {
            if (m instanceof MoneyMention x) {
                money.add(x);
            }
        }
        Set<MoneyMention> matched = new HashSet<>();
        List<Difference> diffs = new ArrayList<>();
        for (Want w : wants(c)) {
            JsonNode r = w.resolution();
            String iso = r == null || !r.hasNonNull("isoCurrency") ? null : r.get("isoCurrency").asText();
            String unit = r == null || !r.hasNonNull("unit") ? "" : r.get("unit").asText();
            MoneyMention same = null;
            for (MoneyMention m : money) {
                if (m.start() == w.start() && m.end() == w.end()) {
                    same = m;
                }
            }
            if (same != null) {
                matched.add(same);
                if (!sameNumber(w.value(), same.value())) {
                    diffs.add(new Difference("value of " + w.text() + ": spec " + w.value() + ", engine "
                            + same.value(), null));
                } else if (iso == null && "USD".equals(same.currency()) && unit.equals("Dollar")) {
                    diffs.add(new Difference(w.text() + " is USD",
                            "ANNOTATION.md: $ is USD; the spec leaves the dollar unnamed"));
                } else if (iso != null && !iso.equals(same.currency())) {
                    diffs.add(new Difference("currency of " + w.text() + ": spec " + iso + ", engine " + same.currency(), null));
                }
                continue;
            }
            if (w.value() == null) {
                diffs.add(new Difference("no mention for the bare currency name " + w.text(),
                        "ANNOTATION.md: MONEY is an amount; a currency name alone is not a mention"));
                continue;
            }
            if (iso == null && !unit.equals("Dollar")) {
                Mention n = covering(all, w.start(), w.end(), NumberMention.class);
                diffs.add(new Difference(w.text() + " (" + unit + ") " + (n == null ? "not reported" : "is NUMBER"),
                        "ANNOTATION.md: currency is an ISO 4217 code; " + unit + " has none"));
                continue;
            }
            diffs.add(new Difference("missed " + w.text() + " [" + w.start() + "," + w.end() + ")", null));
        }
        for (MoneyMention m : money) {
            if (!matched.contains(m)) {
                diffs.add(new Difference("spurious " + show(m), null));
            }
        }
        return verdict(diffs);
    }
}
