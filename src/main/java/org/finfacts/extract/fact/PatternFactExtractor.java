package org.finfacts.extract.fact;

import org.finfacts.core.ModelStore;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.fact.FactLexicon.Cue;
import org.finfacts.extract.fact.FactLexicon.Hit;
import org.finfacts.extract.fact.FactLexicon.Trigger;
import org.finfacts.extract.fact.SentenceView.Party;
import org.finfacts.extract.fact.SentenceView.Role;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.Fact;
import org.finfacts.facts.FactType;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.PersonMention;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.text.Sentence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Ties companies to amounts with the reviewed triggers and cues of {@code models/facts/}: for every
 * MONEY mention of a sentence it finds the nearest trigger word ({@code 营收52.88亿元},
 * {@code 27.5亿美元投资}; a word such as {@code 股价} or {@code 注册资本} claims the amount for no fact),
 * then the subject (the nearest company before it that is neither the reporter, an object, nor aside;
 * a pronoun such as {@code 该公司} stands for the company named before it), the object
 * ({@code 向Anthropic}, {@code 收购Tracfone}), the date ({@link FactDater}) and the flags. Handles
 * lists ({@code Google200-300亿美元,Anthropic100-200亿美元}), {@code 分别}, lead investors of a round,
 * bracketed conversions ({@code 10亿元(约1.3亿欧元)}), and a subject carried from the previous
 * sentence when the text clearly continues. A fact without a company subject is not emitted.
 * Example: {@code 亚马逊向Anthropic追加27.5亿美元投资} gives INVESTMENT Amazon -> Anthropic.
 * Thread-safe.
 */
public final class PatternFactExtractor implements FactExtractor {
    /** Farthest a trigger before the amount may stand (characters, a mention counting one). */
    private static final int MAX_BEFORE_GAP = 30;
    /** Farthest a trigger after the amount may stand. */
    private static final int MAX_AFTER_GAP = 20;
    /** Farthest a {@code near} trigger may stand. */
    private static final int NEAR_GAP = 3;
    /** Cost of crossing a clause boundary between a trigger and its amount (at most one is crossed). */
    private static final int BOUNDARY_COST = 25;
    /** Farthest window before an amount in which {@code 每股} makes it a unit price. */
    private static final int PER_UNIT_WINDOW = 8;
    /** Farthest a company may stand after an object-taking trigger ({@code 收购墨西哥美洲电信}). */
    private static final int OBJECT_GAP = 4;
    /** Farthest a company may stand before the 股权 that is valued ({@code 白桦电源100%股权}). */
    private static final int EQUITY_GAP = 8;

    /**
     * Types whose subject may go unnamed in a sentence that continues the previous one: the figures
     * of a results report ({@code 净亏损869.3万美元}); deals (investments, rounds, purchases) must
     * name their parties.
     */
    private static final Set<FactType> IMPLICIT_SUBJECT_TYPES = EnumSet.of(
            FactType.REVENUE, FactType.PROFIT, FactType.COST, FactType.MARKET_CAP, FactType.VALUATION);

    private final FactLexicon lexicon;
    private final FactDater dater;
    private final Function<String, String> kindOf;

    /** Loads the fact models from the store; company kinds unknown. */
    public PatternFactExtractor(ModelStore store) {
        this(FactLexicon.load(store), id -> null);
    }

    /**
     * Loads the fact models from the store; {@code kindOf} gives a company id's gazetteer kind
     * ({@code exchange}, {@code media}, {@code data}, {@code listed}...) or null when unknown.
     */
    public PatternFactExtractor(ModelStore store, Function<String, String> kindOf) {
        this(FactLexicon.load(store), kindOf);
    }

    /** An extractor over a loaded lexicon. */
    public PatternFactExtractor(FactLexicon lexicon, Function<String, String> kindOf) {
        this.lexicon = lexicon;
        this.dater = new FactDater(lexicon);
        this.kindOf = kindOf;
    }

    /** The lexicon in use. */
    public FactLexicon lexicon() {
        return lexicon;
    }

    @Override
    public List<Fact> extract(AnalyzedText text, List<Mention> mentions, ResolutionContext context) {
        List<Sentence> sentences = text.sentences();
        if (sentences.isEmpty() || mentions.isEmpty()) {
            return List.of();
        }
        List<List<Mention>> bySentence = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            bySentence.add(new ArrayList<>());
        }
        boolean anyMoney = false;
        for (Mention m : mentions) {
            Sentence s = text.sentenceAt(m.start());
            if (s != null && m.end() <= s.end()) {
                bySentence.get(s.index()).add(m);
                anyMoney |= m instanceof MoneyMention;
            }
        }
        if (!anyMoney) {
            return List.of();
        }
        String t = text.text();
        List<SentenceView> views = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            boolean paragraph = s.index() == 0
                    || t.substring(sentences.get(s.index() - 1).end(), s.start()).indexOf('\n') >= 0;
            views.add(new SentenceView(t, s, bySentence.get(s.index()), text.tokensOf(s), lexicon, paragraph, kindOf));
        }
        DocumentState doc = new DocumentState(views, mainCompany(views, false), mainCompany(views, true) != null, context);
        Map<String, Fact> out = new LinkedHashMap<>();
        List<Fact> previous = List.of();
        for (int i = 0; i < views.size(); i++) {
            List<Fact> facts = views.get(i).moneys.isEmpty() ? List.of() : sentenceFacts(doc, i, previous);
            for (Fact f : facts) {
                out.putIfAbsent(f.type() + "|" + f.subject() + "|" + f.object() + "|" + f.amount().start(), f);
            }
            if (!facts.isEmpty()) {
                doc.lastSubject = facts.get(facts.size() - 1).subjectMention();
                doc.lastSubjectSentence = i;
            }
            previous = facts;
        }
        return List.copyOf(out.values());
    }

    /** What the extractor knows about the document while it walks its sentences. */
    private static final class DocumentState {
        final List<SentenceView> views;
        final CompanyMention main;
        /** Whether the main company is named more often than any other (else the nearest name is the better guess). */
        final boolean mainIsClear;
        final ResolutionContext context;
        CompanyMention lastSubject;
        int lastSubjectSentence = -10;
        int implicitSentence = -1;

        DocumentState(List<SentenceView> views, CompanyMention main, boolean mainIsClear, ResolutionContext context) {
            this.views = views;
            this.main = main;
            this.mainIsClear = mainIsClear;
            this.context = context;
        }
    }

    /** The trigger chosen for an amount, with the amount list it belongs to. */
    private record Binding(Hit hit, MoneyMention head, MoneyMention tail) {
    }

    private List<Fact> sentenceFacts(DocumentState doc, int index, List<Fact> previous) {
        SentenceView v = doc.views.get(index);
        List<Hit> hits = lexicon.scan(v.text, v.start, v.end, v.insideMention);
        List<Fact> facts = new ArrayList<>();
        Map<MoneyMention, List<Fact>> factsOf = new IdentityHashMap<>();
        for (int k = 0; k < v.moneys.size(); k++) {
            MoneyMention m = v.moneys.get(k);
            if (v.inQuotedTitle(m.start()) || isUnitPrice(v, m) || isZero(m)) {
                continue;
            }
            MoneyMention before = k > 0 ? v.moneys.get(k - 1) : null;
            if (before != null && factsOf.containsKey(before) && isConversion(v, before, m)) {
                List<Fact> copies = new ArrayList<>();
                for (Fact f : factsOf.get(before)) {
                    copies.add(withAmount(f, m));
                }
                facts.addAll(copies);
                factsOf.put(m, copies);
                continue;
            }
            Binding b = bind(v, hits, m);
            List<Fact> made;
            if (b == null) {
                made = listContinuation(doc, index, m, facts);
            } else if (!b.hit().trigger().makesFact()) {
                continue;
            } else {
                made = factsFor(doc, index, m, b, previous);
            }
            if (!made.isEmpty()) {
                facts.addAll(made);
                factsOf.put(m, made);
            }
        }
        return facts;
    }

    // ---- amounts and triggers ----

    /** {@code 0元购} is a sales slogan, not an amount anyone paid. */
    private static boolean isZero(MoneyMention m) {
        return m.value() != null && m.value().signum() == 0 && m.min() == null && m.max() == null;
    }

    private boolean isUnitPrice(SentenceView v, MoneyMention m) {
        if (m.per() != null) {
            return true;
        }
        if (lexicon.startingAt(Cue.PER_UNIT_AFTER, v.text, m.end(), v.end) != null) {
            return true;
        }
        int from = Math.max(v.clauseStart(m.start()), m.start() - PER_UNIT_WINDOW);
        return lexicon.lastIndexIn(Cue.PER_UNIT, v.text, from, m.start()) >= 0;
    }

    private boolean isConversion(SentenceView v, MoneyMention first, MoneyMention second) {
        String between = v.text.substring(first.end(), second.start()).strip();
        if (!between.startsWith("(")) {
            return false;
        }
        String rest = between.substring(1).strip();
        return rest.isEmpty() || lexicon.words(Cue.CONVERSION).contains(rest);
    }

    /** The first amount of the list ({@code 2.4亿、7.5亿和15.5亿美元}) that {@code m} belongs to. */
    private MoneyMention listHead(SentenceView v, MoneyMention m) {
        int k = v.moneys.indexOf(m);
        while (k > 0 && listJoined(v, v.moneys.get(k - 1), v.moneys.get(k))) {
            k--;
        }
        return v.moneys.get(k);
    }

    private MoneyMention listTail(SentenceView v, MoneyMention m) {
        int k = v.moneys.indexOf(m);
        while (k + 1 < v.moneys.size() && listJoined(v, v.moneys.get(k), v.moneys.get(k + 1))) {
            k++;
        }
        return v.moneys.get(k);
    }

    private boolean listJoined(SentenceView v, MoneyMention a, MoneyMention b) {
        String between = v.text.substring(a.end(), b.start()).strip();
        return lexicon.words(Cue.CHAIN).contains(between);
    }

    private List<MoneyMention> listOf(SentenceView v, MoneyMention head, MoneyMention tail) {
        int from = v.moneys.indexOf(head);
        int to = v.moneys.indexOf(tail);
        return v.moneys.subList(from, to + 1);
    }

    private Binding bind(SentenceView v, List<Hit> hits, MoneyMention m) {
        MoneyMention head = listHead(v, m);
        MoneyMention tail = listTail(v, m);
        boolean means = lexicon.endingAt(Cue.MEANS, v.text, head.start(), v.clauseStart(head.start())) != null;
        Hit best = null;
        int bestCost = Integer.MAX_VALUE;
        Hit strong = null;
        int strongCost = Integer.MAX_VALUE;
        Hit claim = null;
        int claimCost = Integer.MAX_VALUE;
        for (Hit h : hits) {
            Trigger tr = h.trigger();
            int cost;
            if (h.end() <= head.start()) {
                if (!tr.side().allowsBefore() || v.moneyWithin(h.end(), head.start())
                        || (tr.weak() ? hitBetween(hits, h.end(), head.start()) : strongHitBetween(hits, h.end(), head.start()))) {
                    continue;
                }
                int bounds = v.boundariesBetween(h.end(), head.start());
                int gap = v.gapLength(h.end(), head.start());
                if (bounds > 1 || v.hardBoundariesBetween(h.end(), head.start()) > 0 || gap > MAX_BEFORE_GAP || tr.near() && (gap > NEAR_GAP || bounds > 0)) {
                    continue;
                }
                cost = gap + BOUNDARY_COST * bounds;
            } else if (h.start() >= tail.end()) {
                if (!tr.side().allowsAfter() || v.moneyWithin(tail.end(), h.start())
                        || !means && hitBetween(hits, tail.end(), h.start()) || v.boundariesBetween(tail.end(), h.start()) > 0) {
                    continue;
                }
                int gap = v.gapLength(tail.end(), h.start());
                if (gap > MAX_AFTER_GAP || tr.near() && gap > NEAR_GAP) {
                    continue;
                }
                cost = gap + gap / 2 + 1;
            } else {
                continue;
            }
            boolean vetoed = false;
            for (String w : tr.unless()) {
                int at = v.text.indexOf(w, v.start);
                vetoed |= at >= 0 && at < h.start();
            }
            if (vetoed) {
                continue;
            }
            if (!tr.needs().isEmpty() && !occursBefore(v, tr.needs(), v.clauseStart(Math.min(h.start(), head.start())), h.start())) {
                continue;
            }
            if (!tr.after().isEmpty() && dealVerbBefore(v, tr, Math.min(h.start(), head.start())) == null) {
                continue;
            }
            if (tr.needsObject() && companyAfter(v, h.end(), v.clauseEnd(h.end())) == null) {
                continue;
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = h;
            }
            boolean sameClause = v.boundariesBetween(Math.min(h.start(), head.start()), Math.max(h.end(), tail.end())) == 0;
            if (tr.makesFact() && !tr.weak() && cost < strongCost && sameClause) {
                strongCost = cost;
                strong = h;
            }
            int gapToAmount = h.end() <= head.start() ? v.gapLength(h.end(), head.start()) : v.gapLength(tail.end(), h.start());
            if (!tr.makesFact() && !tr.weak() && cost < claimCost && sameClause && gapToAmount <= NEAR_GAP) {
                claimCost = cost;
                claim = h;
            }
        }
        if (best != null && best.trigger().weak()) {
            if (claim != null && claimCost < strongCost) {
                best = claim;
            } else if (strong != null) {
                best = strong;
            } else {
                int clause = v.clauseStart(head.start());
                for (Hit h : hits) {
                    if (!h.trigger().makesFact() && h.start() >= clause && h.end() <= head.start()) {
                        best = h;
                    }
                }
            }
        }
        return best == null ? null : new Binding(best, head, tail);
    }

    private static boolean hitBetween(List<Hit> hits, int from, int to) {
        for (Hit h : hits) {
            if (h.start() >= from && h.end() <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a trigger other than a weak spending word stands in {@code [from, to)}: {@code 斥资} and
     * {@code 涉资} between a deal word and its amount ({@code 收购衢州光伏 涉资2.1亿元}) let the deal
     * word reach the amount.
     */
    private static boolean strongHitBetween(List<Hit> hits, int from, int to) {
        for (Hit h : hits) {
            if (h.start() >= from && h.end() <= to && !h.trigger().weak()) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of {@code words} starts in {@code [from, to)}. */
    private static boolean occursBefore(SentenceView v, List<String> words, int from, int to) {
        for (String w : words) {
            int at = v.text.lastIndexOf(w, to - w.length());
            if (at >= from) {
                return true;
            }
        }
        return false;
    }

    // ---- facts ----

    private List<Fact> factsFor(DocumentState doc, int index, MoneyMention m, Binding b, List<Fact> previous) {
        SentenceView v = doc.views.get(index);
        Hit hit = b.hit();
        Trigger tr = hit.trigger();
        int anchor = Math.min(b.head().start(), hit.start());
        int[] deal = dealVerbBefore(v, tr, anchor);
        Subjects picked = subjectsFor(doc, index, deal == null ? anchor : deal[0], m, b, previous);
        List<CompanyMention> subjects = picked.companies();
        if (tr.type() == FactType.VALUATION && subjects.size() == 1 && picked.end() >= 0) {
            CompanyMention valued = valuedCompany(doc, index, picked, hit, m);
            subjects = valued == null ? List.of() : List.of(valued);
        }
        Set<String> subjectIds = new HashSet<>();
        subjects.forEach(c -> subjectIds.add(c.id()));
        CompanyMention object = null;
        if (deal != null) {
            object = companyAfter(v, deal[1], v.clauseEnd(deal[1]));
            if (object != null && subjectIds.contains(object.id())) {
                object = null;
            }
        }
        if (object == null) {
            object = objectFor(doc, index, anchor, m, tr.type(), previous, subjectIds);
        }
        String direction = directionOf(v, hit, b.head());
        boolean cumulative = tr.cumulative() || lexicon.lastIndexIn(Cue.CUMULATIVE, v.text, v.clauseStart(anchor), m.start()) >= 0;
        boolean forecast = lexicon.occursIn(Cue.FORECAST, Cue.NOT_FORECAST, v.text, v.start, m.start());
        String date = dater.dateOf(doc.views, index, b.head().start(), doc.context);
        Fact.Span span = new Fact.Span(v.start, v.end);
        List<Fact> out = new ArrayList<>();
        if (subjects.isEmpty() && tr.type() == FactType.INVESTMENT && object != null && !actorAfter(v, anchor)) {
            out.add(new Fact(FactType.FUNDING, object.id(), object, null, null, m, date, cumulative,
                    direction != null, direction, forecast, span, tr.word()));
            return out;
        }
        CompanyMention investor = tr.type() == FactType.INVESTMENT || tr.type() == FactType.FUNDING
                ? investorBefore(v, anchor) : null;
        boolean receives = tr.type() == FactType.INVESTMENT && picked.end() >= 0
                && lexicon.occursIn(Cue.RECEIVE, Cue.NOT_RECEIVE, v.text, picked.end(), Math.max(hit.start(), b.head().start()));
        for (CompanyMention subject : subjects) {
            FactType type = tr.type();
            if (receives && investor == null) {
                out.add(new Fact(FactType.FUNDING, subject.id(), subject, null, null, m, date, cumulative,
                        direction != null, direction, forecast, span, tr.word()));
                continue;
            }
            if (investor != null && !investor.id().equals(subject.id())) {
                out.add(new Fact(FactType.FUNDING, subject.id(), subject, null, null, m, date, cumulative,
                        direction != null, direction, forecast, span, tr.word()));
                out.add(new Fact(FactType.INVESTMENT, investor.id(), investor, subject.id(), subject, m, date, cumulative,
                        direction != null, direction, forecast, span, tr.word()));
                continue;
            }
            CompanyMention obj = type == FactType.INVESTMENT || type == FactType.ACQUISITION ? object : null;
            if (obj != null && obj.id().equals(subject.id())) {
                if (type == FactType.INVESTMENT) {
                    type = FactType.FUNDING;
                }
                obj = null;
            }
            out.add(new Fact(type, subject.id(), subject, obj == null ? null : obj.id(), obj, m, date, cumulative,
                    direction != null, direction, forecast, span, tr.word()));
        }
        List<Fact> withInvestors = new ArrayList<>(out);
        for (Fact f : out) {
            if (f.type() == FactType.FUNDING) {
                for (CompanyMention lead : leadInvestors(doc, index, m)) {
                    if (!lead.id().equals(f.subject())) {
                        withInvestors.add(new Fact(FactType.INVESTMENT, lead.id(), lead, f.subject(), f.subjectMention(),
                                m, date, false, false, null, forecast, span, "领投"));
                    }
                }
            }
        }
        return withInvestors;
    }

    /**
     * For a price word that needs a purchase earlier in the sentence ({@code 购买X股权,交易价...}): the
     * start and end of that purchase word, whose subject and object the price belongs to, when a
     * company is what is bought ({@code 购买理财产品,交易价格...} is none); else null.
     */
    private int[] dealVerbBefore(SentenceView v, Trigger tr, int anchor) {
        if (tr.after().isEmpty()) {
            return null;
        }
        int best = -1;
        int bestEnd = -1;
        for (String w : tr.after()) {
            int at = v.text.lastIndexOf(w, anchor - w.length());
            if (at >= v.start && at > best) {
                best = at;
                bestEnd = at + w.length();
            }
        }
        if (best < 0 || companyAfter(v, bestEnd, v.clauseEnd(bestEnd)) == null) {
            return null;
        }
        return new int[] {best, bestEnd};
    }

    /** The investor named in the amount's clause before it ({@code 获得红杉资本5000万元投资}), or null. */
    private static CompanyMention investorBefore(SentenceView v, int anchor) {
        int floor = v.clauseStart(anchor);
        CompanyMention found = null;
        for (Party p : v.parties) {
            if (p.start() >= floor && p.end() <= anchor && p.role() == Role.INVESTOR) {
                found = p.company();
            }
        }
        return found;
    }

    /** Whether a company that may act is named after {@code pos} (the subject of a fronted clause). */
    private static boolean actorAfter(SentenceView v, int pos) {
        for (Party p : v.parties) {
            if (p.start() >= pos && !p.pronoun() && p.role() == Role.ACTOR) {
                return true;
            }
        }
        return false;
    }

    private static Fact withAmount(Fact f, MoneyMention amount) {
        return new Fact(f.type(), f.subject(), f.subjectMention(), f.object(), f.objectMention(), amount, f.date(),
                f.cumulative(), f.change(), f.direction(), f.forecast(), f.sentence(), f.trigger());
    }

    /**
     * An amount without a trigger of its own continues the fact of an earlier clause: a clause that
     * is only a company and an amount ({@code ,Google200-300亿美元}) gives that company the same
     * fact; a change right after the level ({@code 净利润为4.5亿元,...将增加2.28亿元}) gives the
     * same subject a change fact.
     */
    private List<Fact> listContinuation(DocumentState doc, int index, MoneyMention m, List<Fact> earlier) {
        SentenceView v = doc.views.get(index);
        if (earlier.isEmpty()) {
            return List.of();
        }
        Fact last = earlier.get(earlier.size() - 1);
        if (v.clauseIndex(last.amount().start()) >= v.clauseIndex(m.start())
                || v.hardBoundariesBetween(last.amount().end(), m.start()) > 0) {
            return List.of();
        }
        int cs = v.clauseStart(m.start());
        String change = changeRightBefore(v, cs, m.start());
        if (change != null && !last.change() && v.clauseIndex(m.start()) - v.clauseIndex(last.amount().start()) <= 2
                && !partyBetween(v, last.amount().end(), m.start())) {
            return List.of(new Fact(last.type(), last.subject(), last.subjectMention(), last.object(), last.objectMention(),
                    m, last.date(), false, true, change, last.forecast(), last.sentence(), last.trigger()));
        }
        Party only = null;
        for (Party p : v.parties) {
            if (p.start() >= cs && p.end() <= m.start()) {
                if (only != null || p.pronoun()) {
                    return List.of();
                }
                only = p;
            }
        }
        if (only == null || only.role() != Role.ACTOR || v.gapLength(cs, only.start()) > 0
                || v.gapLength(only.end(), m.start()) > 2) {
            return List.of();
        }
        return List.of(new Fact(last.type(), only.company().id(), only.company(), null, null, m, last.date(),
                last.cumulative(), last.change(), last.direction(), last.forecast(), last.sentence(), last.trigger()));
    }

    /** {@code increase} or {@code decrease} when a change word stands right before {@code pos} in its clause. */
    private String changeRightBefore(SentenceView v, int clauseStart, int pos) {
        int p = pos;
        while (p > clauseStart && v.gapLength(p - 1, pos) <= 1 && !Character.isLetter(v.text.charAt(p - 1))) {
            p--;
        }
        if (lexicon.endingAt(Cue.INCREASE, v.text, p, clauseStart) != null) {
            return "increase";
        }
        if (lexicon.endingAt(Cue.DECREASE, v.text, p, clauseStart) != null) {
            return "decrease";
        }
        return null;
    }

    private static boolean partyBetween(SentenceView v, int from, int to) {
        for (Party p : v.parties) {
            if (p.start() >= from && p.end() <= to) {
                return true;
            }
        }
        return false;
    }

    private String directionOf(SentenceView v, Hit hit, MoneyMention head) {
        if (hit.trigger().direction() != null) {
            return hit.trigger().direction();
        }
        int from = hit.end() <= head.start() ? hit.end() : v.clauseStart(head.start());
        int to = head.start();
        int inc = lexicon.lastIndexIn(Cue.INCREASE, v.text, from, to);
        int dec = lexicon.lastIndexIn(Cue.DECREASE, v.text, from, to);
        int at = Math.max(inc, dec);
        if (at < 0) {
            return null;
        }
        if (lexicon.lastIndexIn(Cue.LEVEL, v.text, at + 1, to) >= 0) {
            return null;
        }
        return inc > dec ? "increase" : "decrease";
    }

    // ---- subjects and objects ----

    /** The subjects chosen for an amount, and where the subject named in the sentence ends (-1: none named). */
    private record Subjects(List<CompanyMention> companies, int end) {
        static final Subjects NONE = new Subjects(List.of(), -1);
    }

    private Subjects subjectsFor(DocumentState doc, int index, int anchor, MoneyMention m, Binding b, List<Fact> previous) {
        SentenceView v = doc.views.get(index);
        int hitClause = v.clauseIndex(b.hit().start());
        int amountClause = v.clauseIndex(m.start());
        int at = -1;
        boolean raising = b.hit().trigger().type() == FactType.FUNDING;
        for (int k = 0; k < v.parties.size(); k++) {
            Party p = v.parties.get(k);
            if (p.end() <= anchor && p.role() == Role.ACTOR
                    && !(raising && !p.pronoun() && lexicon.startingAt(Cue.PARTICIPANT_AFTER, v.text, v.skipBracket(p.end()), v.end) != null)) {
                at = k;
            }
        }
        if (b.hit().trigger().objectPays()) {
            List<Party> payers = payers(v, anchor);
            if (!payers.isEmpty()) {
                List<MoneyMention> amounts = listOf(v, b.head(), b.tail());
                if (payers.size() == 1) {
                    return new Subjects(List.of(payers.get(0).company()), -1);
                }
                if (amounts.size() == payers.size()
                        && lexicon.lastIndexIn(Cue.DISTRIBUTION, v.text, payers.get(0).end(), anchor) >= 0) {
                    return new Subjects(List.of(payers.get(amounts.indexOf(m)).company()), -1);
                }
                return Subjects.NONE;
            }
        }
        Party inBrackets = bracketOwner(v, m);
        if (inBrackets != null && IMPLICIT_SUBJECT_TYPES.contains(b.hit().trigger().type())) {
            return new Subjects(List.of(inBrackets.company()), inBrackets.end());
        }
        if (at >= 0 && someoneElseActs(v, v.parties.get(at), b.hit(), m)) {
            return Subjects.NONE;
        }
        if (at >= 0 && v.parties.get(at).firstHand()
                && v.clauseIndex(v.parties.get(at).start()) != hitClause && v.clauseIndex(v.parties.get(at).start()) != amountClause) {
            return Subjects.NONE;
        }
        if (at < 0) {
            if (!IMPLICIT_SUBJECT_TYPES.contains(b.hit().trigger().type())) {
                return Subjects.NONE;
            }
            CompanyMention implicit = implicitSubject(doc, index, anchor, previous);
            return implicit == null ? Subjects.NONE : new Subjects(List.of(implicit), -1);
        }
        Party subject = v.parties.get(at);
        if (lexicon.startingAt(Cue.OPEN_LIST, v.text, v.skipBracket(subject.end()), v.end) != null) {
            return Subjects.NONE;
        }
        List<Party> listed = subject.pronoun() ? List.of(subject) : chainEndingAt(v, at);
        int until = Math.max(anchor, m.start());
        boolean distributed = lexicon.lastIndexIn(Cue.DISTRIBUTION, v.text, subject.end(), until) >= 0;
        if (!subject.pronoun() && (unnamedMates(v, listed, distributed) || jointAction(v, subject, until))) {
            return Subjects.NONE;
        }
        if (listed.size() > 1) {
            if (!distributed) {
                return Subjects.NONE;
            }
            List<MoneyMention> amounts = listOf(v, b.head(), b.tail());
            if (amounts.size() == listed.size()) {
                return new Subjects(List.of(listed.get(amounts.indexOf(m)).company()), subject.end());
            }
            List<CompanyMention> all = new ArrayList<>();
            listed.forEach(p -> all.add(p.company()));
            return new Subjects(all, subject.end());
        }
        CompanyMention c = resolve(doc, index, subject);
        return c == null ? Subjects.NONE : new Subjects(List.of(c), subject.end());
    }

    /**
     * Whether a list the subject belongs to has members the recognizers did not name
     * ({@code 东岳、南山、西川、北岭证券}, {@code 青峰集团和白石咨询...分别}): no single company's fact.
     * {@code 与} joins a partner, not a co-subject, unless the amounts are distributed ({@code 分别}).
     */
    private boolean unnamedMates(SentenceView v, List<Party> listed, boolean distributed) {
        Party first = listed.get(0);
        int floor = v.clauseStart(first.start());
        int p = first.start();
        while (p > floor && v.text.charAt(p - 1) == ' ') {
            p--;
        }
        String before = lexicon.endingAt(Cue.CHAIN, v.text, p, floor);
        if (before != null && (distributed || !before.equals("与"))) {
            return true;
        }
        Party last = listed.get(listed.size() - 1);
        int after = v.skipBracket(last.end());
        String chain = lexicon.startingAt(Cue.CHAIN, v.text, after, v.end);
        if (chain == null || !distributed && chain.equals("与")) {
            return false;
        }
        int next = after + chain.length();
        while (next < v.end && v.text.charAt(next) == ' ') {
            next++;
        }
        for (Party q : v.parties) {
            if (q.start() == next) {
                return distributed;
            }
        }
        return true;
    }

    /**
     * The companies a penalty is imposed on: the objects of {@code 对} in the amount's clause
     * ({@code 对白桦社交及长河科技分别处以4000万欧元和9000万欧元罚款}), a list in order.
     */
    private static List<Party> payers(SentenceView v, int anchor) {
        List<Party> out = new ArrayList<>();
        int floor = v.clauseStart(anchor);
        for (Party p : v.parties) {
            if (!p.pronoun() && p.role() == Role.OBJECT && p.start() >= floor && p.end() <= anchor) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Whether someone other than the subject acts in the amount's clause: a person named there
     * ({@code 决定没收李强违法所得}) or a word for people ({@code 收到了一名投资者投入的2万元}), between the
     * subject and the amount, and not behind a role word ({@code 向实控人张三}).
     */
    private boolean someoneElseActs(SentenceView v, Party subject, Hit hit, MoneyMention m) {
        int to = Math.max(m.start(), hit.start());
        int from = Math.max(subject.end(), v.clauseStart(Math.min(hit.start(), m.start())));
        for (PersonMention person : v.persons) {
            if (person.start() >= from && person.end() <= to
                    && lexicon.lastIndexIn(Cue.OBJECT_BEFORE, v.text, from, person.start()) < 0
                    && lexicon.lastIndexIn(Cue.ASIDE_BEFORE, v.text, from, person.start()) < 0) {
                return true;
            }
        }
        return lexicon.lastIndexIn(Cue.PERSON_ACTOR, v.text, from, to) >= 0;
    }

    /** {@code A与B共同出资}, {@code A联合B合计}: an amount several companies put up together. */
    private boolean jointAction(SentenceView v, Party subject, int until) {
        int joint = lexicon.lastIndexIn(Cue.JOINT, v.text, subject.end(), until);
        return joint >= 0 && lexicon.startingAt(Cue.PARTNER, v.text, v.skipBracket(subject.end()), joint) != null;
    }

    /**
     * The company a bracket describes when the amount stands inside it: {@code 收购白桦智能(年收入已破1亿美元
     * 的智能体独角兽)} is 白桦智能's revenue, whatever role it has outside.
     */
    private static Party bracketOwner(SentenceView v, MoneyMention m) {
        if (!v.inParentheses(m.start())) {
            return null;
        }
        int depth = 0;
        int open = -1;
        for (int i = m.start() - 1; i >= v.start; i--) {
            char c = v.text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    open = i;
                    break;
                }
                depth--;
            }
        }
        if (open < 0) {
            return null;
        }
        for (Party p : v.parties) {
            if (!p.pronoun() && p.role() != Role.SOURCE && p.end() <= open && v.gapLength(p.end(), open) == 0) {
                return p;
            }
        }
        return null;
    }

    /**
     * The company a valuation belongs to: the company named right before it ({@code 对北岸汽车的估值}), the
     * company whose equity is valued ({@code 白桦电源100%股权(预估值为4.2亿元)}; none when that company
     * is not named as one), the target when the subject is the buyer or investor of the clause
     * ({@code 长河科技提出收购要约,估值...}: the target, or no fact when it is not named), else the subject.
     */
    private CompanyMention valuedCompany(DocumentState doc, int index, Subjects picked, Hit hit, MoneyMention m) {
        SentenceView v = doc.views.get(index);
        CompanyMention subject = picked.companies().get(0);
        int floor = v.clauseStart(hit.start());
        for (Party p : v.parties) {
            if (!p.pronoun() && p.role() != Role.SOURCE && p.end() <= hit.start() && p.start() >= floor
                    && (p.end() == hit.start() || v.text.startsWith("的", p.end()) && p.end() + 1 == hit.start())) {
                return p.company();
            }
        }
        int equity = lexicon.lastIndexIn(Cue.EQUITY, v.text, floor, hit.start());
        if (equity >= floor) {
            for (Party p : v.parties) {
                if (!p.pronoun() && p.end() <= equity && v.gapLength(p.end(), equity) <= EQUITY_GAP
                        && !v.moneyWithin(p.end(), equity)) {
                    return p.company();
                }
            }
            return null;
        }
        int to = v.clauseEnd(m.end());
        for (Hit h : lexicon.scan(v.text, picked.end(), to, Arrays.copyOfRange(v.insideMention, picked.end() - v.start, to - v.start))) {
            FactType t = h.trigger().type();
            if (h.start() == hit.start() || !(t == FactType.ACQUISITION || t == FactType.INVESTMENT && h.trigger().takesObject())) {
                continue;
            }
            if (lexicon.occursIn(Cue.RECEIVE, Cue.NOT_RECEIVE, v.text, picked.end(), h.start())) {
                continue;
            }
            CompanyMention target = companyAfter(v, h.end(), v.clauseEnd(h.end()));
            if (target == null) {
                for (Party p : v.parties) {
                    if (p.role() == Role.OBJECT && !p.pronoun() && p.start() >= picked.end()) {
                        target = p.company();
                        break;
                    }
                }
            }
            return target == null || target.id().equals(subject.id()) ? null : target;
        }
        return subject;
    }

    /** The companies of a list ({@code 北京银行、法国巴黎保险集团}) ending at party {@code last}. */
    private List<Party> chainEndingAt(SentenceView v, int last) {
        List<Party> out = new ArrayList<>();
        out.add(v.parties.get(last));
        int k = last;
        while (k > 0) {
            Party prev = v.parties.get(k - 1);
            Party cur = v.parties.get(k);
            if (prev.pronoun() || prev.role() != cur.role()) {
                break;
            }
            if (!v.chained(prev, cur, lexicon)) {
                break;
            }
            out.add(0, prev);
            k--;
        }
        return out;
    }

    /**
     * A company for a party: itself, or what a pronoun stands for: the company acting before it in the
     * sentence, else the subject of the previous sentence's fact, else (when no company dominates the
     * document) the known company acting in the previous sentence, else the subject of a fact up to three
     * sentences back, else the document's main company.
     */
    private CompanyMention resolve(DocumentState doc, int index, Party p) {
        if (!p.pronoun()) {
            return p.company();
        }
        if (p.objectRef()) {
            return objectReferent(doc, index, p);
        }
        SentenceView v = doc.views.get(index);
        for (int k = v.parties.size() - 1; k >= 0; k--) {
            Party q = v.parties.get(k);
            if (q.end() <= p.start() && !q.pronoun() && !q.firstHand() && (q.role() == Role.ACTOR || q.role() == Role.AFFILIATE)) {
                return q.company();
            }
        }
        if (index > 0 && !doc.mainIsClear && lexicon.startingAt(Cue.CONTINUATION, v.text, v.start, v.end) == null
                && (doc.lastSubject == null || doc.lastSubjectSentence < index - 1)) {
            SentenceView before = doc.views.get(index - 1);
            for (int k = before.parties.size() - 1; k >= 0; k--) {
                Party q = before.parties.get(k);
                if (!q.pronoun() && !q.firstHand() && q.company().known() && (q.role() == Role.ACTOR || q.role() == Role.AFFILIATE)) {
                    return q.company();
                }
            }
        }
        if (doc.lastSubject != null && index - doc.lastSubjectSentence <= 3) {
            return doc.lastSubject;
        }
        return doc.main;
    }

    /**
     * What {@code 该基金}, {@code 合伙企业} or {@code 后者} stands for: the last object named before it in
     * the sentence, else the last company of its clause or the clause before, else the last object of
     * the previous sentence. A fund or partnership word stands only for a company whose name says it is
     * one ({@code ...股权投资合伙企业}, {@code ...基金}).
     */
    private CompanyMention objectReferent(DocumentState doc, int index, Party p) {
        SentenceView v = doc.views.get(index);
        String word = v.text.substring(p.start(), p.end());
        boolean fund = lexicon.lastIndexIn(Cue.FUND_PRONOUN, word, 0, word.length()) >= 0;
        CompanyMention object = null;
        CompanyMention near = null;
        for (Party q : v.parties) {
            if (q.end() > p.start() || q.pronoun() || fund && !isFundName(q.company())) {
                continue;
            }
            if (q.role() == Role.OBJECT) {
                object = q.company();
            } else if (q.role() != Role.SOURCE && q.role() != Role.AFFILIATE
                    && v.clauseIndex(p.start()) - v.clauseIndex(q.start()) <= 1) {
                near = q.company();
            }
        }
        if (object != null || near != null) {
            return object != null ? object : near;
        }
        if (index > 0) {
            for (Party q : doc.views.get(index - 1).parties) {
                if (!q.pronoun() && q.role() == Role.OBJECT && (!fund || isFundName(q.company()))) {
                    object = q.company();
                }
            }
        }
        return object;
    }

    private boolean isFundName(CompanyMention c) {
        return lexicon.lastIndexIn(Cue.FUND_NAME, c.text(), 0, c.text().length()) >= 0;
    }

    /**
     * A company for an object party: itself, or the company a hop leads to ({@code 收购美洲电信旗下的
     * Tracfone}: Tracfone), or what a pronoun stands for among the companies that are not the subject.
     */
    private CompanyMention resolveObject(DocumentState doc, int index, Party p, Set<String> subjectIds) {
        SentenceView v = doc.views.get(index);
        if (!p.pronoun()) {
            int after = v.skipBracket(p.end());
            String hop = lexicon.startingAt(Cue.HOP, v.text, after, v.end);
            if (hop == null) {
                return p.company();
            }
            for (Party q : v.parties) {
                if (!q.pronoun() && q.start() >= after + hop.length()) {
                    if (v.gapLength(after + hop.length(), q.start()) <= OBJECT_GAP
                            && v.boundariesBetween(after, q.start()) == 0) {
                        return q.company();
                    }
                    break;
                }
            }
            return p.company();
        }
        if (p.objectRef()) {
            CompanyMention c = objectReferent(doc, index, p);
            return c == null || subjectIds.contains(c.id()) ? null : c;
        }
        for (int k = v.parties.size() - 1; k >= 0; k--) {
            Party q = v.parties.get(k);
            if (q.end() <= p.start() && !q.pronoun() && !q.firstHand() && q.role() != Role.SOURCE
                    && !subjectIds.contains(q.company().id())) {
                return q.company();
            }
        }
        CompanyMention c = resolve(doc, index, p);
        return c == null || subjectIds.contains(c.id()) ? null : c;
    }

    /**
     * The subject of a sentence that names no company: the previous sentence's subject when this
     * one starts with a continuation word ({@code 其中}, {@code 对此}) or opens with the fact right
     * after a sentence that had one ({@code 净亏损869.3万美元} after the revenue sentence).
     */
    private CompanyMention implicitSubject(DocumentState doc, int index, int anchor, List<Fact> previous) {
        if (index == 0) {
            return null;
        }
        SentenceView v = doc.views.get(index);
        boolean continuation = lexicon.startingAt(Cue.CONTINUATION, v.text, v.start, v.end) != null;
        boolean opensWithFact = !previous.isEmpty() && (v.clauseIndex(anchor) == 0 || doc.implicitSentence == index);
        if (!continuation && !opensWithFact) {
            return null;
        }
        if (!previous.isEmpty()) {
            doc.implicitSentence = index;
            return previous.get(previous.size() - 1).subjectMention();
        }
        SentenceView p = doc.views.get(index - 1);
        for (int k = p.parties.size() - 1; k >= 0; k--) {
            Party q = p.parties.get(k);
            if (!q.pronoun() && !q.firstHand() && q.role() == Role.ACTOR) {
                return q.company();
            }
        }
        return null;
    }

    private CompanyMention objectFor(DocumentState doc, int index, int anchor, MoneyMention m, FactType type,
                                     List<Fact> previous, Set<String> subjectIds) {
        if (type != FactType.INVESTMENT && type != FactType.ACQUISITION) {
            return null;
        }
        SentenceView v = doc.views.get(index);
        CompanyMention marked = null;
        int floor = v.clauseStart(anchor);
        for (Party p : v.parties) {
            if (p.end() <= anchor && p.role() == Role.OBJECT && p.start() >= floor - 1) {
                marked = resolveObject(doc, index, p, subjectIds);
            }
        }
        if (marked == null) {
            for (Party p : v.parties) {
                if (p.end() <= anchor && p.role() == Role.OBJECT && (p.pronoun() || !subjectIds.contains(p.company().id()))) {
                    marked = resolveObject(doc, index, p, subjectIds);
                }
            }
        }
        if (marked != null) {
            return marked;
        }
        int from = v.clauseStart(m.start());
        int to = v.clauseEnd(m.end());
        for (Party p : v.parties) {
            if (p.start() >= m.end() && p.end() <= to && p.role() == Role.OBJECT) {
                return resolveObject(doc, index, p, subjectIds);
            }
        }
        if (to < v.end && v.clauseIndex(to + 1) == v.clauseIndex(to) + 1) {
            to = v.clauseEnd(to + 1);
        }
        for (Hit h : lexicon.scan(v.text, from, to, Arrays.copyOfRange(v.insideMention, from - v.start, to - v.start))) {
            if (!h.trigger().takesObject()) {
                continue;
            }
            CompanyMention after = companyAfter(v, h.end(), to);
            if (after != null) {
                return after;
            }
        }
        if (type == FactType.INVESTMENT && lexicon.startingAt(Cue.CONTINUATION, v.text, v.start, v.end) != null
                && lexicon.lastIndexIn(Cue.OBJECT_BEFORE, v.text, v.clauseStart(anchor), anchor) < 0
                && !previous.isEmpty()) {
            Fact last = previous.get(previous.size() - 1);
            if (last.type() == FactType.FUNDING) {
                return last.subjectMention();
            }
            if (last.type() == FactType.INVESTMENT && last.objectMention() != null) {
                return last.objectMention();
            }
        }
        return null;
    }

    /** The company named right after an object-taking trigger, following {@code 旗下} to the one meant. */
    private CompanyMention companyAfter(SentenceView v, int pos, int clauseEnd) {
        Party first = null;
        int idx = -1;
        for (int k = 0; k < v.parties.size(); k++) {
            Party p = v.parties.get(k);
            if (p.pronoun() && p.start() >= pos && v.text.startsWith("其", p.start())
                    && v.gapLength(pos, p.start()) <= OBJECT_GAP && v.boundariesBetween(pos, p.start()) == 0) {
                return objectNamedBefore(v, pos);
            }
            if (!p.pronoun() && p.start() >= pos && p.end() <= clauseEnd) {
                int gap = v.gapLength(pos, p.start());
                boolean appositive = gap <= SentenceView.APPOSITIVE_SPAN
                        && lexicon.endingAt(Cue.APPOSITIVE, v.text, p.start(), pos) != null;
                if ((gap <= OBJECT_GAP || appositive) && !v.moneyWithin(pos, p.start())
                        && v.boundariesBetween(pos, p.start()) == 0) {
                    first = p;
                    idx = k;
                }
                break;
            }
        }
        if (first == null) {
            return null;
        }
        Party current = first;
        for (int k = idx + 1; k < v.parties.size(); k++) {
            Party next = v.parties.get(k);
            if (next.pronoun() || next.end() > clauseEnd) {
                break;
            }
            int after = v.skipBracket(current.end());
            if (next.start() < after) {
                continue;
            }
            String hop = lexicon.startingAt(Cue.HOP, v.text, after, v.end);
            if (hop == null) {
                break;
            }
            current = next;
        }
        return current.company();
    }

    /** The object named earlier in the sentence that {@code 其} stands for ({@code 向建筑商Terrex提出...收购其多数股权}). */
    private static CompanyMention objectNamedBefore(SentenceView v, int pos) {
        CompanyMention found = null;
        for (Party p : v.parties) {
            if (p.end() <= pos && !p.pronoun() && p.role() == Role.OBJECT) {
                found = p.company();
            }
        }
        return found;
    }

    /** The lead investors of a round: {@code 由Kinnevik领投}, {@code 投资方为明裕创投(领投)}. */
    private List<CompanyMention> leadInvestors(DocumentState doc, int index, MoneyMention m) {
        List<CompanyMention> out = new ArrayList<>();
        SentenceView v = doc.views.get(index);
        collectLeads(v, v.clauseStart(m.start()), out);
        if (index + 1 < doc.views.size()) {
            SentenceView next = doc.views.get(index + 1);
            String s = v.text.substring(next.start, next.end);
            if (s.contains("本轮") || s.contains("此轮") || s.contains("该轮") || s.contains("本次融资") || s.contains("此次融资")) {
                collectLeads(next, next.start, out);
            }
        }
        return out;
    }

    private void collectLeads(SentenceView v, int from, List<CompanyMention> out) {
        Set<String> seen = new HashSet<>();
        out.forEach(c -> seen.add(c.id()));
        for (int k = 0; k < v.parties.size(); k++) {
            Party p = v.parties.get(k);
            if (p.pronoun() || p.start() < from) {
                continue;
            }
            int after = p.end();
            while (after < v.end && (v.text.charAt(after) == '(' || v.text.charAt(after) == ' ')) {
                after++;
            }
            boolean lead = v.text.startsWith("领投", after) || v.text.startsWith("联合领投", after);
            if (!lead) {
                continue;
            }
            for (Party q : chainEndingAt(v, k)) {
                if (seen.add(q.company().id())) {
                    out.add(q.company());
                }
            }
        }
        String investors = "投资方为";
        int at = v.text.indexOf(investors, from);
        if (at >= 0 && at < v.end) {
            int pos = at + investors.length();
            for (int k = 0; k < v.parties.size(); k++) {
                Party p = v.parties.get(k);
                if (p.start() == pos && !p.pronoun()) {
                    int after = v.skipBracket(p.end());
                    boolean alone = after >= v.end || v.clauseStart(after) != v.clauseStart(p.start())
                            || v.text.charAt(after) == '。';
                    if (alone && seen.add(p.company().id())) {
                        out.add(p.company());
                    }
                }
            }
        }
    }

    // ---- document ----

    /**
     * The company the document is about: the one most often named as an actor (not a reporter, object
     * or partner); with {@code clearOnly}, null unless it is named at least twice and more often than
     * any other.
     */
    private static CompanyMention mainCompany(List<SentenceView> views, boolean clearOnly) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, CompanyMention> first = new LinkedHashMap<>();
        for (SentenceView v : views) {
            for (Party p : v.parties) {
                if (p.pronoun() || p.firstHand() || p.role() != Role.ACTOR && p.role() != Role.AFFILIATE) {
                    continue;
                }
                counts.merge(p.company().id(), 1, Integer::sum);
                first.putIfAbsent(p.company().id(), p.company());
            }
        }
        CompanyMention best = null;
        int bestCount = 0;
        int secondCount = 0;
        for (Map.Entry<String, CompanyMention> e : first.entrySet()) {
            int c = counts.get(e.getKey());
            if (c > bestCount) {
                secondCount = bestCount;
                bestCount = c;
                best = e.getValue();
            } else if (c > secondCount) {
                secondCount = c;
            }
        }
        return clearOnly && (bestCount < 2 || bestCount == secondCount) ? null : best;
    }
}
