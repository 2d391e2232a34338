package org.finfacts.extract.person;

import org.finfacts.extract.Candidate;

/**
 * A possible person name: working-copy UTF-16 span, the name, and what supports it: a title before
 * it ({@code 所长李大霄}), the known-person list, a byline ({@code 记者 杨 磊}), or only the name tagger
 * (which then needs a cue, a list or a repetition to count).
 */
public record PersonCandidate(int start, int end, String name, Support support) implements Candidate {
    /** What found the name. */
    public enum Support {
        /** A title or role right before it, or a biography right after it ({@code ，男，51岁}). */
        TITLE,
        /** The list of well-known persons. */
        KNOWN,
        /** HanLP's name tagger alone. */
        TAGGER
    }

    /** Whether the two spans share a position. */
    public boolean overlaps(PersonCandidate o) {
        return start < o.end && o.start < end;
    }
}
