package org.finfacts.index;

import java.util.List;

/**
 * The parsed form of a search query, before it meets the index: free text, field filters, and
 * AND/OR/NOT. {@code 英伟达 company:NVIDIA amount>=1e12} is
 * {@code And[Text(英伟达), Term(company, NVIDIA), Compare(amount, GE, 1e12)]}. Positions are 1-based
 * characters of the query, for messages.
 */
public sealed interface QueryNode {
    /** Comparison operators of {@code amount>=x}, {@code date<2024}, {@code amount:x} (EQ). */
    enum Op {
        EQ, GT, GE, LT, LE
    }

    /** Free text or a quoted phrase, in title and text ({@code field} null) or only in the title. */
    record Text(String text, boolean phrase, boolean prefix, QueryField field, int position) implements QueryNode {
    }

    /** A keyword filter: {@code company:NVIDIA}, {@code type:INVESTMENT}, {@code source:x}. */
    record Term(QueryField field, String value, int position) implements QueryNode {
    }

    /** {@code amount>=10亿美元}, {@code date:2024} (EQ), {@code published<2024-03}. */
    record Compare(QueryField field, Op op, String value, int position) implements QueryNode {
    }

    /** {@code amount:[1亿元 TO 10亿元]}; a null bound is open ({@code *}). */
    record Range(QueryField field, String low, String high, boolean lowInclusive, boolean highInclusive,
                 int position) implements QueryNode {
    }

    /** Every article ({@code *}). */
    record All(int position) implements QueryNode {
    }

    /** All of the parts. */
    record And(List<QueryNode> parts) implements QueryNode {
    }

    /** Any of the parts. */
    record Or(List<QueryNode> parts) implements QueryNode {
    }

    /** Articles that do not match the part. */
    record Not(QueryNode part, int position) implements QueryNode {
    }
}
