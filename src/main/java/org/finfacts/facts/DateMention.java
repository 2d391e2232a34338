package org.finfacts.facts;

import java.time.LocalDateTime;

/**
 * A calendar date, month, quarter, half or year. {@code value} is ISO-style at the mention's own
 * {@code grain} ({@code 2023}, {@code 2023-11}, {@code 2023-Q1}, {@code 2023-H1}, {@code 2024-W15},
 * {@code 2024-04-10}, {@code 2024-04-10T00:36:32}); null when a relative expression has nothing to
 * resolve against. {@code intervalStart}/{@code intervalEnd} give the same period as a half-open
 * interval. {@code role} is {@code "published"} for the document's own time line, else null.
 * {@code relative} says the value was computed from a reference ({@code 去年}, {@code 今年3月}).
 * Example: {@code 去年} in an article of 2024-04-10 is value {@code 2023}, grain year.
 */
public record DateMention(int start, int end, String text, String value, Grain grain,
                          LocalDateTime intervalStart, LocalDateTime intervalEnd,
                          boolean relative, String role) implements Mention {
    @Override
    public MentionType type() {
        return MentionType.DATE;
    }

    @Override
    public DateMention withSpan(int start, int end, String text) {
        return new DateMention(start, end, text, value, grain, intervalStart, intervalEnd, relative, role);
    }

    /** The same mention with another role ({@code "published"}). */
    public DateMention withRole(String newRole) {
        return new DateMention(start, end, text, value, grain, intervalStart, intervalEnd, relative, newRole);
    }
}
