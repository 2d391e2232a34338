package org.finfacts.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()}, but never holds more than
 * {@code maxChars} of one line in memory: a longer line is skipped to its end and reported as
 * {@link #TOO_LONG}, so a 50 MB single-line record costs no more memory than a short one.
 */
public final class BoundedLineReader implements Closeable {
    /** Returned instead of a line that exceeded the limit (compare by identity). */
    public static final String TOO_LONG = new String("<line too long>");

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private long skippedChars;

    /** A reader over {@code in} (not buffered further) with a per-line limit. */
    public BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or null at the end. */
    public String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        skippedChars = 0;
        while (true) {
            if (pos >= len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (!any) {
                        return null;
                    }
                    return tooLong ? TOO_LONG : sb.toString();
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            int chunk = pos - start;
            if (!tooLong) {
                if (sb.length() + chunk > maxChars) {
                    tooLong = true;
                    skippedChars = sb.length() + chunk;
                    sb.setLength(0);
                    sb.trimToSize();
                } else {
                    sb.append(buf, start, chunk);
                }
            } else {
                skippedChars += chunk;
            }
            if (pos < len) {
                pos++;
                if (tooLong) {
                    return TOO_LONG;
                }
                int l = sb.length();
                if (l > 0 && sb.charAt(l - 1) == '\r') {
                    sb.setLength(l - 1);
                }
                return sb.toString();
            }
        }
    }

    /** Length of the last line reported as {@link #TOO_LONG}. */
    public long lastSkippedChars() {
        return skippedChars;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
