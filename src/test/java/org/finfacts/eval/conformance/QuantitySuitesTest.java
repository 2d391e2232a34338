package org.finfacts.eval.conformance;

import org.finfacts.core.Engine;
import org.finfacts.core.TestEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The currency, number and percentage suites judge cases as the README says: hand-written cases in
 * the specs' format here; the shared Recognizers-Text files, when present, must keep their pass rates.
 */
class QuantitySuitesTest {
    /** The shared specs: {@code ../shared} from the project root, or from a worktree one level deeper. */
    private static final Path SHARED = Files.isDirectory(Path.of("../shared/conformance/recognizers"))
            ? Path.of("../shared/conformance/recognizers") : Path.of("../../shared/conformance/recognizers");
    private final Engine engine = TestEngine.get();

    private static ConformanceCase spec(String model, String input, String results) {
        return ConformanceCase.read("{\"id\":\"t\",\"input\":\"" + input + "\",\"results\":" + results
                + ",\"model\":\"" + model + "\",\"kind\":\"model\"}");
    }

    private Verdict judge(ConformanceCase c) {
        for (ConformanceSuite s : ConformanceRunner.registered()) {
            if (s.accepts(c)) {
                return s.check(c, engine);
            }
        }
        throw new AssertionError("no suite for " + c.model());
    }

    @Test
    void passesAMatchingCurrencyWithInclusiveEnds() {
        Verdict v = judge(spec("CurrencyModel", "营收12亿港元", "[{\"text\":\"12亿港元\",\"type\":\"currency\",\"start\":2,"
                + "\"end\":6,\"resolution\":{\"isoCurrency\":\"HKD\",\"value\":\"1200000000\"}}]"));
        assertEquals(Verdict.Outcome.PASS, v.outcome(), v.detail());
    }

    @Test
    void failsAWrongValueAndNamesIt() {
        Verdict v = judge(spec("CurrencyModel", "营收12亿港元", "[{\"text\":\"12亿港元\",\"type\":\"currency\",\"start\":2,"
                + "\"end\":6,\"resolution\":{\"isoCurrency\":\"HKD\",\"value\":\"1300000000\"}}]"));
        assertEquals(Verdict.Outcome.FAIL, v.outcome());
        assertTrue(v.detail().contains("1300000000"), v.detail());
    }

    @Test
    void countsABareCurrencyNameAsAConvention() {
        Verdict v = judge(spec("CurrencyModel", "欧元", "[{\"text\":\"欧元\",\"type\":\"currency\",\"start\":0,\"end\":1,"
                + "\"resolution\":{\"isoCurrency\":\"EUR\",\"value\":null}}]"));
        assertEquals(Verdict.Outcome.CONVENTION, v.outcome(), v.detail());
    }

    @Test
    void comparesNumbersWithoutTheirUnitAndDoublesToFourteenDigits() {
        Verdict v = judge(spec("NumberModel", "买了75台", "[{\"text\":\"75\",\"type\":\"number\",\"start\":2,\"end\":3,"
                + "\"resolution\":{\"value\":\"75\"}}]"));
        assertEquals(Verdict.Outcome.PASS, v.outcome(), v.detail());
        assertTrue(QuantitySuite.sameNumber("3.14159265358979", new BigDecimal("3.14159265358979323846")));
        assertTrue(QuantitySuite.sameNumber("1.2E+3", new BigDecimal("1200")));
    }

    @Test
    void countsAFractionReportedAsPercentAsAConvention() {
        Verdict v = judge(spec("NumberModel", "四分之三", "[{\"text\":\"四分之三\",\"type\":\"number\",\"start\":0,\"end\":3,"
                + "\"resolution\":{\"value\":\"0.75\"}}]"));
        assertEquals(Verdict.Outcome.CONVENTION, v.outcome(), v.detail());
    }

    @Test
    void passesAHalfAsTheNumberAnnotationGivesIt() {
        Verdict v = judge(spec("NumberModel", "二分之一", "[{\"text\":\"二分之一\",\"type\":\"number\",\"start\":0,\"end\":3,"
                + "\"resolution\":{\"value\":\"0.5\"}}]"));
        assertEquals(Verdict.Outcome.PASS, v.outcome(), v.detail());
    }

    @Test
    void passesPercentagePointsAsAPercent() {
        Verdict v = judge(spec("PercentModel", "提高3个百分点", "[{\"text\":\"3个百分点\",\"type\":\"percentage\",\"start\":2,"
                + "\"end\":6,\"resolution\":{\"value\":\"3%\"}}]"));
        assertEquals(Verdict.Outcome.PASS, v.outcome(), v.detail());
    }

    @Test
    void leavesOrdinalsOutOfScope() {
        Verdict v = judge(spec("OrdinalModel", "第七", "[{\"text\":\"第七\",\"type\":\"ordinal\",\"start\":0,\"end\":1,"
                + "\"resolution\":{\"value\":\"7\"}}]"));
        assertEquals(Verdict.Outcome.OUT_OF_SCOPE, v.outcome());
    }

    @Test
    void keepsThePassRatesOnTheSharedSpecs() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), "shared conformance specs not present");
        List<ConformanceRunner.Judged> judged = new ConformanceRunner(ConformanceRunner.registered()).run(List.of(
                SHARED.resolve("currency.jsonl"), SHARED.resolve("number.jsonl"), SHARED.resolve("percentage.jsonl")), engine);
        Map<String, Map<Verdict.Outcome, Integer>> t = ConformanceRunner.tally(judged);
        for (String suite : List.of("currency", "number", "percentage")) {
            Map<Verdict.Outcome, Integer> c = t.get(suite + " (all)");
            int pass = c.getOrDefault(Verdict.Outcome.PASS, 0);
            int fail = c.getOrDefault(Verdict.Outcome.FAIL, 0);
            double rate = (double) pass / (pass + fail);
            assertTrue(rate >= 0.95, suite + " pass rate without conventions " + rate);
        }
    }
}
