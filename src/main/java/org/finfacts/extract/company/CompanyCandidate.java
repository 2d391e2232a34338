package org.finfacts.extract.company;

import org.finfacts.extract.Candidate;

/**
 * A company name the {@link CompanyExtractor} found, before linking: working-copy UTF-16 span, the
 * name as written there, how it was found, the gazetteer id its name (or stock code) points to
 * ({@code null} when unknown), the stock code written next to it ({@code 宝龙地产(01238)} gives
 * {@code 01238.HK}), whether the name needs context to count ({@code 苹果}), and for a short form or
 * a repeated short name the candidate it stands for ({@code 万豪投资} for {@code 上海万豪投资有限公司}).
 */
public record CompanyCandidate(int start, int end, String name, Source source, String entryId, String code,
                               boolean ambiguous, CompanyCandidate standsFor) implements Candidate {
    /** How a candidate was found. */
    public enum Source {
        /** A name of the gazetteer ({@code 英伟达}). */
        GAZETTEER("gazetteer"),
        /** A name ending in a company ending ({@code …有限公司}, {@code …集团}). */
        SUFFIX("suffix"),
        /** A name followed by its stock code or quote ({@code 凯赛生物(688065)}). */
        TICKER("ticker"),
        /** A Latin-script name in company context ({@code Town Hall Ventures}). */
        LATIN("context"),
        /** A name right after a role that introduces a company ({@code 全资子公司朗辰新能源}). */
        ROLE("context"),
        /** A name in a frame that shows it is a company ({@code 衢州普星宣布完成…融资}, {@code 投资方包括…}). */
        FRAME("context"),
        /** A short form the text defines ({@code (以下简称"CCMC")}) or a short name of a full name found earlier. */
        ALIAS("alias");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** The name written in the output's {@code source} field. */
        public String label() {
            return label;
        }
    }

    /** Number of UTF-16 units. */
    public int length() {
        return end - start;
    }

    /** The same candidate with a stock code. */
    public CompanyCandidate withCode(String newCode, String newEntryId) {
        return new CompanyCandidate(start, end, name, source, newEntryId, newCode, ambiguous, standsFor);
    }

    /** Whether the two spans share a position. */
    public boolean overlaps(CompanyCandidate o) {
        return start < o.end && o.start < end;
    }
}
