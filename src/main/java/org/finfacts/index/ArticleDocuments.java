package org.finfacts.index;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.BinaryPoint;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.Fact;
import org.finfacts.facts.JsonCodec;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one {@link AnnotatedDocument} into its Lucene block (see {@link IndexFields}): a record per
 * fact (companies, type, amount, date: the fact's own date, else the publication day), a record per
 * money mention (amount, currency, publication day), a summary record (every company mentioned,
 * publication day), then the article. Amounts go in exactly (see {@link AmountEncoding}); one that is
 * not representable is indexed as the smallest enclosing range and counted in
 * {@link Block#inexactAmounts()}. Thread-safe.
 */
public final class ArticleDocuments {
    /** The documents of one article, children first, and what went into them. */
    public record Block(String id, List<Document> documents, int facts, int money, int inexactAmounts) {
    }

    private final FxRates rates;
    private final JsonCodec codec = new JsonCodec(true);

    /** A builder that normalises amounts with {@code rates}. */
    public ArticleDocuments(FxRates rates) {
        this.rates = rates;
    }

    /** The block of a document; fails on a failed document or one without id or text. */
    public Block build(AnnotatedDocument doc, String hash) {
        if (doc.isError()) {
            throw new IllegalArgumentException("document " + doc.id() + " failed: " + doc.error());
        }
        if (doc.id() == null || doc.id().isBlank()) {
            throw new IllegalArgumentException("document has no id");
        }
        if (doc.text() == null) {
            throw new IllegalArgumentException("document " + doc.id() + " has no text (extract without --no-text)");
        }
        String id = doc.id();
        Optional<Period> published = Period.parseIso(doc.published());
        Optional<Period> day = Period.dayOf(doc.published());
        List<Document> docs = new ArrayList<>();
        int inexact = 0;
        int facts = 0;
        int money = 0;

        for (int i = 0; i < doc.facts().size(); i++) {
            Fact f = doc.facts().get(i);
            Document d = record(id, IndexFields.FACT, new RecordRef(IndexFields.FACT, i));
            Set<String> ids = new LinkedHashSet<>();
            Set<String> keys = new LinkedHashSet<>();
            addCompany(f.subject(), f.subjectMention(), ids, keys);
            addCompany(f.object(), f.objectMention(), ids, keys);
            companies(d, ids, keys);
            d.add(new StringField(IndexFields.TYPE, f.type().name(), Field.Store.NO));
            d.add(new SortedDocValuesField(IndexFields.TYPE_DV, new BytesRef(f.type().name())));
            if (f.amount() != null && amount(d, f.amount())) {
                inexact++;
            }
            Optional<Period> date = Period.parseIso(f.date());
            date(d, date.isPresent() ? date : day);
            docs.add(d);
            facts++;
        }
        Set<String> companyIds = new LinkedHashSet<>();
        Set<String> companyKeys = new LinkedHashSet<>();
        for (int i = 0; i < doc.mentions().size(); i++) {
            Mention m = doc.mentions().get(i);
            if (m instanceof MoneyMention x) {
                Document d = record(id, IndexFields.MONEY, new RecordRef(IndexFields.MONEY, i));
                if (amount(d, x)) {
                    inexact++;
                }
                date(d, day);
                docs.add(d);
                money++;
            } else if (m instanceof CompanyMention c) {
                addCompany(c.id(), c, companyIds, companyKeys);
            }
        }
        for (Fact f : doc.facts()) {
            addCompany(f.subject(), f.subjectMention(), companyIds, companyKeys);
            addCompany(f.object(), f.objectMention(), companyIds, companyKeys);
        }
        Document summary = record(id, IndexFields.SUMMARY, new RecordRef(IndexFields.SUMMARY, 0));
        companies(summary, companyIds, companyKeys);
        date(summary, day);
        docs.add(summary);

        Document article = new Document();
        article.add(new StringField(IndexFields.BLOCK, id, Field.Store.NO));
        article.add(new StringField(IndexFields.KIND, IndexFields.ARTICLE, Field.Store.NO));
        article.add(new StringField(IndexFields.ID, id, Field.Store.YES));
        String title = doc.title() == null ? "" : doc.title();
        article.add(new TextField(IndexFields.TITLE, title, Field.Store.NO));
        article.add(new TextField(IndexFields.TITLE_CHARS, title, Field.Store.NO));
        article.add(new TextField(IndexFields.BODY, doc.text(), Field.Store.NO));
        article.add(new TextField(IndexFields.BODY_CHARS, doc.text(), Field.Store.NO));
        if (doc.source() != null && !doc.source().isBlank()) {
            article.add(new StringField(IndexFields.SOURCE, doc.source().toLowerCase(Locale.ROOT), Field.Store.NO));
            article.add(new SortedDocValuesField(IndexFields.SOURCE_DV, new BytesRef(doc.source())));
        }
        if (published.isPresent()) {
            long t = published.get().startSeconds();
            article.add(new LongPoint(IndexFields.PUBLISHED, t));
            article.add(new NumericDocValuesField(IndexFields.PUBLISHED_DV, t));
            article.add(new NumericDocValuesField(IndexFields.YEAR_DV, published.get().year()));
        }
        article.add(new StoredField(IndexFields.JSON, codec.write(doc, false)));
        if (hash != null) {
            article.add(new BinaryDocValuesField(IndexFields.HASH_DV, new BytesRef(hash)));
        }
        docs.add(article);
        return new Block(id, docs, facts, money, inexact);
    }

    private static Document record(String id, String kind, RecordRef ref) {
        Document d = new Document();
        d.add(new StringField(IndexFields.BLOCK, id, Field.Store.NO));
        d.add(new StringField(IndexFields.KIND, kind, Field.Store.NO));
        d.add(new StringField(IndexFields.RECORD, "1", Field.Store.NO));
        d.add(new NumericDocValuesField(IndexFields.REF_DV, ref.code()));
        return d;
    }

    private static void addCompany(String id, CompanyMention mention, Set<String> ids, Set<String> keys) {
        String canonical = id != null && !id.isBlank() ? id : mention == null ? null : mention.text();
        if (canonical == null || canonical.isBlank()) {
            return;
        }
        ids.add(canonical);
        keys.add(companyKey(canonical));
        if (mention != null && mention.text() != null && !mention.text().isBlank()) {
            keys.add(companyKey(mention.text()));
        }
    }

    /** How a company id or name is matched: trimmed and lower-cased. */
    public static String companyKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static void companies(Document d, Set<String> ids, Set<String> keys) {
        for (String k : keys) {
            d.add(new StringField(IndexFields.COMPANY, k, Field.Store.NO));
        }
        for (String id : ids) {
            d.add(new SortedSetDocValuesField(IndexFields.COMPANY_DV, new BytesRef(id)));
        }
    }

    private static void date(Document d, Optional<Period> period) {
        if (period.isEmpty()) {
            return;
        }
        d.add(new LongPoint(IndexFields.DATE_START, period.get().startSeconds()));
        d.add(new LongPoint(IndexFields.DATE_END, period.get().endSeconds()));
        d.add(new NumericDocValuesField(IndexFields.DATE_DV, period.get().startSeconds()));
    }

    /** Adds the amount fields; returns whether the amount had to be indexed inexactly. */
    private boolean amount(Document d, MoneyMention m) {
        BigDecimal lo = m.value() != null ? m.value() : m.min() != null ? m.min() : m.max();
        BigDecimal hi = m.value() != null ? m.value() : m.max() != null ? m.max() : m.min();
        if (lo == null) {
            return false;
        }
        String currency = m.currency() == null ? null : m.currency().toUpperCase(Locale.ROOT);
        if (currency != null) {
            d.add(new StringField(IndexFields.CURRENCY, currency, Field.Store.NO));
            d.add(new SortedDocValuesField(IndexFields.CURRENCY_DV, new BytesRef(currency)));
        }
        boolean inexact = points(d, IndexFields.AMOUNT_MIN, IndexFields.AMOUNT_MAX, IndexFields.AMOUNT_DV, lo, hi);
        Optional<BigDecimal> usdLo = rates.toBase(lo, currency);
        Optional<BigDecimal> usdHi = rates.toBase(hi, currency);
        if (usdLo.isPresent() && usdHi.isPresent()) {
            inexact |= points(d, IndexFields.USD_MIN, IndexFields.USD_MAX, IndexFields.USD_DV, usdLo.get(), usdHi.get());
            d.add(new NumericDocValuesField(IndexFields.USD_SORT_DV,
                    NumericUtils.doubleToSortableLong(usdLo.get().doubleValue())));
        }
        if (inexact) {
            d.add(new StringField(IndexFields.AMOUNT_INEXACT, "1", Field.Store.NO));
        }
        return inexact;
    }

    private static boolean points(Document d, String minField, String maxField, String dvField, BigDecimal lo,
                                  BigDecimal hi) {
        Optional<BigInteger> exactLo = AmountEncoding.exact(lo);
        Optional<BigInteger> exactHi = AmountEncoding.exact(hi);
        BigInteger a = exactLo.orElseGet(() -> AmountEncoding.rounded(lo, RoundingMode.FLOOR));
        BigInteger b = exactHi.orElseGet(() -> AmountEncoding.rounded(hi, RoundingMode.CEILING));
        d.add(new BinaryPoint(minField, AmountEncoding.encode(a)));
        d.add(new BinaryPoint(maxField, AmountEncoding.encode(b)));
        d.add(new SortedDocValuesField(dvField, new BytesRef(AmountEncoding.encode(a))));
        return exactLo.isEmpty() || exactHi.isEmpty();
    }
}
