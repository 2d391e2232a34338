package org.finfacts.extract.company;

import org.finfacts.tokenize.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds where a company name starts when only its end is known (before a company ending, a stock
 * code, a definition). It takes the run of name characters before the end (Han, Latin letters,
 * digits, {@code & · * - .}, a short bracketed place such as {@code (上海)}), then starts the name after
 * the last word in that run that cannot belong to it: punctuation, prepositions, conjunctions,
 * particles, pronouns, numbers and time words as the tokenizer tags them, and the left-stop words of
 * {@code rules/left-stops.tsv} wherever they occur ({@code 一致行动人|贵州贵安新区金域投资中心}).
 * The name keeps at least two characters. Thread-safe.
 */
final class NameBoundary {
    static final int MAX_NAME = 32;
    private static final String STOP_TAGS = "wpcurmqtyeo";
    /** Endings of a name part that make it a relation, not a name ({@code H&M关联|公司}, {@code 上述上市|公司}). */
    private static final List<String> RELATION_TAILS = List.of("关联", "控股", "参股", "全资",
            "联营", "合营", "上市", "合资", "独资", "外资", "国有", "民营", "该", "本", "此", "其", "这家", "一家", "多家", "蓝筹");
    /** A number and a measure word ({@code 七家}, {@code 两个}): no name. */
    private static final java.util.regex.Pattern COUNTED =
            java.util.regex.Pattern.compile("[这那该每各上近逾超]?[0-9一二三四五六七八九十百千万两几多数首]+[家个只位名类批所]?");

    private final NameRules rules;
    private final AhoCorasick<String> stopPhrases;
    /** Length of the longest left-stop word. */
    private final int maxLeftStop;

    NameBoundary(NameRules rules) {
        this.rules = rules;
        this.maxLeftStop = rules.leftStops().stream().mapToInt(String::length).max().orElse(0);
        Map<String, String> phrases = new HashMap<>();
        for (String s : rules.leftStops()) {
            if (s.length() >= 2) {
                phrases.put(s, s);
            }
        }
        stopPhrases = new AhoCorasick<>(phrases);
    }

    /** Whether {@code c} can be part of a company name. */
    static boolean isNameChar(char c) {
        if (c == '丨') {
            return false;
        }
        return isHan(c) || isLatinLetter(c) || (c >= '0' && c <= '9') || c == '&' || c == '·' || c == '*'
                || c == '-' || c == '.' || c == '\'';
    }

    static boolean isHan(char c) {
        if (c >= 0x4E00 && c <= 0x9FFC) {
            return c != '丨'; // CJK unified ideographs: Han in every Unicode version since 13
        }
        return c >= 0x80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static boolean isLatinLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c > 0x7F && (c < 0x4E00 || c > 0x9FFC)
                    && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN && Character.isLetter(c));
    }

    /** Start of the run of name characters that ends at {@code end}, at most {@link #MAX_NAME} long. */
    int extentStart(String text, int end) {
        int i = end;
        while (i > 0 && end - i < MAX_NAME) {
            char c = text.charAt(i - 1);
            if (c == ')') {
                int open = text.lastIndexOf('(', i - 1);
                if (open < 0 || i - 1 - open > 7 || open == 0 || !bracketedPlace(text, open + 1, i - 1)) {
                    break;
                }
                i = open;
                continue;
            }
            if (c == ' ') {
                if (i >= 2 && isLatinLetter(text.charAt(i - 2)) && i < text.length() && isLatinLetter(text.charAt(i))) {
                    i--;
                    continue;
                }
                break;
            }
            if (!isNameChar(c) || (c == '-' && i >= 2 && text.charAt(i - 2) == '-')) {
                break; // a dash pair ("团伙--北京…") separates, a single hyphen may join
            }
            i--;
        }
        while (i < end && !isHan(text.charAt(i)) && !isLatinLetter(text.charAt(i)) && text.charAt(i) != '*'
                && !(text.charAt(i) >= '0' && text.charAt(i) <= '9')) {
            i++;
        }
        return i;
    }

    private static boolean bracketedPlace(String text, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (!isHan(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Start of the name that ends at {@code end} ({@code -1} when no acceptable name is there).
     * Hard cuts (punctuation, prepositions, particles, pronouns, numbers, left-stop words) end the
     * text before the name; after the last hard cut, a verb of two characters or more ({@code 调查},
     * {@code 收购}; a verbal noun such as {@code 建设} only before a place name) also ends it when what
     * follows still looks like a proper name ({@code 下令调查|托马斯库克集团}, but not {@code 东证|融汇证券}); a conjunction ({@code 和}, {@code 与}) ends it only after a known name or a
     * company ending, or before a Latin or tagged name ({@code 微软和|英伟达}, {@code 中矿贸易与|PSC公司}, not
     * {@code 中国联和健康产业集团}). The part before
     * {@code coreEnd} (the start of the company ending, or {@code end}) must keep two name characters,
     * be no generic word and no count ({@code 七家}): {@code 对资本} has none.
     */
    int start(String text, TokenGrid grid, int end, int coreEnd, Predicate<String> known, ProperTest proper) {
        int extent = extentStart(text, coreEnd);
        if (extent >= coreEnd) {
            return -1;
        }
        int hard = extent;
        for (AhoCorasick.Hit<String> h : stopPhrases.findAll(text.substring(extent, coreEnd))) {
            hard = Math.max(hard, extent + h.end());
        }
        List<Token> tokens = grid.tokens();
        int ti = firstTokenFrom(grid, extent, coreEnd);
        List<Integer> soft = new ArrayList<>();
        for (int k = Math.max(ti, 0); ti >= 0 && k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.start() >= coreEnd) {
                break;
            }
            if (t.end() > coreEnd || t.end() <= extent) {
                continue;
            }
            int kind = stopKind(t, k > 0 && (tokens.get(k - 1).tag().startsWith("m") || tokens.get(k - 1).tag().startsWith("r")));
            if (kind == HARD) {
                hard = Math.max(hard, t.end());
            } else if (kind == CONJUNCTION) {
                int segmentStart = Math.max(hard, extent);
                String left = text.substring(segmentStart, Math.max(segmentStart, t.start()));
                if (left.isEmpty() || known.test(left) || endsWithCompanyWord(left) || isPersonBefore(grid, t)
                        || (left.length() >= 2 && properNameAfter(text, grid, t.end(), coreEnd))) {
                    hard = Math.max(hard, t.end());
                }
            } else if (kind == SOFT) {
                soft.add(t.end());
            } else if (kind == SOFT_BEFORE_PLACE) {
                String place = rules.regionAt(text, t.end());
                if (place != null && !"country".equals(rules.regionKind(place))) {
                    soft.add(t.end());
                }
            }
        }
        int start = hard;
        for (int i = soft.size() - 1; i >= 0; i--) {
            int cut = soft.get(i);
            boolean beforePlace = rules.regionAt(text, cut) != null;
            if (cut > start && cut < coreEnd && coreOk(text, cut, coreEnd)
                    && (beforePlace || proper.test(cut, coreEnd) || longNameAfter(text, cut, coreEnd))) {
                start = cut;
                break;
            }
        }
        while (start < coreEnd - 2 && LEADING_PREPOSITIONS.indexOf(text.charAt(start)) >= 0
                && (grid.at(start) != null && grid.at(start).start() == start && grid.at(start).end() > start + 1
                    || grid.isStart(start + 1))) {
            start++;
        }
        while (start > extent && isLatinOrDigit(text.charAt(start - 1)) && isLatinOrDigit(text.charAt(start))) {
            start--; // a number or a word is not cut apart: 3B家居, not B家居
        }
        return coreOk(text, start, coreEnd) ? start : -1;
    }

    private static boolean isLatinOrDigit(char c) {
        return isLatinLetter(c) || (c >= '0' && c <= '9');
    }

    /**
     * Whether four or more characters follow a verb and do not open with a descriptor word, as a name
     * after a verb does ({@code 分拆|微创心通医疗科技}, not {@code 东证融汇|证券资产管理}).
     */
    private boolean longNameAfter(String text, int from, int to) {
        int han = 0;
        for (int k = from; k < to; k++) {
            han += isHan(text.charAt(k)) ? 1 : 0;
        }
        if (han < 4 || text.charAt(from) == '(') {
            return false;
        }
        for (int len = 2; len <= 4 && from + len <= to; len++) {
            if (rules.isGenericCore(text.substring(from, from + len))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a span looks like a proper name (tested on a candidate core). */
    interface ProperTest {
        boolean test(int from, int to);
    }

    private boolean endsWithCompanyWord(String left) {
        for (String s : rules.suffixes()) {
            if (left.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Latin name or a word tagged as a name starts at {@code pos} ({@code 中矿贸易与|PSC公司}). */
    private static boolean properNameAfter(String text, TokenGrid grid, int pos, int limit) {
        if (pos >= limit) {
            return false;
        }
        if (isLatinLetter(text.charAt(pos))) {
            return true;
        }
        Token next = grid.at(pos);
        return next != null && next.start() == pos && next.end() <= limit
                && (next.tag().startsWith("nz") || next.tag().startsWith("nt") || next.tag().startsWith("nr"));
    }

    private static boolean isPersonBefore(TokenGrid grid, Token conjunction) {
        Token before = grid.at(conjunction.start() - 1);
        return before != null && before.tag().startsWith("nr");
    }

    private static int firstTokenFrom(TokenGrid grid, int from, int to) {
        for (int p = from; p < to; p++) {
            int k = grid.indexAt(p);
            if (k >= 0) {
                return k;
            }
        }
        return -1;
    }

    private static final int NONE = 0;
    private static final int HARD = 1;
    private static final int SOFT = 2;
    private static final int CONJUNCTION = 3;
    private static final int SOFT_BEFORE_PLACE = 4;
    /** Single characters a glued token may start with that belong before the name ({@code 向中荷|人寿}). */
    private static final String LEADING_PREPOSITIONS = "向对给从在由被把将拟为是原";

    private int stopKind(Token t, boolean afterNumber) {
        String w = t.word();
        if (w.equals("(") || w.equals(")")) {
            return NONE;
        }
        String tag = t.tag();
        char c = tag.isEmpty() ? 'x' : tag.charAt(0);
        if (c == 'c' && w.length() == 1) {
            return CONJUNCTION;
        }
        if (rules.isLeftStop(w)) {
            return HARD;
        }
        if (c == 'v' && w.length() >= 2 && !tag.startsWith("vn") && !tag.startsWith("vg") && !tag.startsWith("vd")) {
            return SOFT;
        }
        if (tag.equals("vn") && w.length() >= 2) {
            return SOFT_BEFORE_PLACE;
        }
        if (c == 't') {
            for (int k = 0; k < w.length(); k++) {
                if (Character.isDigit((int) w.charAt(k))) {
                    return HARD;
                }
            }
            return NONE;
        }
        if (c == 'q') {
            return afterNumber ? HARD : NONE;
        }
        if (c == 'm') {
            for (int k = 0; k < w.length(); k++) {
                if (isHan(w.charAt(k))) {
                    return NONE;
                }
            }
            return HARD;
        }
        if (c == 'x') {
            for (int k = 0; k < w.length(); k++) {
                if (!isNameChar(w.charAt(k))) {
                    return HARD;
                }
            }
            return NONE;
        }
        return STOP_TAGS.indexOf(c) >= 0 ? HARD : NONE;
    }

    /**
     * Whether the name part before a company ending is a relation ({@code H&M关联|公司}, {@code 上述上市|公司})
     * or a withheld name ({@code 昆山某|公司}),
     * or the name ends in a left-stop word longer than its ending ({@code …子公司}, {@code …母公司}).
     */
    boolean isRelation(String text, int from, int to, int end) {
        String name = text.substring(from, end);
        for (int len = end - to + 1; len <= Math.min(maxLeftStop, name.length()); len++) {
            if (rules.isLeftStop(name.substring(name.length() - len))) {
                return true;
            }
        }
        String core = text.substring(from, to);
        if (core.indexOf('某') >= 0) {
            return true; // a name withheld: 昆山某公司, 深圳某科技公司
        }
        for (String tail : RELATION_TAILS) {
            if (core.endsWith(tail)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code [from, to)} can be a name part: two name characters, not a generic word. */
    boolean coreOk(String text, int from, int to) {
        if (to - from > MAX_NAME) {
            return false;
        }
        int letters = 0;
        int han = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (isHan(c)) {
                han++;
            } else if (isLatinLetter(c)) {
                letters++;
            }
        }
        if (han < 2 && letters < 2 && !(han == 1 && letters >= 1)) {
            return false;
        }
        String core = text.substring(from, to);
        if (rules.isGenericCore(core) || core.startsWith("的") || core.startsWith("(") || COUNTED.matcher(core).matches()) {
            return false;
        }
        return true;
    }
}
