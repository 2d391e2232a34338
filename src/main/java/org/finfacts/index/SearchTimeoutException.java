package org.finfacts.index;

import java.time.Duration;

/** A search that did not finish in its time budget ({@code the search took longer than 2000 ms}). */
public final class SearchTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A timeout after the given budget. */
    public SearchTimeoutException(Duration budget) {
        super("the search took longer than " + budget.toMillis() + " ms and was stopped");
    }
}
