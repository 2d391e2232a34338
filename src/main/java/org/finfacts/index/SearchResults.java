package org.finfacts.index;

import org.finfacts.facts.Fact;
import org.finfacts.facts.MoneyMention;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What searches return: article hits with their matching records and snippets, record listings,
 * facets. Offsets in snippets are code points, as everywhere in the output.
 */
public final class SearchResults {
    private SearchResults() {
    }

    /** A span to highlight in a snippet, relative to the snippet's text; {@code kind} is {@code term} or a mention type. */
    public record Highlight(int start, int end, String kind) {
    }

    /** A piece of an article's text: {@code start}/{@code end} in the article, highlights relative to the piece. */
    public record Snippet(String text, int start, int end, List<Highlight> highlights) {
    }

    /** The article a hit belongs to. */
    public record ArticleInfo(String id, String title, String url, String source, String published) {
    }

    /**
     * A matching record: a fact (with {@code fact}) or a money mention (with {@code money}), its
     * amount in USD when it has a rate, and the sentence it came from with the fact's mentions and
     * the query's terms highlighted.
     */
    public record RecordHit(ArticleInfo article, String kind, int index, Fact fact, MoneyMention money,
                            BigDecimal amountUsd, Snippet evidence) {
    }

    /** An article hit: where it is, its score, a snippet, and its records that match the query. */
    public record ArticleHit(ArticleInfo article, float score, Snippet snippet, List<RecordHit> records,
                             int recordCount) {
    }

    /**
     * One value of a facet: matching articles with it, matching facts with it and the sum of their
     * amounts in USD (and in the value's own currency for the currency facet).
     */
    public record FacetBucket(String value, long articles, long facts, BigDecimal amountUsd, BigDecimal amount) {
    }

    /** A page of article hits. */
    public record Articles(String query, long total, int offset, int limit, List<ArticleHit> hits,
                           Map<String, List<FacetBucket>> facets, long micros) {
    }

    /** A page of records (facts, money mentions). */
    public record Records(String query, long total, int offset, int limit, List<RecordHit> hits, long micros) {
    }
}
