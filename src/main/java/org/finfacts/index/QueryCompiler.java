package org.finfacts.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.BinaryPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.ScoreMode;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.apache.lucene.util.BytesRef;
import org.finfacts.facts.FactType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link QueryNode} tree into Lucene queries over the block-join layout of
 * {@link IndexFields}.
 *
 * <p>The rule that makes fact filters hold on one fact: record filters (company, type, amount,
 * currency, date) that stand together in one conjunction, with any AND/OR among themselves, become
 * ONE query over record documents, joined to their article with {@link ToParentBlockJoinQuery}. So
 * {@code company:NVIDIA amount>=1e12} asks for an article with a record that is about NVIDIA
 * <em>and</em> has an amount of at least 1e12, never for one record of each. {@code NOT x} removes the
 * articles that match {@code x} (with the same rule inside). Free text matches the title and text
 * (as a substring of characters, scored higher where SmartChineseAnalyzer's words match too);
 * {@code source}, {@code id}, {@code title}, {@code published} match the article.
 *
 * <p>Amount semantics: a bare number ({@code amount>=1e12}) compares native values in any
 * currency; an amount with a currency ({@code amount>=10亿美元}) compares USD-normalised values
 * across currencies ({@link FxRates}); {@code amount:10亿美元} (equality) means that value in that
 * currency. A range amount in the text ({@code 5-8亿元}) matches when its range reaches the bound.
 * Date semantics: the record's period lies within the query's ({@code date:2024} holds a fact dated
 * {@code 2024-03}, not one dated only {@code 2023}); a fact without a date has its article's
 * publication day. Stateless; thread-safe.
 */
public final class QueryCompiler {
    /** What a query compiles to. */
    public record Compiled(QueryNode tree, Query articles, Query records, List<String> highlightTerms,
                           Set<String> highlightCompanies) {
        /** Whether the query restricts records (then only matching records are shown and counted). */
        public boolean hasRecordFilter() {
            return records != null;
        }
    }

    private static final Query ARTICLES = new TermQuery(new Term(IndexFields.KIND, IndexFields.ARTICLE));
    private static final Query RECORDS = new TermQuery(new Term(IndexFields.RECORD, "1"));

    private final SearchQueryParser parser;
    private final Analyzer analyzer;
    private final BitSetProducer parents;
    private final AmountParser amounts;
    private final DateRangeParser dates;
    private final CompanyResolver companies;
    private final FxRates rates;

    /** A compiler; {@code parents} must select the article documents. */
    public QueryCompiler(SearchQueryParser parser, Analyzer analyzer, BitSetProducer parents, AmountParser amounts,
                         DateRangeParser dates, CompanyResolver companies, FxRates rates) {
        this.parser = parser;
        this.analyzer = analyzer;
        this.parents = parents;
        this.amounts = amounts;
        this.dates = dates;
        this.companies = companies;
        this.rates = rates;
    }

    /** The query of the article documents: those with kind {@code article}. */
    public static Query allArticles() {
        return ARTICLES;
    }

    /** The query of the record documents. */
    public static Query allRecords() {
        return RECORDS;
    }

    /** Parses and compiles; fails with a {@link QueryException} on a bad query. */
    public Compiled compile(String query) {
        QueryNode tree = parser.parse(query);
        Run run = new Run();
        Query q = run.article(tree, false);
        BooleanQuery.Builder top = new BooleanQuery.Builder().add(ARTICLES, Occur.FILTER);
        if (q != null) {
            top.add(q, Occur.MUST);
        }
        Query records = null;
        if (!run.recordGroups.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (Query g : run.recordGroups) {
                any.add(g, Occur.SHOULD);
            }
            records = new ConstantScoreQuery(any.setMinimumNumberShouldMatch(1).build());
        }
        return new Compiled(tree, top.build(), records, List.copyOf(run.highlights), Set.copyOf(run.companyKeys));
    }

    /** Whether some leaf of a subtree, negated or not, is a record filter ({@code type:}, {@code amount>}...). */
    static boolean hasRecordFilter(QueryNode n) {
        Boolean leaf = recordLeaf(n);
        if (leaf != null) {
            return leaf;
        }
        if (n instanceof QueryNode.And a) {
            return a.parts().stream().anyMatch(QueryCompiler::hasRecordFilter);
        }
        if (n instanceof QueryNode.Or o) {
            return o.parts().stream().anyMatch(QueryCompiler::hasRecordFilter);
        }
        if (n instanceof QueryNode.Not x) {
            return hasRecordFilter(x.part());
        }
        return false;
    }

    /** For a fielded leaf, whether its field is a record field; null for any other node. */
    private static Boolean recordLeaf(QueryNode n) {
        if (n instanceof QueryNode.Term t) {
            return t.field().isRecord();
        }
        if (n instanceof QueryNode.Compare c) {
            return c.field().isRecord();
        }
        if (n instanceof QueryNode.Range r) {
            return r.field().isRecord();
        }
        return null;
    }

    /** Whether every leaf of a subtree is a record filter (then the subtree holds on one record). */
    static boolean isRecordOnly(QueryNode n) {
        Boolean leaf = recordLeaf(n);
        if (leaf != null) {
            return leaf;
        }
        if (n instanceof QueryNode.And a) {
            return a.parts().stream().allMatch(QueryCompiler::isRecordOnly);
        }
        if (n instanceof QueryNode.Or o) {
            return o.parts().stream().allMatch(QueryCompiler::isRecordOnly);
        }
        return false;
    }

    private final class Run {
        final List<Query> recordGroups = new ArrayList<>();
        final Set<String> highlights = new TreeSet<>();
        final Set<String> companyKeys = new TreeSet<>();

        /** The article-level query of a node; null for a node that matches everything (only stop words). */
        Query article(QueryNode n, boolean negated) {
            if (isRecordOnly(n)) {
                return join(record(n, negated), negated);
            }
            if (n instanceof QueryNode.Text t) {
                if (!negated) {
                    highlights.add(highlightKey(t.text()));
                }
                return text(t);
            }
            if (n instanceof QueryNode.Term t) {
                return articleTerm(t);
            }
            if (n instanceof QueryNode.Compare c) {
                return published(c.op(), c.value(), c.position());
            }
            if (n instanceof QueryNode.Range r) {
                return publishedRange(r);
            }
            if (n instanceof QueryNode.All) {
                return ARTICLES;
            }
            if (n instanceof QueryNode.Not x) {
                Query inner = article(x.part(), !negated);
                BooleanQuery.Builder b = new BooleanQuery.Builder().add(ARTICLES, Occur.FILTER);
                if (inner == null) {
                    return new MatchNoDocsQuery("NOT of a term without searchable words");
                }
                return b.add(inner, Occur.MUST_NOT).build();
            }
            if (n instanceof QueryNode.And a) {
                List<QueryNode> recordParts = new ArrayList<>();
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                boolean positive = false;
                for (QueryNode p : a.parts()) {
                    if (isRecordOnly(p)) {
                        recordParts.add(p);
                    } else if (p instanceof QueryNode.Not x) {
                        Query inner = article(x.part(), !negated);
                        if (inner != null) {
                            b.add(inner, Occur.MUST_NOT);
                        }
                    } else {
                        Query q = article(p, negated);
                        if (q != null) {
                            b.add(q, Occur.MUST);
                            positive = true;
                        }
                    }
                }
                if (!recordParts.isEmpty()) {
                    QueryNode group = recordParts.size() == 1 ? recordParts.get(0) : new QueryNode.And(recordParts);
                    b.add(join(record(group, negated), negated), Occur.FILTER);
                    positive = true;
                }
                if (!positive) {
                    b.add(ARTICLES, Occur.FILTER);
                }
                return b.build();
            }
            if (n instanceof QueryNode.Or o) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (QueryNode p : o.parts()) {
                    Query q = article(p, negated);
                    b.add(q == null ? ARTICLES : q, Occur.SHOULD);
                }
                return b.setMinimumNumberShouldMatch(1).build();
            }
            throw new IllegalStateException("unknown node " + n);
        }

        private Query join(Query record, boolean negated) {
            Query child = new BooleanQuery.Builder().add(RECORDS, Occur.FILTER).add(record, Occur.FILTER).build();
            if (!negated) {
                recordGroups.add(child);
            }
            return new ToParentBlockJoinQuery(child, parents, ScoreMode.None);
        }

        /** The record-level query of a record-only node ({@code negated}: under a NOT, not highlighted). */
        private Query record(QueryNode n, boolean negated) {
            if (n instanceof QueryNode.And a) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (QueryNode p : a.parts()) {
                    b.add(record(p, negated), Occur.FILTER);
                }
                return b.build();
            }
            if (n instanceof QueryNode.Or o) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (QueryNode p : o.parts()) {
                    b.add(record(p, negated), Occur.SHOULD);
                }
                return new ConstantScoreQuery(b.setMinimumNumberShouldMatch(1).build());
            }
            if (n instanceof QueryNode.Term t) {
                return recordTerm(t, negated);
            }
            if (n instanceof QueryNode.Compare c) {
                return c.field() == QueryField.AMOUNT ? amount(c) : date(c);
            }
            if (n instanceof QueryNode.Range r) {
                return r.field() == QueryField.AMOUNT ? amountRange(r) : dateRange(r);
            }
            throw new IllegalStateException("not a record node: " + n);
        }

        private Query recordTerm(QueryNode.Term t, boolean negated) {
            if (t.value().equals("*")) {
                switch (t.field()) {
                    case COMPANY:
                        return new FieldExistsQuery(IndexFields.COMPANY_DV);
                    case TYPE:
                        return new TermQuery(new Term(IndexFields.KIND, IndexFields.FACT));
                    default:
                        return new FieldExistsQuery(IndexFields.CURRENCY_DV);
                }
            }
            switch (t.field()) {
                case COMPANY: {
                    List<BytesRef> keys = new ArrayList<>();
                    for (String k : companies.keys(t.value())) {
                        keys.add(new BytesRef(k));
                        if (!negated) {
                            companyKeys.add(k);
                        }
                    }
                    return new TermInSetQuery(IndexFields.COMPANY, keys);
                }
                case TYPE: {
                    String v = t.value().toUpperCase(Locale.ROOT);
                    try {
                        FactType.valueOf(v);
                    } catch (IllegalArgumentException e) {
                        throw error("unknown fact type '" + t.value() + "' (types: "
                                + Arrays.toString(FactType.values()).replaceAll("[\\[\\]]", "") + ")", t.position(),
                                t.value());
                    }
                    return new TermQuery(new Term(IndexFields.TYPE, v));
                }
                case CURRENCY:
                    return new TermQuery(new Term(IndexFields.CURRENCY, currency(t.value(), t.position())));
                default:
                    throw new IllegalStateException("not a record keyword: " + t.field());
            }
        }

        private String currency(String value, int position) {
            if (value.matches("[A-Za-z]{3}")) {
                return value.toUpperCase(Locale.ROOT);
            }
            Optional<AmountParser.Amount> probe = amounts.parse("1" + value);
            if (probe.isPresent() && probe.get().currency() != null) {
                return probe.get().currency();
            }
            throw error("unknown currency '" + value + "' (use an ISO code such as USD, CNY, HKD)", position, value);
        }

        private Query articleTerm(QueryNode.Term t) {
            switch (t.field()) {
                case SOURCE:
                    return new TermQuery(new Term(IndexFields.SOURCE, t.value().toLowerCase(Locale.ROOT)));
                case ID:
                    return new TermQuery(new Term(IndexFields.ID, t.value()));
                default:
                    throw new IllegalStateException("not an article keyword: " + t.field());
            }
        }

        private Query text(QueryNode.Text t) {
            boolean titleOnly = t.field() == QueryField.TITLE;
            List<Token> chars = tokens(IndexFields.BODY_CHARS, t.text());
            List<Token> wordTokens = tokens(IndexFields.BODY, t.text());
            if (chars.isEmpty() && wordTokens.isEmpty()) {
                return null;
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            if (t.prefix() && chars.size() == 1 && !isHan(chars.get(0).term())) {
                Query title = new PrefixQuery(new Term(IndexFields.TITLE_CHARS, chars.get(0).term()),
                        MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
                b.add(new BoostQuery(title, 2f), Occur.SHOULD);
                if (!titleOnly) {
                    b.add(new PrefixQuery(new Term(IndexFields.BODY_CHARS, chars.get(0).term()),
                            MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE), Occur.SHOULD);
                }
                return b.setMinimumNumberShouldMatch(1).build();
            }
            Query words = null;
            if (!wordTokens.isEmpty()) {
                BooleanQuery.Builder w = new BooleanQuery.Builder()
                        .add(new BoostQuery(phrase(IndexFields.TITLE, wordTokens), 2f), Occur.SHOULD);
                if (!titleOnly) {
                    w.add(phrase(IndexFields.BODY, wordTokens), Occur.SHOULD);
                }
                words = w.build();
            }
            if (chars.isEmpty()) {
                return words;
            }
            BooleanQuery.Builder match = new BooleanQuery.Builder()
                    .add(new BoostQuery(phrase(IndexFields.TITLE_CHARS, chars), 2f), Occur.SHOULD);
            if (!titleOnly) {
                match.add(phrase(IndexFields.BODY_CHARS, chars), Occur.SHOULD);
            }
            b.add(match.setMinimumNumberShouldMatch(1).build(), Occur.MUST);
            if (words != null) {
                b.add(words, Occur.SHOULD);
            }
            return b.build();
        }

        private Query amount(QueryNode.Compare c) {
            AmountParser.Amount a = parseAmount(c.value(), c.position());
            if (c.op() == QueryNode.Op.EQ) {
                Query eq = between(IndexFields.AMOUNT_MIN, IndexFields.AMOUNT_MAX, a.value(), true, a.value(), true);
                if (a.currency() == null) {
                    return eq;
                }
                return new BooleanQuery.Builder().add(eq, Occur.FILTER)
                        .add(new TermQuery(new Term(IndexFields.CURRENCY, a.currency())), Occur.FILTER).build();
            }
            boolean usd = a.currency() != null;
            BigDecimal v = usd ? toUsd(a, c.position(), c.value()) : a.value();
            String min = usd ? IndexFields.USD_MIN : IndexFields.AMOUNT_MIN;
            String max = usd ? IndexFields.USD_MAX : IndexFields.AMOUNT_MAX;
            switch (c.op()) {
                case GE:
                    return between(min, max, v, true, null, true);
                case GT:
                    return between(min, max, v, false, null, true);
                case LE:
                    return between(min, max, null, true, v, true);
                default:
                    return between(min, max, null, true, v, false);
            }
        }

        private Query amountRange(QueryNode.Range r) {
            AmountParser.Amount lo = r.low() == null ? null : parseAmount(r.low(), r.position());
            AmountParser.Amount hi = r.high() == null ? null : parseAmount(r.high(), r.position());
            String currency = lo != null && lo.currency() != null ? lo.currency()
                    : hi != null && hi.currency() != null ? hi.currency() : null;
            if (currency == null) {
                return between(IndexFields.AMOUNT_MIN, IndexFields.AMOUNT_MAX, lo == null ? null : lo.value(),
                        r.lowInclusive(), hi == null ? null : hi.value(), r.highInclusive());
            }
            AmountParser.Amount l = lo == null ? null : new AmountParser.Amount(lo.value(),
                    lo.currency() == null ? currency : lo.currency());
            AmountParser.Amount h = hi == null ? null : new AmountParser.Amount(hi.value(),
                    hi.currency() == null ? currency : hi.currency());
            return between(IndexFields.USD_MIN, IndexFields.USD_MAX, l == null ? null : toUsd(l, r.position(), r.low()),
                    r.lowInclusive(), h == null ? null : toUsd(h, r.position(), r.high()), r.highInclusive());
        }

        private AmountParser.Amount parseAmount(String text, int position) {
            return amounts.parse(text).orElseThrow(() -> error("cannot read the amount '" + text
                    + "' (write 1e9, 1000000000, USD1e9, or 10亿美元 when the money recognizer is present)",
                    position, text));
        }

        private BigDecimal toUsd(AmountParser.Amount a, int position, String text) {
            return rates.toBase(a.value(), a.currency()).orElseThrow(() -> error("no exchange rate for "
                    + a.currency() + " in models/" + FxRates.FILE + " to compare '" + text + "' across currencies",
                    position, text));
        }

        private Query date(QueryNode.Compare c) {
            Period p = parseDate(c.value(), c.position());
            switch (c.op()) {
                case EQ:
                    return new BooleanQuery.Builder()
                            .add(LongPoint.newRangeQuery(IndexFields.DATE_START, p.startSeconds(), Long.MAX_VALUE), Occur.FILTER)
                            .add(LongPoint.newRangeQuery(IndexFields.DATE_END, Long.MIN_VALUE, p.endSeconds()), Occur.FILTER)
                            .build();
                case GE:
                    return LongPoint.newRangeQuery(IndexFields.DATE_START, p.startSeconds(), Long.MAX_VALUE);
                case GT:
                    return LongPoint.newRangeQuery(IndexFields.DATE_START, p.endSeconds(), Long.MAX_VALUE);
                case LE:
                    return LongPoint.newRangeQuery(IndexFields.DATE_END, Long.MIN_VALUE, p.endSeconds());
                default:
                    return LongPoint.newRangeQuery(IndexFields.DATE_END, Long.MIN_VALUE, p.startSeconds());
            }
        }

        private Query dateRange(QueryNode.Range r) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean any = false;
            if (r.low() != null) {
                Period lo = parseDate(r.low(), r.position());
                long from = r.lowInclusive() ? lo.startSeconds() : lo.endSeconds();
                b.add(LongPoint.newRangeQuery(IndexFields.DATE_START, from, Long.MAX_VALUE), Occur.FILTER);
                any = true;
            }
            if (r.high() != null) {
                Period hi = parseDate(r.high(), r.position());
                long to = r.highInclusive() ? hi.endSeconds() : hi.startSeconds();
                b.add(LongPoint.newRangeQuery(IndexFields.DATE_END, Long.MIN_VALUE, to), Occur.FILTER);
                any = true;
            }
            if (!any) {
                b.add(LongPoint.newRangeQuery(IndexFields.DATE_START, Long.MIN_VALUE, Long.MAX_VALUE), Occur.FILTER);
            }
            return b.build();
        }

        private Query published(QueryNode.Op op, String value, int position) {
            Period p = parseDate(value, position);
            switch (op) {
                case EQ:
                    return LongPoint.newRangeQuery(IndexFields.PUBLISHED, p.startSeconds(), p.endSeconds() - 1);
                case GE:
                    return LongPoint.newRangeQuery(IndexFields.PUBLISHED, p.startSeconds(), Long.MAX_VALUE);
                case GT:
                    return LongPoint.newRangeQuery(IndexFields.PUBLISHED, p.endSeconds(), Long.MAX_VALUE);
                case LE:
                    return LongPoint.newRangeQuery(IndexFields.PUBLISHED, Long.MIN_VALUE, p.endSeconds() - 1);
                default:
                    return LongPoint.newRangeQuery(IndexFields.PUBLISHED, Long.MIN_VALUE, p.startSeconds() - 1);
            }
        }

        private Query publishedRange(QueryNode.Range r) {
            long from = Long.MIN_VALUE;
            long to = Long.MAX_VALUE;
            if (r.low() != null) {
                Period lo = parseDate(r.low(), r.position());
                from = r.lowInclusive() ? lo.startSeconds() : lo.endSeconds();
            }
            if (r.high() != null) {
                Period hi = parseDate(r.high(), r.position());
                to = (r.highInclusive() ? hi.endSeconds() : hi.startSeconds()) - 1;
            }
            return LongPoint.newRangeQuery(IndexFields.PUBLISHED, from, to);
        }

        private Period parseDate(String text, int position) {
            return dates.parse(text).orElseThrow(() -> error("cannot read the date '" + text
                    + "' (write 2024, 2024-03, 2024-03-05, 2024-Q1, 2024-01-01..2024-06-30, or 2023年 when the date "
                    + "recognizer is present)", position, text));
        }
    }

    /**
     * Records whose amount lies in a range: {@code max >= low} and {@code min <= high}, compared
     * exactly in millionths (a bound between two millionths is rounded inwards).
     */
    static Query between(String minField, String maxField, BigDecimal low, boolean lowInclusive, BigDecimal high,
                         boolean highInclusive) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (low != null) {
            BigInteger from = lowInclusive ? AmountEncoding.rounded(low, RoundingMode.CEILING)
                    : AmountEncoding.rounded(low, RoundingMode.FLOOR).add(BigInteger.ONE);
            if (from.compareTo(AmountEncoding.max()) > 0) {
                return new MatchNoDocsQuery("amount above the largest representable");
            }
            b.add(BinaryPoint.newRangeQuery(maxField, AmountEncoding.encode(from), AmountEncoding.encode(AmountEncoding.max())),
                    Occur.FILTER);
            any = true;
        }
        if (high != null) {
            BigInteger to = highInclusive ? AmountEncoding.rounded(high, RoundingMode.FLOOR)
                    : AmountEncoding.rounded(high, RoundingMode.CEILING).subtract(BigInteger.ONE);
            if (to.compareTo(AmountEncoding.min()) < 0) {
                return new MatchNoDocsQuery("amount below the smallest representable");
            }
            b.add(BinaryPoint.newRangeQuery(minField, AmountEncoding.encode(AmountEncoding.min()), AmountEncoding.encode(to)),
                    Occur.FILTER);
            any = true;
        }
        if (!any) {
            b.add(BinaryPoint.newRangeQuery(minField, AmountEncoding.encode(AmountEncoding.min()),
                    AmountEncoding.encode(AmountEncoding.max())), Occur.FILTER);
        }
        return b.build();
    }

    /** A token of analysed query text and its position. */
    private record Token(String term, int position) {
    }

    private List<Token> tokens(String field, String text) {
        List<Token> out = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        List<int[]> singles = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                position = Math.max(position, 0);
                out.add(new Token(term.toString(), position));
                int[] span = {offset.startOffset(), offset.endOffset(), out.size() - 1};
                if (CharAnalyzer.DOUBLE.equals(type.type())) {
                    pairs.add(span);
                } else if (CharAnalyzer.SINGLE.equals(type.type())) {
                    singles.add(span);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pairs.isEmpty()) {
            return out;
        }
        Set<Integer> covered = new java.util.HashSet<>();
        for (int[] single : singles) {
            for (int[] pair : pairs) {
                if (pair[0] <= single[0] && single[1] <= pair[1]) {
                    covered.add(single[2]);
                    break;
                }
            }
        }
        List<Token> kept = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (!covered.contains(i)) {
                kept.add(out.get(i));
            }
        }
        return kept;
    }

    private static Query phrase(String field, List<Token> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).term()));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        int first = tokens.get(0).position();
        for (Token t : tokens) {
            b.add(new Term(field, t.term()), t.position() - first);
        }
        return b.build();
    }

    private static boolean isHan(String token) {
        return token.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** How a text term is looked for in the text to highlight it: folded like the query, lower-cased. */
    static String highlightKey(String text) {
        return SearchQueryParser.fold(text).toLowerCase(Locale.ROOT).strip();
    }

    private static QueryException error(String message, int position, String token) {
        return new QueryException(message + " at position " + position + (token == null ? "" : " ('" + token + "')"),
                position, token);
    }
}
