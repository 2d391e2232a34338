package org.finfacts.index;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.finfacts.facts.AnnotatedDocument;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes articles into an index folder on local disk. {@link #index} replaces an article's whole
 * block by its id ({@code updateDocuments} on {@link IndexFields#BLOCK}), so indexing the same
 * article twice leaves one copy; {@link #commit} makes everything indexed so far durable (fsync), and
 * a process killed at any moment leaves the last commit intact for the next reader or writer. Only
 * one writer may hold a folder at a time (Lucene's native lock, released by the OS when a process
 * dies). Thread-safe.
 */
public final class ArticleIndexer implements Closeable {
    /** Commit user data: when the commit was made (ISO instant). */
    public static final String COMMITTED_AT = "committed_at";

    private final Directory directory;
    private final IndexWriter writer;
    private final ArticleDocuments documents;
    private final AtomicLong added = new AtomicLong();

    private ArticleIndexer(Directory directory, IndexWriter writer, ArticleDocuments documents) {
        this.directory = directory;
        this.writer = writer;
        this.documents = documents;
    }

    /** Opens (or creates) the index in {@code folder} for writing. */
    public static ArticleIndexer open(Path folder, FxRates rates) throws IOException {
        Files.createDirectories(folder);
        Directory dir = FSDirectory.open(folder);
        IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(true);
        try {
            return new ArticleIndexer(dir, new IndexWriter(dir, config), new ArticleDocuments(rates));
        } catch (LockObtainFailedException e) {
            dir.close();
            throw new IOException("the index at " + folder + " is being written by another process", e);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** Indexes (or re-indexes) one article; returns what went in. */
    public ArticleDocuments.Block index(AnnotatedDocument doc, String hash) throws IOException {
        ArticleDocuments.Block block = documents.build(doc, hash);
        writer.updateDocuments(new Term(IndexFields.BLOCK, block.id()), block.documents());
        added.incrementAndGet();
        return block;
    }

    /** Removes an article and its records. */
    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(IndexFields.BLOCK, id));
    }

    /** Makes every change so far durable. */
    public void commit() throws IOException {
        writer.setLiveCommitData(Map.of(COMMITTED_AT, java.time.Instant.now().toString()).entrySet());
        writer.commit();
    }

    /**
     * Merges the index down to at most {@code segments} segments and commits (after a bulk build: fewer
     * segments mean fewer term lookups per query). Takes time proportional to the index size.
     */
    public void forceMerge(int segments) throws IOException {
        writer.forceMerge(Math.max(1, segments));
        commit();
    }

    /** Articles indexed through this writer. */
    public long added() {
        return added.get();
    }

    /**
     * The hash each article of the last commit was indexed with (id to hash), for incremental runs
     * that skip unchanged inputs.
     */
    public Map<String, String> committedHashes() throws IOException {
        Map<String, String> out = new HashMap<>();
        if (!DirectoryReader.indexExists(directory)) {
            return out;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Weight w = searcher.createWeight(new TermQuery(new Term(IndexFields.KIND, IndexFields.ARTICLE)),
                    ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext ctx : reader.leaves()) {
                Scorer s = w.scorer(ctx);
                if (s == null) {
                    continue;
                }
                LeafReader leaf = ctx.reader();
                BinaryDocValues hashes = leaf.getBinaryDocValues(IndexFields.HASH_DV);
                StoredFields stored = leaf.storedFields();
                Bits live = leaf.getLiveDocs();
                org.apache.lucene.search.DocIdSetIterator it = s.iterator();
                for (int d = it.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    if (live != null && !live.get(d)) {
                        continue;
                    }
                    if (hashes != null && hashes.advanceExact(d)) {
                        String id = stored.document(d, java.util.Set.of(IndexFields.ID)).get(IndexFields.ID);
                        out.put(id, hashes.binaryValue().utf8ToString());
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            directory.close();
        }
    }

    /** Closes without committing (for tests that simulate a crash). */
    void rollback() {
        try {
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
