package org.finfacts.index;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * One search: the query, the order, the page ({@code offset}, {@code limit}), whether to count
 * facets, which record kinds a facts listing returns ({@code fact}, {@code money}), and the time
 * allowed. Example: {@code SearchRequest.of("company:NVIDIA amount>=1e12").withSort(Sort.AMOUNT)}.
 */
public record SearchRequest(String query, Sort sort, int offset, int limit, boolean facets, Set<String> kinds,
                            Duration timeout) {
    /** Result orders. */
    public enum Sort {
        /** Best text match first, then newest. */
        RELEVANCE,
        /** Newest first. */
        DATE,
        /** Oldest first. */
        DATE_ASC,
        /** Largest amount first (in USD; amounts without a rate come after those with one). */
        AMOUNT,
        /** Smallest amount first. */
        AMOUNT_ASC;

        /** The order of a name ({@code relevance}, {@code date}, {@code date_asc}, {@code amount}, {@code amount_asc}). */
        public static Sort of(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown sort '" + name
                        + "' (relevance, date, date_asc, amount, amount_asc)");
            }
        }
    }

    /** The first ten hits of a query by relevance, without facets, with a two-second budget. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Sort.RELEVANCE, 0, 10, false, Set.of(IndexFields.FACT), Duration.ofSeconds(2));
    }

    /** The same request in another order. */
    public SearchRequest withSort(Sort newSort) {
        return new SearchRequest(query, newSort, offset, limit, facets, kinds, timeout);
    }

    /** The same request for another page. */
    public SearchRequest withPage(int newOffset, int newLimit) {
        return new SearchRequest(query, sort, newOffset, newLimit, facets, kinds, timeout);
    }

    /** The same request with or without facets. */
    public SearchRequest withFacets(boolean on) {
        return new SearchRequest(query, sort, offset, limit, on, kinds, timeout);
    }

    /** The same request listing other record kinds. */
    public SearchRequest withKinds(Set<String> newKinds) {
        return new SearchRequest(query, sort, offset, limit, facets, newKinds, timeout);
    }

    /** The same request with another time budget. */
    public SearchRequest withTimeout(Duration newTimeout) {
        return new SearchRequest(query, sort, offset, limit, facets, kinds, newTimeout);
    }
}
