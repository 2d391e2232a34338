package org.finfacts.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.JsonCodec;
import org.finfacts.index.ArticleSearcher;
import org.finfacts.index.ServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the HTTP API that each test would let through if its defence were missing: slow and
 * silent clients, oversized and malformed requests, hostile queries, methods, paths and tokens. Every
 * refusal must be a JSON body {@code {"error": "...", "status": N}} without a stack trace, and no
 * client's behaviour may count as a server error. Raw sockets are used where an HTTP client would
 * refuse to send the attack. Loopback only.
 */
class ApiServerHardeningTest {
    @TempDir
    static Path dir;
    static ArticleSearcher searcher;
    static ApiServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        searcher = ServerFixture.build(dir);
        ApiServer.Config config = ApiServer.Config.defaults().at("127.0.0.1", 0).withLimits(64 * 1024, 4096)
                .withConnectionLimits(Duration.ofMillis(1500), Duration.ofSeconds(2), 512);
        server = ApiServer.start(config, searcher, TestEngine.get());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        searcher.close();
    }

    /** The status and body of a raw HTTP/1.1 exchange (the request is sent as given). */
    record Raw(int status, String head, String body) {
    }

    static Raw raw(String request) throws IOException {
        return raw(request.getBytes(StandardCharsets.UTF_8));
    }

    static Raw raw(byte[] request) throws IOException {
        return rawTo(server, request);
    }

    static Raw rawTo(ApiServer target, String request) throws IOException {
        return rawTo(target, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Raw rawTo(ApiServer target, byte[] request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", target.port()), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it has read everything
            }
            return parse(readAll(s.getInputStream()));
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                b.write(buf, 0, n);
            }
        } catch (IOException e) {
            // reset by the server after its answer: keep what came
        }
        return b.toByteArray();
    }

    static Raw parse(byte[] response) {
        String r = new String(response, StandardCharsets.UTF_8);
        int split = r.indexOf("\r\n\r\n");
        String head = split < 0 ? r : r.substring(0, split);
        String body = split < 0 ? "" : r.substring(split + 4);
        int status = head.startsWith("HTTP/1.1 ") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Raw(status, head, body);
    }

    static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int nl = body.indexOf("\r\n", i);
            if (nl < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, nl).trim(), 16);
            if (size == 0) {
                break;
            }
            byte[] bytes = body.substring(nl + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(bytes, 0, Math.min(size, bytes.length), StandardCharsets.UTF_8);
            out.append(chunk);
            i = nl + 2 + chunk.length() + 2;
        }
        return out.toString();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** A refusal: the status, a JSON body with a message and the status, no stack trace, no HTML. */
    static JsonNode refused(int status, int gotStatus, String body, String what) throws IOException {
        assertEquals(status, gotStatus, what + " -> " + body);
        assertJsonError(gotStatus, body, what);
        return JsonCodec.mapper().readTree(body);
    }

    static void assertJsonError(int status, String body, String what) throws IOException {
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")
                || body.contains("org.eclipse") || body.contains("io.javalin") || body.contains("<html")
                || body.contains("<HTML"), what + ": " + body);
        JsonNode n = JsonCodec.mapper().readTree(body);
        assertTrue(n != null && n.isObject(), what + ": not a JSON object: " + body);
        assertEquals(status, n.path("status").asInt(), what + ": " + body);
        assertFalse(n.path("error").asText().isBlank(), what + ": no message: " + body);
    }

    static int serverErrors() throws Exception {
        return JsonCodec.mapper().readTree(get("/api/health").body()).get("server_errors").asInt();
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeoutAndOthersAreServedMeanwhile() throws Exception {
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
                s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                silent.add(s);
            }
            long t0 = System.nanoTime();
            assertEquals(200, get("/api/search?q=" + q("英伟达")).statusCode(), "served while 50 clients hang");
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "served without waiting for the slow clients");
            Socket first = silent.get(0);
            first.setSoTimeout(10_000);
            long t1 = System.nanoTime();
            int b = readAll(first.getInputStream()).length;
            long waited = (System.nanoTime() - t1) / 1_000_000;
            assertTrue(waited < 6000, "closed after the 1.5 s idle timeout, not " + waited + " ms (" + b + " bytes)");
        } finally {
            for (Socket s : silent) {
                s.close();
            }
        }
    }

    @Test
    void aTricklingHeaderIsCutOffByTheIdleTimeoutOnceItStops() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /api/health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 5; i++) {
                out.write(("X-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(200);
            }
            long t0 = System.nanoTime();
            readAll(s.getInputStream());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 6000, "a stalled header is dropped");
        }
    }

    @Test
    void aSlowBodyGets408WithinTheBodyTimeoutAndIsNoServerError() throws Exception {
        int before = serverErrors();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long t0 = System.nanoTime();
            Raw r = null;
            for (int i = 0; i < 40 && r == null; i++) {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException e) {
                    break;
                }
                Thread.sleep(250);
                if (s.getInputStream().available() > 0) {
                    break;
                }
            }
            r = parse(readAll(s.getInputStream()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 8000, "the slow body was cut off after " + ms + " ms");
            if (r.status() > 0) {
                refused(408, r.status(), r.body(), "slow body");
            }
        }
        assertEquals(before, serverErrors(), "a slow client is not a server error");
    }

    @Test
    void aBodyThatStopsHalfWayIsNoServerError() throws Exception {
        int before = serverErrors();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
                    + "英伟达").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Raw r = parse(readAll(s.getInputStream()));
            if (r.status() > 0) {
                assertTrue(r.status() == 408 || r.status() == 400, r.toString());
                assertJsonError(r.status(), r.body(), "half body");
            }
        }
        assertEquals(before, serverErrors());
    }

    @Test
    void oversizedBodiesAreRefusedWith413WithAndWithoutALength() throws Exception {
        String big = "字".repeat(30_000);
        HttpResponse<String> sized = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/extract"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        refused(413, sized.statusCode(), sized.body(), "sized body");
        Raw chunked = raw("POST /api/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + ("4000\r\n" + "a".repeat(0x4000) + "\r\n").repeat(5) + "0\r\n\r\n");
        refused(413, chunked.status(), chunked.body(), "chunked body without a length");
        Raw declared = raw("POST /api/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 999999999\r\n"
                + "Connection: close\r\n\r\nabc");
        refused(413, declared.status(), declared.body(), "declared length beyond the limit, refused before reading");
    }

    @Test
    void tenThousandHeadersOrAHugeHeaderGet431AsJson() throws Exception {
        StringBuilder many = new StringBuilder("GET /api/health HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 10_000; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        many.append("Connection: close\r\n\r\n");
        Raw r = raw(many.toString());
        refused(431, r.status(), r.body(), "10,000 headers");
        Raw huge = raw("GET /api/health HTTP/1.1\r\nHost: x\r\nCookie: " + "c".repeat(40_000) + "\r\nConnection: close\r\n\r\n");
        refused(431, huge.status(), huge.body(), "a 40 KB header");
        Raw line = raw("GET /api/search?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(line.status() == 414 || line.status() == 431, line.toString());
        assertJsonError(line.status(), line.body(), "a 20,000-character request line");
    }

    @Test
    void hostileQueriesAreRefusedWithAMessageNeverBurnedThrough() throws Exception {
        for (String query : List.of("*vidia", "nv?dia", "nvidia~2", "nvidia~", "/nv.*dia/", "n*", "company:*vidia",
                "(".repeat(17) + "a" + ")".repeat(17), "(".repeat(400) + "a" + ")".repeat(400),
                "a OR ".repeat(70) + "b", "\"unclosed", "amount>=", "amount:[1 TO", "AND AND", "NOT")) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get("/api/search?q=" + q(query));
            refused(400, r.statusCode(), r.body(), query.length() > 40 ? query.substring(0, 40) + "..." : query);
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "refused at once: " + query);
        }
        HttpResponse<String> tenThousand = get("/api/search?q=" + q("英伟达 ".repeat(10_000)));
        assertTrue(tenThousand.statusCode() == 414 || tenThousand.statusCode() == 400, tenThousand.body());
        assertJsonError(tenThousand.statusCode(), tenThousand.body(), "10,000 terms");
        HttpResponse<String> deep = get("/api/search?q=" + q("(".repeat(10_000)));
        assertTrue(deep.statusCode() == 414 || deep.statusCode() == 400, deep.body());
        assertJsonError(deep.statusCode(), deep.body(), "10,000 parentheses");
        assertEquals(0, serverErrors());
    }

    @Test
    void unicodeAndMalformedPathsGetJsonAnswers() throws Exception {
        HttpResponse<String> chinese = get("/api/articles/" + q("英伟达-报道"));
        JsonNode n = refused(404, chinese.statusCode(), chinese.body(), "a Chinese id");
        assertTrue(n.get("error").asText().contains("英伟达-报道"), chinese.body());
        for (String path : List.of("/api/articles/%FF%FE", "/api/articles/%E8%8B", "/api/articles/%", "/api/articles/%zz",
                "/static/%E2%80%AE.js", "/api/articles/" + "%F0%9F%98%80".repeat(100), "/api/articles/a%00b")) {
            Raw r = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(r.status() == 400 || r.status() == 404, path + " -> " + r);
            assertJsonError(r.status(), r.body(), path);
        }
        byte[] rawBytes = "GET /api/articles/\u00ff\u00fe\u4e2d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        rawBytes[rawBytes.length - 40] = (byte) 0xE4;
        Raw r = raw(rawBytes);
        assertTrue(r.status() == 400 || r.status() == 404, r.toString());
        assertJsonError(r.status(), r.body(), "raw non-ASCII bytes in the path");
    }

    @Test
    void wrongMethodsGet405AsJsonAndTraceEchoesNothing() throws Exception {
        for (String[] c : new String[][] {{"PUT", "/api/search?q=x"}, {"PATCH", "/api/search?q=x"},
                {"DELETE", "/api/articles/two-facts"}, {"POST", "/api/search?q=x"}, {"GET", "/api/extract"},
                {"PUT", "/api/extract"}, {"POST", "/api/health"}, {"DELETE", "/"}}) {
            HttpResponse<String> r = send(c[0], c[1], c[0].equals("GET") ? null : "x");
            refused(405, r.statusCode(), r.body(), c[0] + " " + c[1]);
        }
        Raw trace = raw("TRACE /api/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer secret-to-echo\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(trace.status() == 405 || trace.status() == 400, trace.toString());
        assertFalse(trace.body().contains("secret-to-echo"), trace.body());
        assertJsonError(trace.status(), trace.body(), "TRACE");
        Raw unknown = raw("BREW /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(unknown.status() == 405 || unknown.status() == 400 || unknown.status() == 501, unknown.toString());
        assertJsonError(unknown.status(), unknown.body(), "an unknown method");
    }

    @Test
    void headAndOptionsAreAnsweredWithoutABodyOrCrossOriginGrants() throws Exception {
        Raw head = raw("HEAD /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(head.status() == 200 || head.status() == 405, head.toString());
        assertEquals("", head.body(), "HEAD has no body");
        Raw options = raw("OPTIONS /api/search HTTP/1.1\r\nHost: x\r\nOrigin: http://evil.example\r\n"
                + "Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n");
        assertTrue(options.status() == 200 || options.status() == 204 || options.status() == 405, options.toString());
        assertFalse(options.head().toLowerCase().contains("access-control-allow-origin"), options.head());
        if (options.status() >= 400) {
            assertJsonError(options.status(), options.body(), "OPTIONS");
        }
        HttpResponse<String> cross = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/search?q=x"))
                .header("Origin", "http://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(cross.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS grant");
        assertEquals("nosniff", cross.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void badParametersAndBodiesGet400AsJson() throws Exception {
        for (String query : List.of("/api/search?q=x&offset=-1", "/api/search?q=x&limit=-5", "/api/search?q=x&limit=0",
                "/api/search?q=x&offset=99999999999", "/api/search?q=x&timeout_ms=-1", "/api/search?q=x&limit=%00",
                "/api/facts?q=x&kinds=", "/api/search?q=%00", "/api/search?q=" + q("\uFFFF\uFFFE"))) {
            HttpResponse<String> r = get(query);
            if (r.statusCode() != 200) {
                refused(400, r.statusCode(), r.body(), query);
            }
        }
        for (String body : List.of("{\"text\":12}", "{\"text\":{\"a\":1}}", "[\"text\"]", "\"text\"", "null",
                "{\"text\":\"" + "[".repeat(2000) + "\"}", "[".repeat(5000), "{\"text\":\"x\"} trailing")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/extract"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                refused(400, r.statusCode(), r.body(), body.length() > 40 ? body.substring(0, 40) : body);
            }
        }
        assertEquals(0, serverErrors());
    }

    @Test
    void tooManyExtractionsAtOnceGet503NotAServerError() throws Exception {
        String text = "英伟达周三公布财报，季度营收达到260亿美元，同比增长262%。".repeat(40);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(pool.submit(() -> HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/extract"))
                        .header("Content-Type", "text/plain; charset=utf-8").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get();
                assertTrue(r.statusCode() == 200 || r.statusCode() == 503, r.body());
                if (r.statusCode() == 503) {
                    assertJsonError(503, r.body(), "busy");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, serverErrors());
    }

    @Test
    void aBrokenIndexGivesA500WithoutAStackTraceAndIsCounted(@TempDir Path other) throws Exception {
        ArticleSearcher broken = ServerFixture.build(other);
        try (ApiServer s = ApiServer.start(ApiServer.Config.defaults().at("127.0.0.1", 0), broken, null)) {
            broken.close();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/api/search?q=x")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode n = refused(500, r.statusCode(), r.body(), "closed index");
            assertEquals("internal error", n.get("error").asText());
            HttpResponse<String> h = HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/api/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, h.statusCode(), h.body());
            JsonNode health = JsonCodec.mapper().readTree(h.body());
            assertEquals("index unavailable", health.get("status").asText());
            assertEquals(1, health.get("server_errors").asInt());
        }
    }

    @Test
    void theTokenIsComparedInConstantTime() {
        String token = "k".repeat(200_000);
        String firstWrong = "Bearer x" + token.substring(1);
        String lastWrong = "Bearer " + token.substring(1) + "x";
        assertTrue(ApiServer.tokenMatches("Bearer " + token, token));
        assertTrue(ApiServer.tokenMatches("Bearer  " + token + " ", token));
        assertFalse(ApiServer.tokenMatches(firstWrong, token));
        assertFalse(ApiServer.tokenMatches(lastWrong, token));
        assertFalse(ApiServer.tokenMatches("Bearer " + token + "k", token));
        assertFalse(ApiServer.tokenMatches("Bearer " + token.substring(1), token));
        assertFalse(ApiServer.tokenMatches("bearer " + token, token));
        assertFalse(ApiServer.tokenMatches("Bearer ", token));
        assertFalse(ApiServer.tokenMatches(null, token));
        long first = Long.MAX_VALUE;
        long last = Long.MAX_VALUE;
        for (int round = 0; round < 40; round++) {
            first = Math.min(first, time(firstWrong, token));
            last = Math.min(last, time(lastWrong, token));
        }
        // an early-exit comparison answers a first-character mismatch hundreds of times faster
        double ratio = (double) Math.max(first, last) / Math.max(1, Math.min(first, last));
        assertTrue(ratio < 4, "mismatch at the first character " + first + " ns, at the last " + last + " ns");
    }

    private static long time(String header, String token) {
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertFalse(ApiServer.tokenMatches(header, token));
        }
        return System.nanoTime() - t0;
    }

    @Test
    void aWrongTokenOfAnyShapeIsRefusedWith401AsJson(@TempDir Path other) throws Exception {
        ArticleSearcher s2 = ServerFixture.build(other);
        try (ApiServer guarded = ApiServer.start(ApiServer.Config.defaults().at("127.0.0.1", 0).withToken("t0ken-xyz"),
                s2, null)) {
            for (String header : new String[] {null, "", "Bearer", "Bearer ", "Bearer t0ken", "Bearer t0ken-xyz-more",
                    "Basic dDBrZW4teHl6", "bearer t0ken-xyz", "Bearer T0KEN-XYZ", "Bearer t0ken-xy", "Bearer t0ken-xyzz",
                    "Bearer t0ken-xyz\u0000", "Bearer t0ken-\u00ffyz"}) {
                // raw requests: Java's HttpClient treats Authorization headers after a 401 in its own way
                Raw r = rawTo(guarded, "GET /api/search?q=x&token=t0ken-xyz HTTP/1.1\r\nHost: x\r\n"
                        + (header == null ? "" : "Authorization: " + header + "\r\n") + "Connection: close\r\n\r\n");
                if (header != null && header.indexOf('\u0000') >= 0) {
                    refused(400, r.status(), r.body(), "a NUL in the header");
                    continue;
                }
                refused(401, r.status(), r.body(), "Authorization: " + header);
                assertTrue(r.head().contains("WWW-Authenticate: Bearer"), r.head());
            }
            Raw ok = rawTo(guarded, "GET /api/search?q=x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t0ken-xyz\r\n"
                    + "Connection: close\r\n\r\n");
            assertEquals(200, ok.status(), ok.toString());
        } finally {
            s2.close();
        }
    }

    @Test
    void theDefaultsBindLoopbackOnlyAndBoundEverything() {
        ApiServer.Config d = ApiServer.Config.defaults();
        assertEquals("127.0.0.1", d.host());
        assertTrue(d.maxBodyBytes() > 0 && d.maxQueryStringChars() > 0 && d.maxConnections() > 0);
        assertTrue(d.idleTimeout().toSeconds() <= 30 && d.bodyTimeout().toSeconds() <= 30);
        assertTrue(d.searchTimeout().toSeconds() <= 10 && d.extractTimeout().toSeconds() <= 60);
        assertTrue(server.url().startsWith("http://127.0.0.1:"));
        for (String host : List.of("0.0.0.0", "::", "192.0.2.1")) {
            try {
                ApiServer.start(d.at(host, 0), searcher, null).close();
                throw new AssertionError("bound " + host + " without a token");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("--token"), e.getMessage());
            }
        }
    }
}
