package org.finfacts.index;

import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.FactType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Facet counts are per article across segments, not per segment-local document number. */
class FacetSegmentsTest {
    @TempDir
    Path dir;

    private static AnnotatedDocument article(String id, String text, String money, String value) {
        TestArticles a = TestArticles.article(id, text).published("2024-03-01").source("s");
        CompanyMention nvidia = a.company("英伟达", "NVIDIA");
        a.fact(FactType.REVENUE, nvidia, null, a.money(money, value, "USD"), "2024");
        return a.build();
    }

    @Test
    void countsArticlesWithTheSameLocalDocNumberInTwoSegmentsTwice() throws IOException {
        try (ArticleIndexer indexer = ArticleIndexer.open(dir, TestIndex.RATES)) {
            indexer.index(article("first", "英伟达营收10亿美元。", "10亿美元", "1000000000"), "h1");
            indexer.commit();
            indexer.index(article("second", "英伟达营收20亿美元。", "20亿美元", "2000000000"), "h2");
            indexer.commit();
        }
        try (ArticleSearcher searcher = TestIndex.open(dir)) {
            SearchResults.Articles r = searcher.search(SearchRequest.of("*").withFacets(true));
            List<SearchResults.FacetBucket> companies = r.facets().get("company");
            SearchResults.FacetBucket nvidia = companies.stream().filter(b -> b.value().equals("NVIDIA")).findFirst()
                    .orElseThrow();
            assertEquals(2, nvidia.articles(), companies.toString());
            assertEquals(2, nvidia.facts());
        }
    }
}
