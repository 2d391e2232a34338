package org.finfacts.eval.conformance;

import org.finfacts.core.TestEngine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DateTimeConformanceSuiteTest {
    private final DateTimeConformanceSuite suite = new DateTimeConformanceSuite();

    private Verdict judge(String json) {
        ConformanceCase c = ConformanceCase.read(json);
        return suite.check(c, TestEngine.get());
    }

    private static String spec(String model, String input, String reference, String results) {
        return "{\"id\":\"t\",\"input\":\"" + input + "\",\"reference\":" + (reference == null ? "null" : "\"" + reference + "\"")
                + ",\"results\":" + results + ",\"model\":\"" + model + "\",\"kind\":\"parser\","
                + "\"source\":\"Specs/DateTime/Chinese/" + model + ".json\"}";
    }

    @Test
    void passesWhenTheValueIsOneOfTheAllowedReadings() {
        Verdict v = judge(spec("DateParser", "29日你去吃饭吗", "2018-02-10T00:00:00",
                "[{\"text\":\"29日\",\"type\":\"date\",\"start\":0,\"end\":2,\"resolution\":{\"Timex\":\"XXXX-XX-29\","
                        + "\"FutureResolution\":{\"date\":\"2018-03-29\"},\"PastResolution\":{\"date\":\"2018-01-29\"}}}]"));
        assertEquals(Verdict.Outcome.PASS, v.outcome(), v.detail());
    }

    @Test
    void yearAsDateRangeMatchesOurYearInterval() {
        Verdict v = judge(spec("DatePeriodParser", "奥运会在2008年", "2017-03-22T00:00:00",
                "[{\"text\":\"2008年\",\"type\":\"daterange\",\"start\":4,\"end\":8,\"resolution\":{\"Timex\":\"2008\","
                        + "\"FutureResolution\":{\"startDate\":\"2008-01-01\",\"endDate\":\"2009-01-01\"},"
                        + "\"PastResolution\":{\"startDate\":\"2008-01-01\",\"endDate\":\"2009-01-01\"}}}]"));
        assertEquals(Verdict.Outcome.PASS, v.outcome(), v.detail());
    }

    @Test
    void rangeSplitInTwoIsAConvention() {
        Verdict v = judge(spec("DatePeriodParser", "时间从2016到2018", "2017-03-22T00:00:00",
                "[{\"text\":\"从2016到2018\",\"type\":\"daterange\",\"start\":2,\"end\":10,\"resolution\":{\"Timex\":\"(2016-01-01,2018-01-01,P2Y)\","
                        + "\"FutureResolution\":{\"startDate\":\"2016-01-01\",\"endDate\":\"2018-01-01\"}}}]"));
        assertEquals(Verdict.Outcome.CONVENTION, v.outcome(), v.detail());
    }

    @Test
    void experimentalModeIsOutOfScope() {
        Verdict v = judge(spec("DateTimeModelExperimentalMode", "明年", null, "[]"));
        assertEquals(Verdict.Outcome.OUT_OF_SCOPE, v.outcome());
    }

    @Test
    void spuriousDateIsAFailure() {
        Verdict v = judge(spec("DateTimeModel", "我在2018年出生", "2017-03-22T00:00:00", "[]"));
        assertEquals(Verdict.Outcome.FAIL, v.outcome());
    }
}
