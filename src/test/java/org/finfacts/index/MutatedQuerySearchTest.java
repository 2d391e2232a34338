package org.finfacts.index;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.finfacts.core.Mutations;
import org.finfacts.core.TestEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated real queries through the parser and the whole search (query values read by the engine's
 * recognizers, compiled, run on a small index, with facets and every sort): every one ends in results
 * or a {@link QueryException} naming a position, never another failure (which the API would turn
 * into a 500), and never a result window beyond the limits.
 */
class MutatedQuerySearchTest {
    private static final List<String> QUERIES = List.of("company:NVIDIA amount>=1e12", "type:INVESTMENT amount>=10亿美元 date:2024",
            "amount:[1亿元 TO 10亿元] currency:CNY", "company:(英伟达 OR 苹果) date:[2023-01 TO 2023-12]", "英伟达 市值",
            "\"人工智能\" NOT 保险", "date:去年 type:REVENUE", "published:2024 source:test title:市场", "amount>=USD1e9",
            "nvid* -苹果", "company:* type:*", "amount:{* TO USD5e8}", "date>=2024-03 amount<2万亿美元");
    private static Path dir;
    private static ArticleSearcher searcher;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("mutated-query");
        TestIndex.write(dir, ServerFixture.documents());
        searcher = ArticleSearcher.open(dir, TestIndex.RATES, ArticleSearcher.QueryValues.engine(TestEngine.get()),
                ArticleSearcher.Limits.defaults());
    }

    @AfterContainer
    static void close() throws IOException {
        searcher.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> queries() {
        return Mutations.mutated(Arbitraries.of(QUERIES), 4);
    }

    @Property(tries = 600)
    void mutatedQueriesGiveResultsOrAQueryError(@ForAll("queries") String q, @ForAll boolean facets,
                                                @ForAll SearchRequest.Sort sort) throws IOException {
        SearchRequest r = SearchRequest.of(q).withSort(sort).withFacets(facets);
        try {
            SearchResults.Articles a = searcher.search(r);
            assertTrue(a.hits().size() <= r.limit());
            searcher.records(r);
        } catch (QueryException e) {
            assertTrue(e.position() >= 0 && e.getMessage() != null && !e.getMessage().isBlank(), e::toString);
        } catch (SearchTimeoutException e) {
            // out of time on a loaded machine: the API answers 503, which is allowed
        }
    }
}
