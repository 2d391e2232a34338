package org.finfacts.index;

import org.finfacts.core.ModelStore;
import org.finfacts.facts.AnnotatedDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes hand-built articles into an index folder and opens a searcher on it, for tests. */
final class TestIndex {
    static final FxRates RATES = FxRates.load(ModelStore.bundled());

    private TestIndex() {
    }

    static void write(Path folder, List<AnnotatedDocument> docs) throws IOException {
        try (ArticleIndexer indexer = ArticleIndexer.open(folder, RATES)) {
            for (AnnotatedDocument d : docs) {
                indexer.index(d, null);
            }
            indexer.commit();
        }
    }

    static ArticleSearcher open(Path folder) throws IOException {
        return ArticleSearcher.open(folder, RATES, ArticleSearcher.QueryValues.plain(),
                ArticleSearcher.Limits.defaults());
    }
}
