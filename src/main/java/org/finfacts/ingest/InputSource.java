package org.finfacts.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.Document;
import org.finfacts.core.ModelStore;
import org.finfacts.facts.JsonCodec;
import org.finfacts.text.html.ArticleExtractor;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Streams {@link InputRecord}s from files, directories (recursive, in name order), globs
 * ({@code 'data/**}{@code /*.html'}, expanded here when the shell did not), and standard input
 * ({@code -}):
 * <ul>
 *   <li>{@code .txt} (and any other explicitly named file): one text document (id = file name
 *       without extension), charset detected; a file that is really HTML is read as a page;</li>
 *   <li>{@code .html}/{@code .htm}/{@code .xhtml}/{@code .shtml}: one page, its article extracted;</li>
 *   <li>{@code .jsonl}/{@code .json}/{@code .ndjson} (optionally {@code .gz}): one record per line,
 *       {@code {"id","text"|"html","url"?,"published"?,"title"?,"source"?}}; {@code html} makes the
 *       line a page;</li>
 *   <li>{@code .warc}/{@code .warc.gz}: the HTML responses of the archive ({@link WarcSource}).</li>
 * </ul>
 * Inputs are pulled lazily (a {@code --from-list} file of millions of paths is never held), one
 * record at a time; every unreadable file or line becomes an error record with its reason, records
 * that are not articles by nature (WARC requests, images) are counted in {@link #skipped()}.
 * {@link #bytesRead()} counts input bytes consumed, for progress and ETA.
 */
public final class InputSource implements Iterator<InputRecord>, AutoCloseable {
    /** How inputs are read: size limits and the page converter shared by page records. */
    public record Options(int maxChars, long maxPageBytes, PageConverter converter) {
        /** Default page limit and an extractor built from the bundled models. */
        public static Options defaults(int maxChars) {
            return new Options(maxChars, PageConverter.DEFAULT_MAX_PAGE_BYTES,
                    new PageConverter(ArticleExtractor.create(ModelStore.bundled()), PageConverter.DEFAULT_MAX_PAGE_BYTES));
        }
    }

    /** Something still to read: a path (a directory to expand, a file), stdin, or the end of a glob. */
    private record Pending(Path path, PathMatcher matcher, Glob glob, boolean explicit, boolean stdin) {
    }

    private static final class Glob {
        final String spec;
        int matches;

        Glob(String spec) {
            this.spec = spec;
        }
    }

    /** One JSON value per line: anything after it ({@code {...}{...}}, {@code {...} junk}) is an error, not dropped. */
    private static final com.fasterxml.jackson.databind.ObjectReader LINE_READER = JsonCodec.mapper().reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Iterator<String> specs;
    private final Options options;
    private final InputStream stdin;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final AtomicLong bytesRead = new AtomicLong();
    private final Map<String, Long> skipped = new TreeMap<>();
    private BoundedLineReader lines;
    private String linesName;
    private int lineNo;
    private WarcSource warc;
    private InputRecord next;

    /** A source over {@code inputs} (paths, globs, or {@code -}) rejecting texts above {@code maxChars}. */
    public InputSource(List<String> inputs, int maxChars, InputStream stdin) {
        this(inputs.iterator(), Options.defaults(maxChars), stdin);
    }

    /** A source over lazily supplied input specifications. */
    public InputSource(Iterator<String> inputs, Options options, InputStream stdin) {
        this.specs = inputs;
        this.options = options;
        this.stdin = stdin;
    }

    /** Input bytes consumed so far (compressed bytes for gzipped files). */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** Records skipped because they are not articles by nature, counted by reason. */
    public Map<String, Long> skipped() {
        return skipped;
    }

    /**
     * The total size in bytes of the files these inputs name (directories and globs walked), or -1
     * when it cannot be known (standard input).
     */
    public static long totalBytes(List<String> inputs) {
        long total = 0;
        for (String spec : inputs) {
            if (spec.equals("-")) {
                return -1;
            }
            try {
                Path p = Path.of(spec);
                if (Files.exists(p)) {
                    total += sizeOf(p, null);
                    continue;
                }
            } catch (InvalidPathException e) {
                continue;
            }
            if (hasGlob(spec)) {
                Path base = globBase(spec);
                total += sizeOf(base, matcher(spec));
            }
        }
        return total;
    }

    private static long sizeOf(Path p, PathMatcher matcher) {
        if (Files.isRegularFile(p)) {
            try {
                return Files.size(p);
            } catch (IOException e) {
                return 0;
            }
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> matcher == null ? isSupported(f) : globMatches(matcher, f))
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
            if (warc != null) {
                InputRecord r = warc.next();
                if (r != null) {
                    return r;
                }
                closeWarc();
                continue;
            }
            Pending p = pending.pollFirst();
            if (p != null) {
                InputRecord r = open(p);
                if (r != null) {
                    return r;
                }
                continue;
            }
            if (!specs.hasNext()) {
                return null;
            }
            InputRecord r = expand(specs.next());
            if (r != null) {
                return r;
            }
        }
    }

    private InputRecord expand(String spec) {
        String s = spec.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.equals("-")) {
            pending.add(new Pending(null, null, null, true, true));
            return null;
        }
        Path p;
        try {
            p = Path.of(s);
        } catch (InvalidPathException e) {
            return InputRecord.failed(s, s, "no such file: invalid path");
        }
        if (Files.exists(p)) {
            pending.add(new Pending(p, null, null, true, false));
            return null;
        }
        if (hasGlob(s)) {
            Glob g = new Glob(s);
            pending.add(new Pending(globBase(s), matcher(s), g, false, false));
            pending.add(new Pending(null, null, g, false, false));
            return null;
        }
        return InputRecord.failed(s, s, "no such file");
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    /** The directory a glob walks from: its longest leading part without glob characters. */
    private static Path globBase(String spec) {
        String[] parts = spec.replace('\\', '/').split("/", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (hasGlob(parts[i])) {
                break;
            }
            b.append(parts[i]).append('/');
        }
        String base = b.toString();
        if (base.isEmpty()) {
            return Path.of(".");
        }
        return Path.of(base.equals("/") ? "/" : base.substring(0, base.length() - 1));
    }

    private static PathMatcher matcher(String spec) {
        String normal = spec.replace('\\', '/');
        if (normal.startsWith("./")) {
            normal = normal.substring(2);
        }
        String withZeroDirs = normal.replace("**/", "{,**/}");
        return FileSystems.getDefault().getPathMatcher("glob:" + withZeroDirs);
    }

    private static boolean globMatches(PathMatcher matcher, Path file) {
        Path p = file.normalize();
        if (p.startsWith("./")) {
            p = Path.of(".").relativize(p);
        }
        return matcher.matches(p) || matcher.matches(Path.of(file.toString().replaceFirst("^\\./", "")));
    }

    private InputRecord open(Pending p) {
        if (p.stdin()) {
            return openStdin();
        }
        if (p.path() == null) {
            Glob g = p.glob();
            return g.matches == 0 ? InputRecord.failed(g.spec, g.spec, "no such file: no file matches " + g.spec) : null;
        }
        Path path = p.path();
        String name = path.toString();
        if (p.glob() != null && !Files.exists(path)) {
            return null;
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                List<Path> children = s.sorted().toList();
                for (int i = children.size() - 1; i >= 0; i--) {
                    Path c = children.get(i);
                    boolean dir = Files.isDirectory(c);
                    if (dir || (p.matcher() == null ? isSupported(c) : globMatches(p.matcher(), c))) {
                        pending.addFirst(new Pending(c, p.matcher(), p.glob(), false, false));
                    } else if (p.matcher() == null) {
                        String n = lowerName(c);
                        int dot = n.lastIndexOf('.');
                        skipped.merge("not an input file type: " + (dot < 0 ? "no extension" : n.substring(dot)), 1L, Long::sum);
                    }
                }
                return null;
            } catch (IOException | RuntimeException e) {
                return p.explicit() || p.glob() == null
                        ? InputRecord.failed(name, name, "cannot list directory: " + e.getMessage()) : null;
            }
        }
        if (p.glob() != null) {
            p.glob().matches++;
        }
        if (!Files.exists(path)) {
            return InputRecord.failed(name, name, "no such file");
        }
        try {
            return openFile(path);
        } catch (IOException e) {
            return InputRecord.failed(name, name, "cannot read: " + e.getMessage());
        }
    }

    private static String lowerName(Path p) {
        Path f = p.getFileName();
        return f == null ? "" : f.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isSupported(Path p) {
        String n = lowerName(p);
        return n.endsWith(".txt") || isJsonLines(n) || isHtml(n) || isWarc(n);
    }

    private static boolean isJsonLines(String n) {
        String s = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
        return s.endsWith(".jsonl") || s.endsWith(".json") || s.endsWith(".ndjson");
    }

    private static boolean isHtml(String n) {
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml") || n.endsWith(".shtml");
    }

    private static boolean isWarc(String n) {
        return n.endsWith(".warc") || n.endsWith(".warc.gz");
    }

    private InputRecord openFile(Path p) throws IOException {
        String name = p.toString();
        String lower = lowerName(p);
        String id = p.getFileName().toString().replaceFirst("(\\.[^.]+)?(\\.gz)?$", "");
        if (Files.size(p) == 0) {
            return InputRecord.failed(id, name, "empty file");
        }
        if (isJsonLines(lower)) {
            InputStream in = new CountingInputStream(Files.newInputStream(p), bytesRead);
            if (lower.endsWith(".gz")) {
                try {
                    in = new GZIPInputStream(in, 1 << 16);
                } catch (IOException e) {
                    in.close();
                    return InputRecord.failed(name, name, "truncated archive: " + name + ": " + e.getMessage());
                }
            }
            openLines(in, name);
            return null;
        }
        if (isWarc(lower)) {
            InputStream in = new BufferedInputStream(new CountingInputStream(Files.newInputStream(p), bytesRead), 1 << 16);
            try {
                warc = new WarcSource(in, name, options.maxPageBytes(), options.converter(), skipped);
            } catch (IOException | RuntimeException e) {
                in.close();
                return InputRecord.failed(name, name, "truncated archive: " + name + ": " + e.getMessage());
            }
            return null;
        }
        long size = Files.size(p);
        if (isHtml(lower)) {
            if (size > options.maxPageBytes()) {
                bytesRead.addAndGet(size);
                return InputRecord.failed(id, name, "too large: page of " + size + " bytes (limit " + options.maxPageBytes() + ")");
            }
            byte[] bytes = Files.readAllBytes(p);
            bytesRead.addAndGet(size);
            return InputRecord.page(new RawPage(id, name, bytes, null, null, null, null, null, null, null), options.converter());
        }
        if (size > Math.max((long) options.maxChars() * 4, options.maxPageBytes())) {
            bytesRead.addAndGet(size);
            return InputRecord.failed(id, name, "too large: " + size + " bytes");
        }
        byte[] bytes = Files.readAllBytes(p);
        bytesRead.addAndGet(size);
        return textRecord(id, name, bytes);
    }

    /** A whole file or stream as one record: binary is refused, HTML becomes a page, anything else a text. */
    private InputRecord textRecord(String id, String origin, byte[] bytes) {
        if (TextDecoder.looksBinary(bytes)) {
            return InputRecord.failed(id, origin, "bad charset: binary content, not text");
        }
        if (WarcSource.looksLikeHtml(bytes)) {
            if (bytes.length > options.maxPageBytes()) {
                return InputRecord.failed(id, origin, "too large: page of " + bytes.length + " bytes (limit "
                        + options.maxPageBytes() + ")");
            }
            return InputRecord.page(new RawPage(id, origin, bytes, null, null, null, null, null, null, null),
                    options.converter());
        }
        TextDecoder.Decoded d = TextDecoder.decode(bytes, null);
        if (d.text().isBlank()) {
            return InputRecord.failed(id, origin, "empty file");
        }
        if (d.text().length() > options.maxChars()) {
            return InputRecord.failed(id, origin, "too large: " + d.text().length() + " characters (limit "
                    + options.maxChars() + ")");
        }
        List<String> warnings = d.lossy()
                ? List.of("bad charset: decoded lossily as " + d.charset() + " (" + TextDecoder.countReplacements(d.text())
                + " characters replaced)")
                : List.of();
        return InputRecord.ok(new Document(id, d.text(), null, null, null, null), origin, warnings);
    }

    /** JSONL when the first non-blank byte is a brace, WARC when it says so, else one text or page. */
    private InputRecord openStdin() {
        try {
            BufferedInputStream in = new BufferedInputStream(new CountingInputStream(stdin, bytesRead), 1 << 16);
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 15);
            in.reset();
            int i = 0;
            while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r'
                    || (head[i] & 0xFF) == 0xEF || (head[i] & 0xFF) == 0xBB || (head[i] & 0xFF) == 0xBF)) {
                i++;
            }
            if (i < head.length && head[i] == '{') {
                openLines(in, "stdin");
                return null;
            }
            boolean gzip = head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
            boolean warcHead = new String(head, 0, Math.min(head.length, 8), StandardCharsets.ISO_8859_1).startsWith("WARC/");
            if (gzip || warcHead) {
                warc = new WarcSource(in, "stdin", options.maxPageBytes(), options.converter(), skipped);
                return null;
            }
            long limit = Math.max((long) options.maxChars() * 4, options.maxPageBytes());
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                return InputRecord.failed("stdin", "stdin", "too large: more than " + limit + " bytes");
            }
            if (bytes.length == 0) {
                return InputRecord.failed("stdin", "stdin", "empty input");
            }
            InputRecord r = textRecord("stdin", "stdin", bytes);
            return r.isError() && r.error().equals("empty file") ? InputRecord.failed("stdin", "stdin", "empty input") : r;
        } catch (IOException | RuntimeException e) {
            return InputRecord.failed("stdin", "stdin", "cannot read: " + e.getMessage());
        }
    }

    private void openLines(InputStream in, String name) {
        lines = new BoundedLineReader(new InputStreamReader(new BufferedInputStream(in, 1 << 16), StandardCharsets.UTF_8),
                options.maxChars() * 2);
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
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String trimmed = line.strip();
                if (!trimmed.startsWith("{")) {
                    return InputRecord.failed(origin, origin, "not a JSON object");
                }
                return jsonRecord(trimmed, origin);
            }
        } catch (IOException e) {
            String origin = linesName + ":" + (lineNo + 1);
            closeLines();
            String reason = e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException
                    ? "truncated archive: " : "read error: ";
            return InputRecord.failed(origin, origin, reason + e.getMessage());
        }
    }

    private InputRecord jsonRecord(String line, String origin) {
        JsonNode n;
        try {
            n = LINE_READER.readTree(line);
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            int nl = m.indexOf('\n');
            return InputRecord.failed(JsonCodec.idOf(line), origin, "not valid JSON: " + (nl < 0 ? m : m.substring(0, nl)));
        }
        if (n == null || !n.isObject()) {
            return InputRecord.failed(origin, origin, "not a JSON object");
        }
        JsonNode html = n.get("html");
        if (html != null && !html.isNull() && !html.isTextual()) {
            return InputRecord.failed(text(n, "id"), origin, "\"html\" is not a string: " + JsonCodec.kind(html));
        }
        if (html != null && html.isTextual() && !html.asText().isBlank()) {
            String id = text(n, "id");
            String published = text(n, "published");
            if (published == null) {
                published = text(n, "date");
            }
            RawPage page = new RawPage(id == null ? origin : id, origin, null, html.asText(), null, text(n, "url"),
                    text(n, "fetched"), text(n, "title"), published, text(n, "source"));
            if (page.size() > options.maxPageBytes()) {
                return InputRecord.failed(page.id(), origin, "too large: page of " + page.size() + " characters");
            }
            return InputRecord.page(page, options.converter());
        }
        try {
            Document d = JsonCodec.readDocument(n, origin);
            if (d.text().length() > options.maxChars()) {
                return InputRecord.failed(d.id(), origin, "too large: " + d.text().length() + " characters (limit "
                        + options.maxChars() + ")");
            }
            return InputRecord.ok(d, origin);
        } catch (IllegalArgumentException e) {
            return InputRecord.failed(text(n, "id"), origin, e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }

    private void closeLines() {
        try {
            if (lines != null && !"stdin".equals(linesName)) {
                lines.close();
            }
        } catch (IOException ignored) {
            // nothing left to read from it
        } finally {
            lines = null;
        }
    }

    private void closeWarc() {
        try {
            warc.close();
        } catch (IOException ignored) {
            // nothing left to read from it
        } finally {
            warc = null;
        }
    }

    @Override
    public void close() {
        closeLines();
        if (warc != null) {
            closeWarc();
        }
    }
}
