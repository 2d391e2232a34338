package org.finfacts.normalize.number;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one written number, exactly, into a {@link ParsedNumber}: Arabic with thousands separators
 * ({@code 1,100.9}), exponents ({@code 2.15e25}, {@code 2^5}) and {@code k}; Chinese numerals in their
 * common, financial and traditional forms ({@code 两千三百万}, {@code 参万肆仟}, {@code 一万零四十},
 * {@code 五兆六十二亿}); mixtures ({@code 3千万}, {@code 1,100.9亿}, {@code 4.78万亿}); decimals
 * ({@code 三点五亿}); fractions ({@code 五分之一}, {@code 三百五又三分之一}, {@code 3/5}); signs
 * ({@code -176,566}, {@code 负三十二}); and approximate forms ({@code 300多亿}, {@code 十几亿},
 * {@code 数千万}, {@code 三四十万}). White space inside is ignored.
 *
 * <p>Never uses floating point. Absurd inputs are rejected with a reason, in time linear in their
 * length: more than {@value #MAX_LENGTH} characters, an Arabic run of more than {@value #MAX_DIGITS}
 * digits, an exponent beyond ±{@value #MAX_EXPONENT}, three multipliers in a row ({@code 亿亿亿}), or a
 * value with more than {@value #MAX_INTEGER_DIGITS} integer digits. Thread-safe.
 */
public final class NumberParser {
    /** Longest written number accepted, in characters. */
    public static final int MAX_LENGTH = 64;
    /** Most digits in one Arabic run. */
    public static final int MAX_DIGITS = 40;
    /** Largest exponent magnitude ({@code e40}, {@code ^40}). */
    public static final int MAX_EXPONENT = 40;
    /** Most integer digits of a value. */
    public static final int MAX_INTEGER_DIGITS = 40;

    private static final Pattern ARABIC = Pattern.compile(
            "(\\d{1,3}(?:,\\d{3})+|\\d*)(?:\\.(\\d+))?(?:[eE]([+-]?\\d+))?");
    private static final Pattern CARET = Pattern.compile("(\\d+(?:\\.\\d+)?)\\^([+-]*)(\\d+)");
    private static final Pattern SLASH = Pattern.compile("(?:(\\d+)\\s+)?(\\d+)\\s*/\\s*(\\d+)");

    private final NumeralTable table;

    /** A parser over the given numeral table. */
    public NumberParser(NumeralTable table) {
        this.table = table;
    }

    /** The numeral table the parser reads. */
    public NumeralTable table() {
        return table;
    }

    /**
     * Parses an amount that may start with a bare section multiplier, read as one of it: {@code 亿} in
     * {@code 近亿元} is 100000000. Anything else parses as {@link #parse} does.
     */
    public NumberParse parseAmount(CharSequence written) {
        NumberParse p = parse(written);
        if (!p.ok() && written != null && written.length() > 0 && table.isBig(written.charAt(0))) {
            NumberParse one = parse("一" + written);
            if (one.ok()) {
                return one;
            }
        }
        return p;
    }

    /** Parses the whole of {@code written}; see the class comment for the forms. */
    public NumberParse parse(CharSequence written) {
        if (written == null || written.length() == 0) {
            return NumberParse.reject("empty");
        }
        if (written.length() > MAX_LENGTH) {
            return NumberParse.reject("too long: " + written.length() + " characters (limit " + MAX_LENGTH + ")");
        }
        String s = written.toString().strip();
        boolean negative = false;
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == '-' || c == '\u2212' || c == '+' || table.is(c, NumeralTable.Role.MINUS)) {
                negative = c != '+';
                s = s.substring(1).strip();
            }
        }
        if (s.isEmpty()) {
            return NumberParse.reject("no digits");
        }
        NumberParse r;
        Matcher slash = s.indexOf('/') >= 0 ? SLASH.matcher(s) : null;
        if (slash != null && slash.matches()) {
            r = slashFraction(slash);
        } else {
            s = removeSpaces(s);
            int fractionAt = s.indexOf("分之");
            r = fractionAt >= 0 ? chineseFraction(s, fractionAt) : simple(s);
        }
        return negative && r.ok() ? NumberParse.of(negate(r.number())) : r;
    }

    private static String removeSpaces(String s) {
        if (s.indexOf(' ') < 0 && s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static ParsedNumber negate(ParsedNumber n) {
        return new ParsedNumber(neg(n.value()), neg(n.max()), neg(n.min()), n.approximation(), n.multiplied(),
                n.chineseOnly(), n.fraction(), n.proper(), n.digitSequence());
    }

    private static BigDecimal neg(BigDecimal v) {
        return v == null ? null : v.negate();
    }

    private NumberParse slashFraction(Matcher m) {
        if (m.group(2).length() > MAX_DIGITS || m.group(3).length() > MAX_DIGITS
                || m.group(1) != null && m.group(1).length() > MAX_DIGITS) {
            return NumberParse.reject("too many digits");
        }
        BigDecimal numerator = new BigDecimal(m.group(2));
        BigDecimal denominator = new BigDecimal(m.group(3));
        if (denominator.signum() == 0) {
            return NumberParse.reject("division by zero");
        }
        BigDecimal v = Numbers.divide(numerator, denominator);
        boolean proper = m.group(1) == null && numerator.compareTo(denominator) <= 0;
        if (m.group(1) != null) {
            v = Numbers.tidy(v.add(new BigDecimal(m.group(1))));
        }
        return NumberParse.of(new ParsedNumber(v, null, null, ParsedNumber.Approximation.EXACT, true, false, true,
                proper, false));
    }

    private NumberParse chineseFraction(String s, int at) {
        String left = s.substring(0, at);
        String right = s.substring(at + 2);
        BigDecimal whole = null;
        boolean chinese = true;
        int and = -1;
        for (int i = 0; i < left.length(); i++) {
            if (table.is(left.charAt(i), NumeralTable.Role.AND)) {
                and = i;
            }
        }
        if (and >= 0) {
            NumberParse w = signedExact(left.substring(0, and));
            if (!w.ok()) {
                return w;
            }
            whole = w.number().value();
            chinese = w.number().chineseOnly();
            left = left.substring(and + 1);
        }
        NumberParse d = signedExact(left);
        if (!d.ok()) {
            return NumberParse.reject("denominator: " + d.rejection());
        }
        NumberParse n = signedExact(right);
        if (!n.ok()) {
            return NumberParse.reject("numerator: " + n.rejection());
        }
        BigDecimal denominator = d.number().value();
        BigDecimal numerator = n.number().value();
        if (denominator.signum() == 0) {
            return NumberParse.reject("division by zero");
        }
        BigDecimal v = Numbers.divide(numerator, denominator);
        boolean proper = whole == null && numerator.abs().compareTo(denominator.abs()) <= 0;
        if (whole != null) {
            v = Numbers.tidy(whole.signum() < 0 ? whole.subtract(v) : whole.add(v));
        }
        return NumberParse.of(new ParsedNumber(v, null, null, ParsedNumber.Approximation.EXACT, true,
                chinese && d.number().chineseOnly() && n.number().chineseOnly(), true, proper, false));
    }

    private NumberParse signedExact(String s) {
        s = removeSpaces(s);
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || table.is(s.charAt(0), NumeralTable.Role.MINUS))) {
            negative = true;
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return NumberParse.reject("no digits");
        }
        NumberParse p = simple(s);
        if (!p.ok()) {
            return p;
        }
        if (!p.number().hasValue() || p.number().approximation() != ParsedNumber.Approximation.EXACT) {
            return NumberParse.reject("not an exact number: " + s);
        }
        return negative ? NumberParse.of(negate(p.number())) : p;
    }

    /** A number without sign, fraction or spaces. */
    private NumberParse simple(String s) {
        if (isAsciiNumber(s)) {
            return arabic(s);
        }
        Matcher caret = s.indexOf('^') >= 0 ? CARET.matcher(s) : null;
        if (caret != null && caret.matches()) {
            return power(caret);
        }
        return chinese(s);
    }

    private static boolean isAsciiNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == ',' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private NumberParse arabic(String s) {
        if (isPlainDecimal(s)) {
            // digits with at most one inner point: what the pattern below reads as the number itself
            return checked(ParsedNumber.exact(new BigDecimal(s), false, false));
        }
        Matcher m = ARABIC.matcher(s);
        if (!m.matches()) {
            return NumberParse.reject("not a number: " + s);
        }
        String integer = m.group(1).replace(",", "");
        String fraction = m.group(2);
        if (integer.isEmpty() && fraction == null) {
            return NumberParse.reject("no digits");
        }
        int digits = integer.length() + (fraction == null ? 0 : fraction.length());
        if (digits > MAX_DIGITS) {
            return NumberParse.reject("too many digits: " + digits + " (limit " + MAX_DIGITS + ")");
        }
        BigDecimal v = new BigDecimal((integer.isEmpty() ? "0" : integer) + (fraction == null ? "" : "." + fraction));
        boolean multiplied = false;
        if (m.group(3) != null) {
            String e = m.group(3);
            if (e.replace("+", "").replace("-", "").length() > 3) {
                return NumberParse.reject("exponent too large: " + e);
            }
            int exp = Integer.parseInt(e.startsWith("+") ? e.substring(1) : e);
            if (Math.abs(exp) > MAX_EXPONENT) {
                return NumberParse.reject("exponent too large: " + exp + " (limit " + MAX_EXPONENT + ")");
            }
            v = Numbers.tidy(v.scaleByPowerOfTen(exp));
            multiplied = true;
        }
        return checked(ParsedNumber.exact(v, multiplied, false));
    }

    /** {@code 123} or {@code 12.5}: digits, at most one point between digits, at most {@value #MAX_DIGITS} digits. */
    private static boolean isPlainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_DIGITS || !isAscii(s.charAt(0)) || !isAscii(s.charAt(n - 1))) {
            return false;
        }
        boolean point = false;
        for (int i = 1; i < n - 1; i++) {
            char c = s.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (!isAscii(c)) {
                return false;
            }
        }
        return true;
    }

    private NumberParse power(Matcher m) {
        String base = m.group(1);
        if (base.length() > MAX_DIGITS || m.group(3).length() > 3) {
            return NumberParse.reject("power too large");
        }
        int exp = Integer.parseInt(m.group(3));
        if (exp > MAX_EXPONENT) {
            return NumberParse.reject("exponent too large: " + exp + " (limit " + MAX_EXPONENT + ")");
        }
        long minus = m.group(2).chars().filter(c -> c == '-').count();
        BigDecimal b = new BigDecimal(base);
        if (b.precision() * (long) exp > 400) {
            return NumberParse.reject("power too large");
        }
        BigDecimal v = b.pow(exp);
        if (minus % 2 == 1) {
            if (v.signum() == 0) {
                return NumberParse.reject("division by zero");
            }
            v = Numbers.divide(BigDecimal.ONE, v);
        }
        return checked(ParsedNumber.exact(Numbers.tidy(v), true, false));
    }

    private static NumberParse checked(ParsedNumber n) {
        for (BigDecimal v : new BigDecimal[] {n.value(), n.min(), n.max()}) {
            if (v != null && Numbers.integerDigits(v) > MAX_INTEGER_DIGITS) {
                return NumberParse.reject("too large: " + Numbers.integerDigits(v) + " integer digits (limit "
                        + MAX_INTEGER_DIGITS + ")");
            }
        }
        return NumberParse.of(n);
    }

    // ---- Chinese and mixed numbers -------------------------------------------------------------

    private enum Kind { NUM, DECIMALS, ZERO, UNIT, BIG, MORE, FEW, SEVERAL, HALF }

    private record Atom(Kind kind, BigDecimal value, int power, boolean single, boolean arabic) {
        static Atom of(Kind k) {
            return new Atom(k, null, 0, false, false);
        }
    }

    private NumberParse chinese(String s) {
        List<Atom> atoms = new ArrayList<>();
        String problem = atomize(s, atoms);
        if (problem != null) {
            return NumberParse.reject(problem);
        }
        boolean arabic = false;
        boolean allDigits = atoms.size() >= 2;
        for (Atom a : atoms) {
            arabic |= a.arabic();
            allDigits &= a.kind() == Kind.NUM && a.single() && !a.arabic();
        }
        if (allDigits) {
            return digitSequence(atoms);
        }
        int pair = -1;
        for (int i = 0; i + 1 < atoms.size(); i++) {
            if (atoms.get(i).kind() == Kind.NUM && atoms.get(i + 1).kind() == Kind.NUM) {
                if (pair >= 0) {
                    return NumberParse.reject("digits in a row");
                }
                pair = i;
            }
        }
        if (pair >= 0) {
            Atom a = atoms.get(pair);
            Atom b = atoms.get(pair + 1);
            if (!a.single() || !b.single() || a.arabic() || b.arabic()
                    || b.value().intValue() != a.value().intValue() + 1) {
                return NumberParse.reject("digits in a row");
            }
            List<Atom> low = new ArrayList<>(atoms);
            low.remove(pair + 1);
            List<Atom> high = new ArrayList<>(atoms);
            high.remove(pair);
            Evaluated lo = evaluate(low);
            Evaluated hi = evaluate(high);
            if (lo.problem != null || hi.problem != null || lo.vague || hi.vague) {
                return NumberParse.reject(lo.problem != null ? lo.problem : hi.problem != null ? hi.problem : "vague range");
            }
            return checked(new ParsedNumber(null, lo.value, hi.value, ParsedNumber.Approximation.RANGE, true, !arabic,
                    false, false, false));
        }
        Evaluated e = evaluate(atoms);
        if (e.problem != null) {
            return NumberParse.reject(e.problem);
        }
        ParsedNumber.Approximation approx = e.vague ? ParsedNumber.Approximation.VAGUE
                : e.more ? ParsedNumber.Approximation.MORE : ParsedNumber.Approximation.EXACT;
        BigDecimal v = e.vague ? null : e.multiplied ? Numbers.tidy(e.value) : e.value;
        return checked(new ParsedNumber(v, null, null, approx, e.multiplied, !arabic, false, false, false));
    }

    private NumberParse digitSequence(List<Atom> atoms) {
        if (atoms.size() > MAX_DIGITS) {
            return NumberParse.reject("too many digits: " + atoms.size() + " (limit " + MAX_DIGITS + ")");
        }
        StringBuilder b = new StringBuilder();
        for (Atom a : atoms) {
            b.append(a.value().intValue());
        }
        BigDecimal v = new BigDecimal(b.toString());
        BigDecimal min = null;
        BigDecimal max = null;
        ParsedNumber.Approximation approx = ParsedNumber.Approximation.EXACT;
        if (atoms.size() == 2 && atoms.get(1).value().intValue() == atoms.get(0).value().intValue() + 1) {
            min = atoms.get(0).value();
            max = atoms.get(1).value();
            approx = ParsedNumber.Approximation.RANGE;
        }
        return NumberParse.of(new ParsedNumber(v, min, max, approx, false, true, false, false, true));
    }

    private String atomize(String s, List<Atom> atoms) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && isAscii(s.charAt(i + 1))) {
                int j = i;
                int digits = 0;
                boolean point = false;
                while (j < n) {
                    char d = s.charAt(j);
                    if (isAscii(d)) {
                        digits++;
                        j++;
                    } else if (d == ',' && !point && digits > 0 && threeDigits(s, j + 1)) {
                        j++;
                    } else if (d == '.' && !point && j + 1 < n && isAscii(s.charAt(j + 1))) {
                        point = true;
                        j++;
                    } else {
                        break;
                    }
                }
                if (digits > MAX_DIGITS) {
                    return "too many digits: " + digits + " (limit " + MAX_DIGITS + ")";
                }
                String run = s.substring(i, j).replace(",", "");
                BigDecimal v = new BigDecimal(run.startsWith(".") ? "0" + run : run);
                atoms.add(new Atom(Kind.NUM, v, 0, digits == 1 && !point, true));
                i = j;
                continue;
            }
            NumeralTable.Entry e = table.get(c);
            if (e == null) {
                return "not a number character: " + c;
            }
            Atom prev = atoms.isEmpty() ? null : atoms.get(atoms.size() - 1);
            switch (e.role()) {
                case DIGIT -> {
                    if (e.value() == 0 && isZeroSeparator(s, i, prev)) {
                        atoms.add(Atom.of(Kind.ZERO));
                    } else {
                        atoms.add(new Atom(Kind.NUM, BigDecimal.valueOf(e.value()), 0, true, false));
                    }
                }
                case POINT -> {
                    int j = i + 1;
                    StringBuilder decimals = new StringBuilder();
                    while (j < n) {
                        NumeralTable.Entry d = table.get(s.charAt(j));
                        if (d == null || d.role() != NumeralTable.Role.DIGIT || d.integerOnly()) {
                            break;
                        }
                        decimals.append(d.value());
                        j++;
                    }
                    if (decimals.length() == 0) {
                        return "点 without decimals";
                    }
                    if (decimals.length() > MAX_DIGITS) {
                        return "too many digits";
                    }
                    atoms.add(new Atom(Kind.DECIMALS, new BigDecimal("0." + decimals), 0, false, false));
                    i = j;
                    continue;
                }
                case UNIT -> atoms.add(new Atom(Kind.UNIT, null, e.value(), false, false));
                case BIG -> atoms.add(new Atom(Kind.BIG, null, e.value(), false, false));
                case LATIN -> {
                    if (prev == null || !prev.arabic() || i != n - 1) {
                        return "Latin multiplier not after Arabic digits: " + c;
                    }
                    atoms.add(new Atom(Kind.UNIT, null, e.value(), false, false));
                }
                case MORE -> atoms.add(Atom.of(Kind.MORE));
                case FEW -> atoms.add(Atom.of(Kind.FEW));
                case SEVERAL -> atoms.add(Atom.of(Kind.SEVERAL));
                case HALF -> atoms.add(Atom.of(Kind.HALF));
                default -> {
                    return "not a number character here: " + c;
                }
            }
            i++;
        }
        return null;
    }

    private boolean isZeroSeparator(String s, int i, Atom prev) {
        if (prev != null) {
            return prev.kind() == Kind.UNIT || prev.kind() == Kind.BIG || prev.kind() == Kind.MORE;
        }
        if (i + 1 < s.length()) {
            NumeralTable.Entry next = table.get(s.charAt(i + 1));
            return next != null && (next.role() == NumeralTable.Role.UNIT || next.role() == NumeralTable.Role.BIG);
        }
        return false;
    }

    private static boolean isAscii(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean threeDigits(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int k = from; k < from + 3; k++) {
            if (!isAscii(s.charAt(k))) {
                return false;
            }
        }
        return from + 3 == s.length() || !isAscii(s.charAt(from + 3));
    }

    private static final class Evaluated {
        BigDecimal value;
        boolean more;
        boolean vague;
        boolean multiplied;
        String problem;

        static Evaluated problem(String p) {
            Evaluated e = new Evaluated();
            e.problem = p;
            return e;
        }
    }

    private static Evaluated evaluate(List<Atom> atoms) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal section = BigDecimal.ZERO;
        BigDecimal number = null;
        boolean numberSingle = false;
        int lastUnit = Integer.MAX_VALUE;
        int pending = -1;
        int lastBig = -1;
        int bigRun = 0;
        boolean digits = false;
        Evaluated out = new Evaluated();
        Kind prev = null;
        Kind prevPrev = null;
        for (int k = 0; k < atoms.size(); k++) {
            Atom a = atoms.get(k);
            switch (a.kind()) {
                case NUM -> {
                    if (number != null || prev == Kind.MORE || prev == Kind.FEW) {
                        return Evaluated.problem("digits in a row");
                    }
                    number = a.value();
                    numberSingle = a.single();
                    digits = true;
                    if (prev == Kind.ZERO || prev == null) {
                        pending = -1;
                    }
                }
                case DECIMALS -> {
                    if (number != null && numberSingle && pending >= 2 && prev == Kind.NUM) {
                        section = section.add(number.multiply(Numbers.pow10(pending - 1)));
                        number = null;
                    }
                    if (prev == Kind.DECIMALS || prev == null) {
                        return Evaluated.problem(prev == null ? "点 without a whole part" : "two decimal parts");
                    }
                    number = (number == null ? BigDecimal.ZERO : number).add(a.value());
                    numberSingle = false;
                    digits = true;
                    pending = -1;
                    out.multiplied = true;
                }
                case ZERO -> {
                    if (number != null) {
                        return Evaluated.problem("零 after a digit");
                    }
                    pending = -1;
                }
                case HALF -> {
                    boolean alone = atoms.size() == 1;
                    if (prev != null || !alone && atoms.get(k + 1).kind() != Kind.UNIT
                            && atoms.get(k + 1).kind() != Kind.BIG) {
                        return Evaluated.problem("半 only before a multiplier");
                    }
                    number = new BigDecimal("0.5");
                    numberSingle = false;
                    digits = true;
                }
                case UNIT -> {
                    if (number == null) {
                        if (prev == null || prev == Kind.ZERO || prev == Kind.SEVERAL || prev == Kind.FEW && prevPrev == null) {
                            number = BigDecimal.ONE;
                        } else {
                            return Evaluated.problem("multiplier without a digit");
                        }
                    }
                    if (a.power() >= lastUnit) {
                        return Evaluated.problem("place values out of order");
                    }
                    section = section.add(number.multiply(Numbers.pow10(a.power())));
                    number = null;
                    lastUnit = a.power();
                    pending = a.power();
                    digits = true;
                    bigRun = 0;
                    out.multiplied = true;
                }
                case BIG -> {
                    boolean empty = number == null && section.signum() == 0;
                    if (empty && (prev == Kind.BIG || (prev == Kind.MORE || prev == Kind.FEW) && prevPrev == Kind.BIG)) {
                        if (++bigRun > 2) {
                            return Evaluated.problem("too many multipliers in a row");
                        }
                        total = total.multiply(Numbers.pow10(a.power()));
                        lastBig = Math.max(lastBig, a.power());
                    } else if (empty && (prev == Kind.SEVERAL || prev == Kind.FEW && prevPrev == null)) {
                        total = Numbers.pow10(a.power());
                        lastBig = a.power();
                        bigRun = 1;
                    } else if (empty) {
                        return Evaluated.problem("multiplier without a number");
                    } else {
                        if (number != null && numberSingle && pending >= 2 && pending < 4 && prev == Kind.NUM) {
                            number = number.multiply(Numbers.pow10(pending - 1));
                        }
                        BigDecimal group = section.add(number == null ? BigDecimal.ZERO : number);
                        if (lastBig < 0 || a.power() > lastBig) {
                            total = total.add(group).multiply(Numbers.pow10(a.power()));
                        } else if (a.power() < lastBig) {
                            total = total.add(group.multiply(Numbers.pow10(a.power())));
                        } else {
                            return Evaluated.problem("repeated multiplier");
                        }
                        lastBig = a.power();
                        bigRun = 1;
                    }
                    section = BigDecimal.ZERO;
                    number = null;
                    lastUnit = Integer.MAX_VALUE;
                    pending = a.power();
                    digits = true;
                    out.multiplied = true;
                }
                case MORE -> {
                    if (prev != Kind.NUM && prev != Kind.UNIT && prev != Kind.BIG) {
                        return Evaluated.problem("多 without a number");
                    }
                    if (prev == Kind.NUM && numberSingle && pending >= 2) {
                        return Evaluated.problem("多 after an abbreviated number");
                    }
                    out.more = true;
                    pending = -1;
                }
                case FEW -> {
                    if (prev == null) {
                        out.vague = true;
                    } else if (prev == Kind.UNIT || prev == Kind.ZERO || prev == Kind.BIG) {
                        out.more = true;
                        pending = -1;
                    } else {
                        return Evaluated.problem("几 in the wrong place");
                    }
                }
                case SEVERAL -> {
                    if (prev != null) {
                        return Evaluated.problem("数 in the wrong place");
                    }
                    out.vague = true;
                }
                default -> {
                    return Evaluated.problem("unexpected " + a.kind());
                }
            }
            prevPrev = prev;
            prev = a.kind();
        }
        if (prev == Kind.SEVERAL || prev == Kind.FEW && prevPrev == null) {
            return Evaluated.problem("no digits");
        }
        if (out.vague && out.more) {
            return Evaluated.problem("vague and more");
        }
        if (number != null) {
            if (numberSingle && pending >= 2 && prev == Kind.NUM) {
                number = number.multiply(Numbers.pow10(pending - 1));
            }
            section = section.add(number);
        }
        if (!digits) {
            return Evaluated.problem("no digits");
        }
        out.value = total.add(section);
        return out;
    }
}
