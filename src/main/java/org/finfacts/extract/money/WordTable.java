package org.finfacts.extract.money;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A dictionary of words with longest-match lookup at, or ending at, a position of a text. Built once,
 * read-only afterwards, thread-safe. Example: over {元, 美元, 港元}, {@code longestAt("27.5亿美元", 5)}
 * is 美元.
 */
final class WordTable<V> {
    private final Map<String, V> words = new HashMap<>();
    private final BitSet firstChars = new BitSet(1 << 16);
    private final BitSet lastChars = new BitSet(1 << 16);
    private int maxLength;

    /** Adds a word; returns false when it was already there. */
    boolean put(String word, V value) {
        if (word.isEmpty() || words.putIfAbsent(word, value) != null) {
            return false;
        }
        firstChars.set(word.charAt(0));
        lastChars.set(word.charAt(word.length() - 1));
        maxLength = Math.max(maxLength, word.length());
        return true;
    }

    V get(String word) {
        return words.get(word);
    }

    int size() {
        return words.size();
    }

    int maxLength() {
        return maxLength;
    }

    /** The longest word starting at {@code pos} and ending at or before {@code limit}, or null. */
    String longestAt(CharSequence text, int pos, int limit) {
        if (pos < 0 || pos >= limit || !firstChars.get(text.charAt(pos))) {
            return null;
        }
        for (int len = Math.min(maxLength, limit - pos); len >= 1; len--) {
            if (!lastChars.get(text.charAt(pos + len - 1))) {
                continue;
            }
            String w = text.subSequence(pos, pos + len).toString();
            if (words.containsKey(w)) {
                return w;
            }
        }
        return null;
    }

    /** The longest word ending at {@code end} (exclusive) and starting at or after {@code floor}, or null. */
    String longestEndingAt(CharSequence text, int end, int floor) {
        if (end <= floor || end > text.length() || !lastChars.get(text.charAt(end - 1))) {
            return null;
        }
        for (int len = Math.min(maxLength, end - floor); len >= 1; len--) {
            if (!firstChars.get(text.charAt(end - len))) {
                continue;
            }
            String w = text.subSequence(end - len, end).toString();
            if (words.containsKey(w)) {
                return w;
            }
        }
        return null;
    }
}
