package org.finfacts.eval.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.NumberMention;
import org.finfacts.facts.PercentMention;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What the currency, number and percentage suites share: running the engine on a case, turning the
 * spec's UTF-16 inclusive offsets into code points, comparing values numerically (the specs write
 * .NET doubles such as {@code 2.02107211321364E+23} and {@code 350.333333333333}, so numbers with 15
 * or more significant digits agree to 14), and collecting each difference with the convention that
 * explains it, if any. A case passes when nothing differs; it is a CONVENTION when every difference
 * has a documented reason; else it FAILs, listing what differed.
 */
abstract class QuantitySuite implements ConformanceSuite {
    /** One difference between the engine and the spec, with the convention that explains it (or null). */
    record Difference(String what, String convention) {
    }

    /** An expected result in code points of the input, with its value as written in the spec. */
    record Want(int start, int end, String text, String value, JsonNode resolution) {
    }

    /** Runs the engine on the case's input. */
    static AnnotatedDocument run(ConformanceCase c, Engine engine) {
        return engine.process(Document.of(c.id(), c.input()));
    }

    /** The expected results in code points of the input. */
    static List<Want> wants(ConformanceCase c) {
        List<Want> out = new ArrayList<>();
        String in = c.input();
        for (ConformanceCase.Expected e : c.results()) {
            int s = Math.min(e.start(), in.length());
            int end = Math.min(e.end(), in.length());
            String value = e.resolution() == null || e.resolution().get("value") == null
                    || e.resolution().get("value").isNull() ? null : e.resolution().get("value").asText();
            out.add(new Want(in.codePointCount(0, s), in.codePointCount(0, end), e.text(), value, e.resolution()));
        }
        return out;
    }

    /** The verdict over the collected differences. */
    static Verdict verdict(List<Difference> diffs) {
        if (diffs.isEmpty()) {
            return Verdict.pass();
        }
        StringBuilder real = new StringBuilder();
        StringBuilder conv = new StringBuilder();
        for (Difference d : diffs) {
            if (d.convention() == null) {
                append(real, d.what());
            } else {
                append(conv, d.what() + " (" + d.convention() + ")");
            }
        }
        return real.length() > 0 ? Verdict.fail(real.toString()) : Verdict.convention(conv.toString());
    }

    private static void append(StringBuilder b, String s) {
        if (b.length() > 0) {
            b.append("; ");
        }
        b.append(s);
    }

    /** Numeric equality; values written with 15+ significant digits (doubles) agree to 14. */
    static boolean sameNumber(String spec, BigDecimal ours) {
        if (spec == null || ours == null) {
            return spec == null && ours == null;
        }
        BigDecimal want;
        try {
            want = new BigDecimal(spec.replace("%", "").strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (want.compareTo(ours) == 0) {
            return true;
        }
        String digits = spec.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        boolean inexact = spec.contains("E") || spec.contains("e") || digits.length() >= 15;
        if (!inexact) {
            return false;
        }
        MathContext mc = new MathContext(14);
        return want.round(mc).compareTo(ours.round(mc)) == 0;
    }

    /** The mention's span in the text, for messages. */
    static String show(Mention m) {
        return m.text() + "[" + m.start() + "," + m.end() + ")";
    }

    /** Whether a span lies inside the mention. */
    static boolean inside(Mention m, int start, int end) {
        return m.start() <= start && end <= m.end();
    }

    /** The first mention that covers the span and is of one of the given kinds, or null. */
    static Mention covering(List<Mention> mentions, int start, int end, Class<?>... kinds) {
        for (Mention m : mentions) {
            for (Class<?> k : kinds) {
                if (k.isInstance(m) && inside(m, start, end)) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The value of a single-valued quantity mention, or null. */
    static BigDecimal valueOf(Mention m) {
        if (m instanceof MoneyMention x) {
            return x.value();
        }
        if (m instanceof NumberMention x) {
            return x.value();
        }
        if (m instanceof PercentMention x) {
            return x.value();
        }
        return null;
    }

    /** Whether a DATE mention covers the span (a number inside a date). */
    static boolean inDate(List<Mention> mentions, int start, int end) {
        return covering(mentions, start, end, DateMention.class) != null;
    }
}
