package org.finfacts.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds near-duplicate bodies (syndicated copies of one story) in a stream, in input order, keeping
 * only 64-bit fingerprints: never the texts.
 *
 * <p>Fingerprint: SimHash over character 4-grams of the body with white space and punctuation
 * removed and full-width forms folded (NFKC), each gram hashed to 64 bits. Copies of one story that
 * differ in a dateline, an editor's line, a few words or the paragraphing land within a few bits of
 * each other, while different stories differ in about half the bits. Two bodies are near-duplicates
 * when their fingerprints differ in at most {@link #MAX_DISTANCE} bits. SimHash (rather than
 * MinHash) is used because one 64-bit value per document is the whole index entry, and because
 * Hamming-distance search with {@code MAX_DISTANCE + 1} block tables (pigeonhole: a match within
 * 3 bits agrees exactly on at least one of 4 16-bit blocks) looks a candidate up in a handful of
 * hash probes. Bodies shorter than {@link #MIN_CHARS} characters (flashes, single sentences) are
 * not fingerprinted: too little text to tell a copy from a look-alike. Not thread-safe: the batch
 * calls it from its ordered output thread, so "first" means first in input order.
 */
public final class NearDuplicates {
    /** Largest Hamming distance between fingerprints of near-duplicates. */
    public static final int MAX_DISTANCE = 3;
    /** Shortest body fingerprinted, in characters after cleaning. */
    public static final int MIN_CHARS = 80;
    private static final int GRAM = 4;
    private static final int BLOCKS = MAX_DISTANCE + 1;

    private record Entry(long fingerprint, String id) {
    }

    private final List<Map<Integer, List<Entry>>> tables = new ArrayList<>();
    private long size;

    /** An empty index. */
    public NearDuplicates() {
        for (int i = 0; i < BLOCKS; i++) {
            tables.add(new HashMap<>());
        }
    }

    /** Number of fingerprints held. */
    public long size() {
        return size;
    }

    /** The fingerprint of a body, or null when it is too short to fingerprint. */
    public static Long fingerprint(String body) {
        if (body == null) {
            return null;
        }
        String clean = clean(body);
        int n = clean.codePointCount(0, clean.length());
        if (n < MIN_CHARS) {
            return null;
        }
        int[] cps = clean.codePoints().toArray();
        int[] votes = new int[64];
        for (int i = 0; i + GRAM <= cps.length; i++) {
            long h = 0xcbf29ce484222325L;
            for (int k = 0; k < GRAM; k++) {
                h ^= cps[i + k];
                h *= 0x100000001b3L;
            }
            h = mix(h);
            for (int b = 0; b < 64; b++) {
                votes[b] += ((h >>> b) & 1) != 0 ? 1 : -1;
            }
        }
        long fp = 0;
        for (int b = 0; b < 64; b++) {
            if (votes[b] > 0) {
                fp |= 1L << b;
            }
        }
        return fp;
    }

    /** The fingerprint as 16 lower-case hex digits. */
    public static String hex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }

    /** Parses {@link #hex} output; null when malformed. */
    public static Long parseHex(String hex) {
        if (hex == null || hex.length() != 16) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The id of the first document seen whose fingerprint is within {@link #MAX_DISTANCE} bits of
     * this one, or null; the fingerprint is remembered under {@code id} when it has no such match.
     */
    public String firstSimilar(long fingerprint, String id) {
        Entry best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int t = 0; t < BLOCKS; t++) {
            List<Entry> bucket = tables.get(t).get(block(fingerprint, t));
            if (bucket == null) {
                continue;
            }
            for (Entry e : bucket) {
                int d = Long.bitCount(e.fingerprint() ^ fingerprint);
                if (d <= MAX_DISTANCE && d < bestDistance) {
                    best = e;
                    bestDistance = d;
                }
            }
        }
        if (best != null) {
            return best.id();
        }
        add(fingerprint, id);
        return null;
    }

    /** Remembers a fingerprint (for example, one read back from a previous run's output). */
    public void add(long fingerprint, String id) {
        Entry e = new Entry(fingerprint, id);
        for (int t = 0; t < BLOCKS; t++) {
            tables.get(t).computeIfAbsent(block(fingerprint, t), k -> new ArrayList<>(1)).add(e);
        }
        size++;
    }

    private static int block(long fp, int t) {
        return (int) ((fp >>> (t * 16)) & 0xFFFF);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static String clean(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(b::appendCodePoint);
        return b.toString();
    }
}
