package org.finfacts.index;

/**
 * A query that cannot be run, with a message for the person who wrote it naming the problem, its
 * position (1-based, in characters) and the offending token:
 * {@code unknown field 'compnay' at position 1 (fields: company, type, ...)}.
 */
public final class QueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String token;

    /** A problem at {@code position} (1-based; 0 when it concerns the whole query) with {@code token}. */
    public QueryException(String message, int position, String token) {
        super(message);
        this.position = position;
        this.token = token;
    }

    /** 1-based character position of the problem, 0 for the whole query. */
    public int position() {
        return position;
    }

    /** The offending token, or null. */
    public String token() {
        return token;
    }
}
