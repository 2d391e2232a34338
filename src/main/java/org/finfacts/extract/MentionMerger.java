package org.finfacts.extract;

import org.finfacts.facts.Mention;
import org.finfacts.facts.MentionType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        List<Mention> kept = new ArrayList<>();
        for (Mention m : byStrength) {
            boolean clash = false;
            for (Mention k : kept) {
                if (k.overlaps(m)) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return kept;
    }
}
