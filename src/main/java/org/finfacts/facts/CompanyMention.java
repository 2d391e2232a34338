package org.finfacts.facts;

/**
 * A business named in the text: {@code 英伟达}, {@code NVIDIA}, {@code 国泰君安证券股份有限公司}.
 * {@code id} is the canonical id (the gazetteer's, such as {@code NVIDIA} or {@code 国泰君安}; for an
 * unknown company one derived from its name, shared by all its names in the document); {@code code}
 * the ticker with exchange where known ({@code 600519.SH}, {@code 01238.HK}, {@code NVDA});
 * {@code source} how it was found ({@code gazetteer}, {@code suffix}, {@code ticker}, {@code alias},
 * {@code hanlp}, {@code context}); {@code known} whether the id comes from the gazetteer.
 */
public record CompanyMention(int start, int end, String text, String id, String code, String source,
                             boolean known) implements Mention {
    @Override
    public MentionType type() {
        return MentionType.COMPANY;
    }

    @Override
    public CompanyMention withSpan(int start, int end, String text) {
        return new CompanyMention(start, end, text, id, code, source, known);
    }

    /** The same mention linked to another id and code. */
    public CompanyMention withId(String newId, String newCode, boolean isKnown) {
        return new CompanyMention(start, end, text, newId, newCode, source, isKnown);
    }
}
