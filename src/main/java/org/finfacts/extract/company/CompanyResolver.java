package org.finfacts.extract.company;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Resolver;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.Mention;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.text.Sentence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides and links the company candidates of one document. Names that are companies only in
 * context ({@code 苹果}, {@code 南方}, an unknown Latin name) count when a company cue is near and no
 * contrary cue ({@code rules/cues.tsv}: {@code 苹果股价} yes, {@code 吃苹果} no), when they stand in a
 * list with a company or are joined to one by {@code 向 对 同} ({@code 苹果、微软},
 * {@code 亚马逊向Anthropic追加投资}), or when the same name counted elsewhere in the document
 * (one sense per text: {@code 我爱我家（SZ 000560）} decides the later {@code 我爱我家}), or open a
 * headline followed by a colon ({@code 普利制药：…}). Unknown Latin
 * names take only cues right next to them ({@code 医疗保健公司VillageMD}, {@code Kinnevik领投}). Every mention then gets an id: the gazetteer's (with its ticker as {@code code}
 * unless the text wrote one), the id of the full name a short form stands for, the gazetteer id of a
 * stripped form of the name ({@code 国泰君安证券股份有限公司} is {@code 国泰君安}), or an id derived from
 * the name ({@code 达诚基金管理有限公司} is {@code 达诚基金}, {@code known=false}); a Latin name one letter
 * off a known one takes its id ({@code Anthropc} is {@code Anthropic}); a code written next to
 * one mention of an unknown company is given to all its mentions. A stock code never overrides the
 * written name: it gives its company only when the written name is one of that company's names
 * ({@link Gazetteer#idOfTickerNamed}). A name several companies share ({@code 交银}) takes the
 * candidate its cue, a listed neighbour's kind or another mention points to, else the first
 * ({@code ambiguous.tsv}); a former and a present name of one renamed company in one text share the
 * id written first. Thread-safe.
 */
public final class CompanyResolver implements Resolver<CompanyCandidate> {
    private static final int LEFT_WINDOW = 6;
    private static final int RIGHT_WINDOW = 5;
    /** Characters either side of a shared name searched for the cues of its candidates. */
    private static final int SHARED_WINDOW = 8;
    private static final String LATIN_SCOPE = "@latin";
    /** Cues for unknown Latin names not shaped like a person's name ({@code ZStack表示}, not {@code Murphy表示}). */
    private static final String LATIN_NON_PERSON_SCOPE = "@latin-nonperson";
    /** One to three words, each a capital and lower-case letters: how a person's name is written ({@code Bob Haberkorn}). */
    private static final java.util.regex.Pattern PERSON_SHAPED =
            java.util.regex.Pattern.compile("[A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)?(?: [A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)?){0,2}");
    /** Words that join two names in a list or a relation ({@code 苹果、微软}, {@code 亚马逊向Anthropic追加投资}). */
    private static final List<String> LIST_JOINERS = List.of("、", "和", "与", "及", "以及", ",", "跟", "/", "同", "向", "对");

    private final Gazetteer gazetteer;
    private final NameRules rules;
    /** Name keys of six characters or more that start with an ASCII character, by that character: {@code [key, id]}. */
    private final List<List<String[]>> longKeysByAsciiFirst;
    /** The context cues by the key of the name they are for; those for every name; those for unknown Latin names. */
    private final Map<String, List<NameRules.Cue>> cuesByAliasKey;
    private final List<NameRules.Cue> cuesForAll;
    private final List<NameRules.Cue> cuesForLatin;
    private final List<NameRules.Cue> cuesForLatinNonPerson;
    private final int maxCueLength;

    /** A resolver over the gazetteer and the rules. */
    public CompanyResolver(Gazetteer gazetteer, NameRules rules) {
        this.gazetteer = gazetteer;
        this.rules = rules;
        List<List<String[]>> byFirst = new ArrayList<>(0x80);
        for (int c = 0; c < 0x80; c++) {
            byFirst.add(new ArrayList<>());
        }
        for (Map.Entry<String, String> e : gazetteer.nameKeys().entrySet()) {
            String k = e.getKey();
            if (k.length() >= 6 && k.charAt(0) < 0x80) {
                byFirst.get(k.charAt(0)).add(new String[] {k, e.getValue()});
            }
        }
        this.longKeysByAsciiFirst = byFirst;
        Map<String, List<NameRules.Cue>> cuesByKey = new HashMap<>();
        List<NameRules.Cue> everywhere = new ArrayList<>();
        List<NameRules.Cue> latin = new ArrayList<>();
        List<NameRules.Cue> latinNonPerson = new ArrayList<>();
        for (NameRules.Cue cue : rules.cues()) {
            if (cue.alias().equals("*")) {
                everywhere.add(cue);
            } else {
                cuesByKey.computeIfAbsent(Gazetteer.key(cue.alias()), k -> new ArrayList<>()).add(cue);
            }
            if (cue.alias().equals(LATIN_SCOPE)) {
                latin.add(cue);
            }
            if (cue.alias().equals(LATIN_NON_PERSON_SCOPE)) {
                latinNonPerson.add(cue);
            }
        }
        this.cuesByAliasKey = cuesByKey;
        this.cuesForAll = everywhere;
        this.cuesForLatin = latin;
        this.cuesForLatinNonPerson = latinNonPerson;
        this.maxCueLength = rules.cues().stream().mapToInt(c -> c.word().length()).max().orElse(0);
    }

    @Override
    public List<Mention> resolve(List<CompanyCandidate> candidates, AnalyzedText text, ResolutionContext context) {
        List<CompanyCandidate> accepted = decide(candidates, text);
        Map<CompanyCandidate, String[]> links = new IdentityHashMap<>();
        for (CompanyCandidate c : accepted) {
            links.put(c, link(c, links));
        }
        chooseAmongSharers(accepted, links, text);
        sameNameSameCompany(accepted, links);
        mergePrefixedIds(accepted, links);
        oneIdPerRenamedCompany(accepted, links);
        Map<String, String> codeOfUnknown = new HashMap<>();
        for (CompanyCandidate c : accepted) {
            String[] l = links.get(c);
            if (!"true".equals(l[2]) && l[1] != null) {
                codeOfUnknown.putIfAbsent(l[0], l[1]);
            }
        }
        List<Mention> out = new ArrayList<>(accepted.size());
        for (CompanyCandidate c : accepted) {
            String[] l = links.get(c);
            String code = l[1] != null ? l[1] : codeOfUnknown.get(l[0]);
            out.add(new CompanyMention(c.start(), c.end(), text.text().substring(c.start(), c.end()), l[0], code,
                    c.source().label(), "true".equals(l[2])));
        }
        return out;
    }

    /**
     * Decides the company a shared name stands for ({@code 交银}: 交通银行 or 交银施罗德基金): a candidate
     * whose cue stands near the name ({@code 交银规模为483.8亿元}); else the candidate of the same kind as
     * a company the name is listed with ({@code 工银瑞信和中银、建信}); else the candidate the text names
     * elsewhere by another name, the nearest mention first; else the default (the first row).
     */
    private void chooseAmongSharers(List<CompanyCandidate> accepted, Map<CompanyCandidate, String[]> links,
                                    AnalyzedText text) {
        String t = text.text();
        for (CompanyCandidate c : accepted) {
            List<Gazetteer.Candidate> sharers = c.standsFor() == null ? gazetteer.sharedBy(c.name()) : List.of();
            if (sharers.isEmpty()) {
                continue;
            }
            String id = byCue(c, sharers, text);
            if (id == null) {
                id = byListedKind(c, sharers, accepted, links, t);
            }
            if (id == null) {
                id = byOtherMention(c, sharers, accepted, links);
            }
            if (id == null) {
                id = sharers.get(0).id();
            }
            CompanyEntry e = gazetteer.entry(id);
            String[] l = links.get(c);
            links.put(c, new String[] {id, c.code() != null ? c.code() : e.primaryTicker(), "true"});
            if (l != null && !l[0].equals(id)) {
                for (Map.Entry<CompanyCandidate, String[]> other : links.entrySet()) {
                    if (other.getKey().standsFor() == c) {
                        other.setValue(new String[] {id, null, "true"});
                    }
                }
            }
        }
    }

    private String byCue(CompanyCandidate c, List<Gazetteer.Candidate> sharers, AnalyzedText text) {
        String t = text.text();
        Sentence sentence = text.sentenceAt(c.start());
        int from = Math.max(sentence == null ? 0 : sentence.start(), c.start() - SHARED_WINDOW);
        int to = Math.min(sentence == null ? t.length() : sentence.end(), c.end() + SHARED_WINDOW);
        String around = t.substring(from, c.start()) + " " + t.substring(c.end(), to);
        for (Gazetteer.Candidate s : sharers.subList(1, sharers.size())) {
            for (String cue : s.cues()) {
                if (around.contains(cue)) {
                    return s.id();
                }
            }
        }
        return null;
    }

    private String byListedKind(CompanyCandidate c, List<Gazetteer.Candidate> sharers, List<CompanyCandidate> accepted,
                                Map<CompanyCandidate, String[]> links, String t) {
        for (CompanyCandidate o : accepted) {
            boolean next = (o.end() <= c.start() && joined(t, o.end(), c.start()))
                    || (c.end() <= o.start() && joined(t, c.end(), o.start()));
            if (!next || !gazetteer.sharedBy(o.name()).isEmpty() || links.get(o) == null) {
                continue;
            }
            CompanyEntry neighbour = gazetteer.entry(links.get(o)[0]);
            if (neighbour == null) {
                continue;
            }
            for (Gazetteer.Candidate s : sharers) {
                if (gazetteer.entry(s.id()).kind().equals(neighbour.kind())) {
                    return s.id();
                }
            }
        }
        return null;
    }

    private String byOtherMention(CompanyCandidate c, List<Gazetteer.Candidate> sharers, List<CompanyCandidate> accepted,
                                  Map<CompanyCandidate, String[]> links) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (CompanyCandidate o : accepted) {
            String[] l = links.get(o);
            if (o == c || l == null || !gazetteer.sharedBy(o.name()).isEmpty()) {
                continue;
            }
            for (Gazetteer.Candidate s : sharers) {
                int distance = Math.abs(o.start() - c.start());
                if (s.id().equals(l[0]) && distance < bestDistance) {
                    best = s.id();
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /**
     * Gives every mention of one written name the company a mention of it was linked to by its stock
     * code ({@code 宝龙地产控股(01238)…宝龙地产控股的收入}): one name, one company within a text.
     */
    private void sameNameSameCompany(List<CompanyCandidate> accepted, Map<CompanyCandidate, String[]> links) {
        Map<String, String[]> known = new HashMap<>();
        for (CompanyCandidate c : accepted) {
            String[] l = links.get(c);
            if ("true".equals(l[2])) {
                known.putIfAbsent(Gazetteer.key(c.name()), l);
            }
        }
        for (CompanyCandidate c : accepted) {
            String[] l = links.get(c);
            String[] k = known.get(Gazetteer.key(c.name()));
            if (!"true".equals(l[2]) && k != null) {
                links.put(c, new String[] {k[0], l[1] != null ? l[1] : k[1], "true"});
            }
        }
    }

    /**
     * Gives the former and the present name of one renamed company in one text the id written first
     * ({@code 国泰海通(原国泰君安)}): one company, one id within a text.
     */
    private void oneIdPerRenamedCompany(List<CompanyCandidate> accepted, Map<CompanyCandidate, String[]> links) {
        Map<String, String> firstIdByPresent = new HashMap<>();
        for (CompanyCandidate c : accepted) {
            CompanyEntry e = gazetteer.entry(links.get(c)[0]);
            if (e != null) {
                firstIdByPresent.putIfAbsent(e.presentId(), e.id());
            }
        }
        for (CompanyCandidate c : accepted) {
            String[] l = links.get(c);
            CompanyEntry e = gazetteer.entry(l[0]);
            if (e != null && !firstIdByPresent.get(e.presentId()).equals(e.id())) {
                links.put(c, new String[] {firstIdByPresent.get(e.presentId()), l[1], l[2]});
            }
        }
    }

    /**
     * Gives an unknown company the id of a longer name in the same text that only adds {@code 中国} or a
     * region in front ({@code 联合水务集团} is {@code 中国联合水务集团}).
     */
    private void mergePrefixedIds(List<CompanyCandidate> accepted, Map<CompanyCandidate, String[]> links) {
        Set<String> ids = new HashSet<>();
        for (CompanyCandidate c : accepted) {
            ids.add(links.get(c)[0]);
        }
        for (CompanyCandidate c : accepted) {
            String[] l = links.get(c);
            if ("true".equals(l[2])) {
                continue;
            }
            for (String other : ids) {
                if (other.length() > l[0].length() && other.endsWith(l[0]) && l[0].length() >= 3) {
                    String prefix = other.substring(0, other.length() - l[0].length());
                    if (prefix.equals("中国") || rules.regionKind(prefix) != null) {
                        links.put(c, new String[] {other, l[1], l[2]});
                        break;
                    }
                }
            }
        }
    }

    /** {@code [id, code, known]} of one candidate. */
    private String[] link(CompanyCandidate c, Map<CompanyCandidate, String[]> links) {
        if (c.standsFor() != null) {
            String[] full = links.get(c.standsFor());
            if (full == null) {
                full = link(c.standsFor(), links);
            }
            return new String[] {full[0], null, full[2]};
        }
        String id = c.entryId();
        if (id == null) {
            List<String> stages = CompanyIds.stages(c.name(), rules);
            for (int i = 0; i < stages.size() && id == null; i++) {
                String s = stages.get(i);
                if (i == 0 || s.length() >= 3) {
                    id = gazetteer.idOf(s);
                }
            }
            if (id == null && c.code() != null) {
                id = gazetteer.idOfTickerNamed(c.code(), c.name());
            }
            if (id == null && c.source() == CompanyCandidate.Source.LATIN) {
                id = misspeltLatinName(c.name());
            }
        }
        CompanyEntry entry = gazetteer.entry(id);
        if (entry != null) {
            return new String[] {entry.id(), c.code() != null ? c.code() : entry.primaryTicker(), "true"};
        }
        return new String[] {CompanyIds.derive(c.name(), rules, n -> gazetteer.idOf(n) != null), c.code(), "false"};
    }

    /**
     * The id of a gazetteer Latin name of six letters or more that the written name misses by one
     * letter ({@code Anthropc} is {@code Anthropic}), or null; only when exactly one id is that close.
     */
    private String misspeltLatinName(String written) {
        String w = Gazetteer.key(written);
        if (w.length() < 6 || !w.chars().allMatch(ch -> ch < 0x80)) {
            return null;
        }
        String found = null;
        for (String[] e : longKeysByAsciiFirst.get(w.charAt(0))) {
            String k = e[0];
            if (Math.abs(k.length() - w.length()) <= 1 && oneEditApart(k, w)) {
                if (found != null && !found.equals(e[1])) {
                    return null;
                }
                found = e[1];
            }
        }
        return found;
    }

    /** Whether one insertion, deletion, substitution or swap of neighbours turns {@code a} into {@code b}. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (first < 0) {
                        first = i;
                    }
                    diffs++;
                }
            }
            return diffs == 1 || (diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return longer.substring(i + 1).equals(shorter.substring(i));
    }

    private List<CompanyCandidate> decide(List<CompanyCandidate> candidates, AnalyzedText text) {
        Set<CompanyCandidate> accepted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<CompanyCandidate> open = new ArrayList<>();
        for (CompanyCandidate c : candidates) {
            if (c.ambiguous()) {
                open.add(c);
            } else {
                accepted.add(c);
            }
        }
        Set<CompanyCandidate> rejected = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (CompanyCandidate c : open) {
            int verdict = cueVerdict(c, text);
            if (verdict > 0) {
                accepted.add(c);
            } else if (verdict < 0) {
                rejected.add(c);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<String> acceptedNames = new HashSet<>();
            for (CompanyCandidate c : accepted) {
                acceptedNames.add(Gazetteer.key(c.name()));
            }
            for (CompanyCandidate c : open) {
                if (accepted.contains(c) || rejected.contains(c)) {
                    continue;
                }
                if (acceptedNames.contains(Gazetteer.key(c.name()))
                        || inListWithCompany(c, candidates, accepted, text.text())) {
                    accepted.add(c);
                    changed = true;
                }
            }
        }
        List<CompanyCandidate> out = new ArrayList<>();
        for (CompanyCandidate c : candidates) {
            if (accepted.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private boolean inListWithCompany(CompanyCandidate c, List<CompanyCandidate> all, Set<CompanyCandidate> accepted,
                                      String text) {
        for (CompanyCandidate o : all) {
            if (o == c || !accepted.contains(o)) {
                continue;
            }
            if (o.end() <= c.start() && joined(text, o.end(), c.start())) {
                return true;
            }
            if (c.end() <= o.start() && joined(text, c.end(), o.start())) {
                return true;
            }
        }
        return false;
    }

    private static boolean joined(String text, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        String between = text.substring(from, to).strip();
        return LIST_JOINERS.contains(between);
    }

    /** A name that opens a line or a bracketed headline and is followed by a colon ({@code 普利制药：…}). */
    private static boolean isHeadline(String t, CompanyCandidate c) {
        boolean opens = c.start() == 0 || "\n【[「。 ".indexOf(t.charAt(c.start() - 1)) >= 0;
        return opens && c.end() < t.length() && (t.charAt(c.end()) == ':' || t.charAt(c.end()) == '：');
    }

    /** {@code 1} when a company cue decides, {@code -1} when a contrary cue does, else {@code 0}. */
    private int cueVerdict(CompanyCandidate c, AnalyzedText text) {
        String t = text.text();
        Sentence sentence = text.sentenceAt(c.start());
        int sentStart = sentence == null ? 0 : sentence.start();
        int sentEnd = sentence == null ? t.length() : sentence.end();
        String left = t.substring(Math.max(sentStart, c.start() - LEFT_WINDOW), c.start());
        String right = t.substring(c.end(), Math.min(sentEnd, t.length()));
        boolean latin = c.source() == CompanyCandidate.Source.LATIN;
        String key = Gazetteer.key(c.name());
        boolean company = false;
        boolean not = false;
        List<NameRules.Cue> applying = new ArrayList<>();
        if (latin) {
            applying.addAll(cuesForLatin);
            if (!PERSON_SHAPED.matcher(c.name()).matches()) {
                applying.addAll(cuesForLatinNonPerson);
            }
        } else {
            applying.addAll(cuesForAll);
            applying.addAll(cuesByAliasKey.getOrDefault(key, List.of()));
        }
        String leftStripped = latin ? left.stripTrailing() : null;
        String rightStripped = latin ? right.stripLeading() : null;
        boolean rightDe = right.startsWith("的");
        // a cue counts on the right only when it starts within RIGHT_WINDOW characters
        String rightWindow = latin ? null : right.substring(0, Math.min(right.length(), RIGHT_WINDOW + maxCueLength));
        for (NameRules.Cue cue : applying) {
            boolean near;
            if (latin) {
                near = leftStripped.endsWith(cue.word()) || rightStripped.startsWith(cue.word())
                        || rightDe && right.startsWith(cue.word(), 1);
            } else {
                near = left.contains(cue.word());
                int at = rightWindow.indexOf(cue.word());
                near |= at >= 0 && at <= RIGHT_WINDOW;
            }
            if (near) {
                if (cue.company()) {
                    company = true;
                } else {
                    not = true;
                }
            }
        }
        if (not) {
            return -1;
        }
        if (!latin && isHeadline(t, c)) {
            return 1;
        }
        return company ? 1 : 0;
    }
}
