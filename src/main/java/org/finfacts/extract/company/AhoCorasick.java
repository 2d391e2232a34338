package org.finfacts.extract.company;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A multi-pattern matcher (Aho-Corasick) over UTF-16 text: one pass finds every occurrence of every
 * key, in time linear in the text. ASCII letters match case-insensitively (keys and text are folded
 * the same way); callers check case and word boundaries themselves. Immutable and thread-safe after
 * construction. Example: keys {@code 英伟达, nvidia} find both in {@code NVIDIA即英伟达}.
 *
 * <p>Laid out for the cache, as it runs between the tokenizer's large dictionaries: the children of
 * all nodes in two flat arrays, each node's fields side by side, and a bit set of the characters
 * that start a key, so that a character that starts none costs one look-up in a small table.
 *
 * @param <T> what a key stands for
 */
public final class AhoCorasick<T> {
    /** One occurrence: UTF-16 {@code [start, end)} of the text and the value of the key found. */
    public record Hit<T>(int start, int end, T value) {
    }

    private static final int ROOT_TABLE_THRESHOLD = 64;
    /** Fields of a node in {@link #nodes}: start of its children, failure link, output, output link. */
    private static final int CHILD_START = 0;
    private static final int FAIL = 1;
    private static final int OUTPUT = 2;
    private static final int OUTPUT_LINK = 3;
    private static final int STRIDE = 4;

    /**
     * Per node {@link #STRIDE} ints, the fields above, nodes numbered breadth first (the shallow nodes
     * most steps visit lie together); one more node's {@code CHILD_START} ends the last node's children.
     */
    private final int[] nodes;
    /** Labels of every node's children, sorted within a node; {@link #childTargets} in parallel. */
    private final char[] childLabels;
    private final int[] childTargets;
    /** Depth of each node (the length of the key an output node ends). */
    private final int[] depth;
    /** Bit {@code c} set when a key starts with (folded) character {@code c}. */
    private final long[] rootHas;
    /** Transitions of a large root, indexed by character (most steps start or restart there); else null. */
    private final int[] rootNext;
    private final List<T> values;

    /** Builds the automaton over the keys (empty keys are ignored). */
    public AhoCorasick(Map<String, T> keys) {
        List<TreeMap<Character, Integer>> children = new ArrayList<>();
        List<Integer> outs = new ArrayList<>();
        children.add(new TreeMap<>());
        outs.add(-1);
        values = new ArrayList<>();
        for (Map.Entry<String, T> e : keys.entrySet()) {
            String key = e.getKey();
            if (key.isEmpty()) {
                continue;
            }
            int node = 0;
            for (int i = 0; i < key.length(); i++) {
                char c = fold(key.charAt(i));
                Integer next = children.get(node).get(c);
                if (next == null) {
                    next = children.size();
                    children.add(new TreeMap<>());
                    outs.add(-1);
                    children.get(node).put(c, next);
                }
                node = next;
            }
            if (outs.get(node) < 0) {
                outs.set(node, values.size());
                values.add(e.getValue());
            }
        }
        int n = children.size();
        // number the nodes breadth first
        int[] order = new int[n];
        int[] newId = new int[n];
        int[] depths = new int[n];
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int old = order[head++];
            for (int child : children.get(old).values()) {
                depths[tail] = depths[newId[old]] + 1;
                newId[child] = tail;
                order[tail++] = child;
            }
        }
        nodes = new int[(n + 1) * STRIDE];
        depth = depths;
        int edges = 0;
        for (TreeMap<Character, Integer> m : children) {
            edges += m.size();
        }
        childLabels = new char[edges];
        childTargets = new int[edges];
        int k = 0;
        for (int id = 0; id < n; id++) {
            int old = order[id];
            nodes[id * STRIDE + CHILD_START] = k;
            for (Map.Entry<Character, Integer> c : children.get(old).entrySet()) {
                childLabels[k] = c.getKey();
                childTargets[k] = newId[c.getValue()];
                k++;
            }
            nodes[id * STRIDE + OUTPUT] = outs.get(old);
            nodes[id * STRIDE + OUTPUT_LINK] = -1;
        }
        nodes[n * STRIDE + CHILD_START] = k;
        rootHas = new long[(Character.MAX_VALUE + 1) >>> 6];
        for (char c : children.get(0).keySet()) {
            rootHas[c >>> 6] |= 1L << c;
        }
        if (children.get(0).size() > ROOT_TABLE_THRESHOLD) {
            rootNext = new int[Character.MAX_VALUE + 1];
            Arrays.fill(rootNext, -1);
            for (Map.Entry<Character, Integer> c : children.get(0).entrySet()) {
                rootNext[c.getKey()] = newId[c.getValue()];
            }
        } else {
            rootNext = null;
        }
        // failure and output links, breadth first (node ids are already in that order)
        for (int node = 0; node < n; node++) {
            for (int e = nodes[node * STRIDE + CHILD_START]; e < nodes[(node + 1) * STRIDE + CHILD_START]; e++) {
                char c = childLabels[e];
                int child = childTargets[e];
                int fail = 0;
                if (node != 0) {
                    int f = nodes[node * STRIDE + FAIL];
                    while (f != 0 && step(f, c) < 0) {
                        f = nodes[f * STRIDE + FAIL];
                    }
                    int g = step(f, c);
                    fail = g >= 0 && g != child ? g : 0;
                }
                nodes[child * STRIDE + FAIL] = fail;
                nodes[child * STRIDE + OUTPUT_LINK] = node == 0 ? -1
                        : nodes[fail * STRIDE + OUTPUT] >= 0 ? fail : nodes[fail * STRIDE + OUTPUT_LINK];
            }
        }
    }

    /** Every occurrence of every key in {@code text}, ordered by end, then by length (longest first). */
    public List<Hit<T>> findAll(CharSequence text) {
        List<Hit<T>> hits = new ArrayList<>();
        int[] nd = nodes;
        int node = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = fold(text.charAt(i));
            int next;
            while (true) {
                if (node == 0) {
                    next = (rootHas[c >>> 6] & (1L << c)) == 0 ? -1 : rootStep(c);
                    break;
                }
                next = childStep(node, c);
                if (next >= 0) {
                    break;
                }
                node = nd[node * STRIDE + FAIL];
            }
            node = next < 0 ? 0 : next;
            int base = node * STRIDE;
            int o = nd[base + OUTPUT] >= 0 ? node : nd[base + OUTPUT_LINK];
            for (; o >= 0; o = nd[o * STRIDE + OUTPUT_LINK]) {
                hits.add(new Hit<>(i + 1 - depth[o], i + 1, values.get(nd[o * STRIDE + OUTPUT])));
            }
        }
        return hits;
    }

    /** Number of keys. */
    public int size() {
        return values.size();
    }

    private int step(int node, char c) {
        if (node == 0) {
            return rootStep(c);
        }
        return childStep(node, c);
    }

    private int rootStep(char c) {
        if (rootNext != null) {
            return rootNext[c];
        }
        return childStep(0, c);
    }

    private int childStep(int node, char c) {
        int from = nodes[node * STRIDE + CHILD_START];
        int to = nodes[(node + 1) * STRIDE + CHILD_START];
        if (to - from <= 8) {
            for (int e = from; e < to; e++) {
                char l = childLabels[e];
                if (l == c) {
                    return childTargets[e];
                }
                if (l > c) {
                    return -1;
                }
            }
            return -1;
        }
        int k = Arrays.binarySearch(childLabels, from, to, c);
        return k >= 0 ? childTargets[k] : -1;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
