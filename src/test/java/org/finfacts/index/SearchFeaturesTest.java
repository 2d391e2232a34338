package org.finfacts.index;

import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.FactType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Currency comparisons, date ranges, facets and sums, sorting, text search and snippets. */
class SearchFeaturesTest {
    @TempDir
    static Path dir;
    static ArticleSearcher searcher;

    @BeforeAll
    static void build() throws IOException {
        List<AnnotatedDocument> docs = new ArrayList<>();
        TestArticles a = TestArticles.article("cny-1e9", "比亚迪获得10亿元融资。").published("2024-03-01").source("s1")
                .title("比亚迪融资");
        CompanyMention byd = a.company("比亚迪", "BYD");
        a.fact(FactType.FUNDING, byd, null, a.money("10亿元", "1000000000", "CNY"), "2024-03");
        docs.add(a.build());

        TestArticles b = TestArticles.article("usd-2e8", "小米融资2亿美元。").published("2023-07-15").source("s2");
        CompanyMention mi = b.company("小米", "Xiaomi");
        b.fact(FactType.FUNDING, mi, null, b.money("2亿美元", "200000000", "USD"), "2023-Q3");
        docs.add(b.build());

        TestArticles c = TestArticles.article("hkd-5e9", "腾讯投资50亿港元。").published("2023-02-10").source("s1");
        CompanyMention tencent = c.company("腾讯", "Tencent");
        c.fact(FactType.INVESTMENT, tencent, null, c.money("50亿港元", "5000000000", "HKD"), "2023-03");
        docs.add(c.build());

        TestArticles d = TestArticles.article("twd-1e10", "台积电营收100亿新台币。").published("2024-01-20").source("s2");
        CompanyMention tsmc = d.company("台积电", "TSMC");
        d.fact(FactType.REVENUE, tsmc, null, d.money("100亿新台币", "10000000000", "TWD"), null);
        docs.add(d.build());

        TestArticles e = TestArticles.article("range-cny", "蔚来融资5亿元-8亿元。").published("2023-11-11").source("s2");
        CompanyMention nio = e.company("蔚来", "NIO");
        e.fact(FactType.FUNDING, nio, null, e.moneyRange("5亿元-8亿元", "500000000", "800000000", "CNY"), "2023");
        docs.add(e.build());

        TestArticles f = TestArticles.article("tiny", "NVIDIA Investments 的利息为0.0000001元。").published("2022-05-05")
                .source("s3");
        f.money("0.0000001元", "0.0000001", "CNY");
        docs.add(f.build());

        TestIndex.write(dir, docs);
        searcher = TestIndex.open(dir);
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    static Set<String> ids(String query) throws IOException {
        Set<String> out = new TreeSet<>();
        searcher.search(SearchRequest.of(query).withPage(0, 100)).hits().forEach(h -> out.add(h.article().id()));
        return out;
    }

    static List<String> order(String query, SearchRequest.Sort sort) throws IOException {
        List<String> out = new ArrayList<>();
        searcher.search(SearchRequest.of(query).withSort(sort).withPage(0, 100)).hits()
                .forEach(h -> out.add(h.article().id()));
        return out;
    }

    @Test
    void amountsWithACurrencyCompareAcrossCurrencies() throws IOException {
        assertEquals(Set.of("usd-2e8", "hkd-5e9"), ids("amount>=USD1.5e8"));
        assertEquals(Set.of("usd-2e8", "hkd-5e9", "cny-1e9"), ids("amount>=CNY1e9"));
        assertEquals(Set.of("usd-2e8", "hkd-5e9"), ids("amount>CNY1e9"));
        assertEquals(Set.of("range-cny", "tiny"), ids("amount<CNY1e9"));
        assertEquals(Set.of("range-cny"), ids("amount:[CNY5e8 TO CNY6e8]"));
        assertEquals(Set.of("range-cny", "cny-1e9"), ids("amount:[CNY6e8 TO USD1.4e8]"));
    }

    @Test
    void bareAmountsCompareNativeValuesInAnyCurrency() throws IOException {
        assertEquals(Set.of("cny-1e9", "hkd-5e9", "twd-1e10"), ids("amount>=1e9"));
        assertEquals(Set.of("cny-1e9"), ids("amount:1e9"));
        assertEquals(Set.of("cny-1e9"), ids("amount:1,000,000,000"));
        assertEquals(Set.of("cny-1e9"), ids("amount:CNY1e9"));
        assertEquals(Set.of(), ids("amount:USD1e9"));
    }

    @Test
    void currencyFiltersAndMissingRates() throws IOException {
        assertEquals(Set.of("twd-1e10"), ids("currency:TWD"));
        assertEquals(Set.of("usd-2e8"), ids("currency:usd"));
        QueryException e = assertThrows(QueryException.class, () -> ids("amount>=TWD1"));
        assertTrue(e.getMessage().contains("no exchange rate for TWD"), e.getMessage());
        assertEquals(Set.of("twd-1e10"), ids("currency:TWD amount>=1e10"));
    }

    @Test
    void datesHoldWhenTheFactsPeriodLiesWithinTheQuerys() throws IOException {
        assertEquals(Set.of("usd-2e8", "hkd-5e9", "range-cny"), ids("type:* date:2023"));
        assertEquals(Set.of("cny-1e9", "twd-1e10"), ids("date:2024 amount>=1"));
        assertEquals(Set.of("hkd-5e9"), ids("date:[2023-01 TO 2023-06] amount>=1"));
        assertEquals(Set.of("usd-2e8", "cny-1e9", "twd-1e10"), ids("date>=2023-07 type:* amount>=1"));
        // a money mention has its article's publication day (2023-11-11), the fact its own date (2023)
        assertEquals(Set.of("usd-2e8", "cny-1e9", "twd-1e10", "range-cny"), ids("date>=2023-07 amount>=1"));
        assertEquals(Set.of("hkd-5e9", "tiny"), ids("date<2023-07 amount>=0"));
        assertEquals(Set.of("usd-2e8", "hkd-5e9", "range-cny"), ids("date:2023-01-01..2023-12-31 type:*"));
        assertEquals(Set.of("usd-2e8"), ids("date:2023-Q3"));
    }

    @Test
    void factWithoutADateHasItsPublicationDay() throws IOException {
        assertEquals(Set.of("twd-1e10"), ids("type:REVENUE date:2024-01"));
        assertEquals(Set.of("twd-1e10"), ids("type:REVENUE date:2024-01-20"));
    }

    @Test
    void publishedFiltersTheArticle() throws IOException {
        assertEquals(Set.of("cny-1e9", "twd-1e10"), ids("published:2024"));
        assertEquals(Set.of("tiny"), ids("published<2023"));
        assertEquals(Set.of("usd-2e8", "range-cny"), ids("published:[2023-07 TO 2023-12]"));
    }

    @Test
    void amountsBeyondSixDecimalsAreIndexedAsTheirEnclosingRange() throws IOException {
        assertEquals(Set.of("tiny"), ids("amount>0 amount<0.000001"));
        assertEquals(Set.of("tiny"), ids("amount:0.0000001"));
    }

    @Test
    void sortsByLargestAmountInUsdThenWithoutRate() throws IOException {
        List<String> byAmount = order("*", SearchRequest.Sort.AMOUNT);
        assertEquals(List.of("hkd-5e9", "usd-2e8", "cny-1e9", "range-cny", "tiny", "twd-1e10"), byAmount);
        List<String> smallest = order("*", SearchRequest.Sort.AMOUNT_ASC);
        assertEquals(List.of("tiny", "range-cny", "cny-1e9", "usd-2e8", "hkd-5e9", "twd-1e10"), smallest);
        assertEquals(List.of("cny-1e9", "twd-1e10", "range-cny", "usd-2e8", "hkd-5e9", "tiny"),
                order("*", SearchRequest.Sort.DATE));
    }

    @Test
    void factListingSortsByAmountAndDate() throws IOException {
        SearchResults.Records r = searcher.records(SearchRequest.of("*").withSort(SearchRequest.Sort.AMOUNT));
        List<String> ids = new ArrayList<>();
        r.hits().forEach(h -> ids.add(h.article().id()));
        assertEquals(List.of("hkd-5e9", "usd-2e8", "cny-1e9", "range-cny", "twd-1e10"), ids);
        assertEquals(5, r.total());
        SearchResults.RecordHit top = r.hits().get(0);
        assertEquals(FactType.INVESTMENT, top.fact().type());
        assertEquals("腾讯投资50亿港元。", top.evidence().text());
        assertEquals(new BigDecimal("642813040.256854"), top.amountUsd());

        SearchResults.Records money = searcher.records(SearchRequest.of("amount<1").withKinds(Set.of("money")));
        assertEquals(1, money.total());
        assertEquals("0.0000001元", money.hits().get(0).money().text());
    }

    @Test
    void facetsCountArticlesAndFactsAndSumAmounts() throws IOException {
        SearchResults.Articles r = searcher.search(SearchRequest.of("*").withFacets(true));
        Map<String, List<SearchResults.FacetBucket>> f = r.facets();
        SearchResults.FacetBucket funding = bucket(f, "type", "FUNDING");
        assertEquals(3, funding.articles());
        assertEquals(3, funding.facts());
        BigDecimal expected = TestIndex.RATES.toBase(new BigDecimal("1000000000"), "CNY").orElseThrow()
                .add(new BigDecimal("200000000"))
                .add(TestIndex.RATES.toBase(new BigDecimal("500000000"), "CNY").orElseThrow());
        assertEquals(0, expected.compareTo(funding.amountUsd()), funding.toString());
        SearchResults.FacetBucket cny = bucket(f, "currency", "CNY");
        assertEquals(3, cny.articles());
        assertEquals(2, cny.facts());
        assertEquals(0, new BigDecimal("1500000000").compareTo(cny.amount()), cny.toString());
        assertEquals(3, bucket(f, "source", "s2").articles());
        assertEquals(3, bucket(f, "source", "s2").facts());
        assertEquals(3, bucket(f, "year", "2023").articles());
        SearchResults.FacetBucket twd = bucket(f, "currency", "TWD");
        assertEquals(1, twd.facts());
        assertEquals(null, twd.amountUsd());
        assertEquals(1, bucket(f, "company", "NIO").facts());

        SearchResults.Articles filtered = searcher.search(SearchRequest.of("type:FUNDING amount>=USD1.5e8")
                .withFacets(true));
        assertEquals(1, filtered.total());
        assertEquals(List.of("Xiaomi"), filtered.facets().get("company").stream().map(SearchResults.FacetBucket::value)
                .toList());
    }

    private static SearchResults.FacetBucket bucket(Map<String, List<SearchResults.FacetBucket>> f, String facet,
                                                    String value) {
        return f.get(facet).stream().filter(b -> b.value().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError(facet + "=" + value + " not in " + f.get(facet)));
    }

    @Test
    void freeTextMatchesSubstringsAndPhrasesWithNotAndPrefix() throws IOException {
        assertEquals(Set.of("cny-1e9"), ids("比亚迪"));
        assertEquals(Set.of("cny-1e9"), ids("亚迪获"));
        assertEquals(Set.of("cny-1e9"), ids("迪"));
        assertEquals(Set.of("twd-1e10"), ids("新台币"));
        assertEquals(Set.of("cny-1e9", "usd-2e8", "range-cny"), ids("融资"));
        assertEquals(Set.of("cny-1e9", "range-cny"), ids("融资 NOT 小米"));
        assertEquals(Set.of("cny-1e9", "range-cny"), ids("融资 -小米"));
        assertEquals(Set.of("cny-1e9"), ids("\"获得10亿\""));
        assertEquals(Set.of("tiny"), ids("invest*"));
        assertEquals(Set.of("tiny"), ids("ｎｖｉｄｉａ"));
        assertEquals(Set.of("cny-1e9"), ids("title:融资"));
        assertEquals(Set.of("cny-1e9", "hkd-5e9"), ids("source:S1"));
        assertEquals(Set.of("usd-2e8"), ids("id:usd-2e8"));
    }

    @Test
    void snippetsHighlightQueryTermsAndMatchedAmounts() throws IOException {
        SearchResults.ArticleHit hit = searcher.search(SearchRequest.of("比亚迪 amount>=1e9")).hits().get(0);
        SearchResults.Snippet s = hit.snippet();
        assertEquals("比亚迪获得10亿元融资。", s.text());
        assertTrue(s.highlights().contains(new SearchResults.Highlight(0, 3, "COMPANY"))
                || s.highlights().contains(new SearchResults.Highlight(0, 3, "term")), s.highlights().toString());
        assertTrue(s.highlights().contains(new SearchResults.Highlight(5, 9, "MONEY")), s.highlights().toString());
        assertEquals("<mark class=\"COMPANY\">比亚迪</mark>获得<mark class=\"MONEY\">10亿元</mark>融资。",
                SearchJson.marked(s));
        assertEquals(1, hit.records().size());
        assertNotNull(hit.records().get(0).fact());
    }

    @Test
    void everyFactHitOfATextQueryShowsItsSentence() throws IOException {
        SearchResults.ArticleHit hit = searcher.search(SearchRequest.of("腾讯")).hits().get(0);
        assertEquals(1, hit.records().size());
        assertEquals("腾讯投资50亿港元。", hit.records().get(0).evidence().text());
    }

    @Test
    void aSearchOutOfTimeFailsInsteadOfReturningPartialNumbers() {
        SearchRequest r = SearchRequest.of("*").withFacets(true).withTimeout(java.time.Duration.ofNanos(1));
        SearchTimeoutException e = assertThrows(SearchTimeoutException.class, () -> searcher.search(r));
        assertTrue(e.getMessage().contains("took longer than"), e.getMessage());
        assertThrows(SearchTimeoutException.class, () -> searcher.records(r));
        assertThrows(SearchTimeoutException.class, () -> searcher.search(r.withSort(SearchRequest.Sort.AMOUNT)));
        assertThrows(QueryException.class, () -> searcher.search(r.withTimeout(java.time.Duration.ZERO)));
    }
}
