package org.finfacts.index;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts facets over one search: for source and year (of publication) the matching articles; for
 * company, fact type and currency the matching articles that have a matching record with that value;
 * and for every value the matching facts and the sum of their amounts in USD (for currencies also in
 * the currency itself). Reads doc values only; checks the deadline as it goes.
 */
final class FacetCounter {
    /** Facet names, in output order. */
    static final List<String> FACETS = List.of("company", "type", "year", "currency", "source");

    private final int top;
    private final Map<String, Map<String, Bucket>> buckets = new LinkedHashMap<>();

    FacetCounter(int top) {
        this.top = top;
        for (String f : FACETS) {
            buckets.put(f, new HashMap<>());
        }
    }

    private static final class Bucket {
        long articles;
        long facts;
        int lastParent = -1;
        BigDecimal usd = BigDecimal.ZERO;
        BigDecimal native_ = BigDecimal.ZERO;
        boolean hasUsd;
        boolean hasNative;
    }

    /** Counts the matching articles per source and year. */
    void countArticles(IndexSearcher searcher, Query articles, Deadline deadline) throws IOException {
        Weight w = searcher.createWeight(searcher.rewrite(articles), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            Scorer s = w.scorer(ctx);
            if (s == null) {
                continue;
            }
            Bits live = ctx.reader().getLiveDocs();
            SortedDocValues source = ctx.reader().getSortedDocValues(IndexFields.SOURCE_DV);
            NumericDocValues year = ctx.reader().getNumericDocValues(IndexFields.YEAR_DV);
            DocIdSetIterator it = s.iterator();
            int n = 0;
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (live != null && !live.get(d)) {
                    continue;
                }
                if ((++n & 1023) == 0) {
                    deadline.check();
                }
                if (source != null && source.advanceExact(d)) {
                    bucket("source", source.lookupOrd(source.ordValue()).utf8ToString()).articles++;
                }
                if (year != null && year.advanceExact(d)) {
                    bucket("year", Long.toString(year.longValue())).articles++;
                }
            }
        }
    }

    /** Counts the matching records (children of matching articles that satisfy the record filter). */
    void countRecords(IndexSearcher searcher, Query records, BitSetProducer parents, Deadline deadline)
            throws IOException {
        Weight w = searcher.createWeight(searcher.rewrite(records), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            Scorer s = w.scorer(ctx);
            BitSet parentBits = parents.getBitSet(ctx);
            if (s == null || parentBits == null) {
                continue;
            }
            Bits live = ctx.reader().getLiveDocs();
            NumericDocValues ref = ctx.reader().getNumericDocValues(IndexFields.REF_DV);
            SortedSetDocValues company = ctx.reader().getSortedSetDocValues(IndexFields.COMPANY_DV);
            SortedDocValues type = ctx.reader().getSortedDocValues(IndexFields.TYPE_DV);
            SortedDocValues currency = ctx.reader().getSortedDocValues(IndexFields.CURRENCY_DV);
            SortedDocValues usd = ctx.reader().getSortedDocValues(IndexFields.USD_DV);
            SortedDocValues amount = ctx.reader().getSortedDocValues(IndexFields.AMOUNT_DV);
            SortedDocValues source = ctx.reader().getSortedDocValues(IndexFields.SOURCE_DV);
            NumericDocValues year = ctx.reader().getNumericDocValues(IndexFields.YEAR_DV);
            DocIdSetIterator it = s.iterator();
            int n = 0;
            int lastParent = -1;
            String parentSource = null;
            String parentYear = null;
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (live != null && !live.get(d)) {
                    continue;
                }
                if ((++n & 1023) == 0) {
                    deadline.check();
                }
                int parent = parentBits.nextSetBit(d);
                int article = ctx.docBase + parent;
                if (parent != lastParent) {
                    lastParent = parent;
                    parentSource = source != null && source.advanceExact(parent)
                            ? source.lookupOrd(source.ordValue()).utf8ToString() : null;
                    parentYear = year != null && year.advanceExact(parent) ? Long.toString(year.longValue()) : null;
                }
                boolean fact = ref != null && ref.advanceExact(d)
                        && RecordRef.of(ref.longValue()).kind().equals(IndexFields.FACT);
                BigDecimal usdValue = fact ? decimal(usd, d) : null;
                if (company != null && company.advanceExact(d)) {
                    for (int i = 0; i < company.docValueCount(); i++) {
                        String c = company.lookupOrd(company.nextOrd()).utf8ToString();
                        add("company", c, article, fact, usdValue, null);
                    }
                }
                if (fact && type != null && type.advanceExact(d)) {
                    add("type", type.lookupOrd(type.ordValue()).utf8ToString(), article, true, usdValue, null);
                }
                if (currency != null && currency.advanceExact(d)) {
                    add("currency", currency.lookupOrd(currency.ordValue()).utf8ToString(), article, fact, usdValue,
                            fact ? decimal(amount, d) : null);
                }
                if (fact && parentSource != null) {
                    addFactOnly("source", parentSource, usdValue);
                }
                if (fact && parentYear != null) {
                    addFactOnly("year", parentYear, usdValue);
                }
            }
        }
    }

    /** Adds a record of the article with top-level doc id {@code article} (segment doc base included). */
    private void add(String facet, String value, int article, boolean fact, BigDecimal usd, BigDecimal amount) {
        Bucket b = bucket(facet, value);
        if (b.lastParent != article) {
            b.lastParent = article;
            b.articles++;
        }
        if (fact) {
            b.facts++;
            if (usd != null) {
                b.usd = b.usd.add(usd);
                b.hasUsd = true;
            }
            if (amount != null) {
                b.native_ = b.native_.add(amount);
                b.hasNative = true;
            }
        }
    }

    private void addFactOnly(String facet, String value, BigDecimal usd) {
        Bucket b = bucket(facet, value);
        b.facts++;
        if (usd != null) {
            b.usd = b.usd.add(usd);
            b.hasUsd = true;
        }
    }

    private Bucket bucket(String facet, String value) {
        return buckets.get(facet).computeIfAbsent(value, k -> new Bucket());
    }

    private static BigDecimal decimal(SortedDocValues dv, int doc) throws IOException {
        if (dv == null || !dv.advanceExact(doc)) {
            return null;
        }
        org.apache.lucene.util.BytesRef b = dv.lookupOrd(dv.ordValue());
        return AmountEncoding.toDecimal(AmountEncoding.decode(b.bytes, b.offset));
    }

    /** The top values of every facet: most articles first, then most facts, then by value. */
    Map<String, List<SearchResults.FacetBucket>> result() {
        Map<String, List<SearchResults.FacetBucket>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Bucket>> f : buckets.entrySet()) {
            List<Map.Entry<String, Bucket>> entries = new ArrayList<>(f.getValue().entrySet());
            Comparator<Map.Entry<String, Bucket>> order = Comparator
                    .comparingLong((Map.Entry<String, Bucket> e) -> -e.getValue().articles)
                    .thenComparingLong(e -> -e.getValue().facts);
            if (f.getKey().equals("year")) {
                order = Comparator.comparing((Map.Entry<String, Bucket> e) -> e.getKey()).reversed();
            } else {
                order = order.thenComparing(Map.Entry::getKey);
            }
            entries.sort(order);
            List<SearchResults.FacetBucket> list = new ArrayList<>();
            for (Map.Entry<String, Bucket> e : entries.subList(0, Math.min(top, entries.size()))) {
                Bucket b = e.getValue();
                list.add(new SearchResults.FacetBucket(e.getKey(), b.articles, b.facts, b.hasUsd ? b.usd : null,
                        b.hasNative ? b.native_ : null));
            }
            out.put(f.getKey(), list);
        }
        return out;
    }
}
