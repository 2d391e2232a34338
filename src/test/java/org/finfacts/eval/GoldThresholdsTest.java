package org.finfacts.eval;

import org.finfacts.core.TestEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The floors the project sets for itself, raised as the engine improves: the bundled seed gold
 * (always present) and the shared dev gold (when {@code ../shared} is there). A change that pushes a
 * figure below its floor fails the build, whatever else it improves.
 */
class GoldThresholdsTest {
    private static EvalReport run(Path gold) throws Exception {
        List<EvalDocument> docs = Evaluation.readJsonl(gold);
        return Evaluation.score(docs, Evaluation.toEval(Evaluation.runEngine(TestEngine.get(), docs, 2)));
    }

    private static void atLeast(String what, double value, double floor) {
        assertTrue(value + 1e-9 >= floor, String.format(Locale.ROOT, "%s %.3f is below its floor %.3f", what, value, floor));
    }

    private static void check(EvalReport r, Map<String, Double> f1Floors, double factFloor, double moneyValues,
                              double dateValues, double companyIds, double links) {
        f1Floors.forEach((type, floor) -> atLeast(type + " strict F1", r.strictScore(type).f1(), floor));
        atLeast("facts F1", r.factScore("ALL").f1(), factFloor);
        atLeast("MONEY value accuracy", r.fieldScore("MONEY").accuracy(), moneyValues);
        atLeast("DATE value accuracy", r.fieldScore("DATE").accuracy(), dateValues);
        atLeast("COMPANY id accuracy", r.fieldScore("COMPANY").accuracy(), companyIds);
        atLeast("company link F1", r.linkScore().f1(), links);
    }

    @Test
    void theBundledSeedArticleStaysAboveItsFloors() throws Exception {
        EvalReport r = run(Path.of("corpus/gold/seed.jsonl"));
        check(r, Map.of("MONEY", 0.97, "DATE", 0.95, "COMPANY", 0.95, "PERSON", 0.90), 0.90, 0.99, 0.97, 0.94, 0.95);
    }

    @Test
    void theSharedDevGoldStaysAboveItsFloors() throws Exception {
        Path dev = Path.of("../shared/gold/dev.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(dev), "../shared/gold/dev.jsonl not present");
        EvalReport r = run(dev);
        check(r, Map.of("MONEY", 0.97, "DATE", 0.95, "COMPANY", 0.93, "PERSON", 0.93), 0.93, 0.99, 0.90, 0.95, 0.95);
    }
}
