package org.finfacts.index;

import java.util.Locale;
import java.util.Optional;

/**
 * The fields a query may name. Record fields ({@code company}, {@code type}, {@code amount},
 * {@code currency}, {@code date}) are matched against one fact, money mention or article summary
 * record at a time; article fields ({@code title}, {@code source}, {@code id}, {@code published})
 * against the article.
 */
public enum QueryField {
    COMPANY(true, Kind.KEYWORD),
    TYPE(true, Kind.KEYWORD),
    CURRENCY(true, Kind.KEYWORD),
    AMOUNT(true, Kind.AMOUNT),
    DATE(true, Kind.DATE),
    TITLE(false, Kind.TEXT),
    SOURCE(false, Kind.KEYWORD),
    ID(false, Kind.KEYWORD),
    PUBLISHED(false, Kind.DATE);

    /** What values a field takes. */
    public enum Kind {
        KEYWORD, TEXT, AMOUNT, DATE
    }

    private final boolean record;
    private final Kind kind;

    QueryField(boolean record, Kind kind) {
        this.record = record;
        this.kind = kind;
    }

    /** Whether the field is matched against records (facts, money mentions, summaries). */
    public boolean isRecord() {
        return record;
    }

    /** What values the field takes. */
    public Kind kind() {
        return kind;
    }

    /** The name written in queries ({@code company}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field of a name as written (case-insensitive), if there is one. */
    public static Optional<QueryField> of(String name) {
        for (QueryField f : values()) {
            if (f.label().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every field name, comma-separated, for messages. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (QueryField f : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(f.label());
        }
        return sb.toString();
    }
}
