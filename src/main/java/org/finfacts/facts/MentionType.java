package org.finfacts.facts;

/** The kinds of mention the engine reports, as written in the output's {@code type} field. */
public enum MentionType {
    MONEY, NUMBER, PERCENT, DATE, COMPANY, PERSON
}
