package org.finfacts.eval;

import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import org.finfacts.ingest.BatchRunner;
import org.finfacts.ingest.InputRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads gold and system files and runs the engine over gold texts, for the {@code eval} command and
 * the threshold tests. Gold lines are {@code {"id","text","published"?,"title"?,"mentions","facts"}}.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** Reads a JSONL file of gold or system documents; a broken line fails naming its line number. */
    public static List<EvalDocument> readJsonl(Path file) throws IOException {
        List<EvalDocument> docs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    docs.add(EvalDocument.read(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + no + ": " + e.getMessage());
                }
            }
        }
        return docs;
    }

    /** Runs the engine over the gold texts and returns its annotated documents, in gold order. */
    public static List<AnnotatedDocument> runEngine(Engine engine, List<EvalDocument> gold, int threads) {
        List<AnnotatedDocument> out = new ArrayList<>();
        List<InputRecord> inputs = new ArrayList<>();
        for (EvalDocument g : gold) {
            if (g.text() == null) {
                inputs.add(InputRecord.failed(g.id(), g.id(), "gold document has no text"));
            } else {
                inputs.add(InputRecord.ok(g.toInput(), g.id()));
            }
        }
        new BatchRunner(engine, threads).run(inputs.iterator(), out::add, null);
        return out;
    }

    /** The scorer's view of annotated documents, by id. */
    public static Map<String, EvalDocument> toEval(List<AnnotatedDocument> docs) {
        JsonCodec codec = new JsonCodec(false);
        Map<String, EvalDocument> out = new LinkedHashMap<>();
        for (AnnotatedDocument d : docs) {
            out.put(d.id(), EvalDocument.read(codec.toJson(d)));
        }
        return out;
    }

    /** Scores system documents (by id) against gold. */
    public static EvalReport score(List<EvalDocument> gold, Map<String, EvalDocument> system) {
        return new Scorer().score(gold, system);
    }

    /** Indexes documents by id. */
    public static Map<String, EvalDocument> byId(List<EvalDocument> docs) {
        Map<String, EvalDocument> m = new LinkedHashMap<>();
        for (EvalDocument d : docs) {
            m.put(d.id(), d);
        }
        return m;
    }
}
