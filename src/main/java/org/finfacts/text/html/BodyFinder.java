package org.finfacts.text.html;

import org.finfacts.text.PageRules;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;

/**
 * Finds the article body in a {@link PageModel} by text and link density over the DOM.
 *
 * <p>Every segment gets a value: running text counts for its length, weighted by how much sentence
 * punctuation it carries (a menu of short labels is worth little); link text and furniture count
 * against. Values are summed up the tree, and the element with the largest sum is the body's
 * container: the smallest element that holds most of the running text and as little of the link
 * lists as possible. From there the search moves down into a child that alone carries nearly all
 * of the value, so a sidebar with some running text next to the article stays out. The body is
 * then the container's segments in order, without link-dense ones, furniture lines and anything
 * after a boilerplate heading such as {@code 相关阅读} (when less text follows it than precedes it).
 */
final class BodyFinder {
    /** A child that keeps this share of its parent's value becomes the container. */
    static final double DESCEND_SHARE = 0.85;
    /** A headline-anchored region that holds the best region wins when it keeps this share of its value. */
    static final double ANCHOR_SHARE = 0.8;
    /** A headline-anchored region inside the best region wins when it has this share of its value. */
    static final double INNER_ANCHOR_SHARE = 0.5;
    /** A headline-anchored region apart from the best region wins when it has this share of its value. */
    static final double DISJOINT_ANCHOR_SHARE = 0.1;
    /** Siblings of one shape that make a thread of posts. */
    static final int MIN_REPEATS = 3;
    /** How many segments of running text after the headline may start the article. */
    static final int ANCHOR_SEGMENTS = 3;
    /** The first segment after the headline worth this much starts the article. */
    static final double ANCHOR_MIN_VALUE = 10;
    /** Furniture is left out of the body anyway, so it only weakly counts against a region. */
    static final double FURNITURE_WEIGHT = 0.25;
    /** How far up the tree region searches climb. */
    static final int MAX_CLIMB = 60;
    private static final java.util.regex.Pattern DATELINE = java.util.regex.Pattern.compile(
            "(19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}|\\d{1,2}-\\d{1,2}\\s+\\d{1,2}:\\d{2}"
                    + "|\\d+\\s*(分钟|分鐘|小时|小時|天|秒)前|(昨天|今天|前天)\\s*\\d{1,2}:\\d{2}");
    private static final java.util.regex.Pattern EDITOR_LINE = java.util.regex.Pattern.compile(
            "^[\\[(（【]?\\s*(责任编辑|責任編輯|责编|本文编辑|编辑|編輯)\\s*[:：].{0,30}$");

    private final PageRules rules;

    BodyFinder(PageRules rules) {
        this.rules = rules;
    }

    /** The chosen container and the body segments in it, in document order. */
    record Body(int container, List<PageModel.Segment> segments) {
        int chars() {
            int n = 0;
            for (PageModel.Segment s : segments) {
                n += s.chars - s.linkChars;
            }
            return n;
        }
    }

    /**
     * Finds the body; {@code softNoise} says whether class/id names may mark furniture,
     * {@code titleSegment} is the headline's segment (or -1): the body is the densest region that
     * holds the first running text after the headline, unless the headline is not found.
     */
    Body find(PageModel m, boolean softNoise, int titleSegment) {
        int n = m.elements.size();
        if (n == 0) {
            return new Body(-1, List.of());
        }
        boolean[] furniture = furniture(m, softNoise, titleSegment);
        double[] value = new double[m.segments.size()];
        double[] sum = new double[n];
        for (PageModel.Segment s : m.segments) {
            double v = value(s, furniture[s.owner]);
            value[s.index] = v;
            sum[s.owner] += v;
        }
        for (int i = n - 1; i > 0; i--) {
            if (m.parent[i] >= 0) {
                sum[m.parent[i]] += sum[i];
            }
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (sum[i] > sum[best]) {
                best = i;
            }
        }
        int[] firstContent = firstContentSegments(m, value);
        java.util.Set<Integer> anchors = anchors(m, value, titleSegment);
        int anchored = -1;
        for (int i = 0; i < n; i++) {
            if (anchors.contains(firstContent[i]) && (anchored < 0 || sum[i] > sum[anchored])) {
                anchored = i;
            }
        }
        if (anchored >= 0 && anchored != best) {
            double ratio = sum[best] <= 0 ? 1 : sum[anchored] / sum[best];
            boolean choose;
            if (m.contains(best, anchored)) {
                choose = ratio >= INNER_ANCHOR_SHARE;
            } else if (m.contains(anchored, best)) {
                choose = ratio >= ANCHOR_SHARE;
            } else {
                choose = ratio >= DISJOINT_ANCHOR_SHARE;
            }
            if (choose) {
                best = anchored;
            } else {
                anchored = -1;
            }
        }
        int[] bestChild = new int[n];
        java.util.Arrays.fill(bestChild, -1);
        for (int i = 1; i < n; i++) {
            int p = m.parent[i];
            if (p >= 0 && (bestChild[p] < 0 || sum[i] > sum[bestChild[p]])) {
                bestChild[p] = i;
            }
        }
        int container = best;
        while (bestChild[container] >= 0 && sum[bestChild[container]] >= DESCEND_SHARE * sum[container]
                && sum[container] > 0 && (anchored < 0 || anchors.contains(firstContent[bestChild[container]]))) {
            container = bestChild[container];
        }
        container = extendOverRepeats(m, container, sum, furniture);
        return new Body(container, render(m, container, value, furniture));
    }

    /**
     * A thread of posts: when the container (or one of its near ancestors) is one of at least
     * {@link #MIN_REPEATS} siblings of the same tag and class that carry running text, as the posts
     * of a forum thread or the entries of a blog page are, the body is all of them.
     */
    private static int extendOverRepeats(PageModel m, int container, double[] sum, boolean[] furniture) {
        int x = container;
        for (int level = 0; level < 4 && m.parent[x] >= 0; level++) {
            Element el = m.elements.get(x);
            Element parent = el.parent();
            if (parent == null) {
                break;
            }
            String signature = el.normalName() + "." + el.className();
            int similar = 0;
            int withText = 0;
            for (Element sibling : parent.children()) {
                Integer id = m.index.get(sibling);
                if (id == null || furniture[id] || !(sibling.normalName() + "." + sibling.className()).equals(signature)) {
                    continue;
                }
                similar++;
                if (sum[id] >= ANCHOR_MIN_VALUE) {
                    withText++;
                }
            }
            if (similar >= MIN_REPEATS && withText >= MIN_REPEATS - 1) {
                return m.parent[x];
            }
            x = m.parent[x];
        }
        return container;
    }

    /** For every element, the index of the first segment in it worth {@link #ANCHOR_MIN_VALUE}, or -1. */
    private static int[] firstContentSegments(PageModel m, double[] value) {
        int n = m.elements.size();
        int[] first = new int[n];
        java.util.Arrays.fill(first, Integer.MAX_VALUE);
        for (PageModel.Segment s : m.segments) {
            if (value[s.index] >= ANCHOR_MIN_VALUE && s.index < first[s.owner]) {
                first[s.owner] = s.index;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int p = m.parent[i];
            if (p >= 0 && first[i] < first[p]) {
                first[p] = first[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (first[i] == Integer.MAX_VALUE) {
                first[i] = -1;
            }
        }
        return first;
    }

    /**
     * The segments an article region may start with: the headline and the first
     * {@link #ANCHOR_SEGMENTS} segments of running text after it (none without a headline).
     */
    private static java.util.Set<Integer> anchors(PageModel m, double[] value, int titleSegment) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        if (titleSegment < 0) {
            return out;
        }
        if (value[titleSegment] >= ANCHOR_MIN_VALUE) {
            out.add(titleSegment);
        }
        int found = 0;
        for (int i = titleSegment + 1; i < m.segments.size() && found < ANCHOR_SEGMENTS; i++) {
            if (value[i] >= ANCHOR_MIN_VALUE) {
                out.add(i);
                found++;
            }
        }
        return out;
    }

    /**
     * Elements that open with a boilerplate heading ({@code <div><h3>相关阅读</h3><ul>...}) and do not
     * hold the headline: everything inside them is furniture.
     */
    private boolean[] boilerplateBlocks(PageModel m, int titleSegment) {
        int n = m.elements.size();
        boolean[] marked = new boolean[n];
        int titleOwner = titleSegment < 0 ? -1 : m.segments.get(titleSegment).owner;
        for (PageModel.Segment s : m.segments) {
            if (!rules.isBoilerplateHeading(s.text())) {
                continue;
            }
            int top = -1;
            int steps = 0;
            for (int e = s.owner; e >= 0 && steps < MAX_CLIMB && m.firstSegment[e] == s.index; e = m.parent[e], steps++) {
                if (titleOwner >= 0 ? m.contains(e, titleOwner) : m.subtreeChars[e] * 2 > m.totalChars) {
                    break;
                }
                top = e;
            }
            if (top >= 0) {
                marked[top] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!marked[i] && m.parent[i] >= 0 && marked[m.parent[i]]) {
                marked[i] = true;
            }
        }
        return marked;
    }

    private List<PageModel.Segment> render(PageModel m, int container, double[] value, boolean[] furniture) {
        List<PageModel.Segment> inside = new ArrayList<>();
        for (PageModel.Segment s : m.segments) {
            if (m.contains(container, s.owner)) {
                inside.add(s);
            }
        }
        double[] positiveAfter = new double[inside.size() + 1];
        for (int i = inside.size() - 1; i >= 0; i--) {
            positiveAfter[i] = positiveAfter[i + 1] + Math.max(0, value[inside.get(i).index]);
        }
        List<PageModel.Segment> out = new ArrayList<>();
        double before = 0;
        for (int i = 0; i < inside.size(); i++) {
            PageModel.Segment s = inside.get(i);
            String text = s.text();
            if (rules.isBoilerplateHeading(text)) {
                if (positiveAfter[i + 1] < before || (before >= 100 && rules.isClosingHeading(text))) {
                    break;
                }
                continue;
            }
            if (furniture[s.owner] || s.linkDensity() > 0.5 || rules.isFurniture(text)) {
                continue;
            }
            if (out.isEmpty() && value[s.index] < 0) {
                continue;
            }
            before += Math.max(0, value[s.index]);
            out.add(s);
            if (before >= 100 && EDITOR_LINE.matcher(text).matches()) {
                break;
            }
        }
        return out;
    }

    /**
     * Which elements are furniture: by tag or hidden style always; by class/id name when
     * {@code softNoise} is on, unless the element holds most of the page's text and the headline or
     * what follows it (a content wrapper with an unlucky class name); and blocks opened by a
     * boilerplate heading.
     */
    private boolean[] furniture(PageModel m, boolean softNoise, int titleSegment) {
        int n = m.elements.size();
        boolean[] out = boilerplateBlocks(m, titleSegment);
        int titleOwner = titleSegment < 0 ? -1 : m.segments.get(titleSegment).owner;
        for (int i = 0; i < n; i++) {
            boolean self = m.selfNoise[i] == PageModel.HARD;
            if (!self && softNoise && m.selfNoise[i] == PageModel.SOFT) {
                boolean mostText = m.subtreeChars[i] * 2 > m.totalChars;
                boolean holdsArticle = titleOwner < 0 || m.contains(i, titleOwner)
                        || (m.firstSegment[i] > titleSegment && m.firstSegment[i] <= titleSegment + 12);
                self = !(mostText && holdsArticle);
            }
            out[i] |= self || (m.parent[i] >= 0 && out[m.parent[i]]);
        }
        return out;
    }

    /** The value of one segment: positive for running text, negative for links and furniture. */
    double value(PageModel.Segment s, boolean furniture) {
        if (furniture) {
            return -FURNITURE_WEIGHT * s.chars;
        }
        int t = s.chars;
        int links = s.linkChars;
        int own = t - links;
        if (t > 0 && links * 2 > t) {
            return -t;
        }
        if (own < 40 && DATELINE.matcher(s.text()).find()) {
            return -15 - own;
        }
        if (own < 8) {
            return s.punct > 0 ? own * 0.5 : -own;
        }
        double q = Math.min(1.0, 0.25 + s.punct * 12.0 / own);
        return own * q - links;
    }
}
