package org.finfacts.eval.conformance;

import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.NumberMention;
import org.finfacts.facts.PercentMention;
import org.finfacts.facts.Qualifier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizers-Text {@code NumberModel} and {@code NumberRangeModel} cases against the engine's NUMBER
 * mentions. The spec's number span is compared with the number part of a mention (a unit such as
 * {@code 个} in {@code 199个} is in the engine's span, not in the spec's). Conventions (ANNOTATION.md): a
 * number inside a MONEY, PERCENT or DATE mention is reported as that mention; a proper fraction is a
 * PERCENT ({@code 五分之一} -> 20), except one half, which ANNOTATION.md values as NUMBER 0.5 (a half
 * reported as PERCENT fails); {@code 多}/{@code 余} stay in the span ({@code 300多亿元}); ranges are
 * inclusive min/max. Out of scope: ordinals ({@code OrdinalModel}: ordinals are not NUMBER), the
 * experimental range mode, and bounds written as two comparisons ({@code 大于10小于20}).
 */
public final class NumberSuite extends QuantitySuite {
    private static final Pattern INTERVAL = Pattern.compile("([\\[(])\\s*([^,]*)\\s*,\\s*([^\\])]*)\\s*([\\])])");
    private static final Pattern NUMBERISH = Pattern.compile("[0-9０-９.,一二三四五六七八九十百千万亿零两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩]+");
    private static final Pattern SIMPLE_RANGE = Pattern.compile(
            "\\s*-?[^\\s\\-–~至到]+\\s*[-–~～至到]\\s*[^\\s\\-–~至到]+\\s*");

    @Override
    public String name() {
        return "number";
    }

    @Override
    public boolean accepts(ConformanceCase c) {
        return c.model().equals("NumberModel") || c.model().startsWith("NumberRangeModel")
                || c.model().equals("OrdinalModel");
    }

    @Override
    public Verdict check(ConformanceCase c, Engine engine) {
        if (c.model().equals("OrdinalModel")) {
            return Verdict.outOfScope("ordinals are not NUMBER (ANNOTATION.md)");
        }
        if (c.model().equals("NumberRangeModelExperimentalMode")) {
            return Verdict.outOfScope("experimental mode gives other answers for the same inputs; the standard mode is judged");
        }
        AnnotatedDocument doc = run(c, engine);
        if (doc.isError()) {
            return Verdict.fail("engine error: " + doc.error());
        }
        return c.model().equals("NumberRangeModel") ? ranges(c, doc) : numbers(c, doc);
    }

    /** The span of a NUMBER mention without its unit. */
    private static int coreEnd(NumberMention m) {
        if (m.unit() != null && m.text().endsWith(m.unit())) {
            return m.end() - m.unit().codePointCount(0, m.unit().length());
        }
        return m.end();
    }

    private static boolean endsWithMore(NumberMention m, int coreEnd) {
        String core = m.text().substring(0, m.text().offsetByCodePoints(0, coreEnd - m.start()));
        return core.endsWith("多") || core.endsWith("余") || core.endsWith("餘");
    }

    private Verdict numbers(ConformanceCase c, AnnotatedDocument doc) {
        List<Mention> all = doc.mentions();
        List<NumberMention> numbers = new ArrayList<>();
        for (Mention m : all) {
            if (m instanceof NumberMention x) {
                numbers.add(x);
            }
        }
        Set<Mention> matched = new HashSet<>();
        List<Difference> diffs = new ArrayList<>();
        for (Want w : wants(c)) {
            NumberMention same = null;
            boolean moreKept = false;
            for (NumberMention m : numbers) {
                int ce = coreEnd(m);
                if (m.start() == w.start() && ce == w.end()) {
                    same = m;
                } else if (m.start() == w.start() && ce == w.end() + 1 && endsWithMore(m, ce)) {
                    same = m;
                    moreKept = true;
                }
            }
            if (same != null) {
                matched.add(same);
                BigDecimal v = same.value() != null ? same.value() : same.min();
                if (!sameNumber(w.value(), v)) {
                    diffs.add(new Difference("value of " + w.text() + ": spec " + w.value() + ", engine " + v, null));
                } else if (moreKept) {
                    diffs.add(new Difference(show(same) + " keeps 多/余", "ANNOTATION.md lists 多/余 as gt words, and its gold keeps them in the amount's span: 300多亿元"));
                }
                continue;
            }
            Mention cover = covering(all, w.start(), w.end(), MoneyMention.class, PercentMention.class);
            if (cover instanceof PercentMention p && p.start() == w.start() && p.end() == w.end()) {
                BigDecimal want = parse(w.value());
                if (want != null && p.value() != null && want.movePointRight(2).compareTo(p.value()) == 0
                        || want != null && p.value() != null && sameNumber(want.movePointRight(2).toPlainString(), p.value())) {
                    matched.add(p);
                    diffs.add(new Difference(w.text() + " is PERCENT " + p.value(), fractionConvention(want)));
                    continue;
                }
            }
            if (cover != null) {
                diffs.add(new Difference(w.text() + " is inside " + cover.type() + " " + show(cover),
                        "ANNOTATION.md: a number in an amount or a percentage is reported as that mention"));
                continue;
            }
            if (inDate(all, w.start(), w.end()) || datePart(c.input(), w)) {
                diffs.add(new Difference(w.text() + " is part of a date", "ANNOTATION.md: dates are DATE, not NUMBER"));
                continue;
            }
            diffs.add(new Difference("missed " + w.text() + " [" + w.start() + "," + w.end() + ")", null));
        }
        for (NumberMention m : numbers) {
            if (!matched.contains(m)) {
                diffs.add(new Difference("spurious " + show(m), null));
            }
        }
        return verdict(diffs);
    }

    /**
     * The convention that explains a fraction reported as PERCENT, or null where ANNOTATION.md itself
     * gives the spec's reading: it values {@code 五分之一} as PERCENT 20 but {@code 二分之一} as NUMBER
     * 0.5, so a half reported as PERCENT 50 is a failure, not a convention.
     */
    private static String fractionConvention(BigDecimal value) {
        if (value != null && value.compareTo(new BigDecimal("0.5")) == 0) {
            return null;
        }
        return "ANNOTATION.md: a fraction is a proportion, PERCENT (五分之一 -> 20)";
    }

    private static boolean datePart(String input, Want w) {
        int end = input.offsetByCodePoints(0, Math.min(w.end(), input.codePointCount(0, input.length())));
        if (end >= input.length()) {
            return false;
        }
        char next = input.charAt(end);
        return next == '年' || next == '月' || next == '日' || next == '号' || next == '號';
    }

    private static BigDecimal parse(String s) {
        try {
            return s == null ? null : new BigDecimal(s.replace("%", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An interval: bounds (null for open-ended) and whether each is included. */
    private record Interval(BigDecimal low, boolean lowIn, BigDecimal high, boolean highIn) {
        boolean sameBounds(Interval o) {
            return eq(low, o.low) && eq(high, o.high);
        }

        boolean same(Interval o) {
            return sameBounds(o) && (low == null || lowIn == o.lowIn) && (high == null || highIn == o.highIn);
        }

        private static boolean eq(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }

        @Override
        public String toString() {
            return (lowIn ? "[" : "(") + (low == null ? "" : low.toPlainString()) + ","
                    + (high == null ? "" : high.toPlainString()) + (highIn ? "]" : ")");
        }
    }

    private static Interval interval(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = INTERVAL.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        return new Interval(parse(m.group(2).isBlank() ? null : m.group(2)), m.group(1).equals("["),
                parse(m.group(3).isBlank() ? null : m.group(3)), m.group(4).equals("]"));
    }

    private static Interval interval(Mention m) {
        BigDecimal v;
        Qualifier q;
        if (m instanceof NumberMention x) {
            if (x.min() != null && x.max() != null) {
                return new Interval(x.min(), true, x.max(), true);
            }
            v = x.value();
            q = x.qualifier();
        } else if (m instanceof PercentMention x) {
            if (x.min() != null && x.max() != null) {
                return new Interval(x.min(), true, x.max(), true);
            }
            v = x.value();
            q = x.qualifier();
        } else {
            return null;
        }
        if (v == null) {
            return null;
        }
        return switch (q) {
            case GT -> new Interval(v, false, null, false);
            case GE -> new Interval(v, true, null, false);
            case LT -> new Interval(null, false, v, false);
            case LE -> new Interval(null, false, v, true);
            case EXACT -> new Interval(v, true, v, true);
            default -> null;
        };
    }

    private Verdict ranges(ConformanceCase c, AnnotatedDocument doc) {
        List<Difference> diffs = new ArrayList<>();
        List<Mention> quantities = new ArrayList<>();
        for (Mention m : doc.mentions()) {
            if (m instanceof NumberMention || m instanceof PercentMention) {
                quantities.add(m);
            }
        }
        Set<Mention> matched = new HashSet<>();
        for (Want w : wants(c)) {
            Interval want = interval(w.value());
            Matcher nums = NUMBERISH.matcher(w.text());
            int count = 0;
            while (nums.find()) {
                count++;
            }
            if (want != null && want.low() != null && want.high() != null && count >= 2
                    && !SIMPLE_RANGE.matcher(w.text()).matches()) {
                return Verdict.outOfScope("two bounds written as two comparisons; the engine qualifies one number at a time");
            }
            Mention ours = null;
            for (Mention m : quantities) {
                if (m.start() < w.end() && w.start() < m.end()) {
                    ours = m;
                    break;
                }
            }
            if (ours == null || want == null) {
                diffs.add(new Difference("missed " + w.text() + " " + w.value(), null));
                continue;
            }
            matched.add(ours);
            Interval got = interval(ours);
            if (got != null && ours instanceof PercentMention && (w.text().contains("/") || w.text().contains("分之"))
                    && got.sameBounds(new Interval(hundred(want.low()), want.lowIn(), hundred(want.high()), want.highIn()))) {
                diffs.add(new Difference(w.text() + " is PERCENT " + got,
                        fractionConvention(want.low() != null ? want.low() : want.high())));
                continue;
            }
            if (got == null || !got.sameBounds(want)) {
                diffs.add(new Difference(w.text() + ": spec " + w.value() + ", engine " + (got == null ? show(ours) : got), null));
            } else if (!got.same(want)) {
                diffs.add(new Difference(w.text() + ": spec " + w.value() + ", engine " + got,
                        "ANNOTATION.md: ranges are inclusive min/max; 以上 is ge, 超过 gt"));
            }
        }
        for (Mention m : quantities) {
            Interval i = interval(m);
            boolean plain = i != null && i.low() != null && i.high() != null && i.low().compareTo(i.high()) == 0;
            if (!matched.contains(m) && !plain) {
                diffs.add(new Difference("spurious " + show(m), null));
            }
        }
        return verdict(diffs);
    }

    private static BigDecimal hundred(BigDecimal v) {
        return v == null ? null : v.movePointRight(2);
    }
}
