package org.finfacts.extract.fact;

import org.finfacts.core.ModelStore;
import org.finfacts.facts.FactType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fact stage's reviewed word lists, read once from {@code models/facts/triggers.tsv} (words that
 * type a fact: {@code 营收 -> REVENUE}, {@code 收购 -> ACQUISITION}, and words that claim an amount for
 * no fact: {@code 股价}, {@code 注册资本}) and {@code models/facts/cues.tsv} (role and flag cues:
 * {@code 向} marks an object, {@code 据} a source, {@code 分别} a distribution). Immutable and
 * thread-safe. Example: {@code scan("净利润17亿元", 0, 8, ...)} finds {@code 净利润} as a PROFIT trigger.
 */
public final class FactLexicon {
    /** The model file of triggers. */
    public static final String TRIGGERS = "facts/triggers.tsv";
    /** The model file of cues. */
    public static final String CUES = "facts/cues.tsv";

    /** Where a trigger stands relative to its amount. */
    public enum Side {
        BEFORE, AFTER, BOTH;

        boolean allowsBefore() {
            return this != AFTER;
        }

        boolean allowsAfter() {
            return this != BEFORE;
        }
    }

    /** The cue lists of {@code cues.tsv}. */
    public enum Cue {
        SOURCE_BEFORE, SOURCE_AFTER, OBJECT_BEFORE, ASIDE_BEFORE, INVESTOR_BEFORE, CHAIN, HOP, INVESTOR, PRONOUN, CONTINUATION,
        DISTRIBUTION, INCREASE, DECREASE, LEVEL, CUMULATIVE, FORECAST, NOT_FORECAST, COMPARISON_BEFORE, COMPARISON_AFTER,
        MATURITY_AFTER, SAME_PERIOD, PERIOD_YEAR, PERIOD_QUARTER, NOW, PER_UNIT, PER_UNIT_AFTER, CONVERSION, MEANS, OPEN_LIST, APPOSITIVE, PARENT_AFTER, ASIDE_AFTER,
        INVESTOR_AFTER, AFFILIATE_AFTER, SPEECH, RECEIVE, NOT_RECEIVE, JOINT, PARTNER, NOT_COMPANY, FIRST_HAND_KIND, OBJECT_PRONOUN, FUND_PRONOUN, FUND_NAME, POSSESSED, NOT_COMPANY_AFTER, PARTICIPANT_AFTER, PERSON_ACTOR, EQUITY;

        static Cue parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * One trigger word: {@code type} null for a word that claims the amount for no fact; {@code needs}
     * words one of which must occur earlier in the clause (empty: none needed); {@code unless} words
     * that, earlier in the sentence, keep it from firing; {@code after} words one of which must occur
     * earlier in the sentence ({@code 交易价} after {@code 购买}); {@code needsObject} a word that fires only
     * with a company right after it ({@code 购买Y}); {@code objectPays} a penalty whose payer is the
     * object of {@code 对} ({@code 对Meta处以罚款}).
     */
    public record Trigger(String word, FactType type, Side side, boolean cumulative, String direction,
                          boolean takesObject, boolean near, boolean weak, List<String> needs, List<String> unless,
                          List<String> after, boolean needsObject, boolean objectPays) {
        /** Whether this word makes a fact (false for prices, turnover, registered capital...). */
        public boolean makesFact() {
            return type != null;
        }
    }

    /** A trigger found in the text, at working-copy {@code start}..{@code end}. */
    public record Hit(Trigger trigger, int start, int end) {
    }

    private final Map<String, Trigger> triggers;
    private final int longestTrigger;
    /** Bits of the first and the last characters of the trigger words (most positions start none). */
    private final java.util.BitSet triggerFirst = new java.util.BitSet(1 << 16);
    private final java.util.BitSet triggerLast = new java.util.BitSet(1 << 16);
    private final Map<Cue, List<String>> cues;
    private final Map<Cue, Set<String>> cueSets;
    /** Per cue list (by ordinal), the first characters of its words. */
    private final java.util.BitSet[] cueFirsts;

    private FactLexicon(Map<String, Trigger> triggers, Map<Cue, List<String>> cues) {
        this.triggers = Map.copyOf(triggers);
        int longest = 0;
        for (String w : triggers.keySet()) {
            longest = Math.max(longest, w.length());
            if (!w.isEmpty()) {
                triggerFirst.set(w.charAt(0));
                triggerLast.set(w.charAt(w.length() - 1));
            }
        }
        this.longestTrigger = longest;
        Map<Cue, List<String>> c = new EnumMap<>(Cue.class);
        for (Cue cue : Cue.values()) {
            List<String> words = new ArrayList<>(cues.getOrDefault(cue, List.of()));
            words.sort((a, b) -> b.length() - a.length());
            c.put(cue, List.copyOf(words));
        }
        this.cues = Collections.unmodifiableMap(c);
        Map<Cue, Set<String>> sets = new EnumMap<>(Cue.class);
        for (Cue cue : Cue.values()) {
            sets.put(cue, Set.copyOf(c.get(cue)));
        }
        this.cueSets = Collections.unmodifiableMap(sets);
        this.cueFirsts = new java.util.BitSet[Cue.values().length];
        for (Cue cue : Cue.values()) {
            java.util.BitSet b = new java.util.BitSet(1 << 16);
            for (String w : c.get(cue)) {
                if (!w.isEmpty()) {
                    b.set(w.charAt(0));
                }
            }
            cueFirsts[cue.ordinal()] = b;
        }
    }

    /** Loads both files; a malformed row fails naming its file and line. */
    public static FactLexicon load(ModelStore store) {
        Map<String, Trigger> triggers = new HashMap<>();
        for (ModelStore.Row row : store.rows(TRIGGERS)) {
            Trigger t = parseTrigger(row);
            if (triggers.put(t.word(), t) != null) {
                throw row.error("duplicate trigger " + t.word());
            }
        }
        Map<Cue, List<String>> cues = new EnumMap<>(Cue.class);
        for (ModelStore.Row row : store.rows(CUES)) {
            Cue cue;
            try {
                cue = Cue.parse(row.get(0));
            } catch (IllegalArgumentException e) {
                throw row.error("unknown cue " + row.get(0));
            }
            String word = row.get(1);
            if (word.isEmpty()) {
                throw row.error("cue without a word");
            }
            cues.computeIfAbsent(cue, k -> new ArrayList<>()).add(word);
        }
        return new FactLexicon(triggers, cues);
    }

    private static Trigger parseTrigger(ModelStore.Row row) {
        String word = row.get(0);
        if (word.isEmpty()) {
            throw row.error("trigger without a word");
        }
        FactType type = null;
        if (!row.get(1).equals("NONE")) {
            try {
                type = FactType.valueOf(row.get(1));
            } catch (IllegalArgumentException e) {
                throw row.error("unknown fact type " + row.get(1));
            }
        }
        Side side;
        try {
            side = Side.valueOf(row.get(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw row.error("side must be before, after or both: " + row.get(2));
        }
        boolean cumulative = false;
        boolean takesObject = false;
        boolean near = false;
        boolean weak = false;
        String direction = null;
        boolean needsObject = false;
        boolean objectPays = false;
        List<String> needs = new ArrayList<>();
        List<String> unless = new ArrayList<>();
        List<String> after = new ArrayList<>();
        String flags = row.get(3);
        if (!flags.isEmpty() && !flags.equals("-")) {
            for (String f : flags.split(",")) {
                f = f.strip();
                if (f.equals("cumulative")) {
                    cumulative = true;
                } else if (f.equals("increase") || f.equals("decrease")) {
                    direction = f;
                } else if (f.equals("object")) {
                    takesObject = true;
                } else if (f.equals("near")) {
                    near = true;
                } else if (f.equals("weak")) {
                    weak = true;
                } else if (f.equals("object-pays")) {
                    objectPays = true;
                } else if (f.equals("needs-object")) {
                    needsObject = true;
                } else if (f.startsWith("needs:") && f.length() > 6) {
                    needs.addAll(List.of(f.substring(6).split("\\|")));
                } else if (f.startsWith("after:") && f.length() > 6) {
                    after.addAll(List.of(f.substring(6).split("\\|")));
                } else if (f.startsWith("unless:") && f.length() > 7) {
                    unless.add(f.substring(7));
                } else {
                    throw row.error("unknown flag " + f);
                }
            }
        }
        if (needsObject && !takesObject) {
            throw row.error("needs-object without object: " + word);
        }
        return new Trigger(word, type, side, cumulative, direction, takesObject, near, weak, List.copyOf(needs),
                List.copyOf(unless), List.copyOf(after), needsObject, objectPays);
    }

    /** Number of trigger words (for tests and messages). */
    public int triggerCount() {
        return triggers.size();
    }

    /** The trigger entry of a word, or null. */
    public Trigger trigger(String word) {
        return triggers.get(word);
    }

    /** The words of a cue list, longest first. */
    public List<String> words(Cue cue) {
        return cues.get(cue);
    }

    /** Whether {@code word} is one of the words of a cue list. */
    public boolean isWord(Cue cue, String word) {
        return cueSets.get(cue).contains(word);
    }

    /** Whether a word of the cue list may start with {@code c} (false: none does). */
    public boolean mayStartWord(Cue cue, char c) {
        return cueFirsts[cue.ordinal()].get(c);
    }

    /**
     * Triggers in {@code text[from, to)}, longest match first at each position, skipping positions
     * where {@code skip[i - from]} is set (inside mentions). Non-overlapping, in text order.
     */
    public List<Hit> scan(String text, int from, int to, boolean[] skip) {
        List<Hit> hits = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (skip[i - from]) {
                i++;
                continue;
            }
            Trigger found = null;
            int max = triggerFirst.get(text.charAt(i)) ? Math.min(longestTrigger, to - i) : 0;
            for (int len = max; len >= 1 && found == null; len--) {
                if (!triggerLast.get(text.charAt(i + len - 1))) {
                    continue;
                }
                boolean clear = true;
                for (int k = 0; k < len && clear; k++) {
                    clear = !skip[i + k - from];
                }
                if (clear) {
                    found = triggers.get(text.substring(i, i + len));
                }
            }
            if (found != null) {
                hits.add(new Hit(found, i, i + found.word().length()));
                i += found.word().length();
            } else {
                i++;
            }
        }
        return hits;
    }

    /** The longest word of a cue list that {@code text} has right before {@code pos} (or null). */
    public String endingAt(Cue cue, String text, int pos, int floor) {
        for (String w : cues.get(cue)) {
            int s = pos - w.length();
            if (s >= floor && text.startsWith(w, s)) {
                return w;
            }
        }
        return null;
    }

    /** The longest word of a cue list that {@code text} has right at {@code pos} (or null). */
    public String startingAt(Cue cue, String text, int pos, int ceiling) {
        for (String w : cues.get(cue)) {
            if (pos + w.length() <= ceiling && text.startsWith(w, pos)) {
                return w;
            }
        }
        return null;
    }

    /** Whether any word of the cue list occurs in {@code text[from, to)}; returns the last start or -1. */
    public int lastIndexIn(Cue cue, String text, int from, int to) {
        int best = -1;
        for (String w : cues.get(cue)) {
            // searched within [from, to) only: String.lastIndexOf would scan back to the text's start
            for (int at = to - w.length(); at >= from && at > best; at--) {
                if (text.startsWith(w, at)) {
                    best = at;
                    break;
                }
            }
        }
        return best;
    }

    /**
     * Whether a word of the cue list occurs in {@code text[from, to)} outside every occurrence of a
     * word of the {@code unless} list ({@code 将} counts, {@code 将近} does not).
     */
    public boolean occursIn(Cue cue, Cue unless, String text, int from, int to) {
        for (String w : cues.get(cue)) {
            // searched within [from, to) only: String.indexOf would scan on to the text's end
            for (int at = from; at + w.length() <= to; at++) {
                if (text.startsWith(w, at) && !coveredBy(unless, text, at, at + w.length(), from, to)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean coveredBy(Cue cue, String text, int start, int end, int from, int to) {
        for (String w : cues.get(cue)) {
            for (int s = Math.max(from, end - w.length()); s <= start && s + w.length() <= to; s++) {
                if (text.startsWith(w, s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** All words of the lexicon (triggers and cues), for the model test. */
    public Set<String> allWords() {
        Set<String> out = new LinkedHashSet<>(triggers.keySet());
        cues.values().forEach(out::addAll);
        return out;
    }
}
