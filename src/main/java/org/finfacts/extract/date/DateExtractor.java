package org.finfacts.extract.date;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Extractor;
import org.finfacts.text.CharTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date expressions in the working copy and returns them with their raw parts
 * ({@link DateCandidate}); {@link DateResolver} gives them values. At each position it tries every
 * reading (numeric dates, year-led expressions, month-led expressions, relative and period words,
 * weekdays, holidays, bare days, times of day) and keeps the longest. A month range written once
 * ({@code 2020年1—7月}) gives two candidates ({@code 2020年1} and {@code 7月}); a year range
 * ({@code 2024-2030年}) gives two years. Counts are not dates: {@code 30年以来}, {@code 3日内},
 * {@code 2000余元}, {@code 1949点} give nothing.
 */
public final class DateExtractor implements Extractor<DateCandidate> {
    private static final String SEP = "(?:-+|—+|–+|~|～|至|到)";
    private static final String TIME = "(?:(?:\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?";
    private static final String DIGITS = "0123456789";
    private static final String CN_DIGITS = "一二三四五六七八九";
    private static final String DAYPARTS = "上下晚早凌中傍";
    private static final String SPACES = " \t\n\u000B\f\r";

    /** The first characters of {@link #SEP}. */
    private static final String SEP_FIRST = "-—–~～至到";
    private static final int ONE_OR_TWO = 1 << 1 | 1 << 2;
    private static final int TWO = 1 << 2;
    private static final int FOUR = 1 << 4;

    /**
     * A pattern with the characters its match can begin with, and for a match that begins with
     * digits the lengths the digit run may have ({@code runs}, bit {@code n} for {@code n} digits) and
     * the characters that may follow the run ({@code after}; null: not checked), for one that does
     * not, the characters its second character may be ({@code second}; null: not checked). Where
     * these cannot hold, the pattern is not run: most positions of a text start no date.
     */
    private record Rule(Pattern pattern, long[] first, int runs, String after, String second) {
        boolean mayStartAt(String s, int i) {
            char c = s.charAt(i);
            if ((first[c >>> 6] & (1L << c)) == 0) {
                return false;
            }
            if (c < '0' || c > '9') {
                return second == null || i + 1 < s.length() && second.indexOf(s.charAt(i + 1)) >= 0;
            }
            if (after == null) {
                return true;
            }
            int n = s.length();
            int run = 1;
            while (run < 5 && i + run < n && s.charAt(i + run) >= '0' && s.charAt(i + run) <= '9') {
                run++;
            }
            return (runs & (1 << run)) != 0 && i + run < n && after.indexOf(s.charAt(i + run)) >= 0;
        }
    }

    private static Rule rule(String firstChars, String regex) {
        return rule(firstChars, 0, null, null, regex);
    }

    private static Rule rule(String firstChars, int digitRuns, String afterDigits, String regex) {
        return rule(firstChars, digitRuns, afterDigits, null, regex);
    }

    /**
     * A rule whose match, when it does not begin with a digit, has one of {@code secondChars} right
     * after its first character.
     */
    private static Rule rule(String firstChars, int digitRuns, String afterDigits, String secondChars, String regex) {
        long[] bits = new long[(Character.MAX_VALUE + 1) >>> 6];
        for (int k = 0; k < firstChars.length(); k++) {
            char c = firstChars.charAt(k);
            bits[c >>> 6] |= 1L << c;
        }
        return new Rule(Pattern.compile(regex), bits, digitRuns, afterDigits, secondChars);
    }

    private static final Rule YMD = rule(DIGITS, FOUR, "-/.",
            "(?<![\\d./])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d])" + TIME + "(?![\\d:])");
    private static final Rule YMD_SPACED = rule(DIGITS, FOUR, " ", "(?<![\\d.])(\\d{4}) (\\d{2}) (\\d{2})(?![\\d.])");
    private static final Rule DMY = rule(DIGITS, ONE_OR_TWO, "./-",
            "(?<![\\d./])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})(?![\\d])");
    private static final Rule YM = rule(DIGITS, FOUR, "-", "(?<![\\d.\\-/])(\\d{4})-(0[1-9]|1[0-2])(?![\\d\\-/.])");
    private static final Rule YQ = rule(DIGITS, FOUR, "年-Qq",
            "(?<![\\d.A-Za-z])(\\d{4})(?:年|-)?[Qq]([1-4])(?![\\dA-Za-z])");
    private static final Rule YH = rule(DIGITS, FOUR, "年-H", "(?<![\\d.A-Za-z])(\\d{4})(?:年|-)?H([12])(?![\\dA-Za-z])");
    private static final Rule YW = rule(DIGITS, FOUR, "-W", "(?<![\\d.A-Za-z])(\\d{4})-?W(\\d{2})(?![\\d])");
    private static final Rule Q = rule("Qq", 0, null, "1234", "(?<![\\dA-Za-z])[Qq]([1-4])(?![\\dA-Za-z])");
    private static final Rule FY = rule("F", 0, null, "Y", "(?<![A-Za-z])FY\\s?(\\d{4}|\\d{2})(?![\\d])");
    private static final Rule YEAR4 = rule(DIGITS, FOUR, "年财", "(?<![\\d.])(\\d{4})(年年度|年度|财年|年)");
    private static final Rule YEAR2 = rule(DIGITS, TWO, "年", "(?<![\\d.])(\\d{2})年(?!度)");
    private static final Rule YEAR_CN = rule("〇零" + CN_DIGITS, 0, null, "〇零" + CN_DIGITS,
            "([〇零一二三四五六七八九]{3,4}|[〇零][一二三四五六七八九])年(?!度)");
    private static final Rule YEAR_2000 = rule("两", 0, null, "千", "两千(零[一二三四五六七八九]|[一二三四五六七八九])?年");
    private static final Rule YEAR_RANGE = rule(DIGITS, FOUR, SPACES + SEP_FIRST,
            "(?<![\\d.])(\\d{4})\\s*" + SEP + "\\s*(\\d{4})(?![\\d.%])");
    private static final Rule MONTH = rule(DIGITS + CN_DIGITS + "十正腊冬", ONE_OR_TWO, "月", "一二月",
            "(?<![\\d.])(\\d{1,2}|十[一二]|[一二三四五六七八九十]|正|腊|冬)月(份)?");
    private static final Rule MONTH_RANGE = rule(DIGITS, ONE_OR_TWO, SPACES + SEP_FIRST,
            "(?<![\\d.])(\\d{1,2})\\s*" + SEP + "\\s*(\\d{1,2})月(份)?");
    private static final Rule DAY = rule(DIGITS + CN_DIGITS + "十廿", ONE_OR_TWO, "日号", "十日号" + CN_DIGITS,
            "(\\d{1,2}|三十一|三十|[二廿]十[一二三四五六七八九]?|廿[一二三四五六七八九]|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]");
    private static final Rule LUNAR_DAY = rule("初三二廿十",
            "初[一二三四五六七八九十]|三十|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|十[一二三四五六七八九]?");
    private static final Rule CN_DAY_BARE = rule(CN_DIGITS + "十",
            "三十一|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]");
    private static final Rule BARE_DAY = rule(DIGITS, ONE_OR_TWO, "日", "(?<![\\d.\\-/:])(\\d{1,2})日");
    private static final Rule RANGE_DAY = rule(DIGITS + CN_DIGITS + "十", ONE_OR_TWO, "日号", "十日号" + CN_DIGITS,
            "(\\d{1,2}|三十一|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]");
    private static final Rule WEEK_NO = rule("第", 0, null, DIGITS + CN_DIGITS + "十", "第(\\d{1,2}|[一二三四五六七八九十]{1,3})周");
    private static final Rule CLOCK = rule(DIGITS + DAYPARTS, ONE_OR_TWO, ":", "午上晨晚",
            "(?<![\\d:.])(上午|下午|晚上|早上|凌晨|中午|傍晚)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d:])");
    private static final Rule CLOCK_CN = rule(DIGITS + CN_DIGITS + "十" + DAYPARTS, ONE_OR_TWO, "点时",
            "午上晨晚点时十" + CN_DIGITS,
            "(?<![\\d.])(上午|下午|晚上|早上|凌晨|中午|傍晚)?(\\d{1,2}|[一二三四五六七八九十]{1,3})[点时]"
                    + "(?:(半)|(\\d{1,2}|[一二三四五六七八九十]{1,3})分(?:(\\d{1,2})秒)?)?");
    private static final Rule DAY_TIME = rule(SPACES + "T", 0, null, SPACES + DIGITS,
            "(?:\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d:])");
    private static final Rule AGO = rule(DIGITS + CN_DIGITS + "十两", ONE_OR_TWO, "年个周天", CN_DIGITS + "十两年个周天",
            "(?<![\\d.])(\\d{1,2}|[一二三四五六七八九十两]{1,3})(年|个月|周|个星期|天)前(?![后夕])");
    private static final Rule DMY2 = rule(DIGITS, ONE_OR_TWO, "/",
            "(?<![\\d./])(\\d{1,2})/(\\d{1,2})/(\\d{2})(?![\\d/])");
    private static final Rule DAY_BEFORE_RANGE = rule(DIGITS, ONE_OR_TWO, SPACES + SEP_FIRST,
            "(\\d{1,2})(?=\\s*" + SEP + "\\s*\\d{1,2}[日号])");
    private static final Pattern RANGE_SEP = Pattern.compile("\\s*" + SEP + "\\s*");
        private static final String[] WEEK_PREFIXES = {"上上個", "上上个", "上一个", "下一个", "上个", "下个", "这个", "上上",
        "下下", "本", "这", "上", "下"};
    private static final String[] NO_PREFIXES = {};
    /** The first characters of {@link #WEEK_PREFIXES}. */
    private static final String WEEK_PREFIX_STARTS = "上下本这";
    private static final String START_CHARS = "0123456789FQq〇零一二三四五六七八九十两廿正腊冬农上下本这晚早凌中傍";
    private static final String UNIT_CHARS = "元万亿点只家个人股吨辆户次套台项倍名座所";

    private final DateLexicon lexicon;
    private final CharTable<List<Word>> wordsByFirst;

    /** A word of the lexicon with what it is (looked up once, not at every position). */
    private record Word(String w, DateLexicon.Relative relative, DateLexicon.Period period, DateLexicon.Holiday holiday,
                        Integer weekday) {
    }
    /** Bit {@code c} set when an era name starts with character {@code c}. */
    private final long[] eraStarts = new long[(Character.MAX_VALUE + 1) >>> 6];
    private final List<String> eraNames;
    /** Bit {@code c} set when a date may start with character {@code c}. */
    private final long[] startChars = new long[(Character.MAX_VALUE + 1) >>> 6];

    private static void set(long[] bits, char c) {
        bits[c >>> 6] |= 1L << c;
    }

    private static boolean has(long[] bits, char c) {
        return (bits[c >>> 6] & (1L << c)) != 0;
    }

    /** An extractor over the given word lists. */
    public DateExtractor(DateLexicon lexicon) {
        this.lexicon = lexicon;
        Map<Character, List<Word>> byFirst = new HashMap<>();
        for (String w : lexicon.words()) {
            byFirst.computeIfAbsent(w.charAt(0), k -> new ArrayList<>())
                    .add(new Word(w, lexicon.relative(w), lexicon.period(w), lexicon.holiday(w), lexicon.weekday(w)));
        }
        this.wordsByFirst = CharTable.of(byFirst);
        this.eraNames = lexicon.eraNames();
        for (char c : START_CHARS.toCharArray()) {
            set(startChars, c);
        }
        for (char c : byFirst.keySet()) {
            set(startChars, c);
        }
        for (String era : eraNames) {
            set(startChars, era.charAt(0));
            set(eraStarts, era.charAt(0));
        }
    }

    @Override
    public List<DateCandidate> find(AnalyzedText text) {
        boolean[] tokenStarts = new boolean[text.text().length() + 1];
        for (int k = 0; k < text.tokenCount(); k++) {
            int start = text.tokenStart(k);
            if (start >= 0 && start < tokenStarts.length) {
                tokenStarts[start] = true;
            }
        }
        return find(text.text(), tokenStarts);
    }

    /**
     * Candidates in a plain string (the working copy, or a query); {@code tokenStarts}, when not
     * null, marks the positions where words begin, and a date word must begin at one of them.
     */
    public List<DateCandidate> find(String s, boolean[] tokenStarts) {
        List<DateCandidate> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        try {
            while (i < n) {
                DateCandidate last = out.isEmpty() ? null : out.get(out.size() - 1);
                List<DateCandidate> best = longestAt(s, i, tokenStarts, last);
                if (best.isEmpty()) {
                    i++;
                    continue;
                }
                out.addAll(best);
                i = best.get(best.size() - 1).end();
            }
        } finally {
            matchers.remove();
        }
        return out;
    }

    private List<DateCandidate> longestAt(String s, int i, boolean[] tokenStarts, DateCandidate last) {
        char c = s.charAt(i);
        if (!has(startChars, c) || c >= '0' && c <= '9' && i > 0 && Character.isDigit(s.charAt(i - 1))) {
            return List.of();
        }
        List<List<DateCandidate>> options = new ArrayList<>();
        boolean digit = c >= '0' && c <= '9';
        if (digit) {
            add(options, numeric(s, i));
            add(options, yearRange(s, i));
            add(options, monthRange(s, i));
            add(options, referenceListYear(s, i));
            add(options, bareDay(s, i));
            add(options, clock(s, i));
        }
        if (c == 'F' || c == 'Q' || c == 'q') {
            add(options, letters(s, i));
        }
        add(options, composite(s, i, tokenStarts));
        add(options, ago(s, i));
        add(options, words(s, i, tokenStarts, last));
        add(options, weekday(s, i, tokenStarts));
        if (last != null && afterRangeSeparator(s, last.end(), i)) {
            add(options, rangeDay(s, i));
        }
        if (!digit && "上下晚早凌中傍一二三四五六七八九十".indexOf(c) >= 0) {
            add(options, clock(s, i));
        }
        List<DateCandidate> best = List.of();
        int bestEnd = i;
        for (List<DateCandidate> o : options) {
            int end = o.get(o.size() - 1).end();
            if (end > bestEnd) {
                best = o;
                bestEnd = end;
            }
        }
        if (!best.isEmpty() && lexicon.insideNonDatePhrase(s, best.get(0).start(), bestEnd)) {
            return List.of();
        }
        return best;
    }

    private static void add(List<List<DateCandidate>> options, List<DateCandidate> o) {
        if (o != null && !o.isEmpty()) {
            options.add(o);
        }
    }

    /** Matchers reused within one thread's scan (creating one per position dominated the run time). */
    private static final class Matchers {
        final IdentityHashMap<Pattern, Matcher> byPattern = new IdentityHashMap<>();
        String input;
    }

    private final ThreadLocal<Matchers> matchers = ThreadLocal.withInitial(Matchers::new);

    /** The pattern matched at {@code i} (lookbehind sees the text before), or null. */
    private Matcher at(Rule rule, String s, int i) {
        if (i < s.length() && !rule.mayStartAt(s, i)) {
            return null;
        }
        Pattern p = rule.pattern();
        Matchers ms = matchers.get();
        if (ms.input != s) {
            ms.byPattern.clear();
            ms.input = s;
        }
        Matcher m = ms.byPattern.get(p);
        if (m == null) {
            m = p.matcher(s);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            ms.byPattern.put(p, m);
        }
        m.region(i, s.length());
        return m.lookingAt() ? m : null;
    }

    private static List<DateCandidate> one(DateCandidate.Builder b, String s, int start, int end) {
        return List.of(b.build(start, end, s.substring(start, end)));
    }

    // ---- numeric forms: 2024-04-10 00:36:32, 2024/4/10, 13.5.2015, 2024-03, 2023Q1, 2023-H1, 2024-W15

    private List<DateCandidate> numeric(String s, int i) {
        Matcher m = at(YMD, s, i);
        if (m != null) {
            int month = Integer.parseInt(m.group(3));
            int day = Integer.parseInt(m.group(4));
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                DateCandidate.Builder b = new DateCandidate.Builder();
                b.year = Integer.parseInt(m.group(1));
                b.month = month;
                b.day = day;
                int end = m.end(4);
                if (m.group(5) != null) {
                    int h = Integer.parseInt(m.group(5));
                    int min = Integer.parseInt(m.group(6));
                    if (h <= 23 && min <= 59) {
                        b.hour = h;
                        b.minute = min;
                        end = m.end(6);
                        if (m.group(7) != null && Integer.parseInt(m.group(7)) <= 59) {
                            b.second = Integer.parseInt(m.group(7));
                            end = m.end(7);
                        }
                    }
                }
                return one(b, s, i, end);
            }
        }
        m = at(YMD_SPACED, s, i);
        if (m != null && validMonthDay(m.group(2), m.group(3))) {
            DateCandidate.Builder b = new DateCandidate.Builder();
            b.year = Integer.parseInt(m.group(1));
            b.month = Integer.parseInt(m.group(2));
            b.day = Integer.parseInt(m.group(3));
            return one(b, s, i, m.end());
        }
        m = at(DMY, s, i);
        if (m != null && validMonthDay(m.group(3), m.group(1))) {
            DateCandidate.Builder b = new DateCandidate.Builder();
            b.year = Integer.parseInt(m.group(4));
            b.month = Integer.parseInt(m.group(3));
            b.day = Integer.parseInt(m.group(1));
            return one(b, s, i, m.end());
        }
        m = at(DMY2, s, i);
        if (m != null && validMonthDay(m.group(2), m.group(1))) {
            DateCandidate.Builder b = new DateCandidate.Builder();
            b.shortYear = Integer.parseInt(m.group(3));
            b.month = Integer.parseInt(m.group(2));
            b.day = Integer.parseInt(m.group(1));
            return one(b, s, i, m.end());
        }
        m = at(YQ, s, i);
        if (m != null) {
            DateCandidate.Builder b = new DateCandidate.Builder();
            b.year = Integer.parseInt(m.group(1));
            b.quarter = Integer.parseInt(m.group(2));
            return one(b, s, i, m.end());
        }
        m = at(YH, s, i);
        if (m != null) {
            DateCandidate.Builder b = new DateCandidate.Builder();
            b.year = Integer.parseInt(m.group(1));
            b.half = Integer.parseInt(m.group(2));
            return one(b, s, i, m.end());
        }
        m = at(YW, s, i);
        if (m != null) {
            int w = Integer.parseInt(m.group(2));
            if (w >= 1 && w <= 53) {
                DateCandidate.Builder b = new DateCandidate.Builder();
                b.year = Integer.parseInt(m.group(1));
                b.week = w;
                return one(b, s, i, m.end());
            }
        }
        m = at(YM, s, i);
        if (m != null && !followedBy(s, m.end(), "赛季", "学年", "年", "财年")) {
            DateCandidate.Builder b = new DateCandidate.Builder();
            b.year = Integer.parseInt(m.group(1));
            b.month = Integer.parseInt(m.group(2));
            return one(b, s, i, m.end());
        }
        return null;
    }

    private static boolean validMonthDay(String month, String day) {
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        return m >= 1 && m <= 12 && d >= 1 && d <= 31;
    }

    private static boolean followedBy(String s, int end, String... words) {
        for (String w : words) {
            if (s.startsWith(w, end)) {
                return true;
            }
        }
        return false;
    }

    private List<DateCandidate> letters(String s, int i) {
        Matcher m = at(FY, s, i);
        if (m != null) {
            DateCandidate.Builder b = new DateCandidate.Builder();
            String y = m.group(1);
            if (y.length() == 4) {
                b.year = Integer.parseInt(y);
            } else {
                b.shortYear = Integer.parseInt(y);
            }
            return one(b, s, i, m.end());
        }
        m = at(Q, s, i);
        if (m != null) {
            DateCandidate.Builder b = new DateCandidate.Builder();
            b.quarter = Integer.parseInt(m.group(1));
            return one(b, s, i, m.end());
        }
        return null;
    }

    // ---- year ranges without 年 on the first year: 2024-2030年, (2022-2024), 2016到2018

    private List<DateCandidate> yearRange(String s, int i) {
        Matcher m = at(YEAR_RANGE, s, i);
        if (m == null) {
            return null;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        if (a < 1000 || b > 2100 || b <= a || b - a > 100) {
            return null;
        }
        int after = m.end(2);
        if (after < s.length() && UNIT_CHARS.indexOf(s.charAt(after)) >= 0) {
            return null;
        }
        List<DateCandidate> out = new ArrayList<>();
        DateCandidate.Builder first = new DateCandidate.Builder();
        first.year = a;
        out.add(first.build(i, m.end(1), m.group(1)));
        List<DateCandidate> second = composite(s, m.start(2), null);
        if (second != null && !second.isEmpty()) {
            out.addAll(second);
        } else {
            DateCandidate.Builder last = new DateCandidate.Builder();
            last.year = b;
            out.add(last.build(m.start(2), after, m.group(2)));
        }
        return out;
    }

    /** A publication year at the end of a reference-list entry: {@code 《…》. 2024.} */
    private List<DateCandidate> referenceListYear(String s, int i) {
        if (i + 4 >= s.length() || !(s.startsWith("》.", i - 2) || s.startsWith("》. ", i - 3))) {
            return null;
        }
        String y = s.substring(i, i + 4);
        if (!y.chars().allMatch(Character::isDigit) || s.charAt(i + 4) != '.'
                || i + 5 < s.length() && Character.isDigit(s.charAt(i + 5))) {
            return null;
        }
        DateCandidate.Builder b = new DateCandidate.Builder();
        b.year = Integer.parseInt(y);
        return one(b, s, i, i + 4);
    }

    // ---- year-led and month-led expressions

    private List<DateCandidate> composite(String s, int i, boolean[] tokenStarts) {
        DateCandidate.Builder b = new DateCandidate.Builder();
        int j = i;
        if (s.startsWith("农历", j)) {
            b.lunar = true;
            j += 2;
        }
        int afterYear = readYear(s, j, b, tokenStarts);
        if (afterYear > j) {
            if (s.startsWith("农历", afterYear)) {
                DateCandidate.Builder lb = b.copy();
                lb.lunar = true;
                int end = readMonthDay(s, afterYear + 2, lb);
                if (end > afterYear + 2) {
                    return one(lb, s, i, end);
                }
            }
            List<DateCandidate> sub = readAfterYear(s, i, afterYear, b);
            if (sub != null) {
                return sub;
            }
            if (b.lunar) {
                return null;
            }
            return one(b, s, i, afterYear);
        }
        if (!Character.isDigit(s.charAt(i)) && !wordMayStart(s, i, tokenStarts)) {
            return null;
        }
        int afterMonth = readRelativeMonth(s, j, b);
        if (afterMonth > j) {
            int end = readDay(s, afterMonth, b, false);
            return end > afterMonth ? one(b, s, i, end) : null;
        }
        if (precededByFront(s, j)) {
            return null;
        }
        int end = readMonthDay(s, j, b);
        if (end > j) {
            return one(b, s, i, end);
        }
        return null;
    }

    /** Whether {@code i} begins a clause: text start, a line start, or after punctuation. */
    private static boolean atClauseStart(String s, int i) {
        int k = i - 1;
        while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k--;
        }
        return k < 0 || "\n,.;:!?，。；：！？、\"“”'()（）【】《》".indexOf(s.charAt(k)) >= 0;
    }

    /**
     * Whether a word may start at {@code i}: at a token start, after a non-Han character, or after a
     * one-character function word that the tokenizer may have glued to it ({@code 在下周}).
     */
    private static boolean wordMayStart(String s, int i, boolean[] tokenStarts) {
        if (tokenStarts == null || i < tokenStarts.length && tokenStarts[i] || i == 0 || !isHan(s.charAt(i - 1))) {
            return true;
        }
        return "在于的是和与到至从自及或将为至截".indexOf(s.charAt(i - 1)) >= 0;
    }

    private static boolean isHan(char c) {
        if (c >= 0x4E00 && c <= 0x9FFC) {
            return true; // CJK unified ideographs: Han in every Unicode version since 13
        }
        return c >= 0x80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean precededByFront(String s, int j) {
        return j > 0 && "前近每第个".indexOf(s.charAt(j - 1)) >= 0;
    }

    /** Reads a year (written or relative) at {@code j}; returns the end, or {@code j} if none. */
    private int readYear(String s, int j, DateCandidate.Builder b, boolean[] tokenStarts) {
        if (j >= s.length()) {
            return j;
        }
        Matcher m = at(YEAR4, s, j);
        if (m != null) {
            b.year = Integer.parseInt(m.group(1));
            return m.end();
        }
        m = at(YEAR2, s, j);
        if (m != null && !lexicon.countPrecedes(s, j)) {
            DateCandidate.Builder probe = new DateCandidate.Builder();
            boolean monthFollows = readMonthDay(s, m.end(), probe) > m.end();
            if (monthFollows || m.group(1).charAt(0) == '0' && !lexicon.countFollows(s, m.end())) {
                b.shortYear = Integer.parseInt(m.group(1));
                return m.end();
            }
            if (!lexicon.countFollows(s, m.end()) && (j == 0 || !ChineseNumber.isDigit(s.charAt(j - 1)))) {
                b.shortYear = Integer.parseInt(m.group(1));
                b.loneShortYear = true;
                return m.end();
            }
        }
        m = at(YEAR_CN, s, j);
        if (m != null && (j == 0 || !ChineseNumber.isDigit(s.charAt(j - 1)))) {
            int v = ChineseNumber.digitByDigit(m.group(1));
            boolean monthFollows = readMonthDay(s, m.end(), new DateCandidate.Builder()) > m.end();
            if (v >= 0 && (m.group(1).length() != 3 || monthFollows)) {
                if (m.group(1).length() >= 3) {
                    b.year = v;
                } else {
                    b.shortYear = v;
                }
                return m.end();
            }
        }
        m = at(YEAR_2000, s, j);
        if (m != null) {
            DateCandidate.Builder probe = new DateCandidate.Builder();
            if (readMonthDay(s, m.end(), probe) > m.end()) {
                String rest = m.group(1) == null ? "" : m.group(1).replace("零", "");
                b.year = 2000 + (rest.isEmpty() ? 0 : ChineseNumber.digit(rest.charAt(0)));
                return m.end();
            }
        }
        for (String era : has(eraStarts, s.charAt(j)) ? eraNames : List.<String>of()) {
            if (s.startsWith(era, j)) {
                int k = j + era.length();
                int e = s.indexOf('年', k);
                if (e > k && e - k <= 4) {
                    int n = ChineseNumber.small(s.substring(k, e));
                    if (n >= 1) {
                        b.year = lexicon.eraStart(era) + n - 1;
                        return e + 1;
                    }
                }
            }
        }
        if (!wordMayStart(s, j, tokenStarts)) {
            return j;
        }
        List<Word> words = wordsByFirst.get(s.charAt(j));
        if (words != null) {
            for (Word word : words) {
                String w = word.w();
                DateLexicon.Relative r = word.relative();
                if (r != null && r.unit() == DateLexicon.Unit.YEAR && s.startsWith(w, j)) {
                    b.yearOffset = r.offset();
                    b.yearAnaphoric = r.anaphoric();
                    if (!r.anaphoric() && (j > 0 && "较比与".indexOf(s.charAt(j - 1)) >= 0
                            || s.startsWith("同期", j + w.length()))) {
                        b.comparative = true;
                    }
                    return j + w.length();
                }
            }
        }
        return j;
    }

    /** What may follow a year: a half, quarter, week, month (and day), part of year, 同期, a holiday. */
    private List<DateCandidate> readAfterYear(String s, int start, int j, DateCandidate.Builder b) {
        int k = j;
        while (k < s.length() && s.charAt(k) == ' ' && k - j < 2) {
            k++;
        }
        if (k > j && readMonthDay(s, k, new DateCandidate.Builder()) == k) {
            k = j;
        }
        if (s.startsWith("的第", k)) {
            k++;
        }
        if (s.charAt(j - 1) == '年' && j < s.length() && "初底末".indexOf(s.charAt(j)) >= 0) {
            b.yearPart = switch (s.charAt(j)) {
                case '初' -> "start";
                case '底', '末' -> "end";
                default -> null;
            };
            return one(b, s, start, j + 1);
        }
        if (s.startsWith("同期", k)) {
            b.samePeriod = true;
            return one(b, s, start, k + 2);
        }
        if (s.startsWith("前", k) && k + 1 < s.length() && "一二三四1234".indexOf(s.charAt(k + 1)) >= 0) {
            return null;
        }
        List<Word> words = k < s.length() ? wordsByFirst.get(s.charAt(k)) : null;
        if (words != null) {
            for (Word word : words) {
                String w = word.w();
                if (!s.startsWith(w, k)) {
                    continue;
                }
                DateLexicon.Period p = word.period();
                if (p != null && (p.kind().equals("half") || p.kind().equals("quarter") || p.kind().equals("yearend"))) {
                    applyPeriod(b, p);
                    return one(b, s, start, k + w.length());
                }
                DateLexicon.Holiday h = word.holiday();
                if (h != null) {
                    b.holiday = h;
                    return one(b, s, start, k + w.length());
                }
            }
        }
        Matcher m = at(WEEK_NO, s, k);
        if (m != null) {
            int w = ChineseNumber.small(m.group(1));
            if (w >= 1 && w <= 53) {
                b.week = w;
                return one(b, s, start, m.end());
            }
        }
        m = at(MONTH_RANGE, s, k);
        if (m != null) {
            List<DateCandidate> range = splitMonthRange(s, start, m, b);
            if (range != null) {
                return range;
            }
        }
        DateCandidate.Builder mb = b.copy();
        int end = readRelativeMonth(s, k, mb);
        if (end > k) {
            end = readDay(s, end, mb, false);
            return one(mb, s, start, end);
        }
        mb = b.copy();
        end = readMonthDay(s, k, mb);
        if (end > k) {
            return one(mb, s, start, end);
        }
        return null;
    }

    private static void applyPeriod(DateCandidate.Builder b, DateLexicon.Period p) {
        switch (p.kind()) {
            case "half" -> b.half = Integer.parseInt(p.value());
            case "quarter" -> b.quarter = Integer.parseInt(p.value());
            case "yearpart" -> b.yearPart = p.value();
            case "yearend" -> b.yearEnd = true;
            case "monthpart" -> b.monthPart = p.value();
            default -> throw new IllegalStateException("unknown period kind " + p.kind());
        }
    }

    /** {@code 1—7月} after a year, or alone: two candidates, the first month bare and the second with 月. */
    private List<DateCandidate> splitMonthRange(String s, int start, Matcher m, DateCandidate.Builder yearParts) {
        int a = Integer.parseInt(m.group(1));
        int z = Integer.parseInt(m.group(2));
        if (a < 1 || z > 12 || a >= z) {
            return null;
        }
        DateCandidate.Builder first = yearParts.copy();
        first.month = a;
        first.rangeStart = true;
        DateCandidate.Builder second = yearParts.copy();
        second.month = z;
        second.rangeEnd = true;
        List<DateCandidate> out = new ArrayList<>();
        out.add(first.build(start, m.end(1), s.substring(start, m.end(1))));
        out.add(second.build(m.start(2), m.end(), s.substring(m.start(2), m.end())));
        return out;
    }

    /** A month range written once without a year ({@code 1—6月}). */
    private List<DateCandidate> monthRange(String s, int i) {
        Matcher m = at(MONTH_RANGE, s, i);
        if (m == null || precededByFront(s, i)) {
            return null;
        }
        return splitMonthRange(s, i, m, new DateCandidate.Builder());
    }

    private int readRelativeMonth(String s, int j, DateCandidate.Builder b) {
        if (j >= s.length()) {
            return j;
        }
        List<Word> words = wordsByFirst.get(s.charAt(j));
        if (words == null) {
            return j;
        }
        for (Word word : words) {
            String w = word.w();
            DateLexicon.Relative r = word.relative();
            if (r != null && r.unit() == DateLexicon.Unit.MONTH && s.startsWith(w, j)) {
                b.monthOffset = r.offset();
                b.monthAnaphoric = r.anaphoric();
                return j + w.length();
            }
        }
        return j;
    }

    /** Reads a month and what may follow it (a day and a time, or a part of the month). */
    private int readMonthDay(String s, int j, DateCandidate.Builder b) {
        if (j >= s.length()) {
            return j;
        }
        Matcher m = at(MONTH, s, j);
        if (m == null) {
            return j;
        }
        String mt = m.group(1);
        int month;
        boolean chinese = !Character.isDigit(mt.charAt(0));
        switch (mt) {
            case "正" -> {
                month = 1;
                b.lunar = true;
            }
            case "腊" -> {
                month = 12;
                b.lunar = true;
            }
            case "冬" -> {
                month = 11;
                b.lunar = true;
            }
            default -> month = ChineseNumber.small(mt);
        }
        if (month < 1 || month > 12) {
            return j;
        }
        b.month = month;
        int end = m.end();
        if (m.group(2) == null) {
            int d = readDay(s, end, b, chinese || b.lunar);
            if (d > end) {
                return d;
            }
        }
        if (end < s.length() && "初底末".indexOf(s.charAt(end)) >= 0) {
            b.monthPart = s.charAt(end) == '初' ? "start" : "end";
            return end + 1;
        }
        for (String part : new String[] {"上旬", "中旬", "下旬"}) {
            if (s.startsWith(part, end)) {
                applyPeriod(b, lexicon.period(part) == null
                        ? new DateLexicon.Period(part, "monthpart", "mid") : lexicon.period(part));
                return end + 2;
            }
        }
        return end;
    }

    /** A day after a month ({@code 10日}, {@code 十号}, {@code 初一}), with an optional {@code HH:MM[:SS]}. */
    private int readDay(String s, int j, DateCandidate.Builder b, boolean chineseMonth) {
        if (j >= s.length()) {
            return j;
        }
        Matcher m = at(DAY, s, j);
        int day = -1;
        int end = j;
        if (m != null) {
            day = ChineseNumber.small(m.group(1));
            end = m.end();
        } else if ((m = at(DAY_BEFORE_RANGE, s, j)) != null) {
            day = Integer.parseInt(m.group(1));
            end = m.end();
        } else if (chineseMonth) {
            Matcher l = at(LUNAR_DAY, s, j);
            if (l != null) {
                String t = l.group();
                if (t.startsWith("初")) {
                    day = ChineseNumber.small(t.substring(1));
                    b.lunar = true;
                } else {
                    day = ChineseNumber.small(t);
                }
                end = l.end();
            } else {
                Matcher c = at(CN_DAY_BARE, s, j);
                if (c != null) {
                    day = ChineseNumber.small(c.group());
                    end = c.end();
                }
            }
            if (day > 0 && end < s.length() && "年月日号个天".indexOf(s.charAt(end)) >= 0) {
                return j;
            }
        }
        if (day < 1 || day > 31) {
            return j;
        }
        b.day = day;
        Matcher t = at(DAY_TIME, s, end);
        if (t != null) {
            int h = Integer.parseInt(t.group(1));
            int min = Integer.parseInt(t.group(2));
            if (h <= 23 && min <= 59) {
                b.hour = h;
                b.minute = min;
                end = t.end(2);
                if (t.group(3) != null && Integer.parseInt(t.group(3)) <= 59) {
                    b.second = Integer.parseInt(t.group(3));
                    end = t.end(3);
                }
            }
        }
        return end;
    }

    // ---- words: relative words, periods, holidays

    private List<DateCandidate> words(String s, int i, boolean[] tokenStarts, DateCandidate last) {
        List<Word> ws = wordsByFirst.get(s.charAt(i));
        if (ws == null) {
            return null;
        }
        if (!wordMayStart(s, i, tokenStarts)) {
            return null;
        }
        for (Word word : ws) {
            String w = word.w();
            if (!s.startsWith(w, i)) {
                continue;
            }
            int end = i + w.length();
            DateCandidate.Builder b = new DateCandidate.Builder();
            DateLexicon.Relative r = word.relative();
            if (r != null) {
                switch (r.unit()) {
                    case YEAR -> {
                        continue;
                    }
                    case HALF -> b.halfOffset = r.offset();
                    case QUARTER -> b.quarterOffset = r.offset();
                    case MONTH -> {
                        if (r.anaphoric() && last != null && last.end() == i && last.month() != null) {
                            return null;
                        }
                        b.monthOffset = r.offset();
                        b.monthAnaphoric = r.anaphoric();
                    }
                    case WEEK -> b.weekOffset = r.offset();
                    case DAY -> {
                        if (r.anaphoric() && last != null && last.end() == i && last.day() != null) {
                            return null;
                        }
                        if (r.clauseStart() && !atClauseStart(s, i)) {
                            return null;
                        }
                        b.dayOffset = r.offset();
                        b.dayAnaphoric = r.anaphoric();
                    }
                    case TRADING_DAY -> b.tradingDays = r.offset();
                    default -> throw new IllegalStateException();
                }
                return one(b, s, i, end);
            }
            DateLexicon.Period p = word.period();
            if (p != null) {
                if (p.kind().equals("yearend")) {
                    continue;
                }
                if (i > 0 && "前近".indexOf(s.charAt(i - 1)) >= 0) {
                    return null;
                }
                applyPeriod(b, p);
                return one(b, s, i, end);
            }
            DateLexicon.Holiday h = word.holiday();
            if (h != null) {
                b.holiday = h;
                return one(b, s, i, end);
            }
        }
        return null;
    }

    private List<DateCandidate> weekday(String s, int i, boolean[] tokenStarts) {
        if (!wordMayStart(s, i, tokenStarts)) {
            return null;
        }
        if (i > 0 && "每一二三四五六七八九十两几".indexOf(s.charAt(i - 1)) >= 0) {
            return null;
        }
        int j = i;
        Integer offset = null;
        for (String p : WEEK_PREFIX_STARTS.indexOf(s.charAt(i)) >= 0 ? WEEK_PREFIXES : NO_PREFIXES) {
            if (s.startsWith(p, i)) {
                offset = switch (p) {
                    case "上上個", "上上个", "上上" -> -2;
                    case "下下" -> 2;
                    case "上一个", "上个", "上" -> -1;
                    case "下一个", "下个", "下" -> 1;
                    default -> 0;
                };
                j = i + p.length();
                break;
            }
        }
        List<Word> ws = j < s.length() ? wordsByFirst.get(s.charAt(j)) : null;
        if (ws == null) {
            return null;
        }
        for (Word word : ws) {
            String w = word.w();
            Integer d = word.weekday();
            if (d != null && s.startsWith(w, j)) {
                DateCandidate.Builder b = new DateCandidate.Builder();
                b.weekday = d;
                b.weekOffset = offset;
                return one(b, s, i, j + w.length());
            }
        }
        return null;
    }

    /** {@code 5天前}, {@code 三年前}, {@code 两个月前}: a point counted back from the reference. */
    private List<DateCandidate> ago(String s, int i) {
        Matcher m = at(AGO, s, i);
        if (m == null || lexicon.countPrecedes(s, i)) {
            return null;
        }
        int n = ChineseNumber.small(m.group(1));
        if (n < 1 || n > 99) {
            return null;
        }
        DateCandidate.Builder b = new DateCandidate.Builder();
        switch (m.group(2)) {
            case "年" -> b.yearOffset = -n;
            case "个月" -> b.monthOffset = -n;
            case "周", "个星期" -> b.weekOffset = -n;
            default -> b.dayOffset = -n;
        }
        return one(b, s, i, m.end());
    }

    // ---- bare days, range days, clock times

    private List<DateCandidate> bareDay(String s, int i) {
        Matcher m = at(BARE_DAY, s, i);
        if (m == null || i > 0 && "月日号".indexOf(s.charAt(i - 1)) >= 0) {
            return null;
        }
        int d = Integer.parseInt(m.group(1));
        int end = m.end();
        if (d < 1 || d > 31 || lexicon.countPrecedes(s, i) || lexicon.countFollows(s, end)
                || at(BARE_DAY, s, end) != null) {
            return null;
        }
        DateCandidate.Builder b = new DateCandidate.Builder();
        b.day = d;
        return one(b, s, i, end);
    }

    private static boolean afterRangeSeparator(String s, int lastEnd, int i) {
        if (lastEnd >= i || i - lastEnd > 5) {
            return false;
        }
        Matcher m = RANGE_SEP.matcher(s);
        m.region(lastEnd, i);
        return m.matches();
    }

    private List<DateCandidate> rangeDay(String s, int i) {
        Matcher m = at(RANGE_DAY, s, i);
        if (m == null) {
            return null;
        }
        int d = ChineseNumber.small(m.group(1));
        if (d < 1 || d > 31) {
            return null;
        }
        DateCandidate.Builder b = new DateCandidate.Builder();
        b.day = d;
        return one(b, s, i, m.end());
    }

    private List<DateCandidate> clock(String s, int i) {
        Matcher m = at(CLOCK, s, i);
        if (m != null) {
            int h = Integer.parseInt(m.group(2));
            int min = Integer.parseInt(m.group(3));
            if (h <= 23 && min <= 59 && m.group(3).length() == 2) {
                DateCandidate.Builder b = new DateCandidate.Builder();
                b.hour = shiftHour(m.group(1), h);
                b.minute = min;
                if (m.group(4) != null) {
                    b.second = Integer.parseInt(m.group(4));
                }
                return one(b, s, i, m.end());
            }
        }
        m = at(CLOCK_CN, s, i);
        if (m != null) {
            int h = ChineseNumber.small(m.group(2));
            boolean half = m.group(3) != null;
            Integer min = m.group(4) == null ? null : ChineseNumber.small(m.group(4));
            boolean daypart = m.group(1) != null;
            if (h < 0 || h > 23 || min != null && (min < 0 || min > 59) || !half && min == null && !daypart) {
                return null;
            }
            if (!half && min == null) {
                return null;
            }
            DateCandidate.Builder b = new DateCandidate.Builder();
            b.hour = shiftHour(m.group(1), h);
            b.minute = half ? 30 : min;
            if (m.group(5) != null) {
                b.second = Integer.parseInt(m.group(5));
            }
            return one(b, s, i, m.end());
        }
        return null;
    }

    private static int shiftHour(String daypart, int h) {
        if (daypart == null || h >= 12) {
            return h;
        }
        return switch (daypart) {
            case "下午", "晚上", "傍晚" -> h + 12;
            default -> h;
        };
    }
}
