package org.finfacts.eval.conformance;

/**
 * How one conformance case went: PASS, FAIL (a real failure), CONVENTION (the engine answers by a
 * different, documented convention, e.g. {@code ANNOTATION.md} where Recognizers-Text differs), or
 * OUT_OF_SCOPE (the case tests something the engine does not claim, e.g. times of day), each with a
 * one-line detail naming what differed.
 */
public record Verdict(Outcome outcome, String detail) {
    /** The four outcomes. */
    public enum Outcome { PASS, FAIL, CONVENTION, OUT_OF_SCOPE }

    public static Verdict pass() {
        return new Verdict(Outcome.PASS, null);
    }

    public static Verdict fail(String detail) {
        return new Verdict(Outcome.FAIL, detail);
    }

    public static Verdict convention(String detail) {
        return new Verdict(Outcome.CONVENTION, detail);
    }

    public static Verdict outOfScope(String detail) {
        return new Verdict(Outcome.OUT_OF_SCOPE, detail);
    }
}
