package org.finfacts.extract.company;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Extractor;
import org.finfacts.tokenize.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds company names in the working copy, from five sources: every gazetteer name, matched in one
 * pass by an {@link AhoCorasick} automaton (Latin names only as whole words, two-character Chinese
 * names only on token boundaries, so {@code 平安} is not found in {@code 平安夜}); names before a
 * company ending ({@code …股份有限公司}, {@code …集团}), their start found by {@link NameBoundary}; names
 * before a stock code or quote ({@code 宝龙地产(01238)}); capitalised Latin names
 * ({@code Town Hall Ventures}, {@code Anthropic}); and short forms the text defines
 * ({@code (以下简称"万豪投资")}) or short names of full names found elsewhere in the document
 * ({@code 太和先机} after {@code 西藏太和先机投资管理有限公司}). Longer names win over names inside them;
 * names of things that are not companies ({@code rules/not-companies.tsv}: {@code 纳斯达克指数},
 * {@code 证监会}, {@code ChatGPT}) and fund products ({@code 工银瑞信沪深300指数基金}) hide the company
 * names inside them. Thread-safe.
 */
public final class CompanyExtractor implements Extractor<CompanyCandidate> {
    private static final String LATIN_WORD = "[A-Z](?:[A-Za-z&'\\-]|[0-9](?=[0-9]*[A-Za-z]))*(?:[./][A-Za-z][A-Za-z&'\\-]*)*";
    private static final Set<String> ABBREVIATIONS = Set.of("Inc", "Ltd", "Co", "Corp", "Bhd", "Sdn", "Pte", "Plc", "Cos");
    private static final Pattern LATIN_CONTINUATION = Pattern.compile(" " + CompanyExtractor.LATIN_WORD + "(?: " + CompanyExtractor.LATIN_WORD + ")*");
    private static final Pattern LATIN_NAME = Pattern.compile(
            "(?<![A-Za-z0-9&._/@-])" + CompanyExtractor.LATIN_WORD + "(?: (?:" + CompanyExtractor.LATIN_WORD + "|&|and|of|de))*");
    private static final Pattern DEFINITION = Pattern.compile(
            "^\\s*\\(\\s*(?:以下|下文|下|以下均)?(?:简称|称)\\s*[:：]?\\s*(?:[\"“'‘「『]([^\"”'’」』()]{2,20})[\"”'’」』]|(\\p{IsHan}{2,10}|[A-Za-z][A-Za-z0-9&.\\-]{1,20}))\\s*[)，,;；]");
    private static final Pattern LATIN_IN_BRACKETS = Pattern.compile("^\\s*\\(\\s*([A-Z][A-Za-z0-9&.' \\-]{1,40}?)\\s*[)，,]");
    private static final Pattern BRANCH = Pattern.compile("^\\p{IsHan}{2,8}?(?:分行|支行|分公司|营业部)");
    private static final List<String> NOT_IN_PRODUCT = List.of("旗下", "只", "支", "发行", "管理", "公司", "的", "和", "与", "及", "等");
    private static final int MAX_TICKER_NAME = 12;
    /** Characters after a quote searched for the rest of a name the quote cut ({@code (国际)}). */
    private static final int MAX_QUOTE_TAIL = 8;
    private static final int MAX_ROLE_NAME = 10;
    /** Longest name a frame shows, and most names of a list after a frame cue. */
    private static final int MAX_FRAME_NAME = 10;
    private static final int MAX_FRAME_LIST = 8;
    /** Characters after a frame cue searched for the word it needs ({@code 宣布完成…融资}). */
    private static final int MAX_NEED_DISTANCE = 30;
    private static final Pattern HONORIFIC = Pattern.compile("(?:先生|女士|等人|夫妇)$");
    private static final String FUNCTION_CHARS = "和与及的在是为对向被把将从给跟等涨跌";
    /** Characters after a name that may open a longer glued token ({@code 钛白|涨超}). */
    private static final String GLUED_AFTER = "涨跌";
    private static final Pattern RISK_WARNING = Pattern.compile("(?<![A-Za-z0-9*])(?:S\\*ST|\\*ST|SST|ST)\\p{IsHan}{2}");
    private static final int MAX_PRODUCT_TAIL = 10;
    /** Single characters that are word endings or counters, not pieces of an unknown name. */
    private static final String AFFIXES = "系型类式性家只个等业界方者化级期们部局处所站网上下中内外的了和与及或在对向把被将有无不没很更最都也还就又";
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Z]{1,6}\\.(?:US|HK|SH|SZ|BJ|N|O)");
    private static final Set<String> CONNECTORS = Set.of("&", "and", "of", "de");
    /** The country Chinese names begin with ({@code 中国平安}), which a name keeps. */
    private static final String HOME_COUNTRY = "中国";

    private final Gazetteer gazetteer;
    private final NameRules rules;
    private final NameBoundary boundary;
    private final AhoCorasick<Name> names;
    private final AhoCorasick<String> suffixes;
    private final AhoCorasick<NameRules.Frame> frameCues;

    /** A key of the name automaton: a company name or a blocking non-company name. */
    record Name(String id, boolean blocker, boolean ambiguous, Set<String> surfaces, String kind) {
    }

    /** A span that hides company names inside it (a non-company name, a fund product). */
    private record Blocker(int start, int end) {
    }

    /**
     * A stock code or quote after a name: where the name ends, the code (null for a quote), and for a
     * quote alone where the name may go on after it ({@code 国泰君安(18.100,-0.23,-1.25%)国际}), else -1.
     */
    private record CodeMark(int nameEnd, String code, int resumeAt) {
    }

    /** Builds the matchers over the gazetteer and the rules. */
    public CompanyExtractor(Gazetteer gazetteer, NameRules rules) {
        this.gazetteer = gazetteer;
        this.rules = rules;
        this.boundary = new NameBoundary(rules);
        Map<String, Name> keys = new HashMap<>();
        Map<String, Set<String>> surfaces = new HashMap<>();
        for (CompanyEntry e : gazetteer.entries()) {
            for (String n : e.names()) {
                surfaces.computeIfAbsent(Gazetteer.key(n), k -> new HashSet<>()).add(n.strip());
            }
        }
        for (Map.Entry<String, String> e : gazetteer.nameKeys().entrySet()) {
            CompanyEntry entry = gazetteer.entry(e.getValue());
            keys.put(e.getKey(), new Name(e.getValue(), false, gazetteer.isAmbiguous(e.getKey()),
                    surfaces.getOrDefault(e.getKey(), Set.of(e.getKey())), entry == null ? null : entry.kind()));
        }
        for (Map.Entry<String, String> e : rules.notCompanies().entrySet()) {
            keys.put(e.getKey(), new Name(null, true, false, Set.of(), e.getValue()));
        }
        this.names = new AhoCorasick<>(keys);
        Map<String, String> suffixKeys = new LinkedHashMap<>();
        for (String s : rules.suffixes()) {
            suffixKeys.put(s, s);
        }
        this.suffixes = new AhoCorasick<>(suffixKeys);
        Map<String, NameRules.Frame> frameKeys = new LinkedHashMap<>();
        for (NameRules.Frame f : rules.frames()) {
            frameKeys.put(f.word(), f);
        }
        this.frameCues = new AhoCorasick<>(frameKeys);
    }

    /** Number of names the automaton matches (company names and blocking names). */
    public int automatonSize() {
        return names.size();
    }

    @Override
    public List<CompanyCandidate> find(AnalyzedText analyzed) {
        String text = analyzed.text();
        if (text.isEmpty()) {
            return List.of();
        }
        TokenGrid grid = new TokenGrid(analyzed);
        List<CompanyCandidate> found = new ArrayList<>();
        List<Blocker> blockers = new ArrayList<>();
        for (AhoCorasick.Hit<Name> h : names.findAll(text)) {
            Name n = h.value();
            if (n.blocker()) {
                blockers.add(new Blocker(h.start(), h.end()));
                continue;
            }
            if (!acceptsMatch(text, grid, h.start(), h.end(), n)) {
                continue;
            }
            String written = text.substring(h.start(), h.end());
            boolean ambiguous = n.ambiguous() || commonWordsOnly(text, grid, h.start(), h.end(), n);
            found.add(new CompanyCandidate(h.start(), h.end(), written, CompanyCandidate.Source.GAZETTEER,
                    n.id(), null, ambiguous, null));
        }
        List<CompanyCandidate> known = List.copyOf(found);
        found.addAll(suffixCandidates(text, grid, known, blockers));
        List<CodeMark> codes = new ArrayList<>();
        found.addAll(tickerCandidates(text, grid, codes));
        found.addAll(roleCandidates(text, grid));
        found.addAll(frameCandidates(text, grid, known));
        found.addAll(riskWarningNames(text));
        found.addAll(latinCandidates(text));

        List<CompanyCandidate> kept = longestFirst(withoutVerbPrefixes(found), blockers);
        kept = withoutFundProducts(text, grid, kept, blockers);
        kept = withCodes(kept, codes);
        kept = acrossQuotes(text, kept, codes);
        kept = withBranches(text, kept);
        kept.addAll(aliases(text, grid, kept, blockers));
        kept.sort(Comparator.comparingInt(CompanyCandidate::start).thenComparingInt(CompanyCandidate::end));
        return kept;
    }

    /**
     * Whether an imported name (the A-share list) is written here with ordinary words only
     * ({@code 航天/工程}, {@code 阳光/电源}) and no company word at its end: such a name needs context.
     * Two or more single-character pieces mean the tokenizer did not know the word ({@code 天/齐/锂/业}):
     * a proper name.
     */
    private boolean commonWordsOnly(String text, TokenGrid grid, int s, int e, Name n) {
        if (!gazetteer.isImportedOnly(n.id()) || endsWithCompanyWord(text.substring(s, e))) {
            return false;
        }
        int singles = 0;
        for (int p = s; p < e; ) {
            Token t = grid.at(p);
            if (t == null) {
                return false;
            }
            if (isProperTag(t.tag()) && rules.regionKind(t.word()) == null) {
                return false;
            }
            if (t.end() - t.start() == 1 && t.start() >= s && AFFIXES.indexOf(t.word().charAt(0)) < 0) {
                singles++;
            }
            p = Math.max(p + 1, t.end());
        }
        return singles < 2;
    }

    private boolean endsWithCompanyWord(String name) {
        if (name.endsWith("股份") || name.endsWith("实业") || name.endsWith("药业")) {
            return true;
        }
        for (String suffix : rules.suffixes()) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the name ends with a strong company ending ({@code 有限公司}). */
    private boolean endsWithStrongSuffix(String name) {
        for (String suffix : rules.suffixes()) {
            if (name.endsWith(suffix)) {
                return rules.isStrongSuffix(suffix);
            }
        }
        return false;
    }

    /**
     * Drops names that a gazetteer name ends, when the longer one only adds words in front
     * ({@code 吸收合并东兴证券} is {@code 东兴证券}); names with a strong ending stay.
     */
    private List<CompanyCandidate> withoutVerbPrefixes(List<CompanyCandidate> found) {
        Map<Integer, Integer> knownStartByEnd = new HashMap<>();
        for (CompanyCandidate c : found) {
            if (c.source() == CompanyCandidate.Source.GAZETTEER) {
                knownStartByEnd.merge(c.end(), c.start(), Math::min);
            }
        }
        List<CompanyCandidate> out = new ArrayList<>(found.size());
        for (CompanyCandidate c : found) {
            Integer knownStart = knownStartByEnd.get(c.end());
            boolean verbPrefixed = c.source() != CompanyCandidate.Source.GAZETTEER && knownStart != null
                    && knownStart > c.start() && !endsWithStrongSuffix(c.name())
                    && rules.regionAt(c.name(), 0) == null;
            if (!verbPrefixed) {
                out.add(c);
            }
        }
        return out;
    }

    private boolean acceptsMatch(String text, TokenGrid grid, int s, int e, Name n) {
        char first = text.charAt(s);
        char last = text.charAt(e - 1);
        boolean latinStart = NameBoundary.isLatinLetter(first) || Character.isDigit(first);
        boolean latinEnd = NameBoundary.isLatinLetter(last) || Character.isDigit(last);
        if (latinStart && s > 0) {
            char before = text.charAt(s - 1);
            if (NameBoundary.isLatinLetter(before) || Character.isDigit(before) || before == '.' || before == '/'
                    || before == '@' || before == '-' || before == '_') {
                return false;
            }
        }
        if (latinEnd && e < text.length()) {
            char after = text.charAt(e);
            if (NameBoundary.isLatinLetter(after) || after == '_' || after == '@'
                    || (after == '.' && e + 1 < text.length() && NameBoundary.isLatinLetter(text.charAt(e + 1)))
                    || (after == '-' && e + 1 < text.length() && NameBoundary.isLatinLetter(text.charAt(e + 1)))) {
                return false;
            }
        }
        String slice = text.substring(s, e);
        long letters = latinLetters(slice);
        boolean hasLatin = letters > 0;
        if (hasLatin && !n.surfaces().contains(slice)) {
            boolean allLower = slice.equals(slice.toLowerCase(java.util.Locale.ROOT));
            if (letters < 5 || allLower) {
                return false;
            }
        }
        int hanCount = 0;
        for (int k = s; k < e; k++) {
            if (NameBoundary.isHan(text.charAt(k))) {
                hanCount++;
            }
        }
        if (hanCount == 0) {
            return true;
        }
        if (e - s <= 2) {
            return (grid.isStart(s) || gluedFunctionChar(text, grid, s, true))
                    && (grid.isEnd(e) || gluedFunctionChar(text, grid, e, false));
        }
        if (!latinEnd && !grid.isEnd(e) && !gluedFunctionChar(text, grid, e, false)) {
            Token t = grid.at(e - 1);
            if (t != null && t.start() > s && t.end() > e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the tokenizer glued a function character to the name across this boundary
     * ({@code 微/软和} for {@code 微软和谷歌}, {@code 蔚来和}): the token crossing {@code pos} reaches one
     * character past the name, and that character is a conjunction, preposition or particle.
     */
    private static boolean gluedFunctionChar(String text, TokenGrid grid, int pos, boolean atStart) {
        Token t = grid.at(atStart ? pos : pos - 1);
        if (t == null) {
            return false;
        }
        if (atStart) {
            return t.start() == pos - 1 && t.end() > pos && FUNCTION_CHARS.indexOf(text.charAt(pos - 1)) >= 0;
        }
        return t.start() < pos && t.end() > pos && FUNCTION_CHARS.indexOf(text.charAt(pos)) >= 0
                && (t.end() == pos + 1 || GLUED_AFTER.indexOf(text.charAt(pos)) >= 0);
    }

    private static boolean isProperTag(String tag) {
        return tag.startsWith("nr") || tag.startsWith("ns") || tag.startsWith("nt") || tag.startsWith("nz")
                || tag.equals("nx") || tag.equals("j");
    }

    private List<CompanyCandidate> suffixCandidates(String text, TokenGrid grid, List<CompanyCandidate> known,
                                                    List<Blocker> blockers) {
        List<CompanyCandidate> out = new ArrayList<>();
        for (AhoCorasick.Hit<String> h : suffixes.findAll(text)) {
            String suffix = h.value();
            boolean strong = rules.isStrongSuffix(suffix);
            int end = h.end();
            if (!strong && (rules.continuesWeakSuffix(text, end) || crossesKnownName(h.start(), end, known, blockers))) {
                continue;
            }
            if (!strong && !grid.isEnd(end)) {
                Token t = grid.at(end);
                if (t != null && t.start() < end) {
                    continue;
                }
            }
            int start = boundary.start(text, grid, end, h.start(), name -> gazetteer.idOf(name) != null,
                    (from, to) -> looksProper(text, grid, from, to));
            if (start < 0) {
                continue;
            }
            start = withoutCountry(text, start, end);
            if (boundary.isRelation(text, start, h.start(), end)
                    || (!strong && !looksProper(text, grid, start, h.start()))) {
                continue;
            }
            String name = text.substring(start, end);
            if (rules.notCompanyKind(name) != null || endsWithBlocker(end, blockers)
                    || namesOnlyAKind(text.substring(start, h.start()), suffix)
                    || (!strong && clauseInside(grid, start, h.start()))) {
                continue;
            }
            out.add(new CompanyCandidate(start, end, name, CompanyCandidate.Source.SUFFIX,
                    gazetteer.idOf(name), null, false, null));
        }
        return out;
    }

    /**
     * Whether the part before a company ending only says what kind of company it is: generic words
     * alone ({@code 网络科技|有限公司}, {@code 私募股权|公司}, {@code 科创板|公司}); before a bare
     * {@code 公司}, a place or {@code 中国} alone ({@code 中国|公司}) or a country and generic words
     * ({@code 美国生物技术|公司}: a description; the gazetteer knows the foreign companies so named, as
     * {@code 法国电力}). A province or a city and generic words stay a name whose id keeps the place
     * ({@code 广东风电公司}: {@code 广东风电}; {@code 山东能源集团}).
     */
    private boolean namesOnlyAKind(String core, String suffix) {
        if (suffix.equals("公司") && core.equals(HOME_COUNTRY)) {
            return true; // 中国公司; 中国 is no region of regions.tsv, for names keep it (中国证券金融公司)
        }
        String region = rules.regionAt(core, 0);
        if (region == null || region.isEmpty()) {
            return rules.isGenericPhrase(core);
        }
        if (!suffix.equals("公司")) {
            return false;
        }
        int cut = region.length();
        while (cut < core.length() && "省市区县".indexOf(core.charAt(cut)) >= 0) {
            cut++;
        }
        return cut >= core.length() || ("country".equals(rules.regionKind(region)) && rules.isGenericPhrase(core));
    }

    /**
     * Whether a word inside the part before a weak ending makes it a clause, not a name: a verb of two
     * characters other than a verbal noun, an adverb or a direction word ({@code UVL不会限制|公司},
     * {@code 曾有警察上门去|公司}); unknown names are cut into single characters ({@code 达/达/集团}),
     * words of known names stay ({@code rules/name-words.tsv}: {@code 希望}, {@code 联合}), and names
     * take other such words only before a legal ending.
     */
    private boolean clauseInside(TokenGrid grid, int from, int to) {
        for (int p = from; p < to; ) {
            Token t = grid.at(p);
            if (t == null) {
                p++;
                continue;
            }
            if (t.start() >= from && t.end() <= to && t.end() - t.start() >= 2) {
                String tag = t.tag();
                boolean verb = tag.startsWith("v") && !tag.startsWith("vn") && !tag.startsWith("vg")
                        && t.end() - t.start() == 2; // longer ones are cut from names ("中国化|学工程")
                if ((verb || tag.equals("d") || tag.startsWith("f")) && !rules.isNameWord(t.word())) {
                    return true;
                }
            }
            p = Math.max(p + 1, t.end());
        }
        return false;
    }

    /**
     * Whether a short name says only what kind of company it is, with or without an ending
     * ({@code 航空公司} of {@code 中国航空公司}, {@code 证券金融}): such a short name recurs as a common noun.
     */
    private boolean kindOnly(String name) {
        for (String suffix : rules.suffixes()) {
            if (name.endsWith(suffix)) {
                String core = name.substring(0, name.length() - suffix.length());
                return core.isEmpty() || rules.isGenericCore(core) || genericWithoutPlace(core);
            }
        }
        return rules.isGenericCore(name) || genericWithoutPlace(name);
    }

    /** Generic words alone, no place before them ({@code 股权投资}; not {@code 广西电网}). */
    private boolean genericWithoutPlace(String core) {
        String region = rules.regionAt(core, 0);
        return (region == null || region.isEmpty()) && rules.isGenericPhrase(core);
    }

    /** Whether a non-company name ends where the candidate ends ({@code 广东省|人民银行}). */
    private static boolean endsWithBlocker(int end, List<Blocker> blockers) {
        for (Blocker b : blockers) {
            if (b.end() == end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Extends names followed by a branch ({@code 工行|福建省分行}, {@code 华夏银行股份有限公司|绍兴诸暨支行}):
     * a place and {@code 分行 支行 分公司 营业部}; the branch keeps the company's id.
     */
    private List<CompanyCandidate> withBranches(String text, List<CompanyCandidate> kept) {
        List<CompanyCandidate> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            CompanyCandidate c = kept.get(i);
            Matcher branch = BRANCH.matcher(text).region(c.end(), Math.min(text.length(), c.end() + 12));
            CompanyEntry entry = gazetteer.entry(c.entryId());
            boolean bank = c.name().endsWith("银行") || (entry != null && "bank".equals(entry.kind()));
            if (!c.ambiguous() && branch.lookingAt() && (bank || endsWithStrongSuffix(c.name())
                    || startsWithPlace(text, c.end()))) {
                int end = branch.end();
                boolean free = true;
                for (CompanyCandidate o : kept) {
                    boolean inside = o.start() >= c.end() && o.end() <= end;
                    free &= o == c || o.end() <= c.end() || o.start() >= end || inside;
                }
                if (free) {
                    int from = c.end();
                    kept.removeIf(o -> o.start() >= from && o.end() <= end);
                    i = kept.indexOf(c);
                    c = new CompanyCandidate(c.start(), end, text.substring(c.start(), end), c.source(), c.entryId(),
                            c.code(), false, c.standsFor());
                }
            }
            out.add(c);
        }
        return out;
    }

    private boolean startsWithPlace(String text, int pos) {
        if (rules.regionAt(text, pos) != null) {
            return true;
        }
        int limit = Math.min(text.length(), pos + 6);
        for (int p = pos + 1; p < limit; p++) {
            if ("省市县".indexOf(text.charAt(p)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a known name runs past a weak ending and holds or starts inside it ({@code 证券|时报},
     * {@code 上证报|中国证券网}), or a non-company name starts inside it and runs past it.
     */
    private static boolean crossesKnownName(int suffixStart, int end, List<CompanyCandidate> known, List<Blocker> blockers) {
        for (CompanyCandidate k : known) {
            if (k.start() < end && k.end() > end) {
                return true; // 证券|时报, and 上证报|中国证券|网: the ending is inside a longer known name
            }
        }
        for (Blocker b : blockers) {
            if (b.start() >= suffixStart && b.start() < end && b.end() > end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Names right after a role that introduces a company ({@code 全资子公司朗辰新能源拟…}), up to the
     * next verb, preposition, adverb or punctuation; a lone person name there is no company.
     */
    private List<CompanyCandidate> roleCandidates(String text, TokenGrid grid) {
        List<CompanyCandidate> out = new ArrayList<>();
        for (String role : rules.roles()) {
            for (int at = text.indexOf(role); at >= 0; at = text.indexOf(role, at + 1)) {
                int s = at + role.length();
                if (!grid.isStart(s) || s >= text.length() || !NameBoundary.isHan(text.charAt(s))) {
                    continue;
                }
                int e = s;
                int tokensIn = 0;
                boolean properSeen = false;
                boolean personOnly = true;
                while (e < text.length() && e - s < MAX_ROLE_NAME) {
                    Token t = grid.at(e);
                    if (t == null || t.start() != e || !isNominal(t) || (e == s && t.tag().startsWith("v"))) {
                        break;
                    }
                    tokensIn++;
                    properSeen |= isProperTag(t.tag()) && !t.tag().startsWith("nr") && rules.regionKind(t.word()) == null;
                    personOnly &= t.tag().startsWith("nr") && tokensIn == 1;
                    e = t.end();
                }
                String name = text.substring(s, Math.min(e, text.length()));
                if (e - s < 2 || e - s > MAX_ROLE_NAME || (personOnly && tokensIn == 1)
                        || !(properSeen || endsWithCompanyWord(name) || looksProper(text, grid, s, e))) {
                    continue;
                }
                if (!boundary.coreOk(text, s, e) || rules.notCompanyKind(name) != null || gazetteer.idOf(name) != null
                        || HONORIFIC.matcher(name).find() || text.startsWith("先生", e) || text.startsWith("女士", e)) {
                    continue;
                }
                out.add(new CompanyCandidate(s, e, name, CompanyCandidate.Source.ROLE, null, null, false, null));
            }
        }
        return out;
    }

    /**
     * Unknown names in a frame of {@code rules/frames.tsv} that shows they are companies: right before
     * a cue ({@code 衢州普星|宣布完成数千万元A轮融资}, {@code 蓝猫头鹰资本公司|创始人}), their start found by
     * {@link NameBoundary}, or a list right after one ({@code 投资方包括|云岫资本|和|青松基金}). A name is
     * two to {@value #MAX_FRAME_NAME} characters of nouns (or single characters of an unknown name), no
     * person or place alone, no generic word; a weak frame also needs it to look proper. Latin names
     * are left to the Latin rule.
     */
    private List<CompanyCandidate> frameCandidates(String text, TokenGrid grid, List<CompanyCandidate> known) {
        List<CompanyCandidate> out = new ArrayList<>();
        for (AhoCorasick.Hit<NameRules.Frame> h : frameCues.findAll(text)) {
            NameRules.Frame f = h.value();
            if (!grid.isEnd(h.end()) || !needsFollow(text, h.end(), f.needs())) {
                continue; // 债转|股价格: the cue must end a word
            }
            if (f.nameBefore()) {
                int end = h.start();
                if (end < 2 || !NameBoundary.isHan(text.charAt(end - 1)) || !grid.isEnd(end)) {
                    continue;
                }
                int coreEnd = end;
                for (String suffix : rules.suffixes()) {
                    if (end - suffix.length() > 0 && text.startsWith(suffix, end - suffix.length())) {
                        coreEnd = end - suffix.length(); // longest first: 蓝猫头鹰资本|公司
                        break;
                    }
                }
                int start = boundary.start(text, grid, end, coreEnd, name -> gazetteer.idOf(name) != null,
                        (from, to) -> looksProper(text, grid, from, to));
                if (start >= 0) {
                    start = afterHeadNoun(text, grid, start, end);
                }
                if (start >= 0 && framedName(text, grid, start, end, f.strong()) && !overlapsKnown(start, end, known)) {
                    out.add(new CompanyCandidate(start, end, text.substring(start, end), CompanyCandidate.Source.FRAME,
                            null, null, false, null));
                }
            } else {
                int p = h.end();
                while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == ':')) {
                    p++;
                }
                for (int n = 0; n < MAX_FRAME_LIST && p < text.length(); n++) {
                    int q = p;
                    while (q < text.length() && q - p <= MAX_FRAME_NAME && NameBoundary.isHan(text.charAt(q))) {
                        Token t = grid.at(q);
                        if (t != null && t.start() == q && q > p && (isListJoiner(t) || t.word().equals("等"))) {
                            break;
                        }
                        q = t != null && t.start() == q ? t.end() : q + 1;
                    }
                    if (q > p && framedName(text, grid, p, q, f.strong()) && !overlapsKnown(p, q, known)) {
                        out.add(new CompanyCandidate(p, q, text.substring(p, q), CompanyCandidate.Source.FRAME,
                                null, null, false, null));
                    }
                    if (q >= text.length()) {
                        break;
                    }
                    Token next = grid.at(q);
                    if (text.charAt(q) == '、') {
                        p = q + 1;
                    } else if (next != null && next.start() == q && isListJoiner(next)) {
                        p = next.end();
                    } else {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Where a name starts after a descriptor that ends in a head noun ({@code 少儿编程企业|编程猫},
     * {@code 大病互助平台|康爱公社}): after the last head noun that leaves two characters or more.
     */
    private int afterHeadNoun(String text, TokenGrid grid, int start, int end) {
        int cut = start;
        for (int p = start; p < end; ) {
            Token t = grid.at(p);
            if (t == null) {
                p++;
                continue;
            }
            if (t.start() >= start && rules.isFrameHeadNoun(t.word()) && end - t.end() >= 2) {
                cut = t.end();
            }
            p = Math.max(p + 1, t.end());
        }
        return cut;
    }

    /** Whether a gazetteer name shares a character with {@code [s, e)}: that name stands, the frame gives nothing. */
    private static boolean overlapsKnown(int s, int e, List<CompanyCandidate> known) {
        for (CompanyCandidate k : known) {
            if (k.start() < e && s < k.end() && !k.ambiguous()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isListJoiner(Token t) {
        return t.tag().startsWith("c") && (t.word().equals("和") || t.word().equals("及") || t.word().equals("与")
                || t.word().equals("以及"));
    }

    /** Whether one of the words follows {@code from} in its clause, within {@value #MAX_NEED_DISTANCE} characters. */
    private static boolean needsFollow(String text, int from, List<String> needs) {
        if (needs.isEmpty()) {
            return true;
        }
        int to = from;
        while (to < text.length() && to - from < MAX_NEED_DISTANCE && "。；;!?！？\n".indexOf(text.charAt(to)) < 0) {
            to++;
        }
        String clause = text.substring(from, to);
        for (String w : needs) {
            if (clause.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code [s, e)} can be a company name that a frame shows: whole tokens of Han characters,
     * nouns (adjectives and single characters inside), not one common noun, person, place or time word
     * alone, no generic word or kind of company, no name of the gazetteer or of the non-companies, and
     * proper-looking unless the frame is strong.
     */
    private boolean framedName(String text, TokenGrid grid, int s, int e, boolean strong) {
        if (e - s < 2 || e - s > MAX_FRAME_NAME || !grid.isStart(s) || !grid.isEnd(e)) {
            return false;
        }
        String name = text.substring(s, e);
        if (!allHan(name) || gazetteer.idOf(name) != null || rules.notCompanyKind(name) != null
                || rules.endsWithFrameStop(name) || rules.isFrameBadEnd(name.charAt(name.length() - 1))
                || rules.isGenericCore(name) || rules.isGenericPhrase(name) || !boundary.coreOk(text, s, e)
                || rules.regionAt(name, 0) != null && rules.regionAt(name, 0).length() == name.length()) {
            return false;
        }
        int tokens = 0;
        Token only = null;
        for (int p = s; p < e; ) {
            Token t = grid.at(p);
            if (t == null) {
                return false;
            }
            String tag = t.tag();
            if (tag.startsWith("f") && t.start() > s) {
                return false; // 停牌前|公司, 短期内|一线快递公司: a time or place phrase (中弘股份 begins with one)
            }
            boolean inner = t.end() < e;
            if (!(isNominal(t) || (inner && tag.startsWith("a")) || t.end() - t.start() == 1 && NameBoundary.isHan(t.word().charAt(0))
                    && !tag.startsWith("p") && !tag.startsWith("c") && !tag.startsWith("u") && !tag.startsWith("r")
                    && !tag.startsWith("m") && !tag.startsWith("q") && !tag.startsWith("d"))) {
                return false;
            }
            tokens++;
            only = t;
            p = t.end();
        }
        if (tokens == 1 && only != null) {
            String tag = only.tag();
            if (tag.startsWith("nr") || tag.startsWith("ns") || tag.startsWith("t") || tag.equals("n") || tag.startsWith("m")
                    || tag.equals("vn") || tag.startsWith("nn")) {
                return false;
            }
        }
        if (tokens == 2 && grid.at(s).tag().startsWith("nr") && e - s <= 3) {
            return false; // a surname and a given name cut apart
        }
        return strong || looksProper(text, grid, s, e);
    }

    /**
     * A-share names with a risk-warning prefix ({@code *ST海华}, {@code ST天山}): the prefix and the two
     * characters after it, a company whether or not the list still knows it by that name.
     */
    private List<CompanyCandidate> riskWarningNames(String text) {
        List<CompanyCandidate> out = new ArrayList<>();
        if (!text.contains("ST")) {
            return out; // every risk-warning prefix holds ST
        }
        Matcher m = RISK_WARNING.matcher(text);
        while (m.find()) {
            String name = m.group();
            if (rules.notCompanyKind(name) == null) {
                out.add(new CompanyCandidate(m.start(), m.end(), name, CompanyCandidate.Source.TICKER,
                        gazetteer.idOf(name), null, false, null));
            }
        }
        return out;
    }

    private static boolean isNominal(Token t) {
        String tag = t.tag();
        if (tag.isEmpty() || !allHan(t.word())) {
            return false;
        }
        char c = tag.charAt(0);
        return c == 'n' || c == 'j' || c == 'b' || tag.equals("vn") || tag.equals("ag") || tag.equals("ng")
                || tag.equals("tg") || tag.equals("an") || tag.equals("gi") || tag.equals("gm");
    }

    private static int latinLetters(String s) {
        int letters = 0;
        for (int k = 0; k < s.length(); k++) {
            if (NameBoundary.isLatinLetter(s.charAt(k))) {
                letters++;
            }
        }
        return letters;
    }

    private static boolean allHan(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (!NameBoundary.isHan(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHanAt(String text, int pos) {
        return pos >= 0 && pos < text.length() && NameBoundary.isHan(text.charAt(pos));
    }

    /**
     * Whether a name part looks like a proper name rather than a common noun: it is a known name, has
     * Latin letters, starts with {@code 中国} and runs four characters or more, holds a word the
     * tokenizer tags as a name ({@code nr nz nt ns j}; places of {@code regions.tsv} excepted; also when
     * the tokenizer glued it to its neighbour), or consists of single characters only, as unknown
     * names are cut ({@code 博/汇}).
     */
    private boolean looksProper(String text, TokenGrid grid, int from, int to) {
        String core = text.substring(from, to);
        if (gazetteer.idOf(core) != null) {
            return !gazetteer.isAmbiguous(core);
        }
        if (rules.isGenericCore(core)) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (NameBoundary.isLatinLetter(text.charAt(k))) {
                return true;
            }
        }
        if (core.startsWith("中国") && core.length() >= 4) {
            return true;
        }
        String region = rules.regionAt(core, 0);
        if (region != null && !"country".equals(rules.regionKind(region)) && core.length() - region.length() >= 2
                && !rules.isGenericCore(core.substring(region.length()))) {
            return true;
        }
        boolean singlesOnly = true;
        int singles = 0;
        for (int p = from; p < to; ) {
            Token t = grid.at(p);
            if (t == null) {
                p++;
                continue;
            }
            boolean proper = isProperTag(t.tag()) && rules.regionKind(t.word()) == null;
            if (proper && (t.start() >= from && t.end() <= to || t.end() - t.start() > 1)) {
                return true;
            }
            if (t.end() - t.start() == 1 && t.start() >= from && AFFIXES.indexOf(t.word().charAt(0)) < 0
                    && NameBoundary.isHan(t.word().charAt(0)) && !t.tag().equals("d")
                    && "pcurmqfeyow".indexOf(t.tag().charAt(0)) < 0) {
                singles++;
            } else {
                singlesOnly = false;
            }
            p = Math.max(p + 1, t.end());
        }
        return singlesOnly && singles >= 2;
    }

    /** Drops a country written before a name that the gazetteer knows without it ({@code 日本软银集团}). */
    private int withoutCountry(String text, int start, int end) {
        String region = rules.regionAt(text, start);
        if (region != null && "country".equals(rules.regionKind(region))) {
            int rest = start + region.length();
            if (rest < end - 1 && gazetteer.idOf(text.substring(rest, end)) != null
                    && gazetteer.idOf(text.substring(start, end)) == null) {
                return rest;
            }
        }
        return start;
    }

    private List<CompanyCandidate> tickerCandidates(String text, TokenGrid grid, List<CodeMark> codes) {
        List<CompanyCandidate> out = new ArrayList<>();
        for (int p = text.indexOf('('); p >= 0; p = text.indexOf('(', p + 1)) {
            StockCode.Found quote = StockCode.quoteAt(text, p);
            StockCode.Found code;
            if (quote != null) {
                int q = quote.end();
                while (q < text.length() && text.charAt(q) == ' ') {
                    q++;
                }
                code = q < text.length() && text.charAt(q) == '(' ? StockCode.codeAt(text, q) : null;
            } else {
                code = StockCode.codeAt(text, p);
            }
            if (quote == null && code == null) {
                continue;
            }
            int nameEnd = p;
            while (nameEnd > 0 && text.charAt(nameEnd - 1) == ' ') {
                nameEnd--;
            }
            if (nameEnd == 0 || !NameBoundary.isNameChar(text.charAt(nameEnd - 1))) {
                continue;
            }
            codes.add(new CodeMark(nameEnd, code == null ? null : code.code(), code == null ? quote.end() : -1));
            int start = boundary.start(text, grid, nameEnd, nameEnd, name -> gazetteer.idOf(name) != null,
                    (from, to) -> looksProper(text, grid, from, to));
            if (start < 0 || nameEnd - start > MAX_TICKER_NAME) {
                continue;
            }
            start = withoutCountry(text, start, nameEnd);
            String name = text.substring(start, nameEnd);
            if (rules.notCompanyKind(name) != null) {
                continue;
            }
            String id = gazetteer.idOf(name);
            if (id == null && code != null) {
                id = gazetteer.idOfTickerNamed(code.code(), name);
            }
            out.add(new CompanyCandidate(start, nameEnd, name, CompanyCandidate.Source.TICKER, id,
                    code == null ? null : code.code(), false, null));
        }
        return out;
    }

    private List<CompanyCandidate> latinCandidates(String text) {
        List<CompanyCandidate> out = new ArrayList<>();
        Matcher m = LATIN_NAME.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        for (int from = 0; nextLatinName(m, text, from); from = m.end()) {
            int s = m.start();
            int e = m.end();
            String name = text.substring(s, e);
            while (!name.isEmpty()) {
                int sp = name.lastIndexOf(' ');
                if (name.endsWith("-") || name.endsWith("'")) {
                    name = name.substring(0, name.length() - 1);
                } else if (sp > 0 && CONNECTORS.contains(name.substring(sp + 1))) {
                    name = name.substring(0, sp);
                } else {
                    break;
                }
            }
            e = s + name.length();
            while (e < text.length() && text.charAt(e) == '.' && ABBREVIATIONS.contains(name.substring(name.lastIndexOf(' ') + 1))) {
                e++;
                Matcher more = LATIN_CONTINUATION.matcher(text).region(e, text.length());
                if (more.lookingAt()) {
                    e = more.end();
                }
                name = text.substring(s, e);
            }
            long letters = latinLetters(name);
            if (letters < 2 || rules.isLatinNotCompany(name) || rules.notCompanyKind(name) != null
                    || gazetteer.idOf(name) != null || CODE_LIKE.matcher(name).matches()) {
                continue;
            }
            if (e < text.length() && NameBoundary.isLatinLetter(text.charAt(e))) {
                continue;
            }
            String[] words = name.split(" ");
            String last = words[words.length - 1];
            boolean strong = words.length >= 2 && (rules.isLatinCompanyWord(last) || rules.isLatinCompanyWord(last.replace(".", ""))
                    || ABBREVIATIONS.contains(last.replace(".", "")));
            boolean allCaps = name.equals(name.toUpperCase(java.util.Locale.ROOT));
            if (!strong && allCaps && letters <= 2) {
                continue;
            }
            out.add(new CompanyCandidate(s, e, name, CompanyCandidate.Source.LATIN, null, null, !strong, null));
        }
        return out;
    }

    /**
     * The next match of {@link #LATIN_NAME} at or after {@code from}, as {@code find()} gives it: a
     * match begins with a capital letter after none of {@code A-Za-z0-9&._/@-}, so the pattern is
     * tried at those positions only.
     */
    private static boolean nextLatinName(Matcher m, String text, int from) {
        int n = text.length();
        for (int p = from; p < n; p++) {
            char c = text.charAt(p);
            if (c >= 'A' && c <= 'Z' && (p == 0 || !gluesLatin(text.charAt(p - 1)))) {
                m.region(p, n);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean gluesLatin(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "&._/@-".indexOf(c) >= 0;
    }

    private static int priority(CompanyCandidate c) {
        switch (c.source()) {
            case GAZETTEER:
                return c.ambiguous() ? 3 : 0;
            case TICKER:
                return 1;
            case ROLE:
                return 3;
            case SUFFIX:
                return 2;
            default:
                return 4;
        }
    }

    private static List<CompanyCandidate> longestFirst(List<CompanyCandidate> found, List<Blocker> blockers) {
        List<CompanyCandidate> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt((CompanyCandidate c) -> -c.length())
                .thenComparingInt(CompanyExtractor::priority).thenComparingInt(CompanyCandidate::start));
        List<CompanyCandidate> kept = new ArrayList<>();
        for (CompanyCandidate c : sorted) {
            boolean blocked = false;
            for (Blocker b : blockers) {
                if (b.start() < c.end() && c.start() < b.end() && b.end() - b.start() >= c.length()) {
                    blocked = true;
                    break;
                }
            }
            if (blocked) {
                continue;
            }
            boolean clash = false;
            for (CompanyCandidate k : kept) {
                if (k.overlaps(c)) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** Drops fund-manager names that start a fund product's name, and product names found by their ending. */
    private List<CompanyCandidate> withoutFundProducts(String text, TokenGrid grid, List<CompanyCandidate> kept,
                                                      List<Blocker> blockers) {
        List<CompanyCandidate> out = new ArrayList<>();
        for (CompanyCandidate c : kept) {
            if (isFundManagerName(c) && productAfter(text, grid, c.end(), blockers)) {
                continue;
            }
            if (c.source() == CompanyCandidate.Source.SUFFIX && c.name().endsWith("基金") && startsWithFundManager(c.name())) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    /**
     * A gazetteer name of a fund manager or an asset manager ({@code 施罗德}, whose name begins its
     * funds' names), or a shared name one of whose companies is one ({@code 交银}).
     */
    private boolean isFundManagerName(CompanyCandidate c) {
        if (c.source() != CompanyCandidate.Source.GAZETTEER) {
            return false;
        }
        if (managesFunds(gazetteer.entry(c.entryId()))) {
            return true;
        }
        for (Gazetteer.Candidate s : gazetteer.sharedBy(c.name())) {
            if (managesFunds(gazetteer.entry(s.id()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean managesFunds(CompanyEntry e) {
        return e != null && ("fund_manager".equals(e.kind()) || "investment".equals(e.kind()));
    }

    private boolean startsWithFundManager(String name) {
        for (int len = Math.min(name.length() - 3, 8); len >= 2; len--) {
            String id = gazetteer.idOf(name.substring(0, len));
            CompanyEntry e = gazetteer.entry(id);
            if (e != null && "fund_manager".equals(e.kind())) {
                String rest = name.substring(len);
                return !rest.equals("基金") && !rest.startsWith("基金管理") && !rest.equals("基金公司");
            }
        }
        return false;
    }

    /**
     * Whether a fund product's name follows a fund manager's name: an index name ({@code 沪深300}), or
     * up to eight characters of nominal words ending in {@code 基金} or {@code 债基}
     * ({@code 泰信|蓝筹精选股票型基金}), not {@code 旗下两只基金} nor {@code 董事长…是建行基金}.
     */
    private boolean productAfter(String text, TokenGrid grid, int from, List<Blocker> blockers) {
        for (Blocker b : blockers) {
            if (b.start() == from && "index".equals(rules.notCompanyKind(text.substring(b.start(), b.end())))) {
                return true;
            }
        }
        int limit = Math.min(text.length(), from + MAX_PRODUCT_TAIL + 2);
        for (int p = from; p < limit; p++) {
            char c = text.charAt(p);
            if (!NameBoundary.isHan(c) && !Character.isLetterOrDigit(c)) {
                return false;
            }
            if (p - from >= 2 && (text.startsWith("基金", p) || text.startsWith("债基", p))) {
                String tail = text.substring(from, p);
                for (String w : NOT_IN_PRODUCT) {
                    if (tail.contains(w)) {
                        return false;
                    }
                }
                for (int q = from; q < p; ) {
                    Token t = grid.at(q);
                    if (t != null && (t.tag().startsWith("nr") || t.tag().startsWith("nnt") || t.tag().equals("vshi")
                            || t.tag().startsWith("p") || t.tag().startsWith("u"))) {
                        return false;
                    }
                    q = t == null ? q + 1 : Math.max(q + 1, t.end());
                }
                return true;
            }
        }
        return false;
    }

    private List<CompanyCandidate> withCodes(List<CompanyCandidate> kept, List<CodeMark> codes) {
        Map<Integer, CodeMark> byEnd = new HashMap<>();
        for (CodeMark c : codes) {
            byEnd.put(c.nameEnd(), c);
        }
        List<CompanyCandidate> out = new ArrayList<>(kept.size());
        for (CompanyCandidate c : kept) {
            CodeMark mark = byEnd.get(c.end());
            if (mark != null && mark.code() != null && c.code() == null) {
                String id = c.entryId() != null ? c.entryId() : gazetteer.idOfTickerNamed(mark.code(), c.name());
                c = c.withCode(mark.code(), id);
            }
            if (mark != null && c.ambiguous()) {
                c = new CompanyCandidate(c.start(), c.end(), c.name(), c.source(), c.entryId(), c.code(), false, null);
            }
            out.add(c);
        }
        return out;
    }

    /**
     * Joins a name that a price quote cuts in two, as financial portals insert quotes after a listed
     * name that begins a longer one: {@code 国泰君安(18.100,-0.23,-1.25%)国际} is 国泰君安国际,
     * {@code 中信银行(5.210,-0.07,-1.33%)(国际)} is 中信银行(国际), {@code 山东高速(6.250,0.08,1.30%)建设管理集团有限公司}
     * is 山东高速建设管理集团有限公司. The mention keeps the span before the quote and takes the id of
     * the whole name; a name found after the quote is dropped.
     */
    private List<CompanyCandidate> acrossQuotes(String text, List<CompanyCandidate> kept, List<CodeMark> codes) {
        Map<Integer, Integer> resumeByEnd = new HashMap<>();
        for (CodeMark m : codes) {
            if (m.resumeAt() > 0) {
                resumeByEnd.put(m.nameEnd(), m.resumeAt());
            }
        }
        if (resumeByEnd.isEmpty()) {
            return kept;
        }
        List<CompanyCandidate> out = new ArrayList<>(kept);
        for (int i = 0; i < out.size(); i++) {
            CompanyCandidate c = out.get(i);
            Integer q = resumeByEnd.get(c.end());
            if (q == null || q >= text.length() || c.standsFor() != null) {
                continue;
            }
            CompanyCandidate rest = null;
            for (CompanyCandidate k : out) {
                if (k.start() == q && k.entryId() == null && NameBoundary.isHan(k.name().charAt(0))) {
                    rest = k;
                }
            }
            String whole = null;
            String id = null;
            if (rest != null) {
                whole = c.name() + rest.name();
                id = gazetteer.idOf(whole);
                out.remove(rest);
            } else {
                int limit = Math.min(text.length(), q + MAX_QUOTE_TAIL);
                for (int e = q + 1; e <= limit; e++) {
                    char ch = text.charAt(e - 1);
                    if (!NameBoundary.isHan(ch) && ch != '(' && ch != ')') {
                        break;
                    }
                    String known = gazetteer.idOf(c.name() + text.substring(q, e));
                    if (known != null && !known.equals(c.entryId())) {
                        whole = c.name() + text.substring(q, e);
                        id = known;
                    }
                }
            }
            if (whole != null) {
                i = out.indexOf(c);
                out.set(i, new CompanyCandidate(c.start(), c.end(), whole, c.source(), id, c.code(), false, null));
            }
        }
        return out;
    }

    /**
     * Short forms the text defines after a name ({@code (下称"万豪投资")}, {@code (Morgan Stanley)}) and
     * the short names of full names found (the id a full name derives to), found wherever they occur.
     */
    private List<CompanyCandidate> aliases(String text, TokenGrid grid, List<CompanyCandidate> kept, List<Blocker> blockers) {
        Map<String, CompanyCandidate> local = new LinkedHashMap<>();
        List<CompanyCandidate> out = new ArrayList<>();
        for (CompanyCandidate c : kept) {
            if (c.ambiguous()) {
                continue;
            }
            String rest = text.substring(c.end(), Math.min(text.length(), c.end() + 60));
            Matcher d = DEFINITION.matcher(rest);
            if (d.lookingAt()) {
                String alias = (d.group(1) != null ? d.group(1) : d.group(2)).strip();
                if (rules.notCompanyKind(alias) == null && !rules.isGenericCore(alias) && !kindOnly(alias)
                        && !rules.isLeftStop(alias) && !rules.isGenericAlias(alias)) {
                    local.putIfAbsent(alias, c);
                }
            } else {
                Matcher l = LATIN_IN_BRACKETS.matcher(rest);
                if (l.lookingAt()) {
                    String alias = l.group(1).strip();
                    if (!rules.isLatinNotCompany(alias) && rules.notCompanyKind(alias) == null
                            && StockCode.codeAt(rest, rest.indexOf('(')) == null) {
                        local.putIfAbsent(alias, c);
                    }
                }
            }
            if (c.source() == CompanyCandidate.Source.TICKER && c.entryId() == null && c.name().length() >= 3
                    && NameBoundary.isHan(c.name().charAt(0))) {
                local.putIfAbsent(c.name(), c);
            }
            if (c.source() == CompanyCandidate.Source.SUFFIX || c.source() == CompanyCandidate.Source.TICKER) {
                for (String shortName : CompanyIds.shortNames(c.name(), rules)) {
                    if (shortName.length() >= 3 && !shortName.equals(c.name()) && gazetteer.idOf(shortName) == null
                            && rules.notCompanyKind(shortName) == null && !kindOnly(shortName)) {
                        local.putIfAbsent(shortName, c);
                    }
                }
            }
        }
        if (local.isEmpty()) {
            return out;
        }
        Map<String, String> keys = new HashMap<>();
        for (String a : local.keySet()) {
            keys.put(a, a);
        }
        List<int[]> taken = new ArrayList<>();
        for (CompanyCandidate c : kept) {
            taken.add(new int[] {c.start(), c.end()});
        }
        for (Blocker b : blockers) {
            taken.add(new int[] {b.start(), b.end()});
        }
        AhoCorasick<String> matcher = new AhoCorasick<>(keys);
        List<AhoCorasick.Hit<String>> hits = new ArrayList<>(matcher.findAll(text));
        hits.sort(Comparator.comparingInt((AhoCorasick.Hit<String> h) -> -(h.end() - h.start())).thenComparingInt(AhoCorasick.Hit::start));
        List<CompanyCandidate> replaced = new ArrayList<>();
        for (AhoCorasick.Hit<String> h : hits) {
            boolean free = true;
            for (int[] t : taken) {
                if (t[0] < h.end() && h.start() < t[1]) {
                    free = false;
                    break;
                }
            }
            List<CompanyCandidate> inside = new ArrayList<>();
            if (!free) {
                free = true;
                for (CompanyCandidate k : kept) {
                    if (k.start() < h.end() && h.start() < k.end()) {
                        if (k.start() >= h.start() && k.end() <= h.end() && (k.length() < h.end() - h.start() || k.ambiguous())) {
                            inside.add(k);
                        } else {
                            free = false;
                        }
                    }
                }
                for (Blocker b : blockers) {
                    if (b.start() < h.end() && h.start() < b.end()) {
                        free = false;
                    }
                }
                for (CompanyCandidate o : out) {
                    if (o.start() < h.end() && h.start() < o.end()) {
                        free = false;
                    }
                }
            }
            if (!free || !aliasBoundaries(text, grid, h.start(), h.end())) {
                continue;
            }
            CompanyCandidate full = local.get(h.value());
            out.add(new CompanyCandidate(h.start(), h.end(), h.value(), CompanyCandidate.Source.ALIAS,
                    full.entryId(), null, false, full));
            replaced.addAll(inside);
            taken.add(new int[] {h.start(), h.end()});
        }
        kept.removeIf(k -> replaced.stream().anyMatch(r -> r == k));
        return out;
    }

    private static boolean aliasBoundaries(String text, TokenGrid grid, int s, int e) {
        boolean latin = NameBoundary.isLatinLetter(text.charAt(s));
        if (latin) {
            return (s == 0 || !NameBoundary.isLatinLetter(text.charAt(s - 1)))
                    && (e >= text.length() || !NameBoundary.isLatinLetter(text.charAt(e)));
        }
        if (!grid.isEnd(e)) {
            Token t = grid.at(e - 1);
            if (t != null && t.start() > s && t.end() > e) {
                return false;
            }
        }
        return true;
    }
}
