package org.finfacts.index;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.FactType;
import org.finfacts.facts.JsonCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a real {@code finfacts index} process (SIGKILL) in the middle of a run four times (before its
 * first commit, right after its first and its second commit, and at a random moment after a commit),
 * and checks each time that the index passes Lucene's CheckIndex, holds every block whole, each id
 * once, and at least the articles of the last commit the process reported; then that running the
 * same command again ends with every article exactly once. Every wait is bounded.
 */
class IndexCrashRecoveryTest {
    private static final int ARTICLES = 1500;
    private static final int COMMIT_EVERY = 150;

    @TempDir
    Path dir;

    @Test
    void killedIndexingKeepsTheLastCommitAndTheRerunLeavesOneCopyPerId() throws Exception {
        Path corpus = dir.resolve("annotated.jsonl");
        writeCorpus(corpus);
        Path index = dir.resolve("index");
        List<String> command = command(corpus, index);

        // before any commit: the folder may hold nothing readable, and must not stop the next run
        Kill early = kill(command, index, 0, 0);
        Verified before = verify(index);
        assertTrue(before.articles() >= early.committed(), before + " after " + early);

        int last = before.articles();
        Random random = new Random();
        for (Kill k : new Kill[] {kill(command, index, 1, 0), kill(command, index, 2, 0),
                kill(command, index, 1, random.nextInt(100))}) {
            Verified v = verify(index);
            assertTrue(v.articles() >= k.committed(), "the last commit is visible: " + v + " after " + k);
            assertTrue(v.articles() >= last && v.articles() <= ARTICLES, v + " after " + last);
            last = v.articles();
        }

        Process done = start(command);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> readLines(done.getErrorStream(), err, line -> { }), "crash-test-stderr");
        reader.setDaemon(true);
        reader.start();
        assertTrue(done.waitFor(120, TimeUnit.SECONDS), "the last run did not finish");
        reader.join(5000);
        assertEquals(0, done.exitValue(), err.toString(StandardCharsets.UTF_8));
        Verified end = verify(index);
        assertEquals(ARTICLES, end.articles());
        assertEquals(ARTICLES * 4, end.records());
    }

    private static List<String> command(Path corpus, Path index) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, "org.finfacts.cli.Main", "index", "--annotated",
                corpus.toString(), "--index", index.toString(), "--commit-every", Integer.toString(COMMIT_EVERY),
                "-t", "1");
    }

    private static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** What a kill left: the commits the process reported, and the article count of the last one. */
    private record Kill(int commits, int committed) {
    }

    /**
     * Starts the command, waits for its n-th commit message (for n = 0: until its index writer holds the
     * folder's lock), waits {@code extraMillis} more, and kills it with SIGKILL mid-run (the test fails
     * if the run ended before). Bounded: 90 s at most.
     */
    private static Kill kill(List<String> command, Path index, int commits, int extraMillis) throws Exception {
        Process p = start(command);
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger lastCount = new AtomicInteger();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> readLines(p.getErrorStream(), log, line -> {
            if (line.contains("committed")) {
                String digits = line.replaceAll("^.*committed ([0-9,]+).*$", "$1").replace(",", "");
                if (digits.matches("\\d+") && Integer.parseInt(digits) > 0) {
                    lastCount.set(Integer.parseInt(digits));
                    committed.incrementAndGet();
                }
            }
        }), "crash-test-stderr");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Path lock = index.resolve("write.lock");
        while ((commits == 0 ? !Files.exists(lock) : committed.get() < commits) && p.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        if (extraMillis > 0) {
            Thread.sleep(extraMillis);
        }
        assertTrue(p.isAlive(), "the indexer ended before it could be killed mid-run: " + log);
        assertTrue(committed.get() >= commits, "no commit seen in time: " + log);
        int seen = lastCount.get();
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "expected death by SIGKILL");
        return new Kill(committed.get(), seen);
    }

    /** What a check of the index found. */
    private record Verified(int articles, int records) {
    }

    /** Opens the index, checks it with Lucene's CheckIndex, and checks every block: one copy per id, its records. */
    private static Verified verify(Path index) throws IOException {
        if (!Files.exists(index)) {
            return new Verified(0, 0);
        }
        try (Directory d = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(d)) {
                return new Verified(0, 0);
            }
            try (CheckIndex check = new CheckIndex(d)) {
                check.setInfoStream(new PrintStream(new ByteArrayOutputStream(), false, StandardCharsets.UTF_8));
                assertTrue(check.checkIndex().clean, "CheckIndex found problems");
            }
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                IndexSearcher s = new IndexSearcher(reader);
                Set<String> ids = new HashSet<>();
                int articles = 0;
                int records = 0;
                org.apache.lucene.search.join.QueryBitSetProducer parents = new org.apache.lucene.search.join
                        .QueryBitSetProducer(new TermQuery(new Term(IndexFields.KIND, IndexFields.ARTICLE)));
                for (LeafReaderContext ctx : reader.leaves()) {
                    BitSet bits = parents.getBitSet(ctx);
                    Bits live = ctx.reader().getLiveDocs();
                    StoredFields stored = ctx.reader().storedFields();
                    int previous = -1;
                    for (int p = bits == null ? Integer.MAX_VALUE : bits.nextSetBit(0); bits != null
                            && p < ctx.reader().maxDoc(); p = p + 1 < ctx.reader().maxDoc() ? bits.nextSetBit(p + 1)
                            : Integer.MAX_VALUE) {
                        boolean alive = live == null || live.get(p);
                        for (int c = previous + 1; c < p; c++) {
                            assertEquals(alive, live == null || live.get(c), "a block half deleted");
                        }
                        if (alive) {
                            String id = stored.document(p, Set.of(IndexFields.ID)).get(IndexFields.ID);
                            assertTrue(ids.add(id), "duplicate article " + id);
                            assertEquals(4, p - previous - 1, "records of " + id);
                            articles++;
                            records += p - previous - 1;
                        }
                        previous = p;
                    }
                }
                assertEquals(articles, s.count(new TermQuery(new Term(IndexFields.KIND, IndexFields.ARTICLE))));
                return new Verified(articles, records);
            }
        }
    }

    private static void writeCorpus(Path file) throws IOException {
        JsonCodec codec = new JsonCodec(true);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < ARTICLES; i++) {
                String usd = (i % 97 + 1) + "亿美元";
                String cny = (i % 13 + 1) + "亿元";
                TestArticles a = TestArticles.article(String.format("crash-%05d", i),
                        "第" + i + "篇：英伟达投资" + usd + "，苹果公司营收" + cny + "。").published("2024-01-01").source("gen");
                CompanyMention nv = a.company("英伟达", "NVIDIA");
                a.fact(FactType.INVESTMENT, nv, null, a.money(usd, (i % 97 + 1) + "00000000", "USD"), null);
                a.money(cny, (i % 13 + 1) + "00000000", "CNY");
                AnnotatedDocument doc = a.build();
                w.write(codec.write(doc, false));
                w.write('\n');
            }
        }
    }

    /** Reads a stream as lines ended by \n or \r (progress lines use \r), keeping a copy. */
    private static void readLines(InputStream in, ByteArrayOutputStream copy, java.util.function.Consumer<String> each) {
        try (in) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                synchronized (copy) {
                    copy.write(b);
                }
                if (b == '\n' || b == '\r') {
                    each.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            // the process was killed: its stream ends here
        }
    }
}
