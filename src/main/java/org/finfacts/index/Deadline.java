package org.finfacts.index;

import org.apache.lucene.index.QueryTimeout;

import java.time.Duration;

/**
 * The time a request may take, shared by Lucene ({@link QueryTimeout}: collection stops when it
 * passes) and by the index's own loops over records ({@link #check()} throws).
 */
final class Deadline implements QueryTimeout {
    private final long end;
    private final Duration budget;

    Deadline(Duration budget) {
        this.budget = budget;
        this.end = System.nanoTime() + budget.toNanos();
    }

    @Override
    public boolean shouldExit() {
        return System.nanoTime() - end > 0;
    }

    /** Throws when the time is up. */
    void check() {
        if (shouldExit()) {
            throw new SearchTimeoutException(budget);
        }
    }

    Duration budget() {
        return budget;
    }
}
