package org.finfacts.index;

import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.FactType;
import org.finfacts.facts.MoneyMention;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fact filters hold on one fact of an article, never on two different facts of it. */
class FactFilterTest {
    @TempDir
    static Path dir;
    static ArticleSearcher searcher;

    @BeforeAll
    static void build() throws IOException {
        TestArticles twoSentences = TestArticles.article("two-facts",
                "英伟达向初创公司投资了10亿美元。苹果公司市值达到2万亿美元。").published("2024-04-10").source("test");
        CompanyMention nv = twoSentences.company("英伟达", "NVIDIA");
        MoneyMention a = twoSentences.money("10亿美元", "1000000000", "USD");
        CompanyMention apple = twoSentences.company("苹果公司", "Apple");
        MoneyMention b = twoSentences.money("2万亿美元", "2000000000000", "USD");
        twoSentences.fact(FactType.INVESTMENT, nv, null, a, "2024").fact(FactType.MARKET_CAP, apple, null, b, null);

        TestArticles oneSentence = TestArticles.article("one-sentence",
                "英伟达投资10亿美元，而苹果公司市值为2万亿美元。").published("2024-05-01").source("test");
        CompanyMention nv2 = oneSentence.company("英伟达", "NVIDIA");
        MoneyMention a2 = oneSentence.money("10亿美元", "1000000000", "USD");
        CompanyMention apple2 = oneSentence.company("苹果公司", "Apple");
        MoneyMention b2 = oneSentence.money("2万亿美元", "2000000000000", "USD");
        oneSentence.fact(FactType.INVESTMENT, nv2, null, a2, null).fact(FactType.MARKET_CAP, apple2, null, b2, null);

        TestArticles big = TestArticles.article("nvidia-big", "英伟达市值突破3万亿美元。").published("2024-06-05")
                .source("other");
        CompanyMention nv3 = big.company("英伟达", "NVIDIA");
        MoneyMention c = big.money("3万亿美元", "3000000000000", "USD");
        big.fact(FactType.MARKET_CAP, nv3, null, c, "2024-06");

        List<AnnotatedDocument> docs = List.of(twoSentences.build(), oneSentence.build(), big.build());
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

    @Test
    void companyAndAmountMustHoldOnTheSameFact() throws IOException {
        assertEquals(Set.of("nvidia-big"), ids("company:NVIDIA amount>=1e12"));
        assertEquals(Set.of("nvidia-big"), ids("company:NVIDIA AND amount>=1e12"));
        assertEquals(Set.of("one-sentence", "two-facts"), ids("company:Apple amount>=1e12"));
        assertEquals(Set.of("nvidia-big", "one-sentence", "two-facts"), ids("company:NVIDIA amount>=1e9"));
    }

    @Test
    void separateGroupsMayHoldOnDifferentFacts() throws IOException {
        assertEquals(Set.of("nvidia-big", "one-sentence", "two-facts"), ids("(company:NVIDIA) AND (英伟达 OR amount>=1e12)"));
        assertEquals(Set.of("nvidia-big", "one-sentence", "two-facts"), ids("company:NVIDIA OR amount>=1e12"));
    }

    @Test
    void typeAndCompanyHoldOnOneFact() throws IOException {
        assertEquals(Set.of(), ids("type:MARKET_CAP company:NVIDIA amount<1e12"));
        assertEquals(Set.of("one-sentence", "two-facts"), ids("type:investment company:nvidia"));
        assertEquals(Set.of("nvidia-big"), ids("type:MARKET_CAP company:NVIDIA"));
    }

    @Test
    void companyAliasesSeenInTheTextMatch() throws IOException {
        assertEquals(Set.of("nvidia-big", "one-sentence", "two-facts"), ids("company:英伟达"));
        assertEquals(Set.of("one-sentence", "two-facts"), ids("company:苹果公司"));
    }

    @Test
    void notRemovesArticlesWithAMatchingFact() throws IOException {
        assertEquals(Set.of("nvidia-big"), ids("company:NVIDIA NOT company:Apple"));
        assertEquals(Set.of("one-sentence", "two-facts"), ids("company:NVIDIA -(company:NVIDIA amount>=1e12)"));
    }

    @Test
    void matchingFactsAreShownWithTheirSentence() throws IOException {
        SearchResults.Articles r = searcher.search(SearchRequest.of("company:Apple amount>=1e12"));
        assertEquals(2, r.total());
        for (SearchResults.ArticleHit h : r.hits()) {
            assertEquals(1, h.recordCount(), h.toString());
            SearchResults.RecordHit fact = h.records().get(0);
            assertEquals(FactType.MARKET_CAP, fact.fact().type());
            assertTrue(fact.evidence().text().contains("苹果公司市值"), fact.evidence().text());
            assertTrue(fact.evidence().highlights().stream().anyMatch(x -> x.kind().equals("MONEY")));
        }
    }

    @Test
    void companyFiltersHighlightTheCompanyInTheSnippet() throws IOException {
        SearchResults.ArticleHit hit = searcher.search(SearchRequest.of("company:nvidia source:other")).hits().get(0);
        assertEquals("nvidia-big", hit.article().id());
        assertTrue(hit.snippet().highlights().contains(new SearchResults.Highlight(0, 3, "COMPANY")),
                hit.snippet().toString());
        assertEquals(Set.of(), searcher.compile("英伟达 NOT company:Apple").highlightCompanies());
        assertEquals(Set.of("apple"), searcher.compile("英伟达 company:Apple").highlightCompanies());
    }
}
