package org.finfacts.extract.fact;

import org.finfacts.extract.fact.FactLexicon.Cue;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.NumberMention;
import org.finfacts.facts.PersonMention;
import org.finfacts.text.Sentence;
import org.finfacts.tokenize.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One sentence as the fact stage reads it: its mentions by type, its clauses (cut at {@code , ; :}
 * and brackets outside mentions and numbers), bracket depth, the pronouns that stand for a company
 * ({@code 该公司}, a clause-initial {@code 公司}), and the role of every company mention: the reporter
 * ({@code 据天眼查}, {@code 智通财经APP讯}), an object ({@code 向Anthropic}), aside (a partner or a
 * place: {@code 与美银证券}, {@code 在英伟达芯片上}), or a possible subject. Working-copy indices.
 */
final class SentenceView {
    /** What a company mention does in its sentence. */
    enum Role {
        /** May be the subject of a fact. */
        ACTOR,
        /** The reporter or data provider ({@code 据天眼查}, {@code 东岳财富Choice数据显示}). */
        SOURCE,
        /** The object of an investment or purchase ({@code 向Anthropic}, {@code 收购Tracfone}). */
        OBJECT,
        /** A partner, a place or a parent, never the subject ({@code 与美银证券}, {@code 登陆纳斯达克}). */
        ASIDE,
        /** An investor in the subject ({@code 获得红杉资本...投资}, {@code 远山创投领投的}). */
        INVESTOR,
        /** The employer of a person who speaks or acts ({@code 顺河控股创始人王伟}); a pronoun may stand for it. */
        AFFILIATE
    }

    /**
     * A company or a pronoun that may fill a fact's subject or object; {@code firstHand} for a kind
     * (exchange, media, data provider) that is a subject only in the clause of its own fact;
     * {@code objectRef} for a pronoun that stands for an object named before ({@code 该基金},
     * {@code 合伙企业}, {@code 后者}) rather than for the actor.
     */
    record Party(CompanyMention company, int start, int end, Role role, boolean pronoun, boolean firstHand,
                 boolean objectRef) {
        Party withRole(Role r) {
            return new Party(company, start, end, r, pronoun, firstHand, objectRef);
        }
    }

    final String text;
    final Sentence sentence;
    final int start;
    final int end;
    final List<CompanyMention> companies = new ArrayList<>();
    final List<MoneyMention> moneys = new ArrayList<>();
    final List<DateMention> dates = new ArrayList<>();
    final List<PersonMention> persons = new ArrayList<>();
    /** Ends of share counts ({@code 1.2亿股}): a company right after one names the shares bought, not an actor. */
    private final Set<Integer> shareCountEnds = new HashSet<>();
    final List<Party> parties = new ArrayList<>();
    final boolean[] insideMention;
    private final int[] boundariesBefore;
    private final int[] hardBoundariesBefore;
    private final int[] parenDepth;
    private final int[] titleDepth;
    final boolean startsParagraph;

    SentenceView(String text, Sentence sentence, List<Mention> mentions, List<Token> tokens, FactLexicon lexicon,
                 boolean startsParagraph, Function<String, String> kindOf) {
        this.text = text;
        this.sentence = sentence;
        this.start = sentence.start();
        this.end = sentence.end();
        this.startsParagraph = startsParagraph;
        int n = end - start;
        insideMention = new boolean[n];
        for (Mention m : mentions) {
            for (int i = Math.max(m.start(), start); i < Math.min(m.end(), end); i++) {
                insideMention[i - start] = true;
            }
            if (m instanceof CompanyMention c) {
                if (c.id() != null && !c.id().isBlank()) {
                    companies.add(c);
                }
            } else if (m instanceof MoneyMention x) {
                moneys.add(x);
            } else if (m instanceof DateMention d) {
                dates.add(d);
            } else if (m instanceof PersonMention p) {
                persons.add(p);
            } else if (m instanceof NumberMention x && x.text().endsWith("股")) {
                shareCountEnds.add(x.end());
            }
        }
        boundariesBefore = new int[n + 1];
        hardBoundariesBefore = new int[n + 1];
        parenDepth = new int[n + 1];
        titleDepth = new int[n + 1];
        int b = 0;
        int hard = 0;
        int paren = 0;
        int title = 0;
        for (int i = 0; i < n; i++) {
            boundariesBefore[i] = b;
            hardBoundariesBefore[i] = hard;
            parenDepth[i] = paren;
            titleDepth[i] = title;
            char c = text.charAt(start + i);
            if (!insideMention[i]) {
                if (isBoundary(i)) {
                    b++;
                    if (c == ';' || c == '；' || c == '【' || c == '】') {
                        hard++;
                    }
                }
                if (c == '(') {
                    paren++;
                } else if (c == ')' && paren > 0) {
                    paren--;
                } else if (c == '《') {
                    title++;
                } else if (c == '》' && title > 0) {
                    title--;
                }
            }
        }
        boundariesBefore[n] = b;
        hardBoundariesBefore[n] = hard;
        parenDepth[n] = paren;
        titleDepth[n] = title;
        findParties(tokens, lexicon, kindOf);
    }

    /** Longest descriptive phrase before a company ({@code 一家储能初创公司}). */
    static final int APPOSITIVE_SPAN = 12;

    /**
     * Where a descriptive phrase ending right before {@code pos} with an appositive head noun begins
     * ({@code 向一家储能初创公司晨光储能}: the index after 向), else {@code pos}. The phrase holds no
     * mention and no clause boundary; it begins after the nearest role word ({@code 向 对 在 与...}).
     */
    int appositiveStart(int pos, int floor, FactLexicon lexicon) {
        String headNoun = lexicon.endingAt(Cue.APPOSITIVE, text, pos, floor);
        if (headNoun == null) {
            return pos;
        }
        int limit = Math.max(floor, pos - APPOSITIVE_SPAN);
        for (int at = pos - headNoun.length(); at >= limit; at--) {
            if (at > start && insideMention[at - 1 - start]) {
                return pos;
            }
            if (lexicon.endingAt(Cue.OBJECT_BEFORE, text, at, floor) != null
                    || lexicon.endingAt(Cue.ASIDE_BEFORE, text, at, floor) != null
                    || lexicon.endingAt(Cue.INVESTOR_BEFORE, text, at, floor) != null) {
                return at;
            }
        }
        return pos;
    }

    /** Residue allowed between a company and the list word after it ({@code 国泰君安(...)国际、}). */
    private static final int NAME_RESIDUE = 4;

    /**
     * Whether {@code next} continues a list that {@code previous} is in: only a list word
     * ({@code 、 和 及}) stands between them, after a bracketed aside and a short unrecognised name
     * residue ({@code 国泰君安(18.100,-0.23,-1.25%)国际、海通国际}).
     */
    boolean chained(Party previous, Party next, FactLexicon lexicon) {
        if (previous.end() > next.start()) {
            return false;
        }
        String chain = lexicon.endingAt(Cue.CHAIN, text, next.start(), previous.end());
        if (chain == null) {
            return false;
        }
        int from = skipBracket(previous.end());
        int to = next.start() - chain.length();
        if (to < from) {
            return false;
        }
        if (to - from > NAME_RESIDUE) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c) || insideMention[i - start]) {
                return false;
            }
        }
        return true;
    }

    private boolean isBoundary(int i) {
        char c = text.charAt(start + i);
        switch (c) {
            case ',', '，' -> {
                boolean digitBefore = i > 0 && Character.isDigit(text.charAt(start + i - 1));
                boolean digitAfter = start + i + 1 < end && Character.isDigit(text.charAt(start + i + 1));
                return !(digitBefore && digitAfter);
            }
            case ';', ':', '；', '：', '!', '?', '【', '】', '丨', '|', '\t' -> {
                return true;
            }
            case ' ' -> {
                return i + 1 < end - start && text.charAt(start + i + 1) == ' '
                        && (i == 0 || text.charAt(start + i - 1) != ' ');
            }
            default -> {
                return false;
            }
        }
    }

    /** Number of clause boundaries in {@code [from, to)}. */
    int boundariesBetween(int from, int to) {
        from = clamp(from);
        to = clamp(to);
        return to <= from ? 0 : boundariesBefore[to - start] - boundariesBefore[from - start];
    }

    /** Number of hard boundaries ({@code ; 【 】}: separate statements) in {@code [from, to)}. */
    int hardBoundariesBetween(int from, int to) {
        from = clamp(from);
        to = clamp(to);
        return to <= from ? 0 : hardBoundariesBefore[to - start] - hardBoundariesBefore[from - start];
    }

    /** Start of the clause containing {@code pos}. */
    int clauseStart(int pos) {
        int p = clamp(pos);
        int count = boundariesBefore[p - start];
        while (p > start && boundariesBefore[p - 1 - start] == count) {
            p--;
        }
        return p;
    }

    /** End (exclusive) of the clause containing {@code pos}: the next boundary or the sentence end. */
    int clauseEnd(int pos) {
        int p = clamp(pos);
        int count = boundariesBefore[p - start];
        while (p < end && boundariesBefore[p + 1 - start] == count) {
            p++;
        }
        return Math.min(p, end);
    }

    /** Index of the clause containing {@code pos} (0 for the first). */
    int clauseIndex(int pos) {
        return boundariesBefore[clamp(pos) - start];
    }

    /** Whether {@code pos} lies inside round brackets. */
    boolean inParentheses(int pos) {
        return parenDepth[clamp(pos) - start] > 0;
    }

    /** Whether {@code pos} lies inside a quoted title 《...》. */
    boolean inQuotedTitle(int pos) {
        return titleDepth[clamp(pos) - start] > 0;
    }

    /** Whether some MONEY mention lies inside {@code [from, to)}. */
    boolean moneyWithin(int from, int to) {
        for (MoneyMention m : moneys) {
            if (m.start() >= from && m.end() <= to) {
                return true;
            }
        }
        return false;
    }

    /** Characters of {@code [from, to)} that are not inside mentions, with each mention counting one. */
    int gapLength(int from, int to) {
        int len = 0;
        boolean inMention = false;
        for (int i = Math.max(from, start); i < Math.min(to, end); i++) {
            if (insideMention[i - start]) {
                if (!inMention) {
                    len++;
                }
                inMention = true;
            } else {
                inMention = false;
                if (!Character.isWhitespace(text.charAt(i))) {
                    len++;
                }
            }
        }
        return len;
    }

    /** Index just past a bracketed aside that starts at {@code pos} ({@code (01238)}), else {@code pos}. */
    int skipBracket(int pos) {
        int p = pos;
        while (p < end && text.charAt(p) == ' ') {
            p++;
        }
        if (p < end && text.charAt(p) == '(') {
            int depth = 0;
            for (int i = p; i < end && i < p + 60; i++) {
                char c = text.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth == 0) {
                        return skipBracket(i + 1);
                    }
                }
            }
        }
        return pos;
    }

    private int clamp(int pos) {
        return Math.max(start, Math.min(end, pos));
    }

    private void findParties(List<Token> tokens, FactLexicon lexicon, Function<String, String> kindOf) {
        List<Party> found = new ArrayList<>();
        Set<String> firstHandKinds = Set.copyOf(lexicon.words(Cue.FIRST_HAND_KIND));
        for (int k = 0; k < companies.size(); k++) {
            CompanyMention c = companies.get(k);
            if (notACompany(c, lexicon) || descriptor(c, k + 1 < companies.size() ? companies.get(k + 1) : null, lexicon)
                    || abbreviationOfAThing(c, lexicon)) {
                continue;
            }
            String kind = kindOf.apply(c.id());
            boolean firstHand = kind != null && firstHandKinds.contains(kind) && !withStockCode(c);
            found.add(new Party(c, c.start(), c.end(), null, false, firstHand, false));
        }
        for (String w : lexicon.words(Cue.OBJECT_PRONOUN)) {
            for (int at = text.indexOf(w, start); at >= 0 && at + w.length() <= end; at = text.indexOf(w, at + 1)) {
                if (insideMention[at - start] || insideMention[at + w.length() - 1 - start] || overlaps(found, at, at + w.length())) {
                    continue;
                }
                boolean free = w.startsWith("该") || w.endsWith("者") || at == clauseStart(at)
                        || at > start && text.charAt(at - 1) == '该';
                if (free) {
                    found.add(new Party(null, at, at + w.length(), null, true, false, true));
                }
            }
        }
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.start() < start || t.end() > end || !isPronoun(t, lexicon)) {
                continue;
            }
            if (insideMention[t.start() - start] || !pronounPosition(t, k > 0 ? tokens.get(k - 1) : null)
                    || possessiveOfRelativeClause(t)) {
                continue;
            }
            Token before = k > 0 ? tokens.get(k - 1) : null;
            // 向该公司: the role word stands before 该; 归属于本公司: 本 is not a place (于 marks no aside here)
            int from = before != null && before.end() == t.start() && before.word().equals("该") ? before.start() : t.start();
            if (!overlaps(found, from, t.end())) {
                found.add(new Party(null, from, t.end(), null, true, false, false));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        Party previous = null;
        for (Party p : found) {
            Role role = roleOf(p, previous, lexicon);
            if (p.pronoun() && role == Role.ACTOR && possessor(p.end(), lexicon)) {
                role = Role.ASIDE;
            }
            Party withRole = p.withRole(role);
            parties.add(withRole);
            previous = withRole;
        }
        // A lead investor named after a list (A、B领投) makes the whole list investors.
        for (int k = parties.size() - 1; k > 0; k--) {
            Party cur = parties.get(k);
            Party prev = parties.get(k - 1);
            if (cur.role() == Role.INVESTOR && prev.role() == Role.ACTOR && !prev.pronoun() && chained(prev, cur, lexicon)) {
                parties.set(k - 1, prev.withRole(Role.INVESTOR));
            }
        }
    }

    private static boolean overlaps(List<Party> found, int from, int to) {
        for (Party p : found) {
            if (p.start() < to && from < p.end()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a stock code follows the name ({@code 港交所(00388)}): the text speaks of it as a listed company. */
    private boolean withStockCode(CompanyMention c) {
        int p = c.end();
        while (p < end && text.charAt(p) == ' ') {
            p++;
        }
        if (p >= end || text.charAt(p) != '(') {
            return false;
        }
        for (int i = p + 1; i < Math.min(end, p + 16) && text.charAt(i) != ')'; i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A government body, court or regulator the recognizer took for a company ({@code 南平市人民政府}), or
     * the name of a funding round ({@code Pre-A轮}).
     */
    private boolean notACompany(CompanyMention c, FactLexicon lexicon) {
        for (String w : lexicon.words(Cue.NOT_COMPANY)) {
            if (c.text().contains(w)) {
                return true;
            }
        }
        return lexicon.startingAt(Cue.NOT_COMPANY_AFTER, text, c.end(), end) != null;
    }

    /**
     * An unknown name that ends with a head noun and runs into a company named right after it is a
     * description of that company ({@code AI智能体初创公司白桦智能}: the company is 白桦智能).
     */
    private boolean descriptor(CompanyMention c, CompanyMention next, FactLexicon lexicon) {
        if (c.known() || next == null) {
            return false;
        }
        int p = c.end();
        while (p < next.start() && text.charAt(p) == ' ') {
            p++;
        }
        return p == next.start() && lexicon.endingAt(Cue.APPOSITIVE, text, c.end(), c.start()) != null;
    }

    /** Whether the token is a pronoun cue word (its first character checked first, in the text). */
    private boolean isPronoun(Token t, FactLexicon lexicon) {
        if (t.start() < t.end() && !lexicon.mayStartWord(Cue.PRONOUN, text.charAt(t.start()))) {
            return false;
        }
        return lexicon.isWord(Cue.PRONOUN, t.word());
    }

    /**
     * A bare 公司/集团/其 stands for a company only at a clause start or after a date, a bracket, or the
     * word 该/本 (the token {@code 本}, not the end of {@code 资本公司}).
     */
    private boolean pronounPosition(Token t, Token before) {
        if (t.word().startsWith("该") || t.word().startsWith("本")) {
            return true;
        }
        int p = t.start();
        if (before != null && before.end() == p && (before.word().equals("该") || before.word().equals("本"))) {
            return true;
        }
        while (p > start && text.charAt(p - 1) == ' ') {
            p--;
        }
        if (p == start) {
            return true;
        }
        if (isBoundary(p - 1 - start) || text.charAt(p - 1) == ')') {
            return true;
        }
        for (DateMention d : dates) {
            if (d.end() == p) {
                return true;
            }
        }
        return false;
    }

    /** Farthest a possessed word may stand after a pronoun ({@code 该公司第三大股东}). */
    private static final int POSSESSED_SPAN = 4;

    /** Whether a word such as {@code 股东} follows: the pronoun owns it ({@code 成为该公司第三大股东}) and does not act. */
    private boolean possessor(int pos, FactLexicon lexicon) {
        for (int at = pos; at < Math.min(end, pos + POSSESSED_SPAN + 1); at++) {
            if (insideMention[at - start] || isBoundary(at - start)) {
                return false;
            }
            if (lexicon.startingAt(Cue.POSSESSED, text, at, end) != null) {
                return true;
            }
        }
        return false;
    }

    /** Longest Latin acronym read as the abbreviation of the word before its bracket. */
    private static final int ACRONYM = 6;

    /**
     * A Latin acronym that fills a bracket after a word that is no company ({@code 不间断电源(UPS)})
     * abbreviates that word; after a company's head noun ({@code 某某能源有限公司(QFE)}) it names the
     * company.
     */
    private boolean abbreviationOfAThing(CompanyMention c, FactLexicon lexicon) {
        int open = c.start() - 1;
        if (open <= start || text.charAt(open) != '(' || c.end() >= end || text.charAt(c.end()) != ')') {
            return false;
        }
        for (int i = c.start(); i < c.end(); i++) {
            char ch = text.charAt(i);
            if (ch >= 0x80 || !Character.isLetter(ch)) {
                return false;
            }
        }
        char before = text.charAt(open - 1);
        return c.end() - c.start() <= ACRONYM && !insideMention[open - 1 - start]
                && Character.UnicodeScript.of(before) == Character.UnicodeScript.HAN
                && lexicon.endingAt(Cue.APPOSITIVE, text, open, start) == null;
    }

    /** {@code 其} opening a relative clause ({@code 其推出的产品}) names the products, not an actor. */
    private boolean possessiveOfRelativeClause(Token t) {
        if (!t.word().equals("其")) {
            return false;
        }
        for (int i = t.end(); i < Math.min(end, t.end() + 4); i++) {
            if (insideMention[i - start] || isBoundary(i - start)) {
                return false;
            }
            if (text.charAt(i) == '的') {
                return i > t.end();
            }
        }
        return false;
    }

    /** Longest run of Latin letters and digits between a company and a source word ({@code 东岳财富Choice数据显示}). */
    private static final int PRODUCT_NAME = 12;

    /** Longest modifier between a company and a person's title ({@code 青松研究的基金分析师}). */
    private static final int TITLE_SPAN = 8;

    private Role roleOf(Party p, Party previous, FactLexicon lexicon) {
        int floor = clauseStart(p.start());
        if (lexicon.endingAt(Cue.SOURCE_BEFORE, text, p.start(), start) != null) {
            return Role.SOURCE;
        }
        int after = skipBracket(p.end());
        if (!p.pronoun() && (lexicon.startingAt(Cue.SOURCE_AFTER, text, after, end) != null
                || lexicon.startingAt(Cue.SOURCE_AFTER, text, skipProductName(after), end) != null)) {
            return Role.SOURCE;
        }
        if (!p.pronoun() && (lexicon.endingAt(Cue.INVESTOR_BEFORE, text, p.start(), floor) != null
                || lexicon.startingAt(Cue.INVESTOR_AFTER, text, after, end) != null)) {
            return Role.INVESTOR;
        }
        if (lexicon.startingAt(Cue.PARENT_AFTER, text, after, end) != null
                || lexicon.startingAt(Cue.ASIDE_AFTER, text, after, end) != null || shareCountEnds.contains(p.start())) {
            return Role.ASIDE;
        }
        if (!p.pronoun() && affiliation(after, lexicon)) {
            return Role.AFFILIATE;
        }
        int head = appositiveStart(p.start(), floor, lexicon);
        for (int at : head == p.start() ? new int[] {p.start()} : new int[] {p.start(), head}) {
            if (lexicon.endingAt(Cue.OBJECT_BEFORE, text, at, floor) != null) {
                return Role.OBJECT;
            }
            if (lexicon.endingAt(Cue.ASIDE_BEFORE, text, at, floor) != null) {
                return Role.ASIDE;
            }
            if (!p.pronoun() && lexicon.endingAt(Cue.INVESTOR_BEFORE, text, at, floor) != null) {
                return Role.INVESTOR;
            }
        }
        if (previous != null) {
            if (chained(previous, p, lexicon)) {
                return previous.role();
            }
        }
        return Role.ACTOR;
    }

    private int skipProductName(int pos) {
        int p = pos;
        while (p < end && p - pos < PRODUCT_NAME && !insideMention[p - start]
                && (Character.isLetterOrDigit(text.charAt(p)) && text.charAt(p) < 0x80)) {
            p++;
        }
        return p;
    }

    /**
     * Whether a person's title follows the company ({@code 创始人}, {@code 的基金分析师}) and then the
     * person's name or a speech verb: the company is the person's employer, not the actor.
     */
    private boolean affiliation(int pos, FactLexicon lexicon) {
        int limit = Math.min(end, pos + TITLE_SPAN);
        for (int at = pos; at < limit; at++) {
            if (insideMention[at - start] || isBoundary(at - start)) {
                return false;
            }
            String title = lexicon.startingAt(Cue.AFFILIATE_AFTER, text, at, end);
            if (title == null) {
                continue;
            }
            int q = at + title.length();
            while (q < end && text.charAt(q) == ' ') {
                q++;
            }
            for (PersonMention person : persons) {
                if (person.start() == q) {
                    return true;
                }
            }
            return lexicon.startingAt(Cue.SPEECH, text, q, end) != null;
        }
        return false;
    }
}
