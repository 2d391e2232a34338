package org.finfacts.ingest;

import org.finfacts.core.Document;
import org.finfacts.facts.JsonCodec;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Streams {@link InputRecord}s from files, directories (recursive, in name order) and standard
 * input ({@code -}): {@code .txt} files are one document each (id = file name without extension),
 * {@code .jsonl}/{@code .json} files one document per line. Nothing is held but the current record;
 * every unreadable file or line becomes an error record with its reason, so nothing is lost.
 */
public final class InputSource implements Iterator<InputRecord>, AutoCloseable {
    private final Deque<Path> pending = new ArrayDeque<>();
    private final int maxChars;
    private final InputStream stdin;
    private boolean stdinPending;
    private BoundedLineReader lines;
    private String linesName;
    private int lineNo;
    private InputRecord next;

    /**
     * A source over {@code inputs} (paths, or {@code -} for standard input) that rejects records
     * longer than {@code maxChars} characters.
     */
    public InputSource(List<String> inputs, int maxChars, InputStream stdin) {
        this.maxChars = maxChars;
        this.stdin = stdin;
        List<Path> expanded = new ArrayList<>();
        for (String in : inputs) {
            if (in.equals("-")) {
                stdinPending = true;
                continue;
            }
            expanded.add(Path.of(in));
        }
        pending.addAll(expanded);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public InputRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        InputRecord r = next;
        next = null;
        return r;
    }

    private InputRecord advance() {
        while (true) {
            if (lines != null) {
                InputRecord r = nextLine();
                if (r != null) {
                    return r;
                }
                closeLines();
                continue;
            }
            if (stdinPending) {
                stdinPending = false;
                InputRecord r = openStdin();
                if (r != null) {
                    return r;
                }
                continue;
            }
            Path p = pending.pollFirst();
            if (p == null) {
                return null;
            }
            InputRecord r = openPath(p);
            if (r != null) {
                return r;
            }
        }
    }

    private InputRecord openPath(Path p) {
        String name = p.toString();
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                List<Path> children = s.sorted().toList();
                for (int i = children.size() - 1; i >= 0; i--) {
                    Path c = children.get(i);
                    if (Files.isDirectory(c) || isSupported(c)) {
                        pending.addFirst(c);
                    }
                }
                return null;
            } catch (IOException e) {
                return InputRecord.failed(name, name, "cannot list directory: " + e.getMessage());
            }
        }
        if (!Files.exists(p)) {
            return InputRecord.failed(name, name, "no such file");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".ndjson")) {
                if (Files.size(p) == 0) {
                    return InputRecord.failed(name, name, "empty file");
                }
                openLines(Files.newInputStream(p), name);
                return null;
            }
            return readTextFile(p);
        } catch (IOException e) {
            return InputRecord.failed(name, name, "cannot read: " + e.getMessage());
        }
    }

    private static boolean isSupported(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson");
    }

    private InputRecord readTextFile(Path p) throws IOException {
        String name = p.toString();
        String id = p.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        long size = Files.size(p);
        if (size == 0) {
            return InputRecord.failed(id, name, "empty file");
        }
        if (size > (long) maxChars * 4) {
            return InputRecord.failed(id, name, "too large: " + size + " bytes");
        }
        byte[] bytes = Files.readAllBytes(p);
        TextDecoder.Decoded d = TextDecoder.decode(bytes, null);
        if (d.text().isBlank()) {
            return InputRecord.failed(id, name, "empty file");
        }
        if (d.text().length() > maxChars) {
            return InputRecord.failed(id, name, "too large: " + d.text().length() + " characters");
        }
        return InputRecord.ok(new Document(id, d.text(), null, null, null, null), name);
    }

    /** JSONL when the first non-blank byte is a brace, else the whole stream is one text document. */
    private InputRecord openStdin() {
        try {
            BufferedInputStream in = new BufferedInputStream(stdin, 1 << 16);
            in.mark(1 << 16);
            int c;
            int seen = 0;
            do {
                c = in.read();
                seen++;
            } while (c != -1 && seen < (1 << 15) && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xBB || c == 0xBF));
            in.reset();
            if (c == '{') {
                openLines(in, "stdin");
                return null;
            }
            byte[] bytes = in.readNBytes(maxChars * 4 + 1);
            if (bytes.length > maxChars * 4) {
                return InputRecord.failed("stdin", "stdin", "too large: more than " + (maxChars * 4) + " bytes");
            }
            TextDecoder.Decoded d = TextDecoder.decode(bytes, null);
            if (d.text().isBlank()) {
                return InputRecord.failed("stdin", "stdin", "empty input");
            }
            if (d.text().length() > maxChars) {
                return InputRecord.failed("stdin", "stdin", "too large: " + d.text().length() + " characters");
            }
            return InputRecord.ok(Document.of("stdin", d.text()), "stdin");
        } catch (IOException e) {
            return InputRecord.failed("stdin", "stdin", "cannot read: " + e.getMessage());
        }
    }

    private void openLines(InputStream in, String name) {
        lines = new BoundedLineReader(new InputStreamReader(new BufferedInputStream(in, 1 << 16), StandardCharsets.UTF_8),
                maxChars * 2);
        linesName = name;
        lineNo = 0;
    }

    private InputRecord nextLine() {
        try {
            while (true) {
                String line = lines.readLine();
                if (line == null) {
                    return null;
                }
                lineNo++;
                String origin = linesName + ":" + lineNo;
                if (line == BoundedLineReader.TOO_LONG) {
                    return InputRecord.failed(origin, origin, "too large: line of " + lines.lastSkippedChars() + " characters");
                }
                if (line.isBlank()) {
                    continue;
                }
                String trimmed = line.strip();
                if (!trimmed.startsWith("{")) {
                    return InputRecord.failed(origin, origin, "not a JSON object");
                }
                try {
                    Document d = JsonCodec.readDocument(trimmed, origin);
                    if (d.text().length() > maxChars) {
                        return InputRecord.failed(d.id(), origin, "too large: " + d.text().length() + " characters");
                    }
                    return InputRecord.ok(d, origin);
                } catch (IllegalArgumentException e) {
                    return InputRecord.failed(JsonCodec.idOf(trimmed), origin, e.getMessage());
                }
            }
        } catch (IOException e) {
            String origin = linesName + ":" + (lineNo + 1);
            closeLines();
            return InputRecord.failed(origin, origin, "read error: " + e.getMessage());
        }
    }

    private void closeLines() {
        try {
            if (lines != null && !"stdin".equals(linesName)) {
                lines.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lines = null;
        }
    }

    @Override
    public void close() {
        closeLines();
    }
}
