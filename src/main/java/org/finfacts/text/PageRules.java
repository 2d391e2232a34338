package org.finfacts.text;

import org.finfacts.core.ModelStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The reviewed data that page cleaning runs on, read once from {@code models/text/}: boilerplate
 * headings ({@code 相关阅读}, {@code 近期热点}), furniture lines ({@code 分享到}), the HTML noise rules
 * (tags, class/id patterns), metadata labels ({@code 来源:}, {@code 发布时间:}), the {@code <meta>}
 * names that carry a publication time, and the words that mark a title segment as a site name
 * ({@code _新浪财经}). Immutable and thread-safe once built.
 */
public final class PageRules {
    /** What a metadata label introduces. */
    public enum LabelKind { TIME, SOURCE, AUTHOR, EDITOR, OTHER }

    private final Set<String> headings;
    private final Set<String> closingHeadings;
    private final List<Pattern> furniture;
    private final Set<String> noiseTags;
    private final List<Pattern> unlikely;
    private final List<Pattern> likely;
    private final List<Pattern> hidden;
    private final Map<String, LabelKind> labels;
    private final Pattern labelPattern;
    private final Pattern timeLabelPattern;
    private final List<String> publishedMeta;
    private final List<String> siteSuffixes;

    private PageRules(ModelStore store) {
        headings = new HashSet<>();
        closingHeadings = new HashSet<>();
        for (ModelStore.Row r : store.rows("text/boilerplate-headings.tsv")) {
            headings.add(r.get(0));
            if (r.get(1).equals("closes")) {
                closingHeadings.add(r.get(0));
            } else if (!r.get(1).isEmpty()) {
                throw r.error("column 2 must be empty or 'closes'");
            }
        }
        furniture = new ArrayList<>();
        for (ModelStore.Row r : store.rows("text/boilerplate-lines.tsv")) {
            furniture.add(compile(r, r.get(0), 0));
        }
        noiseTags = new HashSet<>();
        List<Pattern> unlikelyRules = new ArrayList<>();
        List<Pattern> likelyRules = new ArrayList<>();
        hidden = new ArrayList<>();
        for (ModelStore.Row r : store.rows("text/html-noise.tsv")) {
            switch (r.get(0)) {
                case "tag" -> noiseTags.add(r.get(1).toLowerCase(Locale.ROOT));
                case "unlikely" -> unlikelyRules.add(compile(r, r.get(1), Pattern.CASE_INSENSITIVE));
                case "likely" -> likelyRules.add(compile(r, r.get(1), Pattern.CASE_INSENSITIVE));
                case "hidden" -> hidden.add(compile(r, r.get(1), Pattern.CASE_INSENSITIVE));
                default -> throw r.error("unknown kind '" + r.get(0) + "' (tag, unlikely, likely, hidden)");
            }
        }
        unlikely = combined(unlikelyRules, Pattern.CASE_INSENSITIVE);
        likely = combined(likelyRules, Pattern.CASE_INSENSITIVE);
        labels = new LinkedHashMap<>();
        for (ModelStore.Row r : store.rows("text/page-labels.tsv")) {
            LabelKind kind;
            try {
                kind = LabelKind.valueOf(r.get(0).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw r.error("unknown label kind '" + r.get(0) + "'");
            }
            labels.put(r.get(1), kind);
        }
        List<String> byLength = new ArrayList<>(labels.keySet());
        byLength.sort((a, b) -> b.length() - a.length());
        StringBuilder alt = new StringBuilder();
        for (String l : byLength) {
            alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(l));
        }
        labelPattern = Pattern.compile("(" + alt + ")\\s*[:：]\\s*");
        StringBuilder timeAlt = new StringBuilder();
        for (String l : byLength) {
            if (labels.get(l) == LabelKind.TIME) {
                timeAlt.append(timeAlt.length() == 0 ? "" : "|").append(Pattern.quote(l));
            }
        }
        timeLabelPattern = Pattern.compile("(" + timeAlt + ")\\s*[:：]?\\s*");
        publishedMeta = new ArrayList<>();
        for (ModelStore.Row r : store.rows("text/published-meta.tsv")) {
            publishedMeta.add(r.get(0).toLowerCase(Locale.ROOT));
        }
        siteSuffixes = new ArrayList<>();
        for (ModelStore.Row r : store.rows("text/site-suffixes.tsv")) {
            siteSuffixes.add(r.get(0));
        }
    }

    /** Loads the rules; a broken entry fails here, naming its file and line. */
    public static PageRules load(ModelStore store) {
        return new PageRules(store);
    }

    private static Pattern compile(ModelStore.Row r, String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw r.error("bad regular expression: " + e.getDescription());
        }
    }

    /**
     * Whether a line or block is a boilerplate heading: one of the headings, alone or followed by
     * {@code :}, {@code >}, {@code >>}, {@code 更多} or {@code more} ({@code 相关阅读：}, {@code 热门文章 >>}).
     */
    public boolean isBoilerplateHeading(String line) {
        String s = headingKey(line);
        return s != null && headings.contains(s);
    }

    /** Whether a line is a heading that only follows an article, such as {@code 网友评论}. */
    public boolean isClosingHeading(String line) {
        String s = headingKey(line);
        return s != null && closingHeadings.contains(s);
    }

    private static final Pattern HEADING_EDGES = Pattern.compile("^[\\[【『「\\s]+|[\\]】』」:：>＞»\\s]+$");
    private static final Pattern HEADING_MORE = Pattern.compile("(?i)\\s*(更多|more|查看更多)\\s*[>＞»]*$");
    private static final Pattern HEADING_COUNT = Pattern.compile("[(（]\\s*\\d+\\s*[)）]$");
    private static final Pattern HEADING_TAIL = Pattern.compile("[\\]】』」:：>＞»\\s]+$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static String headingKey(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 16) {
            return null;
        }
        s = HEADING_EDGES.matcher(s).replaceAll("");
        s = HEADING_MORE.matcher(s).replaceAll("");
        s = HEADING_COUNT.matcher(s).replaceAll("");
        return HEADING_TAIL.matcher(s).replaceAll("");
    }

    /** Whether a whole line is page furniture ({@code 分享到：}, {@code 打印 | 关闭}, {@code 上一篇：...}). */
    public boolean isFurniture(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 80) {
            return false;
        }
        for (Pattern p : furniture) {
            if (p.matcher(s).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether an element of this (lower-case) name is furniture as a whole ({@code nav}, {@code footer}). */
    public boolean isNoiseTag(String tag) {
        return noiseTags.contains(tag);
    }

    /**
     * Whether an element's class and id say it is furniture: one of its tokens matches an
     * "unlikely" pattern and none is a plain "likely" token ({@code content}, {@code article}).
     */
    public boolean isUnlikelyByName(String classAndId) {
        if (classAndId == null || classAndId.isBlank()) {
            return false;
        }
        boolean bad = false;
        for (String token : WHITESPACE.split(classAndId.trim())) {
            boolean u = matchesAny(unlikely, token);
            if (u) {
                bad = true;
            } else if (matchesAny(likely, token)) {
                return false;
            }
        }
        return bad;
    }

    /** Whether an element's class or id marks it as article content ({@code article-body}). */
    public boolean isLikelyByName(String classAndId) {
        if (classAndId == null || classAndId.isBlank()) {
            return false;
        }
        for (String token : WHITESPACE.split(classAndId.trim())) {
            if (!matchesAny(unlikely, token) && matchesAny(likely, token)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an inline style hides the element ({@code display:none}). */
    public boolean isHiddenStyle(String style) {
        return style != null && !style.isEmpty() && matchesAny(hidden, style);
    }

    private static boolean matchesAny(List<Pattern> patterns, String s) {
        for (Pattern p : patterns) {
            if (p.matcher(s).find()) {
                return true;
            }
        }
        return false;
    }

    /** One pattern that finds whatever any of {@code patterns} finds (fewer matcher set-ups per element). */
    private static List<Pattern> combined(List<Pattern> patterns, int flags) {
        if (patterns.size() <= 1) {
            return patterns;
        }
        StringBuilder b = new StringBuilder();
        for (Pattern p : patterns) {
            b.append(b.length() == 0 ? "" : "|").append("(?:").append(p.pattern()).append(')');
        }
        return List.of(Pattern.compile(b.toString(), flags));
    }

    /** The metadata label pattern: group 1 is the label ({@code 来源}), the match includes the colon. */
    public Pattern labelPattern() {
        return labelPattern;
    }

    /** Time labels only, the colon optional ({@code 发表于 2004年12月27日}): group 1 is the label. */
    public Pattern timeLabelPattern() {
        return timeLabelPattern;
    }

    /** What a label introduces, or null when it is not a label. */
    public LabelKind labelKind(String label) {
        return labels.get(label);
    }

    /** {@code <meta>} names carrying a publication time, most trusted first, lower case. */
    public List<String> publishedMetaNames() {
        return publishedMeta;
    }

    /** Whether a title segment names a site or channel ({@code 中国青年网}, {@code 教育频道}, {@code sina.com.cn}). */
    public boolean isSiteName(String segment) {
        String s = segment.strip();
        if (s.isEmpty()) {
            return false;
        }
        if (s.matches("(?i)([a-z0-9-]+\\.)+[a-z]{2,}")) {
            return true;
        }
        for (String suffix : siteSuffixes) {
            if (s.endsWith(suffix) || s.equalsIgnoreCase(suffix)) {
                return true;
            }
        }
        return false;
    }
}
