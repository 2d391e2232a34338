package org.finfacts.index;

import org.finfacts.core.TestEngine;
import org.finfacts.server.ApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchBenchmarkTest {
    @Test
    void theDefaultSetMarksItsFactFilteredQueries() {
        List<SearchBenchmark.QueryCase> set = SearchBenchmark.defaultQueries();
        assertTrue(set.get(0).factFiltered());
        assertFalse(set.stream().filter(q -> q.query().equals("英伟达 市值")).findFirst().orElseThrow().factFiltered());
        assertEquals(10, set.stream().filter(SearchBenchmark.QueryCase::factFiltered).count());
    }

    @Test
    void readsQuerySetFilesAndNearestRankPercentiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("q.tsv");
        Files.writeString(f, "# comment\n英伟达\nfacts\tamount>=1e9\tsort=amount\nextract\t英伟达投资。\n", StandardCharsets.UTF_8);
        List<SearchBenchmark.QueryCase> set = SearchBenchmark.readQueries(f);
        assertEquals(List.of(new SearchBenchmark.QueryCase("search", "英伟达", "", false),
                new SearchBenchmark.QueryCase("facts", "amount>=1e9", "sort=amount", true),
                new SearchBenchmark.QueryCase("extract", "英伟达投资。", "", false)), set);
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
        }
        assertEquals(50, SearchBenchmark.percentile(v, 0.5));
        assertEquals(99, SearchBenchmark.percentile(v, 0.99));
    }

    @Test
    void runsClientsForAFixedTimeAndCountsErrors(@TempDir Path dir) throws Exception {
        try (ArticleSearcher s = ServerFixture.build(dir);
             ApiServer server = ApiServer.start(ApiServer.Config.defaults().at("127.0.0.1", 0), s, TestEngine.get())) {
            List<SearchBenchmark.QueryCase> set = List.of(
                    new SearchBenchmark.QueryCase("search", "company:NVIDIA amount>=1e12", "", true),
                    new SearchBenchmark.QueryCase("facts", "amount>=1e9", "sort=amount", true),
                    new SearchBenchmark.QueryCase("extract", "黄仁勋表示。", "", false),
                    new SearchBenchmark.QueryCase("search", "compnay:x", "", false));
            long t0 = System.nanoTime();
            SearchBenchmark.Figures f = new SearchBenchmark().run(server.url(), null, set, 4, Duration.ZERO,
                    Duration.ofMillis(1500));
            assertTrue(System.nanoTime() - t0 < 15_000_000_000L);
            assertTrue(f.requests() >= 4, f.toString());
            assertTrue(f.errors() >= 1 && f.errors() <= f.requests() / 4 + 4, f.toString());
            assertEquals(0, f.serverErrors(), f.toString());
            assertTrue(f.factRequests() >= 2 && f.p99() >= f.p50(), f.toString());
        }
    }

    @Test
    void theBundledMixedWorkloadIsValidAndReportedPerRoute(@TempDir Path dir) throws Exception {
        List<SearchBenchmark.QueryCase> mixed = SearchBenchmark.mixedQueries();
        assertEquals(32, mixed.size());
        assertEquals(java.util.Set.of("search", "facts", "extract"),
                mixed.stream().map(SearchBenchmark.QueryCase::route).collect(java.util.stream.Collectors.toSet()));
        TestIndex.write(dir, ServerFixture.documents());
        try (ArticleSearcher s = ArticleSearcher.open(dir, TestIndex.RATES, ArticleSearcher.QueryValues.engine(TestEngine.get()),
                ArticleSearcher.Limits.defaults());
             ApiServer server = ApiServer.start(ApiServer.Config.defaults().at("127.0.0.1", 0), s, TestEngine.get())) {
            SearchBenchmark.Figures f = new SearchBenchmark().run(server.url(), null, mixed, 4, Duration.ZERO,
                    Duration.ofMillis(2500));
            assertEquals(0, f.errors(), "every request of the mixed workload is valid: " + f);
            assertEquals(3, f.routes().size(), f.toString());
            assertEquals(f.requests(), f.routes().stream().mapToLong(SearchBenchmark.RouteFigures::requests).sum());
            assertEquals(f.requests(), f.statuses().values().stream().mapToLong(Long::longValue).sum());
            assertEquals(0, server.serverErrors());
        }
    }
}
