package org.finfacts.text.html;

import org.finfacts.core.ModelStore;
import org.finfacts.text.DatelineParser;
import org.finfacts.text.PageRules;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTML page into an {@link Article}: headline, publication time, outlet, byline and body.
 *
 * <p>The page is parsed with jsoup and flattened into text segments ({@link PageModel}); the body
 * is the densest text region ({@link BodyFinder}), first with furniture recognised by tag and by
 * class/id names, again by tag alone when the names removed too much. The headline is the
 * {@code <h1>}/{@code og:title}/class {@code title} candidate that the {@code <title>} contains
 * (the longest such), else the {@code <title>} with site-name segments stripped
 * ({@code 标题_新浪财经} -> {@code 标题}). The publication time is the date printed in the lines
 * around the headline (labelled {@code 时间:}/{@code 发布时间：} or not), refined by or else taken from
 * {@code <meta>} tags, JSON-LD and {@code <time>}; a date in navigation or in a related-links list
 * is never used because only the headline's neighbourhood, the body's own edges and metadata are
 * read. Example: {@code new ArticleExtractor(PageRules.load(store)).extract(html, url)}.
 * Thread-safe; every traversal is iterative.
 */
public final class ArticleExtractor {
    /** Fewer body characters than this and the page is reported as not an article. */
    public static final int MIN_BODY_CHARS = 20;

    /** A byline on its own line: {@code 本报记者 王建宏 张文攀}, {@code （记者 李明）}, {@code 文/张三}. */
    private static final Pattern BYLINE = Pattern.compile(
            "^[（(]?\\s*(?:\\p{IsHan}{0,10}记者|文\\s*[/／丨|｜]|文图\\s*[/／丨|｜]|图文\\s*[/／丨|｜])\\s*"
                    + "(\\p{IsHan}{2,4}(?:[\\s、，,]+\\p{IsHan}{2,4}){0,5})\\s*[)）]?$");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s*(?:_|\\||｜|--?|–|—|·|::|\\s-\\s)\\s*");

    private final PageRules rules;
    private final BodyFinder bodies;
    private final DatelineFinder datelines;

    /** An extractor using these rules. */
    public ArticleExtractor(PageRules rules) {
        this.rules = rules;
        this.bodies = new BodyFinder(rules);
        this.datelines = new DatelineFinder(rules);
    }

    /** An extractor with the rules of a model store. */
    public static ArticleExtractor create(ModelStore store) {
        return new ArticleExtractor(PageRules.load(store));
    }

    /** Extracts the article of a page; {@code url} (may be null) resolves links and dates. */
    public Article extract(String html, String url) {
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        PageMetadata meta = PageMetadata.of(doc);
        String pageTitle = clean(doc.title());
        Element root = doc.body() != null ? doc.body() : doc;
        PageModel model = PageModel.of(root, rules);

        String title = findTitle(doc, model, meta, pageTitle);
        int titleSeg = titleSegment(model, title);
        BodyFinder.Body body = bodies.find(model, true, titleSeg);
        if (body.chars() < MIN_BODY_CHARS) {
            BodyFinder.Body loose = bodies.find(model, false, titleSeg);
            if (loose.chars() > body.chars()) {
                body = loose;
            }
        }
        int bodyStart = body.segments().isEmpty() ? model.segments.size() : body.segments().get(0).index;
        List<PageModel.Segment> window = new ArrayList<>(DatelineFinder.near(model, titleSeg, bodyStart));
        window.addAll(DatelineFinder.before(model, titleSeg, bodyStart));
        Labelled labelled = labelled(window);
        Optional<DatelineFinder.Found> found = datelines.find(model, titleSeg, body.segments(), meta, url);
        String published = found.map(f -> f.stamp().iso()).orElse(null);
        String publishedFrom = found.map(DatelineFinder.Found::from).orElse(null);

        String source = labelled.source;
        if (source == null) {
            source = firstNonBlank(meta.meta("og:site_name"), meta.meta("source"), meta.ldPublisher, siteNameOf(pageTitle));
        }
        String author = labelled.author;
        if (author == null) {
            author = byline(window);
        }
        if (author != null && (rules.isSiteName(author) || author.equals(source))) {
            author = null;
        }
        if (author == null) {
            String a = firstNonBlank(meta.meta("author"), meta.meta("article:author"), meta.ldAuthor);
            if (a != null && a.length() <= 40 && !a.contains("/") && !a.contains(".") && !rules.isSiteName(a)) {
                author = a;
            }
        }

        List<String> paragraphs = paragraphs(body.segments(), title, titleSeg);
        int chars = 0;
        for (String p : paragraphs) {
            chars += p.codePointCount(0, p.length());
        }
        String notArticle = chars < MIN_BODY_CHARS
                ? "not an article: no article text found (" + chars + " characters of running text)" : null;
        return new Article(title, pageTitle, published, publishedFrom, source, author, paragraphs, notArticle,
                describe(model, body.container()) + (titleSeg >= 0 ? " (anchored at headline)" : ""));
    }

    private static String describe(PageModel m, int element) {
        if (element < 0) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        int steps = 0;
        for (int e = element; e >= 0 && steps < 4; e = m.parent[e], steps++) {
            Element el = m.elements.get(e);
            String d = el.normalName() + (el.id().isEmpty() ? "" : "#" + el.id())
                    + (el.className().isEmpty() ? "" : "." + el.className().trim().replaceAll("\\s+", "."));
            b.insert(0, steps == 0 ? d : d + " > ");
        }
        return b.toString();
    }

    // ----------------------------------------------------------------------------------- title

    private String findTitle(Document doc, PageModel model, PageMetadata meta, String pageTitle) {
        String pageKey = key(pageTitle);
        List<String> candidates = new ArrayList<>();
        for (Element h : doc.select("h1, h2, h3")) {
            candidates.add(clean(h.text()));
        }
        for (Element e : doc.select("[class*=title], [id*=title], [class*=Title], [id*=Title], [class*=headline]")) {
            if (e.childrenSize() <= 3) {
                candidates.add(clean(e.text()));
            }
        }
        String og = clean(firstNonBlank(meta.meta("og:title"), meta.meta("twitter:title"), meta.meta("title"),
                meta.meta("headline"), meta.meta("articletitle"), meta.ldHeadline));
        if (og != null) {
            candidates.add(og);
        }
        String best = null;
        if (!pageKey.isEmpty()) {
            for (String c : candidates) {
                String k = key(c);
                if (k.length() >= 4 && c.length() <= 200 && pageKey.contains(k) && (best == null || k.length() > key(best).length())) {
                    best = c;
                }
            }
        }
        if (best != null && (pageKey.startsWith(key(best)) || key(best).length() * 3 >= key(stripSiteName(pageTitle)).length())) {
            return stripSiteName(best);
        }
        if (og != null && og.length() >= 4) {
            return stripSiteName(og);
        }
        String stripped = stripSiteName(pageTitle);
        if (stripped != null && !stripped.isBlank()) {
            return stripped;
        }
        for (Element h : doc.select("h1")) {
            String t = clean(h.text());
            if (t.length() >= 4 && t.length() <= 120) {
                return t;
            }
        }
        return best;
    }

    /** The title without trailing segments that name the site or channel. */
    String stripSiteName(String title) {
        if (title == null) {
            return null;
        }
        String t = title.strip();
        while (true) {
            Matcher m = TITLE_SEPARATOR.matcher(t);
            int lastStart = -1;
            int lastEnd = -1;
            while (m.find()) {
                if (m.start() > 0 && m.end() < t.length()) {
                    lastStart = m.start();
                    lastEnd = m.end();
                }
            }
            if (lastStart < 0) {
                return t;
            }
            String head = t.substring(0, lastStart).strip();
            String tail = t.substring(lastEnd).strip();
            boolean site = rules.isSiteName(tail)
                    || (tail.codePointCount(0, tail.length()) <= 12 && key(head).length() >= 6);
            if (!site || key(head).length() < 2) {
                return t;
            }
            t = head;
        }
    }

    private String siteNameOf(String pageTitle) {
        if (pageTitle == null) {
            return null;
        }
        String[] parts = TITLE_SEPARATOR.split(pageTitle.strip());
        for (int i = parts.length - 1; i >= 1; i--) {
            String p = parts[i].strip();
            if (rules.isSiteName(p) && !p.endsWith("频道") && p.length() <= 20) {
                return p;
            }
        }
        return null;
    }

    private static int titleSegment(PageModel model, String title) {
        if (title == null) {
            return -1;
        }
        String k = key(title);
        if (k.length() < 2) {
            return -1;
        }
        int found = -1;
        int linked = -1;
        for (PageModel.Segment s : model.segments) {
            if (s.linkDensity() > 0.5) {
                if (linked < 0 && model.noise[s.owner] == PageModel.CLEAN && key(s.text()).equals(k)) {
                    linked = s.index;
                }
                continue;
            }
            String sk = key(s.text());
            if (sk.equals(k) || (sk.contains(k) && sk.length() <= k.length() + 20)) {
                if (s.heading > 0 && model.noise[s.owner] == PageModel.CLEAN) {
                    return s.index;
                }
                if (found < 0 && model.noise[s.owner] == PageModel.CLEAN) {
                    found = s.index;
                }
            }
        }
        return found >= 0 ? found : linked;
    }

    // ------------------------------------------------------------------------- dateline and labels

    private record Labelled(String source, String author) {
    }

    private Labelled labelled(List<PageModel.Segment> window) {
        String source = null;
        String author = null;
        for (PageModel.Segment s : window) {
            String t = s.text();
            Matcher m = rules.labelPattern().matcher(t);
            List<int[]> spans = new ArrayList<>();
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end(), m.start(1), m.end(1)});
            }
            for (int i = 0; i < spans.size(); i++) {
                int[] sp = spans.get(i);
                PageRules.LabelKind kind = rules.labelKind(t.substring(sp[2], sp[3]));
                int valueEnd = i + 1 < spans.size() ? spans.get(i + 1)[0] : t.length();
                String value = labelValue(t.substring(sp[1], valueEnd));
                if (value == null) {
                    continue;
                }
                if (kind == PageRules.LabelKind.SOURCE && source == null) {
                    source = value;
                } else if (kind == PageRules.LabelKind.AUTHOR && author == null) {
                    author = value;
                }
            }
        }
        return new Labelled(source, author);
    }

    /** The names of the first byline line among these lines, or null. */
    private static String byline(List<PageModel.Segment> lines) {
        for (PageModel.Segment s : lines) {
            String t = s.text();
            if (t.length() <= 40) {
                Matcher m = BYLINE.matcher(t);
                if (m.matches()) {
                    return m.group(1).strip();
                }
            }
        }
        return null;
    }

    private static String labelValue(String raw) {
        String v = raw.strip();
        int cut = v.length();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '|' || c == '｜' || c == '丨' || c == '【' || c == '[' || c == '（' || c == '(' || c == '　') {
                cut = i;
                break;
            }
            if (c == ' ' && i + 1 < v.length() && v.charAt(i + 1) == ' ') {
                cut = i;
                break;
            }
        }
        v = v.substring(0, cut).strip();
        Optional<DatelineParser.Stamp> date = DatelineParser.findFirst(v);
        if (date.isPresent()) {
            v = (v.substring(0, date.get().start()) + " " + v.substring(date.get().end())).strip();
        }
        int colon = v.indexOf('：');
        if (colon > 0) {
            v = v.substring(0, colon);
        }
        v = v.replaceAll("[\\s:：,，。;；]+$", "");
        if (v.isEmpty() || v.codePointCount(0, v.length()) > 30) {
            return null;
        }
        return v;
    }

    // ---------------------------------------------------------------------------------- body

    private List<String> paragraphs(List<PageModel.Segment> body, String title, int titleSeg) {
        String titleKey = key(title);
        int start = 0;
        while (start < body.size()) {
            PageModel.Segment s = body.get(start);
            String t = s.text();
            String k = key(t);
            boolean isTitle = s.index == titleSeg || (!titleKey.isEmpty() && (k.equals(titleKey)
                    || (titleKey.contains(k) && k.length() * 2 >= titleKey.length())));
            if (isTitle || isMetaLine(t) || (t.length() <= 40 && BYLINE.matcher(t).matches())) {
                start++;
                continue;
            }
            break;
        }
        List<String> out = new ArrayList<>();
        for (int i = start; i < body.size(); i++) {
            String t = body.get(i).text();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** A short line of metadata under a headline: a date, or labels such as 来源/作者/编辑. */
    private boolean isMetaLine(String line) {
        if (line.length() > 100 || line.endsWith("。")) {
            return false;
        }
        if (DatelineParser.findFirst(line).isPresent()) {
            return true;
        }
        Matcher m = rules.labelPattern().matcher(line);
        return m.find() && m.start() < 10;
    }

    // -------------------------------------------------------------------------------- helpers

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00a0', ' ').replace('\u3000', ' ').replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    /** Comparison key: letters and digits only, lower case. */
    static String key(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
