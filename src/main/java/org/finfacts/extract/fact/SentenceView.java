package org.finfacts.extract.fact;

import org.finfacts.extract.fact.FactLexicon.Cue;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.text.Sentence;
import org.finfacts.tokenize.Token;

import java.util.ArrayList;
import java.util.List;

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
        ACTOR, SOURCE, OBJECT, ASIDE, INVESTOR
    }

    /** A company or a pronoun that may fill a fact's subject or object. */
    record Party(CompanyMention company, int start, int end, Role role, boolean pronoun) {
    }

    final String text;
    final Sentence sentence;
    final int start;
    final int end;
    final List<CompanyMention> companies = new ArrayList<>();
    final List<MoneyMention> moneys = new ArrayList<>();
    final List<DateMention> dates = new ArrayList<>();
    final List<Party> parties = new ArrayList<>();
    final boolean[] insideMention;
    private final int[] boundariesBefore;
    private final int[] hardBoundariesBefore;
    private final int[] parenDepth;
    private final int[] titleDepth;
    final boolean startsParagraph;

    SentenceView(String text, Sentence sentence, List<Mention> mentions, List<Token> tokens, FactLexicon lexicon,
                 boolean startsParagraph) {
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
        findParties(tokens, lexicon);
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

    private void findParties(List<Token> tokens, FactLexicon lexicon) {
        List<Party> found = new ArrayList<>();
        for (CompanyMention c : companies) {
            found.add(new Party(c, c.start(), c.end(), null, false));
        }
        for (Token t : tokens) {
            if (t.start() < start || t.end() > end || !isPronoun(t, lexicon)) {
                continue;
            }
            if (insideMention[t.start() - start] || !pronounPosition(t)) {
                continue;
            }
            found.add(new Party(null, t.start(), t.end(), null, true));
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        Party previous = null;
        for (Party p : found) {
            Role role = roleOf(p, previous, lexicon);
            Party withRole = new Party(p.company(), p.start(), p.end(), role, p.pronoun());
            parties.add(withRole);
            previous = withRole;
        }
    }

    /** Whether the token is a pronoun cue word (its first character checked first, in the text). */
    private boolean isPronoun(Token t, FactLexicon lexicon) {
        if (t.start() < t.end() && !lexicon.mayStartWord(Cue.PRONOUN, text.charAt(t.start()))) {
            return false;
        }
        return lexicon.isWord(Cue.PRONOUN, t.word());
    }

    /** A bare 公司/集团/其 stands for a company only at a clause start or after a date or 该. */
    private boolean pronounPosition(Token t) {
        if (t.word().startsWith("该") || t.word().startsWith("本")) {
            return true;
        }
        int p = t.start();
        if (p > start && (text.charAt(p - 1) == '该' || text.charAt(p - 1) == '本')) {
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

    private Role roleOf(Party p, Party previous, FactLexicon lexicon) {
        int floor = clauseStart(p.start());
        if (lexicon.endingAt(Cue.SOURCE_BEFORE, text, p.start(), start) != null) {
            return Role.SOURCE;
        }
        int after = skipBracket(p.end());
        if (!p.pronoun() && lexicon.startingAt(Cue.SOURCE_AFTER, text, after, end) != null) {
            return Role.SOURCE;
        }
        if (lexicon.startingAt(Cue.PARENT_AFTER, text, after, end) != null
                || lexicon.startingAt(Cue.ASIDE_AFTER, text, after, end) != null) {
            return Role.ASIDE;
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
}
