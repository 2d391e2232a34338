package org.finfacts.eval.conformance;

import org.finfacts.core.Engine;

/**
 * Checks the engine against the cases of one family of Recognizers-Text models (currency, number,
 * percentage, datetime). Implementations decide which models they accept, what is in scope, and
 * which disagreements are conventions rather than failures.
 */
public interface ConformanceSuite {
    /** Short name for reports ({@code currency}). */
    String name();

    /** Whether this suite judges cases of that model. */
    boolean accepts(ConformanceCase c);

    /** The verdict on one case. Must not throw for any input. */
    Verdict check(ConformanceCase c, Engine engine);
}
