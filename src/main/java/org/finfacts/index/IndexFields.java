package org.finfacts.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.util.Map;

/**
 * The index layout: field names and the analyzers. One <em>block</em> per article: its records
 * first (one per fact, one per money mention, one summary record with the companies it mentions),
 * then the article document itself, which Lucene's block join treats as their parent. Every
 * document of a block carries {@link #BLOCK} = the article id, so re-indexing an article replaces
 * the whole block in one atomic {@code updateDocuments}.
 *
 * <p>Article fields: {@link #ID}, {@link #TITLE}/{@link #BODY} (SmartChineseAnalyzer words) and
 * {@link #TITLE_CHARS}/{@link #BODY_CHARS} (one token per character, for substring recall),
 * {@link #SOURCE}, {@link #PUBLISHED}, the annotated JSON in {@link #JSON}. Record fields:
 * {@link #COMPANY}, {@link #TYPE}, {@link #CURRENCY}, the amount as exact 128-bit points in native
 * units ({@link #AMOUNT_MIN}/{@link #AMOUNT_MAX}) and in USD ({@link #USD_MIN}/{@link #USD_MAX}),
 * the date as a period ({@link #DATE_START}/{@link #DATE_END}).
 */
public final class IndexFields {
    /** The article id on every document of its block. */
    public static final String BLOCK = "block";
    /** What a document is: {@link #ARTICLE}, {@link #FACT}, {@link #MONEY} or {@link #SUMMARY}. */
    public static final String KIND = "kind";
    /** The parent document of a block. */
    public static final String ARTICLE = "article";
    /** A record for one fact. */
    public static final String FACT = "fact";
    /** A record for one money mention. */
    public static final String MONEY = "money";
    /** The record of the article as a whole: the companies it mentions, its publication day. */
    public static final String SUMMARY = "summary";
    /** {@code "1"} on every record (child) document. */
    public static final String RECORD = "record";

    /** Article id (stored). */
    public static final String ID = "id";
    /** Title, words. */
    public static final String TITLE = "title";
    /** Title, characters. */
    public static final String TITLE_CHARS = "title_chars";
    /** Text, words. */
    public static final String BODY = "body";
    /** Text, characters. */
    public static final String BODY_CHARS = "body_chars";
    /** Source, lower-cased for matching. */
    public static final String SOURCE = "source";
    /** Source as given, for facets. */
    public static final String SOURCE_DV = "source_dv";
    /** Publication time, seconds (point). */
    public static final String PUBLISHED = "published";
    /** Publication time, seconds (doc values, for sorting). */
    public static final String PUBLISHED_DV = "published_dv";
    /** Publication year (doc values, for facets). */
    public static final String YEAR_DV = "year_dv";
    /** The annotated document as written by {@code JsonCodec} (stored). */
    public static final String JSON = "json";
    /** Hash of what the article was indexed from (doc values), for incremental runs. */
    public static final String HASH_DV = "hash_dv";

    /** Company keys of a record: lower-cased ids and names. */
    public static final String COMPANY = "company";
    /** Company ids of a record as given (doc values, for facets). */
    public static final String COMPANY_DV = "company_dv";
    /** Fact type. */
    public static final String TYPE = "type";
    /** Fact type (doc values). */
    public static final String TYPE_DV = "type_dv";
    /** ISO currency code. */
    public static final String CURRENCY = "currency";
    /** ISO currency code (doc values). */
    public static final String CURRENCY_DV = "currency_dv";
    /** Smallest native amount of a record (128-bit point, millionths). */
    public static final String AMOUNT_MIN = "amount_min";
    /** Largest native amount of a record (equal to the minimum for a single value). */
    public static final String AMOUNT_MAX = "amount_max";
    /** Representative native amount (doc values: the value, or a range's minimum). */
    public static final String AMOUNT_DV = "amount_dv";
    /** Smallest amount in USD. */
    public static final String USD_MIN = "usd_min";
    /** Largest amount in USD. */
    public static final String USD_MAX = "usd_max";
    /** Representative amount in USD (doc values). */
    public static final String USD_DV = "usd_dv";
    /**
     * Sort key of the representative USD amount (doc values: the double value as a sortable long).
     * Orders amounts to double precision; filters and sums stay exact.
     */
    public static final String USD_SORT_DV = "usd_sort";
    /** {@code "1"} on a record whose amount is not exactly representable (indexed as the enclosing range). */
    public static final String AMOUNT_INEXACT = "amount_inexact";
    /** Start of the record's date, seconds (point). */
    public static final String DATE_START = "date_start";
    /** End (exclusive) of the record's date, seconds (point). */
    public static final String DATE_END = "date_end";
    /** Start of the record's date (doc values). */
    public static final String DATE_DV = "date_dv";
    /** Which fact or mention of the article a record is (doc values: kind code × 2^32 + index). */
    public static final String REF_DV = "ref_dv";

    private IndexFields() {
    }

    /** The analyzer of every text field: SmartChineseAnalyzer for words, {@link CharAnalyzer} for characters. */
    public static Analyzer analyzer() {
        Analyzer chars = new CharAnalyzer();
        return new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(), Map.of(TITLE_CHARS, chars, BODY_CHARS, chars));
    }
}
