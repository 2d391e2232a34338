package org.finfacts.index;

/**
 * Which part of an article a record document stands for: fact {@code index} of its facts, money
 * mention {@code index} of its mentions, or the article's summary record. Stored as one long in
 * {@link IndexFields#REF_DV}.
 */
public record RecordRef(String kind, int index) {
    /** The doc-values code of this reference. */
    public long code() {
        return ((long) kindCode(kind) << 32) | (index & 0xFFFFFFFFL);
    }

    /** The reference of a doc-values code. */
    public static RecordRef of(long code) {
        int k = (int) (code >>> 32);
        String kind = switch (k) {
            case 1 -> IndexFields.FACT;
            case 2 -> IndexFields.MONEY;
            default -> IndexFields.SUMMARY;
        };
        return new RecordRef(kind, (int) code);
    }

    private static int kindCode(String kind) {
        switch (kind) {
            case IndexFields.FACT:
                return 1;
            case IndexFields.MONEY:
                return 2;
            default:
                return 3;
        }
    }
}
