package org.finfacts.text;

import org.finfacts.facts.Fact;
import org.finfacts.facts.Regions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the headline, the time line and the body in page text that still carries a site's
 * navigation above the article and its sidebars below ({@code 近期热点}, {@code 热门文章}):
 * <ol>
 *   <li>the time line is the first short metadata line near the top: a date-time with a four-digit
 *       year and little else but labels ({@code 时间:2024-04-10 00:36:32来源:新媒体}), under a headline;</li>
 *   <li>the headline is the known title's line if the document has one, else the nearest
 *       headline-like line above the time line (not a numbered item, not itself metadata);</li>
 *   <li>the body runs from the first line after both to the last line before a boilerplate heading
 *       ({@code 相关阅读}, {@code 近期热点}) or a run of headline-with-date lines (a related-links list),
 *       furniture lines ({@code 分享到}) trimmed off its end.</li>
 * </ol>
 * Clean text is left alone: without a time line or a known headline above running text, and
 * without boilerplate at the end, the answer is null (the whole text is the article); text above
 * the time line that reads as running prose means the line is part of the article, not a page
 * header. Spans are working-copy UTF-16 indices, as {@link RegionFinder} requires.
 */
public final class ArticleRegionFinder implements RegionFinder {
    private static final int MAX_HEADER_LINES = 30;
    private static final int MAX_META_LINE = 120;
    private static final Pattern SENTENCE_PUNCT = Pattern.compile("[,，。;；!！?？]");
    private static final Pattern LIST_ITEM_DATE = Pattern.compile(
            "\\p{L}.{3,}?(?:\\s|^|[(\\[（【])(?:(?:19|20)\\d{2}[-/.年])?(?:0?[1-9]|1[0-2])(?:[-/]|月)(?:0?[1-9]|[12]\\d|3[01])日?"
                    + "(?:\\s+\\d{1,2}:\\d{2})?[)\\]）】]?\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[(（]\\s*\\d{1,3}\\s*[)）]|\\d{1,3}\\s*[.、)）])");
    private static final Pattern NAV_LINE = Pattern.compile("(>|»|›|\\|)\\s*$|^\\s*(首页|主页|当前位置|您的位置|位置)\\s*[>:»|]");

    private final PageRules rules;

    /** A finder using the page rules (boilerplate headings, furniture lines, metadata labels). */
    public ArticleRegionFinder(PageRules rules) {
        this.rules = rules;
    }

    /**
     * The date-time of the page's time line ({@code 时间:2024-04-10 00:36:32来源:新媒体}) in a working
     * copy, with offsets into it, when the text has a time line in a page header; else empty.
     */
    public Optional<DatelineParser.Stamp> timeLineStamp(String text) {
        List<Line> lines = lines(text);
        List<Integer> content = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).blank()) {
                content.add(i);
            }
        }
        int time = timeLine(lines, content, text.length());
        if (time < 0) {
            return Optional.empty();
        }
        int title = titleLine(lines, content, null, time);
        if (title < 0 || !closeBelow(lines, content, title, time) || !headerOnly(lines, content, title, time)) {
            return Optional.empty();
        }
        Line l = lines.get(time);
        return DatelineParser.findFirst(l.text()).map(s -> new DatelineParser.Stamp(l.start() + s.start(),
                l.start() + s.end(), s.time(), s.precision(), s.offset()));
    }

    private record Line(int start, int end, String text) {
        boolean blank() {
            return text.isBlank();
        }
    }

    @Override
    public Regions find(NormalizedText normalized, String knownTitle) {
        String text = normalized.text();
        List<Line> lines = lines(text);
        List<Integer> content = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).blank()) {
                content.add(i);
            }
        }
        if (content.isEmpty()) {
            return null;
        }
        int time = timeLine(lines, content, text.length());
        int title = titleLine(lines, content, knownTitle, time);
        if (time >= 0 && (title < 0 || title > time || !closeBelow(lines, content, title, time)
                || !headerOnly(lines, content, title, time))) {
            time = -1;
        }
        if (time < 0 && title >= 0 && !headerOnly(lines, content, -1, title)) {
            title = -1;
        }
        int afterHead = Math.max(title, time);
        int firstBody = -1;
        int metaSkipped = 0;
        for (int k : content) {
            if (k <= afterHead) {
                continue;
            }
            if (time >= 0 && metaSkipped < 2 && isMetaLine(lines.get(k).text())) {
                metaSkipped++;
                continue;
            }
            firstBody = k;
            break;
        }
        int lastBody = bodyEnd(lines, content, firstBody);
        boolean cutTop = afterHead >= 0;
        boolean cutBottom = lastBody >= 0 && lastBody != content.get(content.size() - 1);
        if (!cutTop && !cutBottom) {
            return null;
        }
        Fact.Span titleSpan = title >= 0 ? trimmed(lines.get(title)) : null;
        Fact.Span bodySpan = null;
        if (firstBody >= 0 && lastBody >= firstBody) {
            bodySpan = new Fact.Span(trimmed(lines.get(firstBody)).start(), trimmed(lines.get(lastBody)).end());
        }
        if (titleSpan == null && bodySpan == null) {
            return null;
        }
        return new Regions(titleSpan, bodySpan);
    }

    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                out.add(new Line(start, i, text.substring(start, i)));
                start = i + 1;
            }
        }
        return out;
    }

    private static Fact.Span trimmed(Line l) {
        int s = l.start();
        int e = l.end();
        String t = l.text();
        int a = 0;
        while (a < t.length() && Character.isWhitespace(t.charAt(a))) {
            a++;
        }
        int b = t.length();
        while (b > a && Character.isWhitespace(t.charAt(b - 1))) {
            b--;
        }
        return new Fact.Span(s + a, s + b);
    }

    /** The first short metadata line with a full date among the first lines, or -1. */
    private int timeLine(List<Line> lines, List<Integer> content, int length) {
        for (int c = 0; c < Math.min(content.size(), MAX_HEADER_LINES); c++) {
            Line l = lines.get(content.get(c));
            if (l.start() > length / 2) {
                break;
            }
            if (DatelineParser.findFirst(l.text()).isPresent() && isMetaLine(l.text())) {
                return content.get(c);
            }
        }
        return -1;
    }

    /** A line of metadata: short, a date and/or labels, and no sentence punctuation outside them. */
    private boolean isMetaLine(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > MAX_META_LINE) {
            return false;
        }
        Optional<DatelineParser.Stamp> stamp = DatelineParser.findFirst(t);
        if (stamp.isEmpty() && t.indexOf(':') < 0 && t.indexOf('：') < 0) {
            return false;
        }
        boolean labelled = false;
        String rest = t;
        if (stamp.isPresent()) {
            rest = t.substring(0, stamp.get().start()) + " " + t.substring(stamp.get().end());
        }
        Matcher m = rules.labelPattern().matcher(rest);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            labelled = true;
            b.append(rest, last, m.start()).append(' ');
            last = m.end();
        }
        b.append(rest.substring(last));
        String left = b.toString().strip();
        if (!stamp.isPresent() && !labelled) {
            return false;
        }
        return left.length() <= 60 && !SENTENCE_PUNCT.matcher(left).find();
    }

    /** The headline's line: the known title's, else the nearest headline-like line above the time line. */
    private int titleLine(List<Line> lines, List<Integer> content, String knownTitle, int time) {
        String key = key(knownTitle);
        if (key.length() >= 2) {
            int limit = time >= 0 ? time : content.get(Math.min(content.size(), MAX_HEADER_LINES) - 1);
            for (int k : content) {
                if (k > limit) {
                    break;
                }
                String lk = key(lines.get(k).text(), key.length() + 20);
                if (lk != null && (lk.equals(key) || lk.contains(key))) {
                    return k;
                }
            }
        }
        if (time < 0) {
            return -1;
        }
        for (int c = content.indexOf(time) - 1; c >= 0; c--) {
            String t = lines.get(content.get(c)).text().strip();
            if (rules.isFurniture(t) || NAV_LINE.matcher(t).find()) {
                return -1;
            }
            int n = t.codePointCount(0, t.length());
            if (n >= 4 && n <= 100 && !t.endsWith("。") && !isMetaLine(t) && !LIST_ITEM.matcher(t).find()) {
                return content.get(c);
            }
            return -1;
        }
        return -1;
    }

    /** Whether the time line follows the headline closely: at most two short lines between them. */
    private static boolean closeBelow(List<Line> lines, List<Integer> content, int title, int time) {
        int between = 0;
        for (int k : content) {
            if (k > title && k < time) {
                between++;
                if (between > 2 || lines.get(k).text().strip().length() > 40) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the lines before {@code upTo} (other than the headline) are a page header, not prose. */
    private static boolean headerOnly(List<Line> lines, List<Integer> content, int title, int upTo) {
        int prose = 0;
        for (int k : content) {
            if (k >= upTo) {
                break;
            }
            if (k == title) {
                continue;
            }
            String t = lines.get(k).text().strip();
            if (t.length() > 40 && (t.endsWith("。") || t.endsWith(".") || SENTENCE_PUNCT.matcher(t).results().count() >= 3)) {
                prose += t.length();
            }
        }
        return prose < 80;
    }

    /**
     * The last body line: before the first boilerplate heading or related-links run after the body
     * starts, with trailing furniture lines trimmed; the last content line when nothing cuts.
     */
    private int bodyEnd(List<Line> lines, List<Integer> content, int firstBody) {
        if (firstBody < 0) {
            return -1;
        }
        int start = content.indexOf(firstBody);
        int end = content.size();
        for (int c = start + 1; c < content.size(); c++) {
            String t = lines.get(content.get(c)).text();
            if (rules.isBoilerplateHeading(t) || listRunStarts(lines, content, c)) {
                end = c;
                break;
            }
        }
        int last = end - 1;
        while (last > start && rules.isFurniture(lines.get(content.get(last)).text())) {
            last--;
        }
        return content.get(last);
    }

    /** Whether three short lines ending in a date start here: a related-links or "hot" list. */
    private static boolean listRunStarts(List<Line> lines, List<Integer> content, int c) {
        if (c + 2 >= content.size()) {
            return false;
        }
        for (int i = c; i < c + 3; i++) {
            String t = lines.get(content.get(i)).text().strip();
            if (t.length() > 60 || !endsLikeDate(t) || !hasDigit(t) || !LIST_ITEM_DATE.matcher(t).find()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a stripped line ends as a list item's date does: a day, 日, a time, or a closing bracket. */
    private static boolean endsLikeDate(String t) {
        int e = t.length();
        if (e > 0 && t.charAt(e - 1) == '\u0085') {
            e--; // a final line terminator, before which the pattern's $ also matches
        }
        while (e > 0 && " \t\n\u000B\f\r".indexOf(t.charAt(e - 1)) >= 0) {
            e--;
        }
        if (e == 0) {
            return false;
        }
        char c = t.charAt(e - 1);
        return c >= '0' && c <= '9' || c == '日' || c == ')' || c == ']' || c == '）' || c == '】';
    }

    /** Whether a line holds an ASCII digit (a list item's date needs one). */
    private static boolean hasDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static String key(String s) {
        return s == null ? "" : key(s, Integer.MAX_VALUE);
    }

    /** The letters and digits of {@code s} in lower case, or null once they run longer than {@code max} chars. */
    private static String key(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 128));
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(Character.toLowerCase(cp));
                if (b.length() > max) {
                    return null;
                }
            }
        }
        return b.toString();
    }
}
