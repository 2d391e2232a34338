package org.finfacts.extract.money;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Resolver;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.NumberMention;
import org.finfacts.facts.PercentMention;
import org.finfacts.facts.Qualifier;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.normalize.number.NumberParse;
import org.finfacts.normalize.number.NumberParser;
import org.finfacts.normalize.number.Numbers;
import org.finfacts.normalize.number.ParsedNumber;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the {@link QuantityCandidate}s of a document their values and types: MONEY when a currency
 * applies (ISO 4217 code, the unit's scale: {@code 1.71港仙} is 0.0171 HKD), PERCENT for percent marks
 * and proper fractions (value in percent: {@code 九成} is 90, {@code 五分之一} 20; one half, {@code 二分之一}
 * or {@code 1/2}, is NUMBER 0.5 as ANNOTATION.md gives it), else NUMBER with its
 * unit ({@code 2亿股}). It shares a unit or multiplier along a list ({@code 2.4亿、7.5亿和15.5亿美元}:
 * three USD amounts), decides whether {@code X至Y} is a range or a change and its result
 * ({@code 上升48亿元至1.72万亿元} is two amounts), and sets the qualifier (a word before wins, then
 * 多/余/几 inside the number, then a word after) and the per-unit. Thread-safe.
 */
public final class QuantityResolver implements Resolver<QuantityCandidate> {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final QuantityLexicon lexicon;
    private final NumberParser parser;

    /** A resolver over the given lexicon. */
    public QuantityResolver(QuantityLexicon lexicon) {
        this.lexicon = lexicon;
        this.parser = lexicon.parser();
    }

    /** What a list member takes from the member after it: currency, percent mark, unit, multiplier. */
    private record Shared(String currency, String percent, String unit, String multiplier) {
    }

    @Override
    public List<Mention> resolve(List<QuantityCandidate> candidates, AnalyzedText text, ResolutionContext context) {
        int n = candidates.size();
        Shared[] shared = new Shared[n];
        for (int k = n - 2; k >= 0; k--) {
            QuantityCandidate c = candidates.get(k);
            QuantityCandidate next = candidates.get(k + 1);
            if (c.listSeparator() != null && next.start() == c.end() + c.listSeparator().length()) {
                shared[k] = sharedBy(next, shared[k + 1]);
            }
        }
        List<Mention> out = new ArrayList<>();
        MoneyMention previousMoney = null;
        for (int k = 0; k < n; k++) {
            QuantityCandidate c = candidates.get(k);
            List<Mention> ms = resolveOne(c, shared[k], text.text());
            for (Mention m : ms) {
                if (m instanceof MoneyMention money) {
                    if (money.per() == null && previousMoney != null && previousMoney.per() != null
                            && continues(text.text(), previousMoney.end(), money.start())) {
                        money = new MoneyMention(money.start(), money.end(), money.text(), money.value(), money.min(),
                                money.max(), money.currency(), money.qualifier(), previousMoney.per());
                        m = money;
                    }
                    previousMoney = money;
                }
                out.add(m);
            }
        }
        return out;
    }

    /** "增加2499美元，至12468美元": the second amount continues the first (and its per-unit). */
    private static boolean continues(String t, int from, int to) {
        if (to < from || to - from > 4) {
            return false;
        }
        String gap = t.substring(from, to).replace(" ", "");
        return gap.equals(",至") || gap.equals("至") || gap.equals(",到") || gap.equals(",达") || gap.equals(",为");
    }

    private Shared sharedBy(QuantityCandidate next, Shared inherited) {
        String currency = lastCurrency(next);
        String percent = next.percent();
        String unit = next.unit();
        String multiplier = null;
        if (next.prefix() != null && currency == null) {
            currency = next.prefix();
        }
        if (currency != null || percent != null || unit != null) {
            if (currency != null) {
                multiplier = trailingMultiplier(next.pieces().get(next.pieces().size() - 1).number());
            }
            return new Shared(currency, percent, unit, multiplier);
        }
        return inherited;
    }

    private static String lastCurrency(QuantityCandidate c) {
        for (int k = c.pieces().size() - 1; k >= 0; k--) {
            if (c.pieces().get(k).currency() != null) {
                return c.pieces().get(k).currency();
            }
        }
        return null;
    }

    /** The multiplier characters an Arabic number ends with: 15.5亿 -> 亿, 3.54万亿 -> 万亿, 2.5 -> null. */
    private String trailingMultiplier(String number) {
        int e = number.length();
        int s = e;
        while (s > 0 && lexicon.numerals().isMultiplier(number.charAt(s - 1))) {
            s--;
        }
        if (s == e || s == 0 || !Character.isDigit(number.charAt(s - 1))) {
            return null;
        }
        return number.substring(s);
    }

    private List<Mention> resolveOne(QuantityCandidate c, Shared shared, String t) {
        List<QuantityCandidate.Piece> pieces = c.pieces();
        ParsedNumber[] values = new ParsedNumber[pieces.size()];
        String lastMultiplier = trailingMultiplier(pieces.get(pieces.size() - 1).number());
        for (int k = 0; k < pieces.size(); k++) {
            NumberParse p = parser.parseAmount(pieces.get(k).number());
            if (!p.ok()) {
                return List.of();
            }
            values[k] = p.number();
        }
        String currencyForm = lastCurrency(c);
        String percent = c.percent();
        String unit = c.unit();
        String sharedMultiplier = null;
        boolean fromList = false;
        if (currencyForm == null && c.prefix() == null && percent == null && unit == null && shared != null) {
            currencyForm = shared.currency();
            percent = shared.percent();
            unit = shared.unit();
            sharedMultiplier = shared.multiplier();
            fromList = true;
        }
        if (pieces.size() == 2 && lastMultiplier != null && !values[0].multiplied() && !values[0].chineseOnly()) {
            values[0] = reparse(pieces.get(0).number() + lastMultiplier, values[0]);
        }
        if (fromList && sharedMultiplier != null) {
            for (int k = 0; k < pieces.size(); k++) {
                if (!values[k].multiplied() && !values[k].chineseOnly()) {
                    values[k] = reparse(pieces.get(k).number() + sharedMultiplier, values[k]);
                }
            }
        }

        QuantityLexicon.Currency suffix = lexicon.currency(currencyForm);
        QuantityLexicon.Currency prefix = lexicon.currency(c.prefix());
        String code = null;
        BigDecimal scale = BigDecimal.ONE;
        int start = c.start();
        if (prefix != null && (suffix == null || suffix.generic() || suffix.code().equals(prefix.code()))) {
            code = prefix.code();
            if (suffix != null && suffix.code().equals(prefix.code())) {
                scale = suffix.scale();
            }
        } else if (suffix != null) {
            code = suffix.code();
            scale = suffix.scale();
            if (prefix != null) {
                start = pieces.get(0).start();
            }
        }

        boolean swap = false;
        if (pieces.size() == 2) {
            BigDecimal a = values[0].value();
            BigDecimal b = values[1].value();
            boolean range;
            if (a == null || b == null) {
                range = false;
            } else if (c.changeVerb() != null && isWordSeparator(c.rangeSeparator())) {
                range = a.signum() > 0 && a.compareTo(b) < 0 && b.compareTo(a.multiply(TWO)) <= 0;
            } else {
                range = true;
                swap = a.compareTo(b) > 0;
            }
            if (!range) {
                return split(c, values, t);
            }
        }

        ParsedNumber number;
        if (pieces.size() == 2) {
            int lo = swap ? 1 : 0;
            number = new ParsedNumber(null, values[lo].value(), values[1 - lo].value(), ParsedNumber.Approximation.EXACT,
                    values[0].multiplied() || values[1].multiplied(), false, false, false, false);
        } else {
            number = values[0];
        }
        if (code != null) {
            number = number.times(scale);
            number = withTails(number, pieces.get(0), scale);
            Qualifier q = qualifier(c, number);
            return List.of(new MoneyMention(start, c.end(), t.substring(start, c.end()), number.value(), number.min(),
                    number.max(), code, q, per(c)));
        }
        if (percent != null || number.fraction() && number.proper() && unit == null && !half(number)) {
            ParsedNumber p = percentValue(number, percent, pieces.get(0));
            if (p == null) {
                return List.of();
            }
            return List.of(new PercentMention(c.start(), c.end(), t.substring(c.start(), c.end()), p.value(), p.min(),
                    p.max(), qualifier(c, p)));
        }
        String percentUnit = lexicon.percentUnit(unit);
        if (percentUnit != null && !c.glued() && !number.digitSequence()) {
            return List.of(new PercentMention(c.start(), c.end(), t.substring(c.start(), c.end()), number.value(),
                    number.min(), number.max(), qualifier(c, number), percentUnit));
        }
        if (c.glued()) {
            return List.of();
        }
        if (number.digitSequence()) {
            if (number.approximation() != ParsedNumber.Approximation.RANGE) {
                return List.of();
            }
            number = new ParsedNumber(null, number.min(), number.max(), ParsedNumber.Approximation.RANGE, false, true,
                    false, false, false);
        }
        QuantityLexicon.Unit u = lexicon.unit(unit);
        String unitName = unit;
        if (u != null && u.factor().compareTo(BigDecimal.ONE) != 0) {
            number = number.times(u.factor());
            unitName = null;
        }
        return List.of(new NumberMention(c.start(), c.end(), t.substring(c.start(), c.end()), number.value(),
                number.min(), number.max(), unitName, qualifier(c, number)));
    }

    /** One half ({@code 二分之一}, {@code 1/2}): ANNOTATION.md values it as NUMBER 0.5, other fractions as PERCENT. */
    private static boolean half(ParsedNumber number) {
        return number.value() != null && number.value().compareTo(HALF) == 0;
    }

    private static boolean isWordSeparator(String s) {
        return "至".equals(s) || "到".equals(s);
    }

    private ParsedNumber reparse(String written, ParsedNumber fallback) {
        NumberParse p = parser.parse(written);
        return p.ok() ? p.number() : fallback;
    }

    /** X至Y that is a change and its result, or not ordered: two mentions, each with what it carries. */
    private List<Mention> split(QuantityCandidate c, ParsedNumber[] values, String t) {
        List<Mention> out = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            QuantityCandidate.Piece p = c.pieces().get(k);
            int start = k == 0 ? c.start() : p.start();
            QuantityCandidate one = new QuantityCandidate(start, p.end(), List.of(p), null, k == 0 ? c.prefix() : null,
                    percentOf(c, p, k, t), unitOf(c, p, t), k == 0 ? c.qualifierBefore() : null,
                    k == 1 ? c.qualifierAfter() : null, c.per(), c.average(), null, null, c.glued() && k == 0,
                    c.chineseOnly());
            out.addAll(resolveOne(one, null, t));
        }
        return out;
    }

    private static String percentOf(QuantityCandidate c, QuantityCandidate.Piece p, int k, String t) {
        if (c.percent() == null) {
            return null;
        }
        if (c.percent().endsWith("分之")) {
            return k == 0 ? c.percent() : null;
        }
        return t.substring(p.start(), p.end()).endsWith(c.percent()) ? c.percent() : null;
    }

    private static String unitOf(QuantityCandidate c, QuantityCandidate.Piece p, String t) {
        if (c.unit() == null) {
            return null;
        }
        return t.substring(p.start(), p.end()).endsWith(c.unit()) ? c.unit() : null;
    }

    private ParsedNumber withTails(ParsedNumber number, QuantityCandidate.Piece piece, BigDecimal mainScale) {
        if (piece.tails().isEmpty() || number.value() == null) {
            return number;
        }
        BigDecimal v = number.value();
        for (QuantityCandidate.Tail tail : piece.tails()) {
            NumberParse p = parser.parse(tail.number());
            QuantityLexicon.Currency cur = lexicon.currency(tail.currency());
            if (!p.ok() || !p.number().hasValue() || cur == null) {
                return number;
            }
            v = v.add(p.number().value().multiply(cur.scale()));
        }
        return new ParsedNumber(Numbers.tidy(v), null, null, number.approximation(), true, number.chineseOnly(), false,
                false, false);
    }

    private ParsedNumber percentValue(ParsedNumber number, String mark, QuantityCandidate.Piece piece) {
        if (mark == null) {
            return number.times(HUNDRED);
        }
        if (mark.equals("%")) {
            return number;
        }
        if (mark.equals("\u2030")) {
            return scaled(number, new BigDecimal("0.1"));
        }
        if (mark.endsWith("分之")) {
            String chain = mark.substring(0, mark.length() - 2);
            NumberParse d = parser.parse(chain);
            if (!d.ok()) {
                d = parser.parse("一" + chain);
            }
            if (!d.ok() || !d.number().hasValue() || d.number().value().signum() == 0) {
                return null;
            }
            BigDecimal f = Numbers.divide(HUNDRED, d.number().value());
            return scaled(number, f);
        }
        if (mark.startsWith("成")) {
            if (!number.hasValue()) {
                return null;
            }
            BigDecimal v = number.value().multiply(BigDecimal.TEN);
            if (mark.length() == 2) {
                char tail = mark.charAt(1);
                BigDecimal extra = lexicon.numerals().is(tail, org.finfacts.normalize.number.NumeralTable.Role.HALF)
                        ? new BigDecimal(5) : BigDecimal.valueOf(lexicon.numerals().get(tail).value());
                v = v.add(extra);
            }
            return new ParsedNumber(Numbers.tidy(v), null, null, number.approximation(), true, number.chineseOnly(),
                    false, false, false);
        }
        if (mark.equals("折")) {
            if (!number.hasValue()) {
                return null;
            }
            BigDecimal v = number.value();
            if (v.compareTo(new BigDecimal("0.5")) == 0) {
                v = BigDecimal.valueOf(50);
            } else if (!number.digitSequence() && v.compareTo(BigDecimal.TEN) < 0) {
                v = v.multiply(BigDecimal.TEN);
            }
            return new ParsedNumber(Numbers.tidy(v), null, null, ParsedNumber.Approximation.EXACT, true,
                    number.chineseOnly(), false, false, false);
        }
        return number;
    }

    private static ParsedNumber scaled(ParsedNumber n, BigDecimal f) {
        return new ParsedNumber(mul(n.value(), f), mul(n.min(), f), mul(n.max(), f), n.approximation(), true,
                n.chineseOnly(), n.fraction(), n.proper(), n.digitSequence());
    }

    private static BigDecimal mul(BigDecimal v, BigDecimal f) {
        return v == null ? null : Numbers.tidy(v.multiply(f));
    }

    private Qualifier qualifier(QuantityCandidate c, ParsedNumber n) {
        if (n.approximation() == ParsedNumber.Approximation.VAGUE && n.value() == null && n.min() == null
                && n.max() == null) {
            // 超过数千万元: a bound on an amount that has no value bounds nothing; it stays approximate
            return Qualifier.APPROX;
        }
        Qualifier before = lexicon.qualifierBefore(c.qualifierBefore());
        if (before != null) {
            return before;
        }
        switch (n.approximation()) {
            case MORE:
                return Qualifier.GT;
            case ABOUT:
            case VAGUE:
                return Qualifier.APPROX;
            case RANGE:
                if (n.digitSequence() || n.chineseOnly() && n.value() == null && c.pieces().size() == 1) {
                    return Qualifier.APPROX;
                }
                break;
            default:
                break;
        }
        Qualifier after = lexicon.qualifierAfter(c.qualifierAfter());
        return after != null ? after : Qualifier.EXACT;
    }

    private String per(QuantityCandidate c) {
        if (c.per() != null) {
            return c.per();
        }
        QuantityLexicon.PerForm avg = lexicon.perForm(c.average());
        return avg == null ? null : avg.per();
    }
}
