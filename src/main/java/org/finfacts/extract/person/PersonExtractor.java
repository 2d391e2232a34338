package org.finfacts.extract.person;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Extractor;
import org.finfacts.extract.company.AhoCorasick;
import org.finfacts.tokenize.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds person names: well-known persons by name; the name after a title or role
 * ({@code 英大证券研究所所长李大霄表示}, {@code 首席财务官Amy Hood}, {@code 本报记者 徐婧婧},
 * {@code 财务大臣片山皋月周五}), taken from the tagger's name there, widened by single characters to
 * the next cue or stop ({@code 李大|霄表示} gives {@code 李大霄}; not {@code 普京|邀请}), or from a family name up to a cue; a biography after a name
 * ({@code 俞锋，男，51岁}); a Latin name in brackets after a Chinese one ({@code 利德索姆（Andrea Leadsom）});
 * and every name HanLP's tagger marks ({@code nr nrf}), which the resolver keeps only with support.
 * Thread-safe.
 */
public final class PersonExtractor implements Extractor<PersonCandidate> {
    private static final Pattern LATIN_PERSON = Pattern.compile("[A-Z][a-z]+(?:[ \\-][A-Z][a-z]+){1,2}");
    private static final Pattern BIOGRAPHY = Pattern.compile("^[,，]\\s*(?:男|女|硕士|博士|本科|研究生|\\d{2}岁)");
    private static final Pattern SPACED_BYLINE = Pattern.compile("^(\\p{IsHan}) (\\p{IsHan})(?=本报|报道|\\s|$|\\P{IsHan})");
    private static final Pattern BIOGRAPHY_AFTER_NAME = Pattern.compile("(\\p{IsHan}{2,3})[,，]\\s*(?:男|女)[,，、]");
    private static final String HARD_STOPS = ",，、。；;：:（）()“”\"' \n\t在的是等于今昨近曾将也则就对向已为均系并所说称";
    private static final String AFTER_TITLE_SKIP = "为是均系:：";
    private static final String TRIM_TAIL = "都也在是和与及的了还又就";
    private static final int MAX_NAME = 4;
    /** Second characters that make a two-character "name" a word and an adverb ({@code 时也}, {@code 金都}). */
    private static final String ADVERB_TAIL = "也都就还又才却";

    private final PersonRules rules;
    private final AhoCorasick<String> titles;
    private final AhoCorasick<String> known;

    /** A finder over the person data. */
    public PersonExtractor(PersonRules rules) {
        this.rules = rules;
        Map<String, String> t = new HashMap<>();
        for (String s : rules.titles()) {
            t.put(s, s);
        }
        titles = new AhoCorasick<>(t);
        Map<String, String> k = new HashMap<>();
        for (String s : rules.known()) {
            k.put(s, s);
        }
        known = new AhoCorasick<>(k);
    }

    @Override
    public List<PersonCandidate> find(AnalyzedText analyzed) {
        String text = analyzed.text();
        List<PersonCandidate> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (AhoCorasick.Hit<String> h : known.findAll(text)) {
            if (latinBoundaries(text, h.start(), h.end())) {
                out.add(new PersonCandidate(h.start(), h.end(), text.substring(h.start(), h.end()), PersonCandidate.Support.KNOWN));
            }
        }
        List<AhoCorasick.Hit<String>> titleHits = titles.findAll(text);
        Token[] tokenAt = titleHits.isEmpty() ? null : new Token[text.length()];
        if (tokenAt != null) {
            for (Token tk : analyzed.tokens()) {
                tokenAt[tk.start()] = tk;
            }
        }
        for (AhoCorasick.Hit<String> h : titleHits) {
            PersonCandidate c = afterTitle(text, tokenAt, h.end(), h.value());
            if (c != null) {
                out.add(c);
            }
        }
        for (int k = 0; k < analyzed.tokenCount(); k++) {
            if (!analyzed.tokenIsPersonName(k)) {
                continue;
            }
            Token tk = analyzed.tokens().get(k);
            int s = tk.start();
            int e = tk.end();
            while (e - s > 2 && TRIM_TAIL.indexOf(text.charAt(e - 1)) >= 0) {
                e--;
            }
            String name = text.substring(s, e);
            if (e - s < 2 || (e - s > MAX_NAME && name.indexOf('·') < 0) || rules.isNotPerson(name)
                    || (e - s == 2 && ADVERB_TAIL.indexOf(name.charAt(1)) >= 0)) {
                continue;
            }
            PersonCandidate.Support support = BIOGRAPHY.matcher(text.substring(e, Math.min(text.length(), e + 8))).find()
                    ? PersonCandidate.Support.TITLE : PersonCandidate.Support.TAGGER;
            out.add(new PersonCandidate(s, e, name, support));
        }
        // the pattern needs 男 or 女: most texts have neither and skip the scan
        boolean gendered = text.indexOf('男') >= 0 || text.indexOf('女') >= 0;
        Matcher bio = BIOGRAPHY_AFTER_NAME.matcher(text);
        while (gendered && bio.find()) {
            int s = bio.start(1);
            if (rules.startsWithSurname(text, s) && (s == 0 || !isHan(text.charAt(s - 1)) || HARD_STOPS.indexOf(text.charAt(s - 1)) >= 0)) {
                out.add(new PersonCandidate(s, bio.end(1), bio.group(1), PersonCandidate.Support.TITLE));
            }
        }
        out.addAll(bracketedLatin(text, out));
        out.sort(Comparator.comparingInt(PersonCandidate::start).thenComparingInt(c -> -(c.end() - c.start())));
        return out;
    }

    /** The name right after a title, or null. */
    private PersonCandidate afterTitle(String text, Token[] tokenAt, int titleEnd, String title) {
        int p = titleEnd;
        if (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        while (p < text.length() && AFTER_TITLE_SKIP.indexOf(text.charAt(p)) >= 0 && p - titleEnd < 3) {
            p++;
        }
        if (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        if (p >= text.length()) {
            return null;
        }
        char first = text.charAt(p);
        if (first >= 'A' && first <= 'Z') {
            Matcher m = LATIN_PERSON.matcher(text).region(p, Math.min(text.length(), p + 40));
            if (m.lookingAt() && (m.end() >= text.length() || !isAsciiLetter(text.charAt(m.end())))) {
                return new PersonCandidate(p, m.end(), m.group(), PersonCandidate.Support.TITLE);
            }
            return null;
        }
        if (!isHan(first)) {
            return null;
        }
        if (title.contains("记者") || title.equals("编辑") || title.equals("通讯员")) {
            Matcher spaced = SPACED_BYLINE.matcher(text.substring(p, Math.min(text.length(), p + 8)));
            if (spaced.find() && rules.startsWithSurname(text, p)) {
                return new PersonCandidate(p, p + 3, text.substring(p, p + 3), PersonCandidate.Support.TITLE);
            }
        }
        Token tk = tokenAt[p];
        boolean tagged = tk != null && tk.isPersonName();
        if (!tagged && tk != null && tk.word().length() >= 2 && (tk.tag().startsWith("ns") || tk.tag().startsWith("nt"))) {
            return null;
        }
        if (!tagged && tk != null && "davcprmqu".indexOf(tk.tag().charAt(0)) >= 0
                && (tk.word().length() >= 2 || "cpud".indexOf(tk.tag().charAt(0)) >= 0)) {
            return null;
        }
        if (!tagged && !rules.startsWithSurname(text, p) && text.indexOf('·', p) != p + 2 && text.indexOf('·', p) != p + 3) {
            return null;
        }
        boolean transliterated = text.substring(p, Math.min(text.length(), p + 5)).contains("·");
        int limit = Math.min(text.length(), p + (transliterated ? 9 : MAX_NAME));
        int from = tagged ? Math.min(tk.end(), limit) : Math.min(p + 2, limit);
        int end = -1;
        for (int q = from; q <= limit; q++) {
            if (q == text.length() || isStopAt(text, q)) {
                end = q;
                break;
            }
            Token next = tokenAt[q];
            if (tagged && next != null && next.end() - next.start() >= 2) {
                end = q;
                break;
            }
        }
        if (end < 0 && tagged) {
            end = Math.min(tk.end(), limit);
        }
        if (end < 0 || end - p < 2) {
            return null;
        }
        String name = text.substring(p, end);
        for (int i = 0; i < name.length(); i++) {
            if (!isHan(name.charAt(i)) && name.charAt(i) != '·') {
                return null;
            }
        }
        if (rules.isNotPerson(name)) {
            return null;
        }
        return new PersonCandidate(p, end, name, PersonCandidate.Support.TITLE);
    }

    private boolean isStopAt(String text, int q) {
        char c = text.charAt(q);
        if (HARD_STOPS.indexOf(c) >= 0 || !isHan(c) && c != '·') {
            return true;
        }
        if (c == '周' && q + 1 < text.length() && "一二三四五六日末二".indexOf(text.charAt(q + 1)) >= 0) {
            return true;
        }
        for (String cue : rules.cues()) {
            if (text.startsWith(cue, q)) {
                return true;
            }
        }
        for (String title : rules.titles()) {
            if (title.length() >= 2 && text.startsWith(title, q)) {
                return true;
            }
        }
        return false;
    }

    /** Latin names in brackets right after a person candidate ({@code 利德索姆（Andrea Leadsom）}). */
    private static List<PersonCandidate> bracketedLatin(String text, List<PersonCandidate> found) {
        List<PersonCandidate> out = new ArrayList<>();
        for (PersonCandidate c : found) {
            if (c.support() == PersonCandidate.Support.TAGGER || c.end() >= text.length() || text.charAt(c.end()) != '(') {
                continue;
            }
            Matcher m = LATIN_PERSON.matcher(text).region(c.end() + 1, Math.min(text.length(), c.end() + 42));
            if (m.lookingAt() && m.end() < text.length() && text.charAt(m.end()) == ')') {
                out.add(new PersonCandidate(m.start(), m.end(), m.group(), PersonCandidate.Support.TITLE));
            }
        }
        return out;
    }

    private static boolean latinBoundaries(String text, int s, int e) {
        boolean latin = Character.isLetter(text.charAt(s)) && text.charAt(s) < 0x80;
        if (!latin) {
            return true;
        }
        return (s == 0 || !Character.isLetter(text.charAt(s - 1))) && (e >= text.length() || !Character.isLetter(text.charAt(e)));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isHan(char c) {
        if (c >= 0x4E00 && c <= 0x9FFC) {
            return true; // CJK unified ideographs: Han in every Unicode version since 13
        }
        return c >= 0x80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
