package org.finfacts.text.html;

import org.finfacts.text.PageRules;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A page flattened into text segments: every run of inline text between block boundaries and
 * {@code <br>}s becomes one {@link Segment} (its text, how much of it is link text, its
 * punctuation), owned by its nearest block element. Elements are numbered in document order with
 * their parents, subtree ends and noise flags, so that scoring and containment are array look-ups.
 * Built by one iterative walk (no recursion: a page nested 100,000 levels deep is fine).
 */
final class PageModel {
    /** Noise levels of an element: none, by class/id name (soft), by tag or hidden style (hard). */
    static final byte CLEAN = 0;
    static final byte SOFT = 1;
    static final byte HARD = 2;

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "center",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol",
            "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
            "frameset", "frame", "legend", "noframes", "listing", "xmp", "plaintext");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "select", "option", "button", "input", "textarea", "head", "math", "video",
            "audio", "map", "link", "meta");

    /** One run of inline text. */
    static final class Segment {
        final int owner;
        int index;
        final StringBuilder text = new StringBuilder();
        int chars;
        int linkChars;
        int punct;
        int heading;

        Segment(int owner, int index) {
            this.owner = owner;
            this.index = index;
        }

        String text() {
            return text.toString().strip();
        }

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    final List<Element> elements = new ArrayList<>();
    final List<Segment> segments = new ArrayList<>();
    int[] parent;
    int[] subtreeEnd;
    byte[] selfNoise;
    byte[] noise;
    boolean[] hardNoise;
    int[] subtreeChars;
    int[] firstSegment;
    int totalChars;

    private PageModel() {
    }

    /** Flattens the body of a parsed page. */
    static PageModel of(Element root, PageRules rules) {
        PageModel m = new PageModel();
        m.build(root, rules);
        return m;
    }

    final Map<Element, Integer> index = new IdentityHashMap<>();

    private void build(Element root, PageRules rules) {
        List<Integer> parents = new ArrayList<>();
        List<Byte> noiseList = new ArrayList<>();
        Deque<int[]> owners = new ArrayDeque<>();
        Deque<Segment> current = new ArrayDeque<>();
        int[] linkDepth = {0};
        int[] preDepth = {0};

        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (owners.isEmpty()) {
                        return FilterResult.CONTINUE;
                    }
                    appendText(current, owners, t.getWholeText(), linkDepth[0] > 0, preDepth[0] > 0);
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = e.normalName();
                if (SKIPPED.contains(tag)) {
                    if (!owners.isEmpty()) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                }
                int id = elements.size();
                elements.add(e);
                index.put(e, id);
                Integer p = e.parent() == null ? null : index.get(e.parent());
                parents.add(p == null ? -1 : p);
                byte n = CLEAN;
                if (rules.isNoiseTag(tag) || rules.isHiddenStyle(e.attr("style")) || e.hasAttr("hidden")) {
                    n = HARD;
                } else if (rules.isUnlikelyByName(e.className() + " " + e.id())) {
                    n = SOFT;
                }
                noiseList.add(n);
                if (isLink(e)) {
                    linkDepth[0]++;
                }
                if (tag.equals("pre") || tag.equals("xmp") || tag.equals("listing")) {
                    preDepth[0]++;
                }
                if (tag.equals("br") || tag.equals("hr")) {
                    flush(current);
                    if (!owners.isEmpty()) {
                        current.push(new Segment(owners.peek()[0], segments.size()));
                    }
                } else if (owners.isEmpty() || BLOCKS.contains(tag) || n != CLEAN || tag.equals("img")) {
                    flush(current);
                    owners.push(new int[] {id, headingLevel(tag)});
                    current.push(new Segment(id, segments.size()));
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (isLink(e)) {
                    linkDepth[0]--;
                }
                if (tag.equals("pre") || tag.equals("xmp") || tag.equals("listing")) {
                    preDepth[0]--;
                }
                Integer id = index.get(e);
                if (id != null && !owners.isEmpty() && owners.peek()[0] == id) {
                    flush(current);
                    owners.pop();
                    if (!owners.isEmpty()) {
                        current.push(new Segment(owners.peek()[0], segments.size()));
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        flush(current);

        int n = elements.size();
        parent = new int[n];
        selfNoise = new byte[n];
        for (int i = 0; i < n; i++) {
            parent[i] = parents.get(i);
            selfNoise[i] = noiseList.get(i);
        }
        subtreeEnd = new int[n];
        subtreeChars = new int[n];
        firstSegment = new int[n];
        java.util.Arrays.fill(firstSegment, Integer.MAX_VALUE);
        for (Segment s : segments) {
            firstSegment[s.owner] = Math.min(firstSegment[s.owner], s.index);
            subtreeChars[s.owner] += s.chars - s.linkChars;
            totalChars += s.chars - s.linkChars;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (subtreeEnd[i] < i) {
                subtreeEnd[i] = i;
            }
            int p = parent[i];
            if (p >= 0) {
                firstSegment[p] = Math.min(firstSegment[p], firstSegment[i]);
                subtreeChars[p] += subtreeChars[i];
                subtreeEnd[p] = Math.max(subtreeEnd[p], subtreeEnd[i]);
            }
        }
        noise = new byte[n];
        hardNoise = new boolean[n];
        for (int i = 0; i < n; i++) {
            hardNoise[i] = selfNoise[i] == HARD || (parent[i] >= 0 && hardNoise[parent[i]]);
            byte self = selfNoise[i];
            if (self == SOFT && subtreeChars[i] * 2 > totalChars) {
                self = CLEAN;
            }
            noise[i] = (byte) Math.max(self, parent[i] >= 0 ? noise[parent[i]] : CLEAN);
        }
    }

    /** An anchor that leads somewhere ({@code <a name=top>} and broken, re-opened anchors do not count). */
    private static boolean isLink(Element e) {
        return e.normalName().equals("a") && e.hasAttr("href");
    }

    private static int headingLevel(String tag) {
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
            return tag.charAt(1) - '0';
        }
        return 0;
    }

    private void appendText(Deque<Segment> current, Deque<int[]> owners, String raw, boolean inLink, boolean pre) {
        if (current.isEmpty()) {
            current.push(new Segment(owners.peek()[0], segments.size()));
        }
        if (pre && raw.indexOf('\n') >= 0) {
            String[] lines = raw.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    flush(current);
                    current.push(new Segment(owners.peek()[0], segments.size()));
                }
                appendText(current, owners, lines[i], inLink, false);
            }
            return;
        }
        Segment s = current.peek();
        s.heading = owners.peek()[1];
        StringBuilder b = s.text;
        int len = raw.length();
        for (int i = 0; i < len; i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000' || c == '\u200b' || c == '\ufeff') {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
                continue;
            }
            b.append(c);
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            s.chars++;
            if (inLink) {
                s.linkChars++;
            }
            if (isPunctuation(c) && !inLink) {
                s.punct++;
            }
        }
    }

    private void flush(Deque<Segment> current) {
        if (current.isEmpty()) {
            return;
        }
        Segment s = current.pop();
        if (s.chars > 0) {
            s.index = segments.size();
            segments.add(s);
        }
    }

    /** Sentence punctuation that marks running text rather than a menu: {@code ，。！？；：、}. */
    static boolean isPunctuation(char c) {
        return switch (c) {
            case '，', '。', '！', '？', '；', '：', '、', ',', '!', '?', ';', '“', '”', '…' -> true;
            default -> false;
        };
    }

    /** Whether element {@code inner} lies inside (or is) element {@code outer}. */
    boolean contains(int outer, int inner) {
        return inner >= outer && inner <= subtreeEnd[outer];
    }

    /** Lower-case tag name of element {@code i}. */
    String tag(int i) {
        return elements.get(i).normalName();
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
