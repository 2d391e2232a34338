package org.finfacts.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.JsonCodec;
import org.finfacts.index.ArticleSearcher;
import org.finfacts.index.QueryException;
import org.finfacts.index.SearchJson;
import org.finfacts.index.SearchRequest;
import org.finfacts.index.SearchTimeoutException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP API over an index (and the engine, for {@code POST /api/extract}), on Javalin. Every route
 * is declared in {@link #routes}. Hardened by default: bound to 127.0.0.1 (any other address needs an
 * API token, sent as {@code Authorization: Bearer TOKEN}); request bodies, query strings and queries
 * limited (413/400); result window, query shape and time limited per request (400/503); extraction
 * concurrency bounded (503 when busy); errors are JSON {@code {"error": "..."}} with 400/401/404/
 * 405/413/500/503 and never a stack trace (internal errors are counted in {@code /api/health} as
 * {@code server_errors}); static files only from a fixed list read at start-up, so no path can reach
 * outside it. The index is re-opened when a new commit appears.
 */
public final class ApiServer implements AutoCloseable {
    /**
     * How to serve. {@code idleTimeout}: a connection that sends nothing for that long is closed (slow
     * or silent clients cannot keep connections forever); {@code bodyTimeout}: a request body must have
     * arrived within that time (408 otherwise: a client trickling its body holds a thread no longer);
     * {@code maxConnections}: connections beyond it wait to be accepted.
     */
    public record Config(String host, int port, String token, long maxBodyBytes, int maxQueryStringChars,
                         Duration searchTimeout, Duration extractTimeout, int threads, Duration refreshEvery,
                         Duration idleTimeout, Duration bodyTimeout, int maxConnections) {
        /**
         * 127.0.0.1:8080, no token, 1 MB bodies, 4,096-character query strings, 2 s searches, 20 s
         * extractions, 10 s idle connections, 10 s to send a body, 512 connections.
         */
        public static Config defaults() {
            return new Config("127.0.0.1", 8080, null, 1 << 20, 4096, Duration.ofSeconds(2), Duration.ofSeconds(20),
                    32, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10), 512);
        }

        /** The same configuration on another host and port. */
        public Config at(String newHost, int newPort) {
            return new Config(newHost, newPort, token, maxBodyBytes, maxQueryStringChars, searchTimeout,
                    extractTimeout, threads, refreshEvery, idleTimeout, bodyTimeout, maxConnections);
        }

        /** The same configuration with an API token (null for none). */
        public Config withToken(String newToken) {
            return new Config(host, port, newToken, maxBodyBytes, maxQueryStringChars, searchTimeout, extractTimeout,
                    threads, refreshEvery, idleTimeout, bodyTimeout, maxConnections);
        }

        /** The same configuration with other body and query-string limits. */
        public Config withLimits(long bodyBytes, int queryStringChars) {
            return new Config(host, port, token, bodyBytes, queryStringChars, searchTimeout, extractTimeout, threads,
                    refreshEvery, idleTimeout, bodyTimeout, maxConnections);
        }

        /** The same configuration with other connection limits: idle time, time to send a body, connections. */
        public Config withConnectionLimits(Duration idle, Duration body, int connections) {
            return new Config(host, port, token, maxBodyBytes, maxQueryStringChars, searchTimeout, extractTimeout,
                    threads, refreshEvery, idle, body, connections);
        }
    }

    private static final Map<String, String> STATIC = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");

    private final Config config;
    private final ArticleSearcher searcher;
    private final Engine engine;
    private final Map<String, byte[]> files;
    private final byte[] openApi;
    private final ExecutorService extractors;
    private final Semaphore extractPermits;
    private final ScheduledExecutorService refresher;
    private final JsonCodec codec = new JsonCodec(true);
    private final java.util.concurrent.atomic.AtomicLong serverErrors = new java.util.concurrent.atomic.AtomicLong();
    private Javalin app;

    private ApiServer(Config config, ArticleSearcher searcher, Engine engine) {
        this.config = config;
        this.searcher = searcher;
        this.engine = engine;
        this.files = new java.util.HashMap<>();
        for (String name : STATIC.keySet()) {
            files.put(name, resource("/server/static/" + name));
        }
        this.openApi = resource("/server/openapi.json");
        int permits = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.extractPermits = new Semaphore(permits);
        this.extractors = Executors.newFixedThreadPool(permits, daemon("finfacts-extract"));
        this.refresher = Executors.newSingleThreadScheduledExecutor(daemon("finfacts-refresh"));
    }

    /**
     * Starts a server; {@code engine} may be null (then {@code /api/extract} answers 503). Fails when
     * asked to bind a non-loopback address without a token.
     */
    public static ApiServer start(Config config, ArticleSearcher searcher, Engine engine) {
        if (!isLoopback(config.host()) && (config.token() == null || config.token().isBlank())) {
            throw new IllegalArgumentException("binding to " + config.host()
                    + " exposes the API beyond this machine: set an API token (--token) or bind to 127.0.0.1");
        }
        ApiServer server = new ApiServer(config, searcher, engine);
        searcher.warmUp();
        server.run();
        return server;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** Internal errors (500s) answered so far, as {@code /api/health} reports them. */
    public long serverErrors() {
        return serverErrors.get();
    }

    /** The base URL ({@code http://127.0.0.1:8080}). */
    public String url() {
        String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + h + ":" + port();
    }

    private void run() {
        QueuedThreadPool pool = new QueuedThreadPool(config.threads(), Math.min(4, config.threads()), 60_000,
                new org.eclipse.jetty.util.BlockingArrayQueue<>(1024));
        pool.setName("finfacts-http");
        pool.setDaemon(true);
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.defaultContentType = "application/json";
            c.http.prefer405over404 = true;
            c.jetty.threadPool = pool;
            c.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                server.addBean(new ConnectionLimit(config.maxConnections(), server));
            });
            c.jetty.modifyHttpConfiguration(h -> {
                h.setSendServerVersion(false);
                h.setSendXPoweredBy(false);
                h.setRequestHeaderSize(16 * 1024);
            });
            c.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(config.host());
                connector.setPort(config.port());
                connector.setIdleTimeout(config.idleTimeout().toMillis());
                return connector;
            });
        });
        routes(app);
        app.start();
        long every = config.refreshEvery().toMillis();
        refresher.scheduleWithFixedDelay(() -> {
            try {
                searcher.refresh();
            } catch (IOException | RuntimeException e) {
                // the next round tries again; searches keep using the last good reader
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Every route, filter and error mapping of the API, in one place. */
    private void routes(Javalin a) {
        a.before(this::guard);
        a.get("/api/health", this::health);
        a.get("/api/search", this::search);
        a.get("/api/facts", this::facts);
        a.get("/api/articles/{id}", this::article);
        a.post("/api/extract", this::extract);
        a.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        a.get("/", ctx -> staticFile(ctx, "index.html"));
        a.get("/static/{file}", ctx -> staticFile(ctx, ctx.pathParam("file")));

        a.exception(QueryException.class, (e, ctx) -> {
            ObjectNode o = error(ctx, 400, e.getMessage());
            if (e.position() > 0) {
                o.put("position", e.position());
            }
            if (e.token() != null) {
                o.put("token", e.token());
            }
            ctx.result(o.toString());
        });
        a.exception(SearchTimeoutException.class, (e, ctx) -> ctx.result(error(ctx, 503, e.getMessage()).toString()));
        a.exception(BadRequest.class, (e, ctx) -> ctx.result(error(ctx, e.status, e.getMessage()).toString()));
        a.exception(HttpResponseException.class, (e, ctx) -> ctx.result(error(ctx, e.getStatus(),
                messageFor(e.getStatus(), e.getMessage())).toString()));
        a.exception(Exception.class, (e, ctx) -> ctx.result(error(ctx, 500, "internal error").toString()));
        for (int status : new int[] {400, 401, 404, 405, 408, 413, 414, 415, 431, 500, 503}) {
            a.error(status, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    ctx.result(error(ctx, status, messageFor(status, null)).toString());
                }
            });
        }
    }

    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        String qs = ctx.queryString();
        if (qs != null && qs.length() > config.maxQueryStringChars()) {
            throw new BadRequest(414, "query string too long: " + qs.length() + " characters (limit "
                    + config.maxQueryStringChars() + ")");
        }
        long length = ctx.req().getContentLengthLong();
        if (length > config.maxBodyBytes()) {
            throw new BadRequest(413, "request body too large: " + length + " bytes (limit " + config.maxBodyBytes()
                    + ")");
        }
        if (config.token() != null && ctx.path().startsWith("/api/") && !ctx.path().equals("/api/health")
                && !tokenMatches(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new BadRequest(401, "missing or wrong API token (send Authorization: Bearer TOKEN)");
        }
    }

    private boolean tokenMatches(String header) {
        return tokenMatches(header, config.token());
    }

    /**
     * Whether an {@code Authorization} header carries the token ({@code Bearer TOKEN}), compared in
     * time that depends on the token's length only, never on where the first wrong character is.
     */
    static boolean tokenMatches(String header, String token) {
        if (header == null || token == null || !header.startsWith("Bearer ")) {
            return false;
        }
        int from = 7;
        int to = header.length();
        while (from < to && header.charAt(from) == ' ') {
            from++;
        }
        while (to > from && header.charAt(to - 1) == ' ') {
            to--;
        }
        int n = to - from;
        int diff = n ^ token.length();
        for (int i = 0; i < token.length(); i++) {
            char given = i < n ? header.charAt(from + i) : 0;
            diff |= given ^ token.charAt(i);
        }
        return diff == 0;
    }

    private void health(Context ctx) {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        o.put("status", "ok");
        try {
            ArticleSearcher.Stats stats = searcher.stats();
            if (config.token() == null) {
                o.set("index", SearchJson.stats(stats));
            }
        } catch (IOException | RuntimeException e) {
            // the index cannot be read: say so (503) rather than fail the health check itself
            o.put("status", "index unavailable");
            ctx.status(503);
        }
        o.put("extract", engine != null);
        o.put("server_errors", serverErrors.get());
        json(ctx, o);
    }

    private void search(Context ctx) throws IOException {
        SearchRequest r = request(ctx).withFacets(bool(ctx, "facets"));
        json(ctx, SearchJson.articles(searcher.search(r)));
    }

    private void facts(Context ctx) throws IOException {
        SearchRequest r = request(ctx);
        String kinds = ctx.queryParam("kinds");
        if (kinds != null && !kinds.isBlank()) {
            Set<String> ks = new LinkedHashSet<>();
            for (String k : kinds.split(",")) {
                ks.add(k.trim().toLowerCase(Locale.ROOT));
            }
            r = r.withKinds(ks);
        }
        json(ctx, SearchJson.records(searcher.records(r)));
    }

    private void article(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String doc = searcher.articleJson(id).orElseThrow(() -> new BadRequest(404, "no article with id '" + id + "'"));
        ctx.contentType("application/json").result(doc);
    }

    private void extract(Context ctx) throws Exception {
        if (engine == null) {
            throw new BadRequest(503, "extraction is not available on this server");
        }
        byte[] body = boundedBody(ctx);
        String text = new String(body, StandardCharsets.UTF_8);
        Document doc;
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            JsonNode n;
            try {
                n = JsonCodec.mapper().readTree(text);
            } catch (IOException e) {
                throw new BadRequest(400, "the body is not valid JSON");
            }
            if (n == null || !n.isObject()) {
                throw new BadRequest(400, "the body must be a JSON object {\"text\": ...}");
            }
            try {
                doc = JsonCodec.readDocument(n, "request");
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, e.getMessage());
            }
        } else {
            if (text.isBlank()) {
                throw new BadRequest(400, "the body is empty: post the text to annotate");
            }
            doc = new Document("request", text, null, ctx.queryParam("published"), null, null);
        }
        if (!extractPermits.tryAcquire(1, TimeUnit.SECONDS)) {
            throw new BadRequest(503, "busy: too many extractions at once, retry shortly");
        }
        Future<AnnotatedDocument> f;
        try {
            final Document d = doc;
            f = extractors.submit(() -> {
                try {
                    return engine.process(d);
                } finally {
                    extractPermits.release();
                }
            });
        } catch (RuntimeException e) {
            extractPermits.release();
            throw e;
        }
        AnnotatedDocument out;
        try {
            out = f.get(config.extractTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BadRequest(503, "extraction took longer than " + config.extractTimeout().toMillis()
                    + " ms (it keeps its slot until it ends)");
        } catch (ExecutionException e) {
            throw new BadRequest(500, "internal error");
        }
        if (out.isError()) {
            throw new BadRequest(out.error().startsWith("too large") ? 413 : 400, out.error());
        }
        json(ctx, codec.toJson(out));
    }

    /**
     * The request body, at most {@code maxBodyBytes} (413 beyond), arrived within {@code bodyTimeout}
     * (408 after it: each read waits at most the idle timeout, so a trickling client holds this thread
     * for at most the body timeout plus the idle timeout).
     */
    private byte[] boundedBody(Context ctx) throws IOException {
        long deadline = System.nanoTime() + config.bodyTimeout().toNanos();
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, config.maxBodyBytes() + 1);
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = ctx.req().getInputStream()) {
            while (data.size() < limit) {
                int n = in.read(buf, 0, Math.min(buf.length, limit - data.size()));
                if (n < 0) {
                    break;
                }
                data.write(buf, 0, n);
                if (System.nanoTime() > deadline) {
                    throw new BadRequest(408, "request body too slow: " + data.size() + " bytes in "
                            + config.bodyTimeout().toSeconds() + " s");
                }
            }
        } catch (IOException e) {
            // the client stopped sending (idle timeout) or went away: its fault, not a server error
            throw new BadRequest(408, "request body not received: " + data.size() + " bytes before the connection "
                    + "went idle or closed");
        }
        if (data.size() > config.maxBodyBytes()) {
            throw new BadRequest(413, "request body too large (limit " + config.maxBodyBytes() + " bytes)");
        }
        return data.toByteArray();
    }

    private void staticFile(Context ctx, String name) {
        byte[] data = files.get(name);
        String type = STATIC.get(name);
        if (data == null || type == null) {
            throw new BadRequest(404, "not found");
        }
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(type).result(data);
    }

    private SearchRequest request(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new BadRequest(400, "missing query parameter q");
        }
        SearchRequest.Sort sort;
        try {
            sort = SearchRequest.Sort.of(ctx.queryParam("sort") == null ? "relevance" : ctx.queryParam("sort"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
        int offset = integer(ctx, "offset", 0);
        int limit = integer(ctx, "limit", 10);
        long timeoutMs = integer(ctx, "timeout_ms", (int) config.searchTimeout().toMillis());
        Duration timeout = Duration.ofMillis(Math.min(timeoutMs, config.searchTimeout().toMillis()));
        if (timeoutMs <= 0) {
            throw new BadRequest(400, "timeout_ms must be positive");
        }
        return new SearchRequest(q, sort, offset, limit, false, Set.of("fact"), timeout);
    }

    private static int integer(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest(400, name + " must be an integer, not '" + (v.length() > 20 ? v.substring(0, 20) + "…" : v)
                    + "'");
        }
    }

    private static boolean bool(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }

    private static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json").result(node.toString());
    }

    private ObjectNode error(Context ctx, int status, String message) {
        if (status >= 500 && status != 503) {
            serverErrors.incrementAndGet();
        }
        ctx.status(status);
        ctx.contentType("application/json");
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        o.put("error", message == null ? messageFor(status, null) : message);
        o.put("status", status);
        return o;
    }

    private static String messageFor(int status, String given) {
        if (given != null && !given.isBlank() && !given.equalsIgnoreCase("Not Found")
                && !given.equalsIgnoreCase("Server Error")) {
            return given;
        }
        switch (status) {
            case 404:
                return "not found";
            case 405:
                return "method not allowed";
            case 408:
                return "request timeout";
            case 415:
                return "unsupported media type";
            case 413:
                return "request body too large";
            case 414:
            case 431:
                return "request line or headers too large";
            case 401:
                return "unauthorized";
            case 400:
                return "bad request";
            case 503:
                return "service unavailable";
            default:
                return "internal error";
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = ApiServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + path, e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        if (app != null) {
            app.stop();
        }
        extractors.shutdownNow();
    }

    /** A request the API refuses, with its status. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Names of the static files served (for tests). */
    static List<String> staticFiles() {
        return List.copyOf(STATIC.keySet());
    }
}
