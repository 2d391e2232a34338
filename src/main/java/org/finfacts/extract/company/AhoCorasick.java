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
 * @param <T> what a key stands for
 */
public final class AhoCorasick<T> {
    /** One occurrence: UTF-16 {@code [start, end)} of the text and the value of the key found. */
    public record Hit<T>(int start, int end, T value) {
    }

    private final char[][] labels;
    private final int[][] targets;
    private final int[] fail;
    private final int[] output;
    private final int[] outputLink;
    private final int[] depth;
    private final List<T> values;
    private static final int ROOT_TABLE_THRESHOLD = 64;

    /** Transitions of a large root, indexed by character (most steps start or restart there); else null. */
    private final int[] rootNext;

    /** Builds the automaton over the keys (empty keys are ignored). */
    public AhoCorasick(Map<String, T> keys) {
        List<TreeMap<Character, Integer>> children = new ArrayList<>();
        List<Integer> outs = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        children.add(new TreeMap<>());
        outs.add(-1);
        depths.add(0);
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
                    depths.add(depths.get(node) + 1);
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
        labels = new char[n][];
        targets = new int[n][];
        for (int i = 0; i < n; i++) {
            TreeMap<Character, Integer> m = children.get(i);
            labels[i] = new char[m.size()];
            targets[i] = new int[m.size()];
            int k = 0;
            for (Map.Entry<Character, Integer> c : m.entrySet()) {
                labels[i][k] = c.getKey();
                targets[i][k] = c.getValue();
                k++;
            }
        }
        if (labels[0].length > ROOT_TABLE_THRESHOLD) {
            rootNext = new int[Character.MAX_VALUE + 1];
            Arrays.fill(rootNext, -1);
            for (int k = 0; k < labels[0].length; k++) {
                rootNext[labels[0][k]] = targets[0][k];
            }
        } else {
            rootNext = null;
        }
        output = outs.stream().mapToInt(Integer::intValue).toArray();
        depth = depths.stream().mapToInt(Integer::intValue).toArray();
        fail = new int[n];
        outputLink = new int[n];
        Arrays.fill(outputLink, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int t : targets[0]) {
            fail[t] = 0;
            queue.add(t);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int k = 0; k < labels[node].length; k++) {
                char c = labels[node][k];
                int child = targets[node][k];
                int f = fail[node];
                while (f != 0 && step(f, c) < 0) {
                    f = fail[f];
                }
                int g = step(f, c);
                fail[child] = g >= 0 && g != child ? g : 0;
                outputLink[child] = output[fail[child]] >= 0 ? fail[child] : outputLink[fail[child]];
                queue.add(child);
            }
        }
    }

    /** Every occurrence of every key in {@code text}, ordered by end, then by length (longest first). */
    public List<Hit<T>> findAll(CharSequence text) {
        List<Hit<T>> hits = new ArrayList<>();
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            while (node != 0 && step(node, c) < 0) {
                node = fail[node];
            }
            int next = step(node, c);
            node = next < 0 ? 0 : next;
            for (int o = output[node] >= 0 ? node : outputLink[node]; o >= 0; o = outputLink[o]) {
                hits.add(new Hit<>(i + 1 - depth[o], i + 1, values.get(output[o])));
            }
        }
        return hits;
    }

    /** Number of keys. */
    public int size() {
        return values.size();
    }

    private int step(int node, char c) {
        if (node == 0 && rootNext != null) {
            return rootNext[c];
        }
        int k = Arrays.binarySearch(labels[node], c);
        return k >= 0 ? targets[node][k] : -1;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
