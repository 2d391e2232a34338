package org.finfacts.extract.money;

import org.finfacts.core.TestEngine;
import org.finfacts.eval.EvalDocument;
import org.finfacts.eval.EvalReport;
import org.finfacts.eval.Evaluation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** MONEY against the shared gold files, when they are present: strict F1 and all-fields value accuracy. */
class QuantityGoldTest {
    @ParameterizedTest(name = "{0}: MONEY F1 >= {1}, value accuracy >= {2}")
    @CsvSource({"seed.jsonl,0.97,0.99", "dev.jsonl,0.95,0.99"})
    void moneyMeetsTheProjectTargets(String file, double f1, double accuracy) throws Exception {
        Path gold = Files.isDirectory(Path.of("../shared/gold")) ? Path.of("../shared/gold").resolve(file)
                : Path.of("../../shared/gold").resolve(file);
        Assumptions.assumeTrue(Files.exists(gold), "shared gold not present");
        List<EvalDocument> docs = Evaluation.readJsonl(gold);
        EvalReport report = Evaluation.score(docs, Evaluation.toEval(Evaluation.runEngine(TestEngine.get(), docs, 1)));
        assertTrue(report.strictScore("MONEY").f1() >= f1, "MONEY F1 " + report.strictScore("MONEY").f1());
        assertTrue(report.fieldScore("MONEY").accuracy() >= accuracy, "value accuracy " + report.fieldScore("MONEY").accuracy());
    }
}
