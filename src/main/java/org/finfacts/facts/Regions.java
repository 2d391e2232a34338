package org.finfacts.facts;

/**
 * Where the article's title and body lie in the reported text, as code point spans
 * ({@code [start, end)}); either may be null when not found. Mentions outside both are boilerplate.
 */
public record Regions(Fact.Span title, Fact.Span body) {
    /** Whether a span lies inside the title or the body (true when no regions are known). */
    public boolean covers(int start, int end) {
        if (title == null && body == null) {
            return true;
        }
        return inside(title, start, end) || inside(body, start, end);
    }

    private static boolean inside(Fact.Span region, int start, int end) {
        return region != null && start >= region.start() && end <= region.end();
    }
}
