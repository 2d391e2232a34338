package org.finfacts.facts;

/**
 * A typed span of a document. {@code start}/{@code end} are offsets whose unit depends on the stage:
 * working-copy UTF-16 indices inside the pipeline, original Unicode code points (end exclusive) in
 * every {@link AnnotatedDocument}; {@code text} is always the text between them.
 * Example: {@code MoneyMention[start=389, end=396, text=27.5亿美元, value=2750000000, currency=USD]}.
 */
public sealed interface Mention
        permits MoneyMention, NumberMention, PercentMention, DateMention, CompanyMention, PersonMention {
    int start();

    int end();

    String text();

    MentionType type();

    /** The same mention at another span (used to map working-copy offsets to the original). */
    Mention withSpan(int start, int end, String text);

    /** Whether the two spans share at least one position. */
    default boolean overlaps(Mention other) {
        return start() < other.end() && other.start() < end();
    }

    /** Span length. */
    default int length() {
        return end() - start();
    }
}
