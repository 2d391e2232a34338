package org.finfacts.extract.money;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Extractor;
import org.finfacts.normalize.number.NumberParse;
import org.finfacts.normalize.number.NumberParser;
import org.finfacts.normalize.number.NumeralTable;
import org.finfacts.normalize.number.ParsedNumber;
import org.finfacts.text.NormalizedText;
import org.finfacts.text.Sentence;
import org.finfacts.tokenize.Token;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds quantities in the working copy, sentence by sentence, and returns them as
 * {@link QuantityCandidate}s with their raw parts: the number or numbers, the currency written before
 * or after, percent marks, NUMBER units, qualifier words, per-units, range separators and list
 * separators. It decides what is a quantity at all (not dates such as {@code 2023年}, codes such as
 * {@code 600519}, words such as {@code 万科} or {@code 一元复始}, ordinals such as {@code 第三}, numbers
 * inside URLs) but gives no values: that is the {@link QuantityResolver}'s job.
 * Example: {@code 分别是2.4亿、7.5亿和15.5亿美元} gives three candidates joined by list separators.
 * Stateless after construction; thread-safe.
 */
public final class QuantityExtractor implements Extractor<QuantityCandidate> {
    private static final Pattern URL = Pattern.compile(
            "(?:https?://|www\\.)[\\x21-\\x7e]+|[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    private static final String RANGE_SEPARATORS = "-–—~〜～至到";
    private static final String LIST_SEPARATORS = "、和及与或";
    private static final int MAX_GAP = 6;
    /** Most characters a qualifier adverb reaches over (至少还得, 最多额外支付). */
    private static final int MAX_REACH = 4;
    /** After a lone numeral these make an enumeration (一是…二是…, 其一则…), not a quantity. */
    private static final String ENUMERATION_FOLLOWERS = "是则要来方";
    /** Words after which a bare 亿 or 万 means one of it (近亿元, 过亿元, 超亿元, 上亿元, 逾万元). */
    private static final String IMPLICIT_ONE_AFTER = "近上超逾过约";
    /** The numerals that may stand alone as a NUMBER (not 拾 or 伍 and the like, mostly parts of words). */
    /** Characters after a bare Chinese numeral that leave it a number (前三的, 是四不是五), not part of a name. */
    private static final String FUNCTION_WORDS = "的是不而却那这和与或也就都还";
    private static final String LONE_NUMERALS = "一二三四五六七八九十两兩";
    /** Digits that start a second count after 一 + classifier, making that 一 a count (一年两次). */
    private static final String SECOND_COUNT_DIGITS = "二三四五六七八九两兩";
    /** Verbs a one-character qualifier is often written into (涨超, 跌近, 升逾). */
    private static final String VERBS_BEFORE_QUALIFIER = "涨跌升降增减";

    private final QuantityLexicon lexicon;
    private final NumeralTable numerals;
    private final NumberParser parser;

    /** An extractor over the given lexicon. */
    public QuantityExtractor(QuantityLexicon lexicon) {
        this.lexicon = lexicon;
        this.numerals = lexicon.numerals();
        this.parser = lexicon.parser();
    }

    @Override
    public List<QuantityCandidate> find(AnalyzedText text) {
        String t = text.text();
        TokenIndex tokens = TokenIndex.of(text);
        List<int[]> skips = new ArrayList<>();
        if (t.contains("http") || t.indexOf('@') >= 0 || t.contains("www.")) {
            Matcher m = URL.matcher(t);
            while (m.find()) {
                skips.add(new int[] {m.start(), m.end()});
            }
        }
        List<QuantityCandidate> out = new ArrayList<>();
        int skip = 0;
        for (Sentence s : text.sentences()) {
            Scan scan = new Scan(text.normalized(), s.start(), s.end(), tokens);
            int i = s.start();
            while (i < s.end()) {
                while (skip < skips.size() && skips.get(skip)[1] <= i) {
                    skip++;
                }
                if (skip < skips.size() && skips.get(skip)[0] <= i) {
                    i = skips.get(skip)[1];
                    scan.floor = i;
                    continue;
                }
                if (!scan.mayStart(i)) {
                    i = scan.percentWord(i, out);
                    continue;
                }
                int resume = scan.build(i, out);
                i = Math.max(resume, i + 1);
            }
        }
        return out;
    }

    /** The state of scanning one sentence. */
    private final class Scan {
        final NormalizedText normalized;
        final String t;
        final int from;
        final int to;
        final TokenIndex tokens;
        int floor;

        Scan(NormalizedText normalized, int from, int to, TokenIndex tokens) {
            this.normalized = normalized;
            this.t = normalized.text();
            this.from = from;
            this.to = to;
            this.tokens = tokens;
            this.floor = from;
        }

        char at(int i) {
            return i >= from && i < to ? t.charAt(i) : '\0';
        }

        boolean numeral(int i) {
            char c = at(i);
            return c != '\0' && numerals.get(c) != null && !numerals.is(c, NumeralTable.Role.LATIN);
        }

        boolean digit(int i) {
            char c = at(i);
            return c >= '0' && c <= '9';
        }

        boolean chineseStart(int i) {
            char c = at(i);
            NumeralTable.Entry e = c == '\0' ? null : numerals.get(c);
            if (e == null) {
                return false;
            }
            return switch (e.role()) {
                case DIGIT, UNIT -> true;
                case HALF -> numerals.is(at(i + 1), NumeralTable.Role.UNIT) || at(i + 1) == '成' || at(i + 1) == '折';
                case SEVERAL, FEW -> numerals.isMultiplier(at(i + 1));
                default -> false;
            };
        }

        boolean numberStart(int i) {
            return digit(i) || at(i) == '.' && digit(i + 1) || chineseStart(i);
        }

        boolean mayStart(int i) {
            char c = at(i);
            if (c > '9' && c != '\u2212' && numerals.get(c) == null) {
                return false; // most characters: no digit, point, sign or numeral
            }
            char p = i > from ? t.charAt(i - 1) : '\0';
            if (c >= '0' && c <= '9') {
                boolean digitBeforePunct = i - 2 >= from && Character.isDigit(t.charAt(i - 2));
                return !(p >= '0' && p <= '9') && !(p == '.' && digitBeforePunct)
                        && !(p == ',' && digitBeforePunct && threeDigitsAt(i) && asciiComma(i - 1));
            }
            if (c == '.') {
                return digit(i + 1) && !(p >= '0' && p <= '9') && p != '.' && !isLatin(p);
            }
            if (c == '-' || c == '\u2212' || c == '+') {
                return (digit(i + 1) || at(i + 1) == '.' && digit(i + 2)) && signContext(p);
            }
            if (numerals.get(c) == null) {
                return false; // what follows needs a numeral here
            }
            if (numerals.is(c, NumeralTable.Role.MINUS)) {
                return (digit(i + 1) || chineseStart(i + 1)) && !numeral(i - 1) && tokens.isBoundary(i);
            }
            if (numerals.isMultiplier(c) && !numeral(i - 1) && percentPrefixEnd(i) > 0) {
                return true;
            }
            if (numerals.isBig(c) && IMPLICIT_ONE_AFTER.indexOf(p) >= 0 && p != '\0') {
                return true;
            }
            return chineseStart(i) && (!numeral(i - 1) || afterFailedPoint(i) || afterArabic(i) || afterWordMore(i))
                    && (!(p >= '0' && p <= '9') || afterArabic(i));
        }

        /**
         * Whether the numeral before {@code i} is a 多 or 余 that belongs to a word, not to a number before it
         * (最多二十个, 差不多三十岁, 至多三家): the number starts at {@code i}.
         */
        boolean afterWordMore(int i) {
            return numerals.is(at(i - 1), NumeralTable.Role.MORE) && !numeral(i - 2) && !digit(i - 2);
        }

        /**
         * Whether {@code i} holds a Chinese digit (not 两) right after an Arabic one: the Arabic number
         * ended there (667.123 五点八, the space dropped in the working copy), so the digit starts a number.
         */
        boolean afterArabic(int i) {
            NumeralTable.Entry e = numerals.get(at(i));
            return e != null && e.role() == NumeralTable.Role.DIGIT && !e.integerOnly() && digit(i - 1)
                    && !(at(i) >= '0' && at(i) <= '9');
        }

        /**
         * Whether {@code i} holds a digit that never follows 点 as a decimal (两) right after a 点: that 点
         * was no decimal point, so the digit starts a number of its own (一点两小时: 一 and 两).
         */
        boolean afterFailedPoint(int i) {
            NumeralTable.Entry e = numerals.get(at(i));
            return e != null && e.integerOnly() && numerals.is(at(i - 1), NumeralTable.Role.POINT);
        }

        /** Whether a sign may stand after {@code p}: not after a digit, a letter, or another sign (--9 is a dash and 9). */
        boolean signContext(char p) {
            return !(p >= '0' && p <= '9') && !isLatin(p) && p != '%' && p != '.' && p != '-' && p != '+' && p != '\u2212'
                    && (p == '\0' || numerals.get(p) == null || numerals.is(p, NumeralTable.Role.HALF));
        }

        /**
         * Adds the candidate of a percentage word at {@code i} (对折 after 打: 50%) and returns its end, or
         * returns {@code i + 1}. The word stands for a number and a mark (五 and 折) of percent-words.tsv.
         */
        int percentWord(int i, List<QuantityCandidate> out) {
            String w = i < floor ? null : lexicon.percentWords().longestAt(t, i, to);
            if (w == null) {
                return i + 1;
            }
            QuantityLexicon.PercentWord pw = lexicon.percentWords().get(w);
            int e = i + w.length();
            if (!t.startsWith(pw.before(), i - pw.before().length()) || i - pw.before().length() < from
                    || isHan(at(e)) && !tokens.isBoundary(e)) {
                return i + 1;
            }
            out.add(new QuantityCandidate(i, e, List.of(new QuantityCandidate.Piece(i, e, pw.number(), null, List.of())),
                    null, null, pw.mark(), null, null, null, null, null, null, null, false, true));
            floor = e;
            return e;
        }

        /** Builds the candidate whose number starts at {@code i}; returns where scanning resumes. */
        int build(int i, List<QuantityCandidate> out) {
            String percentPrefix = null;
            int coreStart = i;
            int prefixEnd = percentPrefixEnd(i);
            if (prefixEnd > 0) {
                percentPrefix = percentChain(i) + "分之";
                coreStart = skipSpaces(prefixEnd, 2);
                if (!numberStart(coreStart) && !numerals.is(at(coreStart), NumeralTable.Role.MINUS)) {
                    return prefixEnd;
                }
            }
            int rawEnd = scanCore(coreStart, percentPrefix == null || numerals.is(at(coreStart), NumeralTable.Role.MINUS));
            if (rawEnd <= coreStart) {
                return i + 1;
            }
            if (rawEnd - coreStart > NumberParser.MAX_LENGTH) {
                return skipRun(rawEnd);
            }
            int coreEnd = rawEnd;
            boolean implicitOne = numerals.isBig(t.charAt(coreStart));
            if (implicitOne && lexicon.currencies().longestAt(t, rawEnd, to) == null) {
                return rawEnd;
            }
            NumberParse parse = parser.parseAmount(t.substring(coreStart, coreEnd));
            while (!parse.ok() && coreEnd > coreStart + 1) {
                coreEnd--;
                while (coreEnd > coreStart && t.charAt(coreEnd - 1) == ' ') {
                    coreEnd--;
                }
                if (coreEnd > coreStart) {
                    parse = parser.parseAmount(t.substring(coreStart, coreEnd));
                }
            }
            if (!parse.ok()) {
                return rawEnd;
            }
            ParsedNumber number = parse.number();
            if (!number.chineseOnly() && tokens.known()) {
                int m = coreEnd;
                while (m > coreStart && numerals.isMultiplier(t.charAt(m - 1))) {
                    m--;
                }
                Token tok = m < coreEnd ? tokens.startingAt(m) : null;
                if (tok != null && tok.end() > coreEnd && tok.tag().startsWith("n") && !tok.isPersonName()
                        && lexicon.currencies().longestAt(t, coreEnd, to) == null
                        && lexicon.units().longestAt(t, coreEnd, to) == null) {
                    NumberParse shorter = parser.parse(t.substring(coreStart, m));
                    if (shorter.ok()) {
                        coreEnd = m;
                        number = shorter.number();
                    }
                }
            }
            String core = t.substring(coreStart, coreEnd);
            boolean chinese = number.chineseOnly();

            if (percentPrefix == null && isOrdinalOrDate(coreStart, coreEnd, number)) {
                return skipDate(coreEnd);
            }
            if (number.fraction() && core.indexOf('/') >= 0 && at(coreStart - 1) == '-') {
                return rawEnd;
            }
            if (allMultipliers(core) && (at(coreStart - 1) == '(' || at(coreStart - 1) == ':'
                    || at(coreStart - 1) == '位' && at(coreStart - 2) == '单')) {
                return rawEnd;
            }

            After first = afterNumber(coreStart, coreEnd, number, percentPrefix != null);
            if (first == null) {
                return rawEnd;
            }
            if (percentPrefix != null) {
                first = new After(first.end, null, first.currencyEnd, List.of(), percentPrefix, null, first.end);
            }
            List<QuantityCandidate.Piece> pieces = new ArrayList<>();
            int firstPieceStart = percentPrefix != null ? i : coreStart;
            pieces.add(new QuantityCandidate.Piece(firstPieceStart, first.end, core, first.currency, first.tails));
            String percent = first.percent;
            String unit = first.unit;
            String currency = first.currency;
            int end = first.end;
            String rangeSeparator = null;

            Range range = range(first, number);
            if (range != null) {
                pieces.add(range.piece);
                rangeSeparator = range.separator;
                end = range.after.end;
                if (percent == null) {
                    percent = range.after.percent;
                }
                if (unit == null) {
                    unit = range.after.unit;
                }
                if (currency == null) {
                    currency = range.after.currency;
                }
            }

            // what stands before the number
            int start = firstPieceStart;
            String prefix = null;
            if (percentPrefix == null) {
                int p = skipSpacesBack(start, 2);
                String form = lexicon.currencies().longestEndingAt(t, p, floor);
                QuantityLexicon.Currency c = lexicon.currency(form);
                if (c != null && c.before() && latinBoundaryBefore(p - form.length(), form)) {
                    QuantityLexicon.Currency after = lexicon.currency(currency);
                    if (after == null || after.generic() || after.code().equals(c.code())) {
                        prefix = form;
                        start = p - form.length();
                    }
                }
            }
            if (prefix != null && currency == null && unit != null && range == null) {
                unit = null;
                end = first.numberEnd;
                pieces.set(0, new QuantityCandidate.Piece(firstPieceStart, end, core, null, List.of()));
            }
            if ("级".equals(unit) && numerals.isMultiplier(t.charAt(coreStart))) {
                return skipRun(end);
            }
            if (currency == null && prefix == null && percent == null && unit != null && at(start - 1) == '每') {
                return end;
            }
            boolean glued = isLatin(at(start - 1)) || at(start - 1) == '_';
            if (glued && currency == null && prefix == null) {
                return skipRun(end);
            }
            int q = skipSpacesBack(start, 1);
            String qualifierBefore = lexicon.qualifiersBefore().longestEndingAt(t, q, floor);
            if (qualifierBefore != null && !qualifierStarts(q - qualifierBefore.length())) {
                qualifierBefore = null;
            }
            if (qualifierBefore != null && lexicon.onlyBeforeMultiplier(qualifierBefore) && !implicitOne) {
                qualifierBefore = null;
            }
            int lead = qualifierBefore == null ? start : q - qualifierBefore.length();
            if (qualifierBefore == null) {
                int spacedStart = spacedQualifierStart(q);
                if (spacedStart >= 0) {
                    qualifierBefore = compact(t.substring(spacedStart, q));
                    lead = spacedStart;
                }
            }
            if (qualifierBefore == null) {
                for (int gap = 1; gap <= MAX_REACH && q - gap > floor && isHan(at(q - gap)) && !numeral(q - gap)
                        && at(q - gap) != '的'; gap++) {
                    String w = lexicon.qualifiersBefore().longestEndingAt(t, q - gap, floor);
                    if (w != null && lexicon.reach(w) >= gap && tokens.isBoundary(q - gap - w.length())
                            && tokens.isBoundary(q - gap)) {
                        qualifierBefore = w;
                        lead = q - gap - w.length();
                        break;
                    }
                }
            }
            String context = contextBefore(lead);
            QuantityLexicon.ContextRole role = context == null ? null : lexicon.contextWords().get(context);
            if (role == QuantityLexicon.ContextRole.ORDINAL && lead == start && percent == null) {
                return skipRun(end);
            }
            boolean money = currency != null || prefix != null;
            if (!money && percent == null && (role == QuantityLexicon.ContextRole.CODE || codeWordNear(lead))) {
                return skipRun(end);
            }
            String changeVerb = role == QuantityLexicon.ContextRole.CHANGE ? context : null;

            if (!money && percent == null && unit == null && isIdentifier(coreStart, coreEnd, core, number)) {
                return skipRun(end);
            }
            if (!money && percent == null && unit == null && range == null && !bareQuantity(start, end, number, core)) {
                return skipRun(end);
            }
            if (chinese && !acceptChinese(firstPieceStart, coreEnd, end, money || percent != null || unit != null,
                    !money && percent == null && unit != null)) {
                return rawEnd;
            }
            if (!money && percent == null && unit != null && range == null && chinese && coreEnd - coreStart == 1
                    && numerals.isDigit(t.charAt(coreStart)) && numerals.get(t.charAt(coreStart)).value() == 1
                    && lexicon.unit(unit).factor().compareTo(BigDecimal.ONE) == 0 && !chineseNumberAt(end)) {
                // a lone 一 before a classifier is an article (一家公司, 一个问题), not a count, unless a
                // Chinese number follows the classifier: then it is one of a pair of counts (一对八千, 一年两次)
                return rawEnd;
            }
            if (!money && percent == null && number.digitSequence() && range == null
                    && number.approximation() != ParsedNumber.Approximation.RANGE) {
                return rawEnd;
            }

            // what stands after the quantity
            int consumed = end;
            String per = null;
            int slash = at(end) == '\\' && at(end + 1) == '/' ? end + 1 : at(end) == '/' ? end : -1;
            if (money && slash >= 0) {
                String u = perUnitAt(slash + 1);
                if (u != null) {
                    per = perOf(u);
                    consumed = slash + 1 + u.length();
                }
            } else if (money && at(end) == '每') {
                String u = perUnitAt(end + 1);
                if (u != null) {
                    per = perOf(u);
                    consumed = end + 1 + u.length();
                }
            }
            int qa = skipSpaces(consumed, 1);
            String qualifierAfter = qualifierAfterAt(qa, lead);
            if (qualifierAfter != null) {
                int qe = qa + qualifierAfter.length();
                if (isHan(at(qe)) && !tokens.isBoundary(qe) || !tokens.isBoundary(qa)) {
                    qualifierAfter = null;
                } else {
                    consumed = qe;
                }
            }
            String average = null;
            if (per == null && money) {
                PerBefore pb = perBefore(lead);
                if (pb != null) {
                    if (pb.average) {
                        average = pb.form;
                    } else {
                        per = pb.form;
                    }
                }
            }
            String listSeparator = null;
            if (!money && percent == null && unit == null && qualifierAfter == null && range == null) {
                listSeparator = listSeparatorAt(end);
            }
            out.add(new QuantityCandidate(start, end, List.copyOf(pieces), rangeSeparator, prefix, percent, unit,
                    qualifierBefore, qualifierAfter, per, average, changeVerb, listSeparator, glued, chinese));
            floor = consumed;
            return consumed;
        }

        // ---- the number itself --------------------------------------------------------------------

        /** End of the longest run of number characters from {@code i} (parsing decides what is valid). */
        int scanCore(int i, boolean allowSign) {
            int j = i;
            char c = at(j);
            if (allowSign && (c == '-' || c == '\u2212' || c == '+' || numerals.is(c, NumeralTable.Role.MINUS))) {
                j++;
            }
            boolean arabicPoint = false;
            boolean sawArabic = false;
            boolean sawChinese = false;
            int limit = Math.min(to, i + 4 * NumberParser.MAX_LENGTH);
            while (j < limit) {
                c = t.charAt(j);
                if (c >= '0' && c <= '9') {
                    if (j > i && numerals.isDigit(t.charAt(j - 1)) && numerals.get(t.charAt(j - 1)).value() != 0) {
                        break;
                    }
                    sawArabic = true;
                    j++;
                    continue;
                }
                if (c == ',' && digit(j - 1) && !arabicPoint && threeDigitsAt(j + 1) && asciiComma(j)) {
                    j++;
                    continue;
                }
                if (c == '.' && digit(j + 1) && !arabicPoint && (digit(j - 1) || j == i || j == i + 1 && !digit(j - 1))) {
                    arabicPoint = true;
                    j++;
                    continue;
                }
                if ((c == 'e' || c == 'E') && digit(j - 1) && !sawChinese && exponentAt(j + 1) > 0) {
                    j = exponentAt(j + 1);
                    break;
                }
                if (c == '^' && digit(j - 1) && !sawChinese) {
                    int k = j + 1;
                    while (at(k) == '+' || at(k) == '-') {
                        k++;
                    }
                    if (digit(k)) {
                        while (digit(k)) {
                            k++;
                        }
                        j = k;
                        break;
                    }
                    break;
                }
                if ((c == 'k' || c == 'K') && digit(j - 1) && !sawChinese && latinSuffixEnds(j + 1)) {
                    j++;
                    break;
                }
                if (c == ' ' && sawArabic && !sawChinese && !arabicPoint && j - i <= 3 && digit(j + 1)) {
                    int k = j + 1;
                    while (digit(k)) {
                        k++;
                    }
                    if (at(k) == '/' && digit(k + 1) && k - j - 1 <= 3) {
                        j = j + 1;
                        continue;
                    }
                }
                if (c == '/' && sawArabic && !sawChinese && !arabicPoint && digit(j + 1)) {
                    int k = j + 1;
                    while (digit(k)) {
                        k++;
                    }
                    if (k - j - 1 <= 3 && j - i <= 3 && at(k) != '/' && at(k) != '.' && !isLatin(at(k))) {
                        j = k;
                    }
                    break;
                }
                NumeralTable.Entry e = numerals.get(c);
                if (e != null && e.role() == NumeralTable.Role.DIGIT && j > i && digit(j - 1)) {
                    break; // a Chinese digit after an Arabic one starts a number of its own (667.123 五点八)
                }
                if (e != null && e.role() != NumeralTable.Role.LATIN && e.role() != NumeralTable.Role.MINUS) {
                    if (e.role() == NumeralTable.Role.UNIT || e.role() == NumeralTable.Role.BIG) {
                        if (unitWordAt(j)) {
                            break;
                        }
                    } else if (e.role() == NumeralTable.Role.POINT) {
                        NumeralTable.Entry d = numerals.get(at(skipSpaces(j + 1, 2)));
                        if (d == null || d.role() != NumeralTable.Role.DIGIT || d.integerOnly()) {
                            break;
                        }
                    } else if (e.role() == NumeralTable.Role.MORE) {
                        if (j == i || at(j + 1) == '额') {
                            break;
                        }
                    } else if (e.role() == NumeralTable.Role.AND) {
                        if (!fractionAhead(j + 1)) {
                            break;
                        }
                    } else if (e.role() == NumeralTable.Role.SEVERAL || e.role() == NumeralTable.Role.HALF) {
                        if (j != i) {
                            break;
                        }
                    }
                    sawChinese = true;
                    arabicPoint = false;
                    j++;
                    continue;
                }
                if (c == '分' && j > i) {
                    int k = skipSpaces(j + 1, 2);
                    if (at(k) == '之') {
                        k = skipSpaces(k + 1, 2);
                        if (numberStart(k) || numerals.is(at(k), NumeralTable.Role.MINUS) && numberStart(k + 1)) {
                            j = numerals.is(at(k), NumeralTable.Role.MINUS) ? k + 1 : k;
                            arabicPoint = false;
                            continue;
                        }
                    }
                }
                if (c == ' ' && j > i && numeral(j - 1)) {
                    int k = j;
                    while (at(k) == ' ' && k - j < 3) {
                        k++;
                    }
                    if (numeral(k) || at(k) == '分' && (at(k + 1) == '之' || at(k + 1) == ' ')) {
                        j = k;
                        continue;
                    }
                }
                break;
            }
            while (j > i && t.charAt(j - 1) == ' ') {
                j--;
            }
            return j;
        }

        /** Whether the comma at {@code k} groups digits: a comma, or a full-width ， between full-width digits (１，２３４). */
        boolean asciiComma(int k) {
            if (!"，".equals(original(k))) {
                return true;
            }
            String before = original(k - 1);
            return before.length() == 1 && before.charAt(0) >= '\uFF10' && before.charAt(0) <= '\uFF19';
        }

        private String original(int k) {
            if (k < 0 || k >= t.length()) {
                return "";
            }
            int cp = normalized.originalStart(k);
            return normalized.originalSlice(cp, Math.min(cp + 1, normalized.originalLength()));
        }

        boolean threeDigitsAt(int k) {
            return digit(k) && digit(k + 1) && digit(k + 2) && !digit(k + 3);
        }

        int exponentAt(int k) {
            if (at(k) == '+' || at(k) == '-') {
                k++;
            }
            if (!digit(k)) {
                return -1;
            }
            while (digit(k)) {
                k++;
            }
            return isLatin(at(k)) ? -1 : k;
        }

        boolean latinSuffixEnds(int k) {
            char c = at(k);
            return c == '\0' || c == ' ' || c == '个' || c == '個' || c == '%' || c == ')' || c == ','
                    || c == '。' || c == '，' || c == '、' || c == '-' || c == ';';
        }

        boolean fractionAhead(int k) {
            int limit = Math.min(to, k + 16);
            for (int m = k; m < limit; m++) {
                char c = t.charAt(m);
                if (c == '分' && at(skipSpaces(m + 1, 2)) == '之') {
                    return m > k;
                }
                if (!(numeral(m) || digit(m) || c == ' ')) {
                    return false;
                }
            }
            return false;
        }

        /** Whether a unit word that begins with a numeral character starts here (千瓦, 兆瓦, 百万英热). */
        boolean unitWordAt(int j) {
            String u = lexicon.units().longestAt(t, j, to);
            if (u == null || u.length() < 2) {
                return false;
            }
            for (int k = 0; k < u.length(); k++) {
                if (!numerals.isMultiplier(u.charAt(k))) {
                    return true;
                }
            }
            return false;
        }

        String percentChain(int i) {
            StringBuilder b = new StringBuilder();
            int j = i;
            while (j < to && numerals.isMultiplier(t.charAt(j))) {
                b.append(t.charAt(j));
                j = skipSpaces(j + 1, 2);
            }
            return b.toString();
        }

        int percentPrefixEnd(int i) {
            int j = i;
            int chain = 0;
            while (j < to && numerals.isMultiplier(t.charAt(j))) {
                j++;
                chain++;
                j = skipSpaces(j, 2);
            }
            if (chain == 0 || at(j) != '分') {
                return -1;
            }
            j = skipSpaces(j + 1, 2);
            if (at(j) != '之') {
                return -1;
            }
            return j + 1;
        }

        // ---- what follows a number -----------------------------------------------------------------

        /** What follows a number: currency, percent mark or unit, and where that ends. */
        record After(int end, String currency, int currencyEnd, List<QuantityCandidate.Tail> tails, String percent,
                     String unit, int numberEnd) {
        }

        After afterNumber(int coreStart, int coreEnd, ParsedNumber number, boolean percentDone) {
            int p = coreEnd;
            if (percentDone) {
                return new After(p, null, p, List.of(), null, null, p);
            }
            char c = at(p);
            if (c == '%' || c == '\u2030') {
                return new After(p + 1, null, p + 1, List.of(), String.valueOf(c), null, p);
            }
            String form = lexicon.currencies().longestAt(t, p, to);
            QuantityLexicon.Currency cur = lexicon.currency(form);
            if (cur != null && cur.after() && acceptCurrencyAfter(p, form, cur)) {
                int end = p + form.length();
                String next = lexicon.currencies().longestAt(t, end, to);
                QuantityLexicon.Currency trailer = lexicon.currency(next);
                if (trailer != null && trailer.position() == QuantityLexicon.Position.BOTH
                        && trailer.code().equals(cur.code()) && !isLatin(at(end + next.length()))) {
                    end += next.length();
                }
                List<QuantityCandidate.Tail> tails = new ArrayList<>();
                if (!number.multiplied()) {
                    end = tails(end, cur, tails);
                }
                return new After(end, form, end, List.copyOf(tails), null, null, p);
            }
            if (number.chineseOnly() && at(p) == ' ') {
                int k = skipSpaces(p, 4);
                char d = at(k);
                if (d == '%' || d == '\u2030') {
                    return new After(k + 1, null, k + 1, List.of(), String.valueOf(d), null, p); // 五十 %
                }
                if (d == '成' || d == '折' || lexicon.units().longestAt(t, k, to) != null) {
                    p = k;
                    c = d;
                }
            }
            if (c == '成') {
                After a = cheng(p, number);
                if (a != null) {
                    return a;
                }
            }
            if (c == '折') {
                After a = zhe(p, number);
                if (a != null) {
                    return a;
                }
            }
            String unit = lexicon.units().longestAt(t, p, to);
            int spacedEnd = spacedUnitEnd(p);
            if (spacedEnd > 0) {
                return new After(spacedEnd, null, p, List.of(), null, compact(t.substring(p, spacedEnd)), p);
            }
            if (unit != null) {
                int e = p + unit.length();
                if (isHan(at(e)) && !tokens.isBoundary(e) && !number.chineseOnly()) {
                    unit = shorterUnit(p, e);
                } else if (isHan(at(e)) && !tokens.isBoundary(e)) {
                    unit = null;
                }
                if (unit != null) {
                    return new After(p + unit.length(), null, p, List.of(), null, unit, p);
                }
            }
            if (isLatin(c) && !number.digitSequence()) {
                return null;
            }
            return new After(p, null, p, List.of(), null, null, p);
        }

        /**
         * The start of a qualifier word written with spaces inside that ends at {@code q} (小于 或 等于100,
         * {@code < = 100}), or -1. The word must begin a token; a word without spaces is found directly.
         */
        int spacedQualifierStart(int q) {
            int max = lexicon.qualifiersBefore().maxLength();
            StringBuilder reversed = new StringBuilder();
            int[] starts = new int[max];
            int k = q;
            boolean spaced = false;
            while (k > floor && reversed.length() < max) {
                char c = t.charAt(k - 1);
                if (c == ' ') {
                    spaced = spaced || reversed.length() > 0;
                    if (k - 1 > floor && t.charAt(k - 2) == ' ') {
                        break; // one space at a time
                    }
                    k--;
                    continue;
                }
                reversed.append(c);
                starts[reversed.length() - 1] = k - 1;
                k--;
            }
            if (!spaced) {
                return -1;
            }
            String compact = reversed.reverse().toString();
            String w = lexicon.qualifiersBefore().longestEndingAt(compact, compact.length(), 0);
            if (w == null || w.length() < 2) {
                return -1;
            }
            int s = starts[w.length() - 1];
            if (t.substring(s, q).indexOf(' ') < 0 || !qualifierStarts(s)) {
                return -1;
            }
            return s;
        }

        /**
         * The qualifier word written at {@code p} after an amount that begins at {@code lead}, or null; a
         * word of comparisons (大, 低) counts only when 比 stands before the amount (比三十大, 比 170 低).
         */
        String qualifierAfterAt(int p, int lead) {
            String w = lexicon.qualifiersAfter().longestAt(t, p, to);
            if (w != null && lexicon.onlyInComparison(w) && at(skipSpacesBack(lead, 1) - 1) != '比') {
                return null;
            }
            return w;
        }

        /**
         * Whether a second count starts at {@code p} with a common Chinese digit other than 一 (一年两次,
         * 一对八千). Not 一 (上一个一周, 一批一级: articles again), not 百/十 (一位百亿级), not 参 (一起参与).
         */
        boolean chineseNumberAt(int p) {
            return at(p) != '\0' && SECOND_COUNT_DIGITS.indexOf(at(p)) >= 0;
        }

        /** The end of a unit word written with spaces inside (个 百 分点), or -1. */
        int spacedUnitEnd(int p) {
            StringBuilder compact = new StringBuilder();
            int[] ends = new int[16];
            int k = p;
            boolean spaced = false;
            while (k < to && compact.length() < ends.length) {
                char c = t.charAt(k);
                if (c == ' ') {
                    spaced = compact.length() > 0 || spaced;
                    k++;
                    continue;
                }
                if (!isHan(c)) {
                    break;
                }
                compact.append(c);
                ends[compact.length() - 1] = k + 1;
                k++;
            }
            if (!spaced || compact.length() < 2) {
                return -1;
            }
            String w = lexicon.units().longestAt(compact, 0, compact.length());
            if (w == null || w.length() < 2) {
                return -1;
            }
            int end = ends[w.length() - 1];
            return t.substring(p, end).indexOf(' ') >= 0 ? end : -1;
        }

        String shorterUnit(int p, int e) {
            for (int k = e - 1; k > p; k--) {
                String u = t.substring(p, k);
                if (lexicon.units().get(u) != null && (tokens.isBoundary(k) || !isHan(at(k)))) {
                    return u;
                }
            }
            return null;
        }

        boolean acceptCurrencyAfter(int p, String form, QuantityLexicon.Currency cur) {
            int e = p + form.length();
            char next = at(e);
            if (isLatin(form.charAt(form.length() - 1)) && isLatin(next)) {
                return false;
            }
            if (cur.position() == QuantityLexicon.Position.FINAL) {
                return next == '\0' || next == '钱' || !Character.isLetterOrDigit(next) || colloquialTail(e, cur);
            }
            if (form.length() == 1 && isHan(next) && !tokens.isBoundary(e)) {
                Token tok = tokenCovering(p);
                return tok == null || tok.tag().startsWith("q") || tok.tag().startsWith("m") || tok.tag().startsWith("nr");
            }
            return true;
        }

        /**
         * Whether a smaller unit follows a colloquial 块 at {@code e}: one Chinese digit at the end of the
         * clause (两块五: 五毛 understood) or before a tail word of the currency (三块五毛).
         */
        boolean colloquialTail(int e, QuantityLexicon.Currency cur) {
            if (!numerals.isDigit(at(e)) || digit(e) || numerals.is(at(e), NumeralTable.Role.MINUS)) {
                return false;
            }
            char after = at(e + 1);
            if (after == '\0' || !Character.isLetterOrDigit(after)) {
                return lexicon.tenthOf(cur) != null;
            }
            QuantityLexicon.Currency tail = lexicon.currency(lexicon.currencies().longestAt(t, e + 1, to));
            return tail != null && tail.code().equals(cur.code()) && tail.scale().compareTo(cur.scale()) < 0;
        }

        Token tokenCovering(int p) {
            for (int k = p; k >= Math.max(from, p - 8); k--) {
                Token tok = tokens.startingAt(k);
                if (tok != null) {
                    return tok.end() > p ? tok : null;
                }
            }
            return null;
        }

        int tails(int end, QuantityLexicon.Currency main, List<QuantityCandidate.Tail> tails) {
            BigDecimal scale = main.scale();
            QuantityLexicon.Currency last = main;
            for (int round = 0; round < 2; round++) {
                int p = end;
                if (numerals.is(at(p), NumeralTable.Role.AND)) {
                    p++;
                }
                if (!(digit(p) || numerals.isDigit(at(p)))) {
                    break;
                }
                int e = p;
                while (digit(e) || numerals.isDigit(at(e))) {
                    e++;
                }
                if (e - p > 3) {
                    break;
                }
                String form = lexicon.currencies().longestAt(t, e, to);
                QuantityLexicon.Currency c = lexicon.currency(form);
                if (c == null && main.position() == QuantityLexicon.Position.FINAL && e - p == 1
                        && !digit(p) && !Character.isLetterOrDigit(at(e)) && lexicon.tenthOf(last) != null) {
                    tails.add(new QuantityCandidate.Tail(t.substring(p, e), lexicon.tenthOf(last))); // 两块五, 一块二毛五
                    end = e;
                    break;
                }
                if (c == null || !c.code().equals(main.code()) || c.scale().compareTo(scale) >= 0
                        || c.position() == QuantityLexicon.Position.BEFORE) {
                    break;
                }
                int fe = e + form.length();
                if (isHan(at(fe)) && !tokens.isBoundary(fe)) {
                    break;
                }
                if (!parser.parse(t.substring(p, e)).ok()) {
                    break;
                }
                tails.add(new QuantityCandidate.Tail(t.substring(p, e), form));
                scale = c.scale();
                last = c;
                end = fe;
            }
            return end;
        }

        After cheng(int p, ParsedNumber number) {
            BigDecimal v = number.value();
            if (v == null || v.signum() <= 0 || v.compareTo(BigDecimal.TEN) > 0 || number.digitSequence()) {
                return null;
            }
            int e = p + 1;
            String mark = "成";
            if (at(e) == ' ' && number.chineseOnly() && (numerals.isDigit(at(e + 1)) || numerals.is(at(e + 1), NumeralTable.Role.HALF))) {
                e++;
            }
            if (numerals.is(at(e), NumeralTable.Role.HALF) || numerals.isDigit(at(e)) && !numerals.isMultiplier(at(e + 1))
                    && !numerals.isDigit(at(e + 1)) && at(e + 1) != '点' && numerals.get(at(e)).value() > 0) {
                if (!isHan(at(e + 1)) || tokens.isBoundary(e + 1)) {
                    mark = "成" + at(e);
                    e++;
                } else if (at(e - 1) == ' ') {
                    e--;
                }
            } else if (at(e - 1) == ' ') {
                e--;
            }
            if (isHan(at(e)) && !tokens.isBoundary(e)) {
                return null;
            }
            return new After(e, null, e, List.of(), mark, null, p);
        }

        After zhe(int p, ParsedNumber number) {
            BigDecimal v = number.value();
            if (v == null || v.signum() <= 0) {
                return null;
            }
            boolean ok = number.digitSequence() && v.compareTo(BigDecimal.valueOf(100)) < 0
                    || v.compareTo(BigDecimal.TEN) < 0
                    || !number.multiplied() && v.scale() <= 0 && v.compareTo(BigDecimal.valueOf(100)) < 0
                    && !number.chineseOnly();
            int e = p + 1;
            if (!ok || isHan(at(e)) && !tokens.isBoundary(e)) {
                return null;
            }
            return new After(e, null, e, List.of(), "折", null, p);
        }

        // ---- ranges and lists ----------------------------------------------------------------------

        record Range(QuantityCandidate.Piece piece, String separator, After after) {
        }

        Range range(After first, ParsedNumber number) {
            int p = first.end;
            if (first.unit != null && first.unit.length() > 1) {
                return null;
            }
            int s = skipSpaces(p, 1);
            char c = at(s);
            if (RANGE_SEPARATORS.indexOf(c) < 0 || c == '\0') {
                return null;
            }
            boolean word = c == '至' || c == '到';
            if (word && s != p) {
                return null;
            }
            int q = skipSpaces(s + 1, 1);
            int pieceStart = q;
            boolean sharedPrefix = first.percent != null && first.percent.endsWith("分之");
            String secondPrefix = null;
            if (sharedPrefix && percentPrefixEnd(q) > 0) {
                secondPrefix = percentChain(q) + "分之"; // 百分之五到百分之十: the prefix again
                q = skipSpaces(percentPrefixEnd(q), 2);
            }
            if (!numberStart(q)) {
                return null;
            }
            int rawEnd = scanCore(q, false);
            if (rawEnd <= q || rawEnd - q > NumberParser.MAX_LENGTH) {
                return null;
            }
            NumberParse parse = parser.parse(t.substring(q, rawEnd));
            if (!parse.ok() || !parse.number().hasValue() && parse.number().approximation() != ParsedNumber.Approximation.MORE) {
                return null;
            }
            ParsedNumber second = parse.number();
            if (second.fraction() || isOrdinalOrDate(q, rawEnd, second)) {
                return null;
            }
            After after = afterNumber(q, rawEnd, second, secondPrefix != null);
            if (after == null) {
                return null;
            }
            if (sharedPrefix && (secondPrefix != null || after.end == rawEnd)) {
                // 百分之五至十 shares the prefix; 百分之五到百分之十 repeats it (and must repeat the same one)
                if (secondPrefix != null && !secondPrefix.equals(first.percent)) {
                    return null;
                }
                after = new After(after.end, null, after.end, List.of(), first.percent, null, after.end);
            }
            if (first.currency != null) {
                QuantityLexicon.Currency a = lexicon.currency(first.currency);
                QuantityLexicon.Currency b = lexicon.currency(after.currency);
                if (b == null || !a.code().equals(b.code())) {
                    return null;
                }
            }
            if (first.percent != null && !first.percent.equals(after.percent)) {
                return null;
            }
            if (first.unit != null && !first.unit.equals(after.unit)) {
                return null;
            }
            if (first.currency == null && first.percent == null && first.unit == null
                    && after.currency == null && after.percent == null && after.unit == null
                    && !(number.chineseOnly() && second.chineseOnly()) && c != '~' && c != '～') {
                if (!number.multiplied() && !second.multiplied() && !word) {
                    return null; // 2-1 may be a score or a code; 20到30 is a range
                }
            }
            if (number.chineseOnly() != second.chineseOnly() && after.currency == null && after.unit == null) {
                return null;
            }
            return new Range(new QuantityCandidate.Piece(pieceStart, after.end, t.substring(q, rawEnd), after.currency,
                    after.tails), String.valueOf(c), after);
        }

        String listSeparatorAt(int end) {
            char c = at(end);
            int next;
            String sep;
            if (c == '以' && at(end + 1) == '及') {
                sep = "以及";
                next = end + 2;
            } else if (LIST_SEPARATORS.indexOf(c) >= 0 && c != '\0') {
                sep = String.valueOf(c);
                next = end + 1;
            } else {
                return null;
            }
            return digit(next) || numerals.isDigit(at(next)) ? sep : null;
        }

        // ---- what stands before a number ---------------------------------------------------------------

        String contextBefore(int lead) {
            int p = lead;
            if (at(p - 1) == '了') {
                p--;
            }
            return lexicon.contextWords().longestEndingAt(t, p, floor);
        }

        boolean codeWordNear(int lead) {
            int p = lead;
            int steps = 0;
            while (p > floor && steps < 2 && (at(p - 1) == ':' || at(p - 1) == ' ' || at(p - 1) == '为' || at(p - 1) == '是')) {
                p--;
                steps++;
            }
            String w = lexicon.contextWords().longestEndingAt(t, p, floor);
            return w != null && lexicon.contextWords().get(w) == QuantityLexicon.ContextRole.CODE;
        }

        record PerBefore(String form, boolean average) {
        }

        PerBefore perBefore(int lead) {
            int low = Math.max(floor, lead - 14);
            for (int k = lead - 1; k >= low; k--) {
                char c = t.charAt(k);
                if (c == '每') {
                    String u = perUnitAt(k + 1);
                    if (u != null && gapOk(k + 1 + u.length(), lead)) {
                        return new PerBefore(perOf(u), false);
                    }
                }
                String avg = lexicon.averages().longestEndingAt(t, k + 1, low);
                if (avg != null && gapOk(k + 1, lead)) {
                    return new PerBefore(avg, true);
                }
                if (!(isHan(c) || c == ' ' || c == ':' || isLatin(c) || c >= '0' && c <= '9')) {
                    return null;
                }
            }
            return null;
        }

        boolean gapOk(int from, int to) {
            if (to - from > MAX_GAP || to < from) {
                return false;
            }
            for (int k = from; k < to; k++) {
                char c = t.charAt(k);
                if (!(isHan(c) || c == ' ' || c == ':')) {
                    return false;
                }
            }
            return true;
        }

        /** A per unit written at {@code p}: a listed unit, or a Latin name optionally followed by one (A100小时). */
        String perUnitAt(int p) {
            String u = lexicon.perUnits().longestAt(t, p, to);
            if (u != null) {
                return u;
            }
            if (digit(p)) {
                int d = p;
                while (digit(d) && d - p < 6) {
                    d++;
                }
                String after = lexicon.perUnits().longestAt(t, d, to);
                return after == null ? null : t.substring(p, d + after.length());
            }
            int e = p;
            while (e < to && (isLatin(t.charAt(e)) || e > p && Character.isDigit(t.charAt(e)))) {
                e++;
            }
            if (e == p || !isLatin(t.charAt(p))) {
                return null;
            }
            String tail = lexicon.perUnits().longestAt(t, e, to);
            if (tail != null) {
                return t.substring(p, e + tail.length());
            }
            return e - p >= 2 && !isHan(at(e)) || e - p >= 2 ? t.substring(p, e) : null;
        }

        String perOf(String written) {
            QuantityLexicon.PerForm f = lexicon.perUnits().get(written);
            return f == null ? written : f.per();
        }

        // ---- filters ---------------------------------------------------------------------------------

        /** Ordinals (第三) are left alone; dates and times (2023年, 3月, 15日, 10:30) are not quantities. */
        boolean isOrdinalOrDate(int s, int e, ParsedNumber n) {
            BigDecimal v = n.value();
            if (v == null || v.scale() > 0 || v.signum() < 0 || n.multiplied() && !n.chineseOnly()) {
                return false;
            }
            char c = at(e);
            QuantityLexicon.Currency currency = lexicon.currency(lexicon.currencies().longestAt(t, e, to));
            if (currency != null && currency.after()) {
                return false;
            }
            int digits = e - s;
            boolean yearShaped = digits == 4 && v.compareTo(BigDecimal.valueOf(1000)) >= 0
                    && v.compareTo(BigDecimal.valueOf(2999)) <= 0 && (n.digitSequence() || !n.chineseOnly());
            if (yearShaped) {
                if (c == '年' || c == '财' && at(e + 1) == '年' || c == '届') {
                    return true;
                }
                if ((c == '-' || c == '/' || c == '.') && digit(e + 1) && (!digit(e + 3) || !digit(e + 2))) {
                    return true;
                }
                if (RANGE_SEPARATORS.indexOf(c) >= 0 && c != '\0') {
                    int k = e + 1;
                    int d = 0;
                    while (digit(k)) {
                        k++;
                        d++;
                    }
                    if ((d == 4 || d == 2) && (at(k) == '年' || at(k) == '财')) {
                        return true;
                    }
                }
            }
            int value = v.compareTo(BigDecimal.valueOf(100)) < 0 ? v.intValue() : 100;
            if (RANGE_SEPARATORS.indexOf(c) >= 0 && c != '\0' && value <= 31) {
                int k = e + 1;
                int d = 0;
                while (digit(k) || numerals.isDigit(at(k)) || numerals.is(at(k), NumeralTable.Role.UNIT)) {
                    k++;
                    d++;
                }
                char u = at(k);
                if (d > 0 && d <= 3 && (u == '月' || u == '日' || u == '号' || u == '时')) {
                    return true;
                }
            }
            if ((c == '时' || c == '時') && value <= 24 && at(e + 1) != '间') {
                return true;
            }
            if (c == '月' && value >= 1 && value <= 12 && at(e + 1) != '份' || c == '月' && at(e + 1) == '份' && value <= 12) {
                return true;
            }
            if ((c == '日' || c == '号' || c == '號') && value >= 1 && value <= 31 && at(e + 1) != '均') {
                return true;
            }
            if ((c == '时' || c == '点' || c == '時' || c == '點') && value <= 24
                    && (digit(e + 1) || at(e + 1) == '半' || numerals.isDigit(at(e + 1)) && at(e + 2) == '分')) {
                return true;
            }
            if (c == ':' && digit(e + 1) && digit(e + 2) && value <= 24) {
                return true;
            }
            return false;
        }

        int skipDate(int e) {
            char c = at(e);
            if (c == '-' || c == '/' || c == '.' || c == ':') {
                int k = e;
                while (k < to && (Character.isDigit(t.charAt(k)) || "-/.:".indexOf(t.charAt(k)) >= 0 && digit(k + 1))) {
                    k++;
                }
                return k;
            }
            return c == '\0' ? e : e + 1;
        }

        /**
         * Whether a number without currency, percent or unit reads as a quantity: not a list marker
         * (一、 (2) [1]), not part of a name (沪深300指数, 十一科技), not a slash pair before a noun (6/8英寸).
         */
        boolean bareQuantity(int s, int e, ParsedNumber n, String core) {
            char next = at(e);
            char before = at(s - 1);
            boolean small = n.value() != null && n.value().scale() <= 0 && n.value().signum() >= 0
                    && n.value().compareTo(BigDecimal.valueOf(100)) < 0;
            boolean markerStart = before == '\0' || before == ' ' || before == '\n' || before == '。' || before == ':'
                    || before == ';' || before == '；' || before == ',' || before == '】' || before == ')'
                    || n.chineseOnly() && before >= '0' && before <= '9'; // 10000 四、: the space before 四 was dropped
            if (small && (next == '、' && markerStart || (before == '(' && next == ')') || (before == '[' && next == ']')
                    || (before == '【' && next == '】'))) {
                return false;
            }
            if (small && markerStart && !n.chineseOnly() && n.value().compareTo(BigDecimal.valueOf(20)) <= 0
                    && (next == ')' || next == '.' && !digit(e + 1) || isHan(next))) {
                return false;
            }
            if (n.chineseOnly() && e - s == 1 && (before == '周' || before == '期' && at(s - 2) == '星'
                    || before == '拜' && at(s - 2) == '礼')) {
                return false;
            }
            if (next == '指' && at(e + 1) == '数') {
                return false;
            }
            if (core.indexOf('/') >= 0 && isHan(next) && "的以左之上下".indexOf(next) < 0) {
                return false;
            }
            if (n.chineseOnly() && small && isHan(next) && FUNCTION_WORDS.indexOf(next) < 0
                    && qualifierAfterAt(e, s) == null && !fractionWithoutNumerator(e)) {
                return false;
            }
            return true;
        }

        /** Codes, phone numbers and identifiers: 600519, 002594, 010-12345678, 600519.SH. */
        boolean isIdentifier(int s, int e, String core, ParsedNumber n) {
            if (n.chineseOnly() || n.value() == null) {
                return false;
            }
            if (n.multiplied()) {
                int d = 0;
                while (d < core.length() && Character.isDigit(core.charAt(d))) {
                    d++;
                }
                return d >= 6 && d < core.length() && numerals.isMultiplier(core.charAt(d));
            }
            int k = s;
            if (at(k) == '-' || at(k) == '+') {
                return false;
            }
            int digits = 0;
            boolean plain = true;
            for (int m = s; m < e; m++) {
                char c = t.charAt(m);
                if (c >= '0' && c <= '9') {
                    digits++;
                } else {
                    plain = false;
                }
            }
            if (plain && digits >= 6) {
                return t.charAt(s) == '0' || !numberListAfter(e);
            }
            if (plain && digits == 4 && n.value().compareTo(BigDecimal.valueOf(1900)) >= 0
                    && n.value().compareTo(BigDecimal.valueOf(2100)) <= 0) {
                return true;
            }
            if (at(s - 1) == ':' && isLatin(at(s - 2))) {
                return true;
            }
            if (plain && digits >= 2 && t.charAt(s) == '0') {
                return true;
            }
            if (at(e) == '.' && isLatin(at(e + 1))) {
                return true;
            }
            if (at(e) == '-' && digit(e + 1)) {
                int m = e + 1;
                while (digit(m)) {
                    m++;
                }
                return m - e - 1 >= 4 || at(m) == '-' && digit(m + 1);
            }
            return false;
        }

        /**
         * Whether a comma list of numbers goes on after {@code e} (1502222, 二百五, ...): a long digit run
         * there is a number, not a code. A list of long digit runs (600519、000858) is a list of codes.
         */
        boolean numberListAfter(int e) {
            if (at(e) != ',' && at(e) != '、') {
                return false;
            }
            int k = skipSpaces(e + 1, 2);
            if (!numberStart(k)) {
                return false;
            }
            int d = k;
            while (digit(d)) {
                d++;
            }
            return d - k < 6;
        }

        /** Chinese numerals must stand as words of their own (not 统一, 一切, 万科, 十四五). */
        boolean acceptChinese(int s, int coreEnd, int end, boolean marked, boolean unitOnly) {
            int maxLen = lexicon.notQuantities().maxLength();
            for (int k = Math.max(from, s - maxLen + 1); k <= s; k++) {
                String w = lexicon.notQuantities().longestAt(t, k, to);
                int e = k + (w == null ? 0 : w.length());
                if (w != null && e > s && (k < s || e >= coreEnd) && !numeral(e)) {
                    return false; // not when the number goes on past the word (一点五) or a numeral follows it (一点两)
                }
            }
            if (!tokens.known()) {
                return true;
            }
            if (!tokens.isBoundary(s)) {
                return false;
            }
            if (!marked && fractionWithoutNumerator(coreEnd)) {
                return true;
            }
            if (marked) {
                if (isHan(at(end)) && !tokens.isBoundary(end) && !unitWordAt(end)) {
                    return false;
                }
                Token tok = tokens.startingAt(s);
                return !unitOnly || tok == null || tok.end() < end || "badvcpr".indexOf(tok.tag().charAt(0)) < 0;
            }
            if (!tokens.isBoundary(coreEnd) && isHan(at(coreEnd))) {
                return false;
            }
            if (coreEnd - s == 1) {
                if (LONE_NUMERALS.indexOf(t.charAt(s)) < 0) {
                    return false;
                }
                Token tok = tokens.startingAt(s);
                return tok != null && tok.end() == coreEnd && tok.tag().startsWith("m")
                        && ENUMERATION_FOLLOWERS.indexOf(at(coreEnd)) < 0;
            }
            return true;
        }

        /**
         * Whether 分之 follows {@code p} with no numerator after it (还有二分之。): the fraction was left
         * unfinished, and the number before it stands as a number (scanning takes 分之 in when a numerator follows).
         */
        boolean fractionWithoutNumerator(int p) {
            if (at(p) != '分') {
                return false;
            }
            int k = skipSpaces(p + 1, 2);
            return at(k) == '之' && !numeral(skipSpaces(k + 1, 2));
        }

        // ---- small helpers -----------------------------------------------------------------------------

        /** A number written with multipliers only (千, 百万): in 金额(千元) or 单位:万元 it names a unit. */
        boolean allMultipliers(String core) {
            for (int k = 0; k < core.length(); k++) {
                if (!numerals.isMultiplier(core.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        /** A qualifier word must begin a word, or follow a verb it is glued to (涨超5%, 跌近3%). */
        boolean qualifierStarts(int p) {
            return tokens.isBoundary(p) || VERBS_BEFORE_QUALIFIER.indexOf(at(p - 1)) >= 0;
        }

        boolean latinBoundaryBefore(int p, String form) {
            return !isLatin(form.charAt(0)) || !isLatin(at(p - 1));
        }

        int skipSpaces(int p, int max) {
            int k = p;
            while (k < to && k - p < max && t.charAt(k) == ' ') {
                k++;
            }
            return k;
        }

        int skipSpacesBack(int p, int max) {
            int k = p;
            while (k > floor && p - k < max && t.charAt(k - 1) == ' ') {
                k--;
            }
            return k;
        }

        /** Past the rest of a rejected run (an identifier's letters and digits), not into a number after it. */
        int skipRun(int p) {
            int k = p;
            while (k < to && (Character.isDigit(t.charAt(k)) || isLatin(t.charAt(k)) || t.charAt(k) == '.'
                    || numeral(k))) {
                if (k > 0 && Character.isDigit(t.charAt(k)) != Character.isDigit(t.charAt(k - 1))
                        && (numerals.isDigit(t.charAt(k - 1)) || numerals.isDigit(t.charAt(k)))) {
                    break;
                }
                k++;
            }
            return k;
        }
    }

    static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isHan(char c) {
        return c >= 0x3400 && c <= 0x9FFF;
    }

    private static String compact(String s) {
        return s.replace(" ", "");
    }
}
