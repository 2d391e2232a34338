package org.finfacts.index;

import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.FactType;
import org.finfacts.facts.JsonCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paging, idempotent re-indexing by id, incremental runs, and what a reader sees of uncommitted work. */
class IndexMaintenanceTest {
    @TempDir
    Path dir;

    private static AnnotatedDocument numbered(int i, String amount) {
        TestArticles a = TestArticles.article(String.format("doc-%02d", i), "第" + i + "篇：英伟达投资" + amount + "美元。")
                .published(String.format("2024-01-%02d", i)).source("s");
        CompanyMention nv = a.company("英伟达", "NVIDIA");
        a.fact(FactType.INVESTMENT, nv, null, a.money(amount + "美元", amount, "USD"), null);
        return a.build();
    }

    @Test
    void pagesCoverEveryHitOnceInOrderWithinTheResultWindow() throws IOException {
        List<AnnotatedDocument> docs = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            docs.add(numbered(i, Integer.toString(i * 100)));
        }
        TestIndex.write(dir, docs);
        try (ArticleSearcher s = TestIndex.open(dir)) {
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < 30; offset += 10) {
                SearchResults.Articles page = s.search(SearchRequest.of("英伟达").withSort(SearchRequest.Sort.DATE)
                        .withPage(offset, 10));
                assertEquals(25, page.total());
                page.hits().forEach(h -> seen.add(h.article().id()));
            }
            assertEquals(25, seen.size());
            assertEquals(25, new HashSet<>(seen).size());
            assertEquals("doc-25", seen.get(0));
            assertEquals("doc-01", seen.get(24));

            List<String> byAmount = new ArrayList<>();
            for (int offset = 0; offset < 25; offset += 7) {
                s.search(SearchRequest.of("company:NVIDIA").withSort(SearchRequest.Sort.AMOUNT).withPage(offset, 7))
                        .hits().forEach(h -> byAmount.add(h.article().id()));
            }
            assertEquals(25, byAmount.size());
            assertEquals("doc-25", byAmount.get(0));
            assertEquals("doc-01", byAmount.get(24));

            SearchResults.Records facts = s.records(SearchRequest.of("amount>=1000").withSort(SearchRequest.Sort.AMOUNT_ASC)
                    .withPage(5, 5));
            assertEquals(16, facts.total());
            assertEquals("doc-15", facts.hits().get(0).article().id());

            QueryException window = assertThrows(QueryException.class,
                    () -> s.search(SearchRequest.of("英伟达").withPage(995, 10)));
            assertTrue(window.getMessage().contains("result window"), window.getMessage());
            assertThrows(QueryException.class, () -> s.search(SearchRequest.of("英伟达").withPage(0, 101)));
            assertThrows(QueryException.class, () -> s.search(SearchRequest.of("英伟达").withPage(-1, 10)));
        }
    }

    @Test
    void reindexingAnArticleReplacesItsWholeBlock() throws IOException {
        try (ArticleIndexer indexer = ArticleIndexer.open(dir, TestIndex.RATES)) {
            indexer.index(numbered(1, "100"), null);
            indexer.index(numbered(2, "200"), null);
            indexer.commit();
            indexer.index(numbered(1, "100"), null);
            indexer.index(numbered(1, "900"), null);
            indexer.commit();
        }
        try (ArticleIndexer indexer = ArticleIndexer.open(dir, TestIndex.RATES)) {
            indexer.index(numbered(2, "200"), null);
            indexer.commit();
        }
        try (ArticleSearcher s = TestIndex.open(dir)) {
            ArticleSearcher.Stats stats = s.stats();
            assertEquals(2, stats.articles());
            assertEquals(2, stats.facts());
            assertEquals(2, stats.money());
            assertEquals(Set.of(), ids(s, "amount:100"));
            assertEquals(Set.of("doc-01"), ids(s, "amount:900"));
            assertEquals(1, s.search(SearchRequest.of("id:doc-01")).total());
        }
    }

    @Test
    void readersSeeOnlyCommittedWorkAndRefreshToTheNextCommit() throws IOException {
        try (ArticleIndexer indexer = ArticleIndexer.open(dir, TestIndex.RATES)) {
            indexer.index(numbered(1, "100"), null);
            indexer.commit();
            try (ArticleSearcher s = TestIndex.open(dir)) {
                indexer.index(numbered(2, "200"), null);
                assertEquals(1, s.stats().articles());
                indexer.commit();
                assertEquals(1, s.stats().articles());
                s.refresh();
                assertEquals(2, s.stats().articles());
                assertTrue(s.stats().generation() > 0);
                assertTrue(s.stats().committedAt() != null);
                assertTrue(s.search(SearchRequest.of("id:doc-01")).hits().get(0).snippet().text().contains("100美元"));
                indexer.index(numbered(1, "700"), null);
                indexer.commit();
                s.refresh();
                SearchResults.ArticleHit again = s.search(SearchRequest.of("id:doc-01")).hits().get(0);
                assertTrue(again.snippet().text().contains("700美元"), again.snippet().text());
            }
        }
    }

    @Test
    void incrementalRunsSkipUnchangedAnnotatedLines() throws IOException {
        JsonCodec codec = new JsonCodec(true);
        Path in = dir.resolve("annotated.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            sb.append(codec.write(numbered(i, "100"), false)).append('\n');
        }
        sb.append("{\"id\":\"broken\",\"mentions\":\n");
        sb.append("{\"id\":\"failed\",\"error\":\"too large: 3000000 characters\",\"mentions\":[],\"facts\":[]}\n");
        Files.writeString(in, sb.toString(), StandardCharsets.UTF_8);
        Path index = dir.resolve("index");
        IndexBuilder.Options options = new IndexBuilder.Options(2, 2, Duration.ofSeconds(30), true);
        try (ArticleIndexer indexer = ArticleIndexer.open(index, TestIndex.RATES)) {
            IndexBuilder.Summary first = new IndexBuilder(indexer, options, null)
                    .fromAnnotated(List.of(in.toString()), new ByteArrayInputStream(new byte[0]));
            assertEquals(5, first.indexed());
            assertEquals(2, first.failed());
            assertTrue(first.failures().containsKey("not valid JSON"), first.failures().toString());
            assertTrue(first.failures().containsKey("not extracted"), first.failures().toString());
            assertTrue(first.commits() >= 1, "commits: " + first.commits());
        }
        Files.writeString(in, codec.write(numbered(3, "300"), false) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        try (ArticleIndexer indexer = ArticleIndexer.open(index, TestIndex.RATES)) {
            IndexBuilder.Summary second = new IndexBuilder(indexer, options, null)
                    .fromAnnotated(List.of(in.toString()), new ByteArrayInputStream(new byte[0]));
            assertEquals(5, second.unchanged(), second.toString());
            assertEquals(1, second.indexed(), second.toString());
        }
        try (ArticleSearcher s = TestIndex.open(index)) {
            assertEquals(5, s.stats().articles());
            assertEquals(Set.of("doc-03"), ids(s, "amount:300"));
            assertFalse(s.articleJson("doc-03").isEmpty());
            AnnotatedDocument back = JsonCodec.readAnnotated(s.articleJson("doc-03").orElseThrow());
            assertEquals(numbered(3, "300").text(), back.text());
        }
    }

    @Test
    void aSecondWriterOnTheSameFolderIsRefusedWithAMessage() throws IOException {
        try (ArticleIndexer first = ArticleIndexer.open(dir, TestIndex.RATES)) {
            IOException e = assertThrows(IOException.class, () -> ArticleIndexer.open(dir, TestIndex.RATES));
            assertTrue(e.getMessage().contains("being written by another process"), e.getMessage());
            first.commit();
        }
    }

    @Test
    void openingAFolderWithoutAnIndexSaysHowToBuildOne() {
        IOException e = assertThrows(IOException.class, () -> TestIndex.open(dir));
        assertTrue(e.getMessage().contains("no index at"), e.getMessage());
    }

    private static Set<String> ids(ArticleSearcher s, String q) throws IOException {
        Set<String> out = new HashSet<>();
        s.search(SearchRequest.of(q).withPage(0, 100)).hits().forEach(h -> out.add(h.article().id()));
        return out;
    }
}
