package org.finfacts.facts;

/** A named person: {@code 黄仁勋}, {@code Amy Hood}. */
public record PersonMention(int start, int end, String text) implements Mention {
    @Override
    public MentionType type() {
        return MentionType.PERSON;
    }

    @Override
    public PersonMention withSpan(int start, int end, String text) {
        return new PersonMention(start, end, text);
    }
}
