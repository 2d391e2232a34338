package org.finfacts.extract;

import org.finfacts.facts.Mention;
import org.finfacts.facts.MentionType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves overlaps between the mentions of different recognizers so that no two reported mentions
 * share a character. Stronger types win (MONEY over NUMBER, DATE over NUMBER, COMPANY over PERSON),
 * then longer spans, then earlier ones: {@code 2亿美元} is MONEY, not NUMBER; {@code 2023年} is DATE.
 * Identical duplicates collapse to one.
 */
public final class MentionMerger {
    private static final Map<MentionType, Integer> STRENGTH = new EnumMap<>(Map.of(
            MentionType.MONEY, 6,
            MentionType.DATE, 5,
            MentionType.PERCENT, 4,
            MentionType.COMPANY, 3,
            MentionType.PERSON, 2,
            MentionType.NUMBER, 1));

    /** The kept mentions, sorted by start then end. */
    public List<Mention> merge(List<Mention> mentions) {
        List<Mention> byStrength = new ArrayList<>(mentions);
        byStrength.removeIf(m -> m.end() <= m.start());
        byStrength.sort(Comparator.<Mention>comparingInt(m -> -STRENGTH.get(m.type()))
                .thenComparingInt(m -> -(m.end() - m.start()))
                .thenComparingInt(Mention::start));
        // Kept spans never overlap, so the kept span starting last before m ends is the only one that can
        // overlap m: one lookup per mention instead of a scan of all kept ones (n log n on 50,000 mentions).
        TreeMap<Integer, Mention> kept = new TreeMap<>();
        for (Mention m : byStrength) {
            Map.Entry<Integer, Mention> before = kept.lowerEntry(m.end());
            if (before == null || !before.getValue().overlaps(m)) {
                kept.put(m.start(), m);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
