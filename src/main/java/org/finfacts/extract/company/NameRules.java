package org.finfacts.extract.company;

import org.finfacts.core.ModelStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The company stage's rules as data, read from {@code models/companies/rules/}: company endings
 * ({@code suffixes.tsv}), id endings ({@code id-endings.tsv}), places ({@code regions.tsv}), words that
 * end the text before a name ({@code left-stops.tsv}), words that are no name ({@code generic-cores.tsv}),
 * words that turn a weak ending into an ordinary word ({@code suffix-continuations.tsv}), roles
 * that introduce a company ({@code roles.tsv}),
 * things that are not companies ({@code not-companies.tsv}), context cues ({@code cues.tsv}) and Latin
 * words ({@code latin.tsv}). Immutable after loading. Example: {@code isStrongSuffix("有限公司")}.
 */
public final class NameRules {
    static final String FOLDER = "companies/rules/";

    /** A context cue: the word, whether it speaks for the company, and the alias it applies to ({@code *}: all). */
    public record Cue(String word, boolean company, String alias) {
    }

    /**
     * A frame that shows an unknown name is a company ({@code frames.tsv}): the cue, whether the name
     * comes before it ({@code 创始人}) or a list of names after it ({@code 投资方包括}), words of which one
     * must follow the cue in its clause ({@code 融资}), and whether nouns alone are enough.
     */
    public record Frame(String word, boolean nameBefore, List<String> needs, boolean strong) {
    }

    private final Map<String, Boolean> suffixes;
    private final List<String> suffixesLongestFirst;
    private final List<String[]> idEndings;
    private final Map<String, String> regions;
    private final List<String> regionsLongestFirst;
    /** {@link #regionsLongestFirst} by first character, in the same order. */
    private final org.finfacts.text.CharTable<List<String>> regionsByFirst;
    private final Set<String> leftStops;
    /** First characters and greatest length of the left-stop words. */
    private final java.util.BitSet leftStopFirsts = new java.util.BitSet(1 << 16);
    private final int maxLeftStop;
    private final Set<String> genericCores;
    private final Set<String> nameWords;
    private final Set<String> industries;
    private final List<String> frameStops;
    private final Set<String> frameHeadNouns;
    private final String frameBadEnds;
    private final Set<String> genericAliases;
    private final List<String> continuations;
    private final List<String> roles;
    private final Map<String, String> notCompanies;
    private final List<Cue> cues;
    private final List<Frame> frames;
    private final Set<String> latinCompanyWords;
    private final Set<String> latinNotCompanies;

    private NameRules(ModelStore store) {
        suffixes = new LinkedHashMap<>();
        for (ModelStore.Row r : store.rows(FOLDER + "suffixes.tsv")) {
            String strength = r.get(1);
            if (!strength.equals("strong") && !strength.equals("weak")) {
                throw r.error("strength must be strong or weak: " + strength);
            }
            suffixes.put(r.get(0), strength.equals("strong"));
        }
        suffixesLongestFirst = new ArrayList<>(suffixes.keySet());
        suffixesLongestFirst.sort(Comparator.comparingInt(String::length).reversed());
        idEndings = new ArrayList<>();
        for (ModelStore.Row r : store.rows(FOLDER + "id-endings.tsv")) {
            String kind = r.get(1);
            if (!Set.of("legal", "descriptor").contains(kind)) {
                throw r.error("kind must be legal or descriptor: " + kind);
            }
            idEndings.add(new String[] {r.get(0), kind, r.get(2)});
        }
        idEndings.sort(Comparator.comparingInt((String[] e) -> e[0].length()).reversed());
        regions = new HashMap<>();
        for (ModelStore.Row r : store.rows(FOLDER + "regions.tsv")) {
            if (!Set.of("province", "city", "district", "country").contains(r.get(1))) {
                throw r.error("kind must be province, city, district or country: " + r.get(1));
            }
            regions.put(r.get(0), r.get(1));
        }
        regionsLongestFirst = new ArrayList<>(regions.keySet());
        regionsLongestFirst.sort(Comparator.comparingInt(String::length).reversed());
        Map<Character, List<String>> byFirst = new HashMap<>();
        for (String r : regionsLongestFirst) {
            if (!r.isEmpty()) {
                byFirst.computeIfAbsent(r.charAt(0), k -> new ArrayList<>()).add(r);
            }
        }
        regionsByFirst = org.finfacts.text.CharTable.of(byFirst);
        leftStops = new HashSet<>(column(store, "left-stops.tsv"));
        int longest = 0;
        for (String w : leftStops) {
            if (!w.isEmpty()) {
                leftStopFirsts.set(w.charAt(0));
            }
            longest = Math.max(longest, w.length());
        }
        maxLeftStop = longest;
        genericCores = new HashSet<>(column(store, "generic-cores.tsv"));
        nameWords = new HashSet<>(column(store, "name-words.tsv"));
        industries = new HashSet<>(column(store, "industries.tsv"));
        frameStops = column(store, "frame-stops.tsv");
        frameHeadNouns = new HashSet<>(column(store, "frame-head-nouns.tsv"));
        StringBuilder badEnds = new StringBuilder();
        for (ModelStore.Row r : store.rows(FOLDER + "frame-bad-ends.tsv")) {
            if (r.get(0).length() != 1) {
                throw r.error("one character per line: " + r.get(0));
            }
            badEnds.append(r.get(0));
        }
        frameBadEnds = badEnds.toString();
        genericAliases = new HashSet<>(column(store, "generic-aliases.tsv"));
        continuations = column(store, "suffix-continuations.tsv");
        roles = column(store, "roles.tsv");
        frames = new ArrayList<>();
        for (ModelStore.Row r : store.rows(FOLDER + "frames.tsv")) {
            if (!Set.of("after", "before").contains(r.get(1))) {
                throw r.error("side must be after or before: " + r.get(1));
            }
            if (!Set.of("strong", "weak").contains(r.get(3))) {
                throw r.error("strength must be strong or weak: " + r.get(3));
            }
            List<String> needs = r.get(2).isEmpty() ? List.of() : List.of(r.get(2).split("\\|"));
            frames.add(new Frame(r.get(0), r.get(1).equals("after"), needs, r.get(3).equals("strong")));
        }
        roles.sort(Comparator.comparingInt(String::length).reversed());
        notCompanies = new HashMap<>();
        for (ModelStore.Row r : store.rows(FOLDER + "not-companies.tsv")) {
            if (r.get(1).isEmpty()) {
                throw r.error("a non-company needs a kind");
            }
            notCompanies.put(Gazetteer.key(r.get(0)), r.get(1));
        }
        cues = new ArrayList<>();
        for (ModelStore.Row r : store.rows(FOLDER + "cues.tsv")) {
            if (!r.get(1).equals("company") && !r.get(1).equals("not")) {
                throw r.error("polarity must be company or not: " + r.get(1));
            }
            cues.add(new Cue(r.get(0), r.get(1).equals("company"), r.get(2).isEmpty() ? "*" : r.get(2)));
        }
        latinCompanyWords = new HashSet<>();
        latinNotCompanies = new HashSet<>();
        for (ModelStore.Row r : store.rows(FOLDER + "latin.tsv")) {
            switch (r.get(1)) {
                case "company-word":
                    latinCompanyWords.add(r.get(0));
                    break;
                case "not-company":
                    latinNotCompanies.add(r.get(0).toLowerCase(java.util.Locale.ROOT));
                    break;
                default:
                    throw r.error("role must be company-word or not-company: " + r.get(1));
            }
        }
    }

    /** Loads the rules; a malformed row fails naming its file and line. */
    public static NameRules load(ModelStore store) {
        return new NameRules(store);
    }

    private static List<String> column(ModelStore store, String file) {
        List<String> out = new ArrayList<>();
        for (ModelStore.Row r : store.rows(FOLDER + file)) {
            out.add(r.get(0));
        }
        return out;
    }

    /** Company endings, longest first. */
    public List<String> suffixes() {
        return suffixesLongestFirst;
    }

    /** Whether the ending marks a company by itself ({@code 有限公司}) rather than only after a proper name. */
    public boolean isStrongSuffix(String suffix) {
        return Boolean.TRUE.equals(suffixes.get(suffix));
    }

    /** Id endings, longest first: {@code [ending, kind, replacement]}, kind {@code legal} or {@code descriptor}. */
    public List<String[]> idEndings() {
        return idEndings;
    }

    /** The kind of a place name ({@code province city district country}), or null. */
    public String regionKind(String name) {
        return regions.get(name);
    }

    /** The longest place name {@code text} starts with at {@code from}, or null. */
    public String regionAt(String text, int from) {
        List<String> candidates = from >= 0 && from < text.length() ? regionsByFirst.get(text.charAt(from)) : null;
        if (candidates != null) {
            for (String r : candidates) {
                if (text.startsWith(r, from)) {
                    return r;
                }
            }
        }
        return regions.containsKey("") && text.startsWith("", from) ? "" : null;
    }

    /** Whether the word ends the text before a company name. */
    public boolean isLeftStop(String word) {
        if (!word.isEmpty() && (word.length() > maxLeftStop || !leftStopFirsts.get(word.charAt(0)))) {
            return false; // checked without hashing the word: most words are no left stop
        }
        return leftStops.contains(word);
    }

    /** The left-stop words. */
    public Set<String> leftStops() {
        return leftStops;
    }

    /** Whether the text at {@code from} continues a weak ending into an ordinary word ({@code 控股|股东}). */
    public boolean continuesWeakSuffix(String text, int from) {
        for (String c : continuations) {
            if (text.startsWith(c, from)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name a frame shows ends in a word of no company ({@code 法院}, {@code 市场}, {@code 兼}). */
    public boolean endsWithFrameStop(String name) {
        for (String w : frameStops) {
            if (name.endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /** The frames that show an unknown name is a company. */
    public List<Frame> frames() {
        return frames;
    }

    /** Roles that introduce a company name right after them ({@code 全资子公司}, {@code 控股股东}), longest first. */
    public List<String> roles() {
        return roles;
    }

    /** Whether the word heads a descriptor before a framed name ({@code 少儿编程企业|编程猫}; {@code frame-head-nouns.tsv}). */
    public boolean isFrameHeadNoun(String word) {
        return frameHeadNouns.contains(word);
    }

    /** Whether the character ends a clause, not a name, before a frame cue ({@code 消费者可|获得}; {@code frame-bad-ends.tsv}). */
    public boolean isFrameBadEnd(char c) {
        return frameBadEnds.indexOf(c) >= 0;
    }

    /** Whether a defined short form is a common noun, no alias ({@code (以下简称"公司")}; {@code generic-aliases.tsv}). */
    public boolean isGenericAlias(String alias) {
        return genericAliases.contains(alias);
    }

    /** Whether the word, before a company ending, is no name ({@code 子}, {@code 上市}, {@code 该}). */
    public boolean isGenericCore(String word) {
        return genericCores.contains(word);
    }

    /**
     * Whether a name part says only what kind of company it is: after an optional place
     * ({@code 广东}, {@code 海淀区}), it is made of generic words ({@code generic-cores.tsv}) and lines of
     * business ({@code industries.tsv}) of two characters or more alone ({@code 风电}, {@code 网络|科技},
     * {@code 新三板|挂牌}, {@code 私募股权}).
     */
    public boolean isGenericPhrase(String core) {
        String rest = core;
        String region = regionAt(rest, 0);
        if (region != null && !region.isEmpty() && region.length() < rest.length()) {
            int cut = region.length();
            while (cut < rest.length() && "省市区县".indexOf(rest.charAt(cut)) >= 0) {
                cut++;
            }
            rest = rest.substring(cut);
        }
        if (rest.isEmpty()) {
            return false;
        }
        boolean[] reach = new boolean[rest.length() + 1];
        reach[0] = true;
        for (int i = 0; i < rest.length(); i++) {
            if (!reach[i]) {
                continue;
            }
            for (int j = i + 2; j <= rest.length(); j++) {
                String word = rest.substring(i, j);
                if (genericCores.contains(word) || industries.contains(word)) {
                    reach[j] = true;
                }
            }
        }
        return reach[rest.length()];
    }

    /** Whether a verb, adverb or direction word is also a word of company names ({@code 联合}, {@code 希望}). */
    public boolean isNameWord(String word) {
        return nameWords.contains(word);
    }

    /** The kind of a thing that is not a company ({@code regulator}, {@code index}, {@code product}, ...), or null. */
    public String notCompanyKind(String name) {
        return notCompanies.get(Gazetteer.key(name));
    }

    /** Every non-company name key with its kind. */
    public Map<String, String> notCompanies() {
        return notCompanies;
    }

    /** The context cues. */
    public List<Cue> cues() {
        return cues;
    }

    /** Whether a Latin word, last in a name, makes it a company name ({@code Ventures}, {@code Capital}). */
    public boolean isLatinCompanyWord(String word) {
        return latinCompanyWords.contains(word);
    }

    /** Whether a Latin name is never a company alone ({@code CEO}, {@code IPO}, {@code ETF}). */
    public boolean isLatinNotCompany(String name) {
        return latinNotCompanies.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
