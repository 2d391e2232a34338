package org.finfacts.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.Fact;
import org.finfacts.facts.JsonCodec;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Searches an index written by {@link ArticleIndexer}: article hits with their matching facts and
 * snippets, record listings (facts, money mentions), facets with sums, one article's annotated JSON,
 * and index statistics. Sees new commits after {@link #refresh()}. Every request is bounded: page
 * size and result window ({@link Limits}), query size and shape ({@link SearchQueryParser.Limits}),
 * and time (Lucene's query timeout plus checks in the index's own loops: a search that runs out of
 * time fails with {@link SearchTimeoutException}, never with partial numbers). Parsed articles of
 * recent hits are kept ({@link Limits#documentCache}, like Solr's document cache). Thread-safe.
 */
public final class ArticleSearcher implements Closeable {
    /** Bounds on requests. */
    public record Limits(int maxLimit, int maxWindow, Duration maxTimeout, int facetValues, int recordsPerHit,
                         int documentCache, SearchQueryParser.Limits query) {
        /**
         * 100 per page, window of 1,000, 10 s at most, 10 facet values, 5 records per hit, 512 parsed
         * articles kept for hits that come back.
         */
        public static Limits defaults() {
            return new Limits(100, 1000, Duration.ofSeconds(10), 10, 5, 512, SearchQueryParser.Limits.defaults());
        }

        /** The same limits with another document cache size (0: none). */
        public Limits withDocumentCache(int size) {
            return new Limits(maxLimit, maxWindow, maxTimeout, facetValues, recordsPerHit, size, query);
        }
    }

    /** How amounts, dates and companies in queries are read. */
    public record QueryValues(AmountParser amounts, DateRangeParser dates, CompanyResolver companies) {
        /** Keyboard forms and exact ids only (no engine). */
        public static QueryValues plain() {
            return new QueryValues(AmountParser.plain(), DateRangeParser.plain(), CompanyResolver.plain());
        }

        /** Through the engine's recognizers (money, dates, company linking). */
        public static QueryValues engine(Engine engine) {
            return new QueryValues(new EngineAmountParser(engine), new EngineDateRangeParser(engine),
                    new EngineCompanyResolver(engine));
        }
    }

    /** What the index holds. */
    public record Stats(String folder, long articles, long facts, long money, long bytes, long generation,
                        String committedAt) {
    }

    private static final Query FACTS = new TermQuery(new Term(IndexFields.KIND, IndexFields.FACT));
    private static final Query FACTS_AND_MONEY = new TermInSetQuery(IndexFields.KIND,
            List.of(new BytesRef(IndexFields.FACT), new BytesRef(IndexFields.MONEY)));

    private final Path folder;
    private final Directory directory;
    private final SearcherManager manager;
    private final BitSetProducer parents;
    private final QueryCompiler compiler;
    private final FxRates rates;
    private final Limits limits;
    private final SnippetBuilder snippets = new SnippetBuilder();
    private final Map<Object, Loaded> documents;

    private ArticleSearcher(Path folder, Directory directory, SearcherManager manager, FxRates rates,
                            QueryValues values, Limits limits) {
        this.folder = folder;
        this.directory = directory;
        this.manager = manager;
        this.parents = new QueryBitSetProducer(QueryCompiler.allArticles());
        this.rates = rates;
        this.limits = limits;
        this.compiler = new QueryCompiler(new SearchQueryParser(limits.query()), IndexFields.analyzer(), parents,
                values.amounts(), values.dates(), values.companies(), rates);
        int cacheSize = limits.documentCache();
        this.documents = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<Object, Loaded>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Loaded> eldest) {
                return size() > cacheSize;
            }
        });
    }

    /** Opens the index in {@code folder}; fails with a message when there is none. */
    public static ArticleSearcher open(Path folder, FxRates rates, QueryValues values, Limits limits)
            throws IOException {
        Directory dir = FSDirectory.open(folder);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                throw new IOException("no index at " + folder + " (build one with: finfacts index INPUT --index "
                        + folder + ")");
            }
            return new ArticleSearcher(folder, dir, new SearcherManager(dir, null), rates, values, limits);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** The request bounds. */
    public Limits limits() {
        return limits;
    }

    /** Picks up the latest commit, if there is a newer one. */
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    /**
     * Runs a few representative searches so that the analyzers' dictionaries are loaded and the code
     * is compiled before the first real request (SmartChineseAnalyzer alone takes about a second).
     */
    public void warmUp() {
        for (String q : List.of("英伟达 市值", "company:NVIDIA amount>=1e9", "type:INVESTMENT date:2024", "title:市场")) {
            try {
                search(SearchRequest.of(q).withFacets(true));
                search(SearchRequest.of(q).withSort(SearchRequest.Sort.AMOUNT));
                records(SearchRequest.of(q));
            } catch (IOException | RuntimeException e) {
                // warming up is best effort: a real request reports its own errors
            }
        }
    }

    /** The compiled form of a query (for explaining it); fails with a {@link QueryException}. */
    public QueryCompiler.Compiled compile(String query) {
        return compiler.compile(query);
    }

    /** A page of articles matching the request's query. */
    public SearchResults.Articles search(SearchRequest request) throws IOException {
        long t0 = System.nanoTime();
        Deadline deadline = validate(request);
        QueryCompiler.Compiled c = compiler.compile(request.query());
        IndexSearcher shared = manager.acquire();
        try {
            IndexSearcher s = searcher(shared, deadline);
            List<ScoreDoc> page;
            long total;
            int window = request.offset() + request.limit();
            if (request.sort() == SearchRequest.Sort.AMOUNT || request.sort() == SearchRequest.Sort.AMOUNT_ASC) {
                List<ScoreDoc> all = byAmount(s, c, request.sort() == SearchRequest.Sort.AMOUNT, deadline);
                total = all.size();
                page = all.subList(Math.min(request.offset(), all.size()), Math.min(window, all.size()));
            } else {
                TopFieldDocs top = s.search(c.articles(), new TopFieldCollectorManager(articleSort(request.sort()),
                        window, null, Integer.MAX_VALUE));
                if (s.timedOut()) {
                    throw new SearchTimeoutException(deadline.budget());
                }
                total = top.totalHits.value;
                List<ScoreDoc> docs = List.of(top.scoreDocs);
                page = docs.subList(Math.min(request.offset(), docs.size()), docs.size());
            }
            Query inner = c.hasRecordFilter()
                    ? new BooleanQuery.Builder().add(FACTS_AND_MONEY, Occur.FILTER).add(c.records(), Occur.FILTER).build()
                    : FACTS;
            Weight innerWeight = s.createWeight(s.rewrite(inner), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Map<Integer, List<RecordRef>> matched = matchingRecords(s, innerWeight, page);
            List<SearchResults.ArticleHit> hits = new ArrayList<>();
            for (ScoreDoc sd : page) {
                deadline.check();
                hits.add(articleHit(s, sd, matched.getOrDefault(sd.doc, List.of()), c));
            }
            Map<String, List<SearchResults.FacetBucket>> facets = null;
            if (request.facets()) {
                FacetCounter counter = new FacetCounter(limits.facetValues());
                counter.countArticles(s, c.articles(), deadline);
                BooleanQuery.Builder rq = new BooleanQuery.Builder()
                        .add(QueryCompiler.allRecords(), Occur.FILTER)
                        .add(new ToChildBlockJoinQuery(c.articles(), parents), Occur.FILTER);
                if (c.hasRecordFilter()) {
                    rq.add(c.records(), Occur.FILTER);
                }
                counter.countRecords(s, rq.build(), parents, deadline);
                facets = counter.result();
            }
            return new SearchResults.Articles(request.query(), total, request.offset(), request.limit(), hits, facets,
                    (System.nanoTime() - t0) / 1000);
        } finally {
            manager.release(shared);
        }
    }

    /** A page of records (facts by default) of the matching articles that satisfy the query's record filters. */
    public SearchResults.Records records(SearchRequest request) throws IOException {
        long t0 = System.nanoTime();
        Deadline deadline = validate(request);
        for (String k : request.kinds()) {
            if (!k.equals(IndexFields.FACT) && !k.equals(IndexFields.MONEY)) {
                throw new QueryException("unknown record kind '" + k + "' (fact, money)", 0, k);
            }
        }
        QueryCompiler.Compiled c = compiler.compile(request.query());
        IndexSearcher shared = manager.acquire();
        try {
            IndexSearcher s = searcher(shared, deadline);
            List<BytesRef> kinds = new ArrayList<>();
            for (String k : request.kinds()) {
                kinds.add(new BytesRef(k));
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder()
                    .add(new TermInSetQuery(IndexFields.KIND, kinds), Occur.FILTER)
                    .add(new ToChildBlockJoinQuery(c.articles(), parents), Occur.MUST);
            if (c.hasRecordFilter()) {
                b.add(c.records(), Occur.FILTER);
            }
            int window = request.offset() + request.limit();
            TopFieldDocs top = s.search(b.build(), new TopFieldCollectorManager(recordSort(request.sort()), window,
                    null, Integer.MAX_VALUE));
            if (s.timedOut()) {
                throw new SearchTimeoutException(deadline.budget());
            }
            List<SearchResults.RecordHit> hits = new ArrayList<>();
            Map<Integer, Loaded> loaded = new HashMap<>();
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            for (int i = request.offset(); i < top.scoreDocs.length; i++) {
                deadline.check();
                int doc = top.scoreDocs[i].doc;
                LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
                int local = doc - ctx.docBase;
                BitSet parentBits = parents.getBitSet(ctx);
                int parent = ctx.docBase + parentBits.nextSetBit(local);
                Loaded article = loaded.get(parent);
                if (article == null) {
                    article = load(s, parent);
                    loaded.put(parent, article);
                }
                RecordRef ref = ref(ctx, local);
                SearchResults.RecordHit hit = ref == null ? null : recordHit(article, ref, c.highlightTerms());
                if (hit != null) {
                    hits.add(hit);
                }
            }
            return new SearchResults.Records(request.query(), top.totalHits.value, request.offset(), request.limit(),
                    hits, (System.nanoTime() - t0) / 1000);
        } finally {
            manager.release(shared);
        }
    }

    /** The annotated JSON of one article (with its text), if the index has it. */
    public Optional<String> articleJson(String id) throws IOException {
        IndexSearcher s = manager.acquire();
        try {
            Query q = new BooleanQuery.Builder().add(QueryCompiler.allArticles(), Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.ID, id)), Occur.FILTER).build();
            ScoreDoc[] docs = s.search(q, 1).scoreDocs;
            if (docs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(s.storedFields().document(docs[0].doc, Set.of(IndexFields.JSON)).get(IndexFields.JSON));
        } finally {
            manager.release(s);
        }
    }

    /** Counts and size of the index as of the last refresh. */
    public Stats stats() throws IOException {
        IndexSearcher s = manager.acquire();
        try {
            IndexReader reader = s.getIndexReader();
            long bytes = 0;
            for (String f : directory.listAll()) {
                try {
                    bytes += directory.fileLength(f);
                } catch (IOException e) {
                    // a file removed by a concurrent merge: not part of the index any more
                }
            }
            long generation = -1;
            String committedAt = null;
            if (reader instanceof DirectoryReader dr) {
                IndexCommit commit = dr.getIndexCommit();
                generation = commit.getGeneration();
                committedAt = commit.getUserData().get(ArticleIndexer.COMMITTED_AT);
            }
            return new Stats(folder.toString(), s.count(QueryCompiler.allArticles()), s.count(FACTS),
                    s.count(new TermQuery(new Term(IndexFields.KIND, IndexFields.MONEY))), bytes, generation,
                    committedAt);
        } finally {
            manager.release(s);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            directory.close();
        }
    }

    private Deadline validate(SearchRequest r) {
        if (r.offset() < 0) {
            throw new QueryException("offset must not be negative", 0, null);
        }
        if (r.limit() < 1 || r.limit() > limits.maxLimit()) {
            throw new QueryException("limit must be between 1 and " + limits.maxLimit(), 0, null);
        }
        if ((long) r.offset() + r.limit() > limits.maxWindow()) {
            throw new QueryException("offset + limit must be at most " + limits.maxWindow()
                    + " (the result window); narrow the query instead of paging this deep", 0, null);
        }
        Duration t = r.timeout() == null || r.timeout().compareTo(limits.maxTimeout()) > 0 ? limits.maxTimeout()
                : r.timeout();
        if (t.isNegative() || t.isZero()) {
            throw new QueryException("the timeout must be positive", 0, null);
        }
        return new Deadline(t);
    }

    private static IndexSearcher searcher(IndexSearcher shared, Deadline deadline) {
        IndexSearcher s = new IndexSearcher(shared.getIndexReader());
        s.setTimeout(deadline);
        return s;
    }

    private static Sort articleSort(SearchRequest.Sort sort) {
        SortField newest = new SortField(IndexFields.PUBLISHED_DV, SortField.Type.LONG, true);
        newest.setMissingValue(Long.MIN_VALUE);
        switch (sort) {
            case DATE:
                return new Sort(newest);
            case DATE_ASC: {
                SortField oldest = new SortField(IndexFields.PUBLISHED_DV, SortField.Type.LONG, false);
                oldest.setMissingValue(Long.MAX_VALUE);
                return new Sort(oldest);
            }
            default:
                return new Sort(SortField.FIELD_SCORE, newest);
        }
    }

    private static Sort recordSort(SearchRequest.Sort sort) {
        SortField newest = new SortField(IndexFields.DATE_DV, SortField.Type.LONG, true);
        newest.setMissingValue(Long.MIN_VALUE);
        switch (sort) {
            case AMOUNT: {
                SortField largest = new SortField(IndexFields.USD_SORT_DV, SortField.Type.LONG, true);
                largest.setMissingValue(Long.MIN_VALUE);
                return new Sort(largest, newest);
            }
            case AMOUNT_ASC: {
                SortField smallest = new SortField(IndexFields.USD_SORT_DV, SortField.Type.LONG, false);
                smallest.setMissingValue(Long.MAX_VALUE);
                return new Sort(smallest, newest);
            }
            case DATE:
                return new Sort(newest);
            case DATE_ASC: {
                SortField oldest = new SortField(IndexFields.DATE_DV, SortField.Type.LONG, false);
                oldest.setMissingValue(Long.MAX_VALUE);
                return new Sort(oldest);
            }
            default:
                return new Sort(SortField.FIELD_SCORE, newest);
        }
    }

    /**
     * Every matching article, ordered by the largest (or smallest) USD amount among its matching
     * facts and money mentions; articles without one follow, newest first. Records and articles are
     * both visited in document order, so each article's best amount is found in one merge pass.
     */
    private List<ScoreDoc> byAmount(IndexSearcher s, QueryCompiler.Compiled c, boolean largestFirst,
                                    Deadline deadline) throws IOException {
        BooleanQuery.Builder rq = new BooleanQuery.Builder().add(FACTS_AND_MONEY, Occur.FILTER)
                .add(new ToChildBlockJoinQuery(c.articles(), parents), Occur.FILTER);
        if (c.hasRecordFilter()) {
            rq.add(c.records(), Occur.FILTER);
        }
        Weight rw = s.createWeight(s.rewrite(rq.build()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Weight aw = s.createWeight(s.rewrite(c.articles()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        int size = 0;
        int[] docs = new int[256];
        long[] amounts = new long[256];
        boolean[] has = new boolean[256];
        long[] published = new long[256];
        for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
            Scorer as = aw.scorer(ctx);
            if (as == null) {
                continue;
            }
            Bits live = ctx.reader().getLiveDocs();
            NumericDocValues pub = ctx.reader().getNumericDocValues(IndexFields.PUBLISHED_DV);
            NumericDocValues usd = ctx.reader().getNumericDocValues(IndexFields.USD_SORT_DV);
            Scorer rs = usd == null ? null : rw.scorer(ctx);
            DocIdSetIterator records = rs == null ? DocIdSetIterator.empty() : rs.iterator();
            int record = records.nextDoc();
            DocIdSetIterator it = as.iterator();
            int n = 0;
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if ((++n & 255) == 0) {
                    deadline.check();
                }
                boolean found = false;
                long best = 0;
                for (; record < d; record = records.nextDoc()) {
                    if ((live == null || live.get(record)) && usd.advanceExact(record)) {
                        long v = usd.longValue();
                        if (!found || (largestFirst ? v > best : v < best)) {
                            best = v;
                            found = true;
                        }
                    }
                }
                if (live != null && !live.get(d)) {
                    continue;
                }
                if (size == docs.length) {
                    int grow = size * 2;
                    docs = java.util.Arrays.copyOf(docs, grow);
                    amounts = java.util.Arrays.copyOf(amounts, grow);
                    has = java.util.Arrays.copyOf(has, grow);
                    published = java.util.Arrays.copyOf(published, grow);
                }
                docs[size] = ctx.docBase + d;
                amounts[size] = best;
                has[size] = found;
                published[size] = pub != null && pub.advanceExact(d) ? pub.longValue() : Long.MIN_VALUE;
                size++;
            }
        }
        final long[] a = amounts;
        final boolean[] h = has;
        final long[] p = published;
        final int[] dd = docs;
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> {
            if (h[x] != h[y]) {
                return h[x] ? -1 : 1;
            }
            if (h[x] && a[x] != a[y]) {
                return largestFirst ? Long.compare(a[y], a[x]) : Long.compare(a[x], a[y]);
            }
            if (p[x] != p[y]) {
                return Long.compare(p[y], p[x]);
            }
            return Integer.compare(dd[x], dd[y]);
        });
        List<ScoreDoc> out = new ArrayList<>(size);
        for (Integer i : order) {
            out.add(new ScoreDoc(dd[i], Float.NaN));
        }
        return out;
    }

    /** An article's stored annotation, parsed. */
    private record Loaded(AnnotatedDocument doc, SearchResults.ArticleInfo info, int[] codePoints) {
    }

    /**
     * An article's annotation, parsed: from the cache of recently shown articles (keyed by segment
     * and document, so a re-indexed article is never served stale), else from its stored JSON.
     */
    private Loaded load(IndexSearcher s, int doc) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
        org.apache.lucene.index.IndexReader.CacheHelper helper = ctx.reader().getCoreCacheHelper();
        Object key = helper == null || limits.documentCache() == 0 ? null
                : List.of(helper.getKey(), doc - ctx.docBase);
        if (key != null) {
            Loaded hit = documents.get(key);
            if (hit != null) {
                return hit;
            }
        }
        String json = s.storedFields().document(doc, Set.of(IndexFields.JSON)).get(IndexFields.JSON);
        AnnotatedDocument d = JsonCodec.readAnnotated(json);
        Loaded loaded = new Loaded(d, new SearchResults.ArticleInfo(d.id(), d.title(), d.url(), d.source(),
                d.published()), d.text().codePoints().toArray());
        if (key != null) {
            documents.put(key, loaded);
        }
        return loaded;
    }

    /**
     * The records of each page hit that match {@code inner}, found with one scorer per segment that
     * moves forward through the hits' blocks in document order (a point-range scorer is costly to
     * create, so it is never created per hit).
     */
    private Map<Integer, List<RecordRef>> matchingRecords(IndexSearcher s, Weight inner, List<ScoreDoc> page)
            throws IOException {
        Map<Integer, List<RecordRef>> out = new HashMap<>();
        int[] docs = page.stream().mapToInt(sd -> sd.doc).sorted().toArray();
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        int i = 0;
        while (i < docs.length) {
            LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            int end = ctx.docBase + ctx.reader().maxDoc();
            Scorer sc = inner.scorer(ctx);
            BitSet parentBits = parents.getBitSet(ctx);
            Bits live = ctx.reader().getLiveDocs();
            NumericDocValues refs = ctx.reader().getNumericDocValues(IndexFields.REF_DV);
            DocIdSetIterator it = sc == null ? DocIdSetIterator.empty() : sc.iterator();
            int cur = -1;
            for (; i < docs.length && docs[i] < end; i++) {
                int local = docs[i] - ctx.docBase;
                int first = local == 0 || parentBits == null ? 0 : parentBits.prevSetBit(local - 1) + 1;
                List<RecordRef> list = new ArrayList<>();
                if (cur < first) {
                    cur = it.advance(first);
                }
                for (; cur < local; cur = it.nextDoc()) {
                    if ((live == null || live.get(cur)) && refs != null && refs.advanceExact(cur)) {
                        list.add(RecordRef.of(refs.longValue()));
                    }
                }
                out.put(docs[i], list);
            }
        }
        return out;
    }

    private SearchResults.ArticleHit articleHit(IndexSearcher s, ScoreDoc sd, List<RecordRef> refs,
                                                QueryCompiler.Compiled c) throws IOException {
        List<String> terms = c.highlightTerms();
        Loaded article = load(s, sd.doc);
        List<SearchResults.RecordHit> records = new ArrayList<>();
        List<Mention> marked = new ArrayList<>();
        Set<Integer> factAmounts = new java.util.HashSet<>();
        int count = 0;
        for (RecordRef ref : refs) {
            if (isAmountOfMatchedFact(article.doc(), ref, factAmounts)) {
                continue;
            }
            count++;
            if (records.size() < limits.recordsPerHit()) {
                SearchResults.RecordHit hit = recordHit(article, ref, terms);
                if (hit != null) {
                    records.add(hit);
                    marked.addAll(mentionsOf(hit));
                }
            }
        }
        if (!c.highlightCompanies().isEmpty()) {
            for (Mention m : article.doc().mentions()) {
                if (m instanceof CompanyMention cm && !marked.contains(cm)
                        && ((cm.id() != null && c.highlightCompanies().contains(ArticleDocuments.companyKey(cm.id())))
                        || c.highlightCompanies().contains(ArticleDocuments.companyKey(cm.text())))) {
                    marked.add(cm);
                }
            }
        }
        SearchResults.Snippet snippet = snippets.best(article.doc(), article.codePoints(), terms, marked);
        float score = Float.isNaN(sd.score) ? 0f : sd.score;
        if (sd instanceof org.apache.lucene.search.FieldDoc fd && fd.fields != null && fd.fields.length > 0
                && fd.fields[0] instanceof Float f) {
            score = f;
        }
        return new SearchResults.ArticleHit(article.info(), score, snippet, records, count);
    }

    /**
     * Whether a money record is the amount of a fact already matched in the same article (facts come
     * first in a block); remembers the amounts of matched facts. Such a mention is shown once, in its fact.
     */
    private static boolean isAmountOfMatchedFact(AnnotatedDocument doc, RecordRef ref, Set<Integer> factAmounts) {
        if (ref.kind().equals(IndexFields.FACT) && ref.index() < doc.facts().size()
                && doc.facts().get(ref.index()).amount() != null) {
            factAmounts.add(doc.facts().get(ref.index()).amount().start());
            return false;
        }
        return ref.kind().equals(IndexFields.MONEY) && ref.index() < doc.mentions().size()
                && factAmounts.contains(doc.mentions().get(ref.index()).start());
    }

    private static RecordRef ref(LeafReaderContext ctx, int local) throws IOException {
        NumericDocValues ref = ctx.reader().getNumericDocValues(IndexFields.REF_DV);
        return ref != null && ref.advanceExact(local) ? RecordRef.of(ref.longValue()) : null;
    }

    private SearchResults.RecordHit recordHit(Loaded article, RecordRef ref, Collection<String> terms) {
        AnnotatedDocument doc = article.doc();
        if (ref.kind().equals(IndexFields.FACT) && ref.index() < doc.facts().size()) {
            Fact f = doc.facts().get(ref.index());
            List<Mention> ms = new ArrayList<>();
            if (f.amount() != null) {
                ms.add(f.amount());
            }
            if (f.subjectMention() != null) {
                ms.add(f.subjectMention());
            }
            if (f.objectMention() != null) {
                ms.add(f.objectMention());
            }
            Fact.Span anchor = f.amount() == null ? null : new Fact.Span(f.amount().start(), f.amount().end());
            return new SearchResults.RecordHit(article.info(), IndexFields.FACT, ref.index(), f, null,
                    usd(f.amount()), snippets.evidence(doc, article.codePoints(), f.sentence(), anchor, terms, ms));
        }
        if (ref.kind().equals(IndexFields.MONEY) && ref.index() < doc.mentions().size()
                && doc.mentions().get(ref.index()) instanceof MoneyMention m) {
            return new SearchResults.RecordHit(article.info(), IndexFields.MONEY, ref.index(), null, m, usd(m),
                    snippets.evidence(doc, article.codePoints(), null, new Fact.Span(m.start(), m.end()), terms,
                            List.of(m)));
        }
        return null;
    }

    private static List<Mention> mentionsOf(SearchResults.RecordHit hit) {
        List<Mention> out = new ArrayList<>();
        if (hit.fact() != null) {
            Fact f = hit.fact();
            if (f.amount() != null) {
                out.add(f.amount());
            }
            if (f.subjectMention() != null) {
                out.add(f.subjectMention());
            }
            if (f.objectMention() != null) {
                out.add(f.objectMention());
            }
        }
        if (hit.money() != null) {
            out.add(hit.money());
        }
        return out;
    }

    private BigDecimal usd(MoneyMention m) {
        if (m == null) {
            return null;
        }
        BigDecimal v = m.value() != null ? m.value() : m.min();
        return rates.toBase(v, m.currency()).orElse(null);
    }
}
