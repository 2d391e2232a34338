package org.finfacts.facts;

/**
 * One company tied to one amount in one sentence: {@code 亚马逊向Anthropic追加27.5亿美元投资} is
 * INVESTMENT, subject {@code Amazon}, object {@code Anthropic}, amount the {@code 27.5亿美元} mention.
 * {@code subject}/{@code object} are company ids ({@code object} may be null); {@code subjectMention}
 * and {@code objectMention} the mentions they were read from; {@code date} an ISO value at its grain
 * or null; {@code cumulative} a running total ({@code 总投资达}); {@code change} a change rather than
 * a level ({@code 多赚了}), with {@code direction} {@code "increase"} or {@code "decrease"};
 * {@code forecast} a forecast or plan; {@code sentence} the evidence; {@code trigger} the word that
 * typed the fact.
 */
public record Fact(FactType type, String subject, CompanyMention subjectMention, String object,
                   CompanyMention objectMention, MoneyMention amount, String date, boolean cumulative,
                   boolean change, String direction, boolean forecast, Span sentence, String trigger) {

    /** A half-open span of the document: working-copy indices in the pipeline, code points in output. */
    public record Span(int start, int end) {
    }
}
