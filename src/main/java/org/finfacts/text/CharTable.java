package org.finfacts.text;

import java.util.Map;

/**
 * A read-only map from UTF-16 characters to values for hot loops over text: a bit set answers "no
 * entry" for most characters at the cost of one look-up in a small table, the entries sit in an
 * open-addressing table, and no character is boxed. Immutable and thread-safe. Example: the first
 * characters of a word list, each with the words that start with it.
 *
 * @param <V> the values
 */
public final class CharTable<V> {
    private final long[] present = new long[(Character.MAX_VALUE + 1) >>> 6];
    private final char[] keys;
    private final Object[] values;

    private CharTable(Map<Character, ? extends V> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 4 - 1)) << 1;
        keys = new char[size];
        values = new Object[size];
        for (Map.Entry<Character, ? extends V> e : entries.entrySet()) {
            char c = e.getKey();
            if (e.getValue() == null) {
                continue;
            }
            present[c >>> 6] |= 1L << c;
            int i = slot(c);
            while (values[i] != null) {
                i = (i + 1) & (size - 1);
            }
            keys[i] = c;
            values[i] = e.getValue();
        }
    }

    /** A table holding the (non-null) entries of {@code entries}. */
    public static <V> CharTable<V> of(Map<Character, ? extends V> entries) {
        return new CharTable<>(entries);
    }

    private int slot(char c) {
        return (c * 0x9E37) >>> 4 & (keys.length - 1);
    }

    /** Whether {@code c} has a value. */
    public boolean contains(char c) {
        return (present[c >>> 6] & (1L << c)) != 0;
    }

    /** The value of {@code c}, or null. */
    @SuppressWarnings("unchecked")
    public V get(char c) {
        if ((present[c >>> 6] & (1L << c)) == 0) {
            return null;
        }
        for (int i = slot(c); ; i = (i + 1) & (keys.length - 1)) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == c) {
                return (V) v;
            }
        }
    }
}
