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

import java.io.IOException;
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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real server on a free port, called over HTTP. */
class ApiServerTest {
    @TempDir
    static Path dir;
    static ArticleSearcher searcher;
    static ApiServer server;
    static ApiServer guarded;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        searcher = ServerFixture.build(dir);
        ApiServer.Config config = ApiServer.Config.defaults().at("127.0.0.1", 0).withLimits(4096, 2048);
        server = ApiServer.start(config, searcher, TestEngine.get());
        guarded = ApiServer.start(config.withToken("s3cret-token"), searcher, null);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        guarded.close();
        searcher.close();
    }

    static HttpResponse<String> get(ApiServer s, String rawPathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + rawPathAndQuery)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return JsonCodec.mapper().readTree(r.body());
    }

    static JsonNode error(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode n = json(r);
        assertEquals(status, n.get("status").asInt());
        assertFalse(n.get("error").asText().isBlank());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains(".java:"),
                r.body());
        return n;
    }

    @Test
    void healthReportsTheIndex() throws Exception {
        JsonNode n = json(get(server, "/api/health"));
        assertEquals("ok", n.get("status").asText());
        assertEquals(32, n.get("index").get("articles").asInt());
        assertTrue(n.get("extract").asBoolean());
    }

    @Test
    void searchReturnsArticlesWithTheirMatchingFactAndEvidence() throws Exception {
        HttpResponse<String> r = get(server, "/api/search?q=" + q("company:NVIDIA amount>=1e12") + "&facets=true");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode n = json(r);
        assertEquals(1, n.get("total").asInt());
        JsonNode hit = n.get("hits").get(0);
        assertEquals("nvidia-big", hit.get("id").asText());
        JsonNode rec = hit.get("records").get(0);
        assertEquals("MARKET_CAP", rec.get("fact").get("type").asText());
        assertEquals("3000000000000", rec.get("fact").get("value").asText());
        assertEquals("英伟达市值突破3万亿美元。", rec.get("evidence").get("text").asText());
        assertTrue(rec.get("evidence").get("marked").asText().contains("<mark class=\"MONEY\">3万亿美元</mark>"));
        assertEquals("NVIDIA", n.get("facets").get("company").get(0).get("value").asText());
        assertEquals("3000000000000", n.get("facets").get("company").get(0).get("amount_usd").asText());
    }

    @Test
    void snippetsAreEscapedForPages() throws Exception {
        JsonNode n = json(get(server, "/api/search?q=" + q("市场评论") + "&limit=1"));
        String marked = n.get("hits").get(0).get("snippet").get("marked").asText();
        assertTrue(marked.contains("&lt;script&gt;"), marked);
        assertFalse(marked.contains("<script>"), marked);
    }

    @Test
    void factsAreListedLargestFirstWithTheirArticle() throws Exception {
        JsonNode n = json(get(server, "/api/facts?q=" + q("amount>=1e9") + "&sort=amount"));
        assertEquals(3, n.get("total").asInt());
        assertEquals("nvidia-big", n.get("hits").get(0).get("article").get("id").asText());
        assertEquals("two-facts", n.get("hits").get(2).get("article").get("id").asText());
        assertEquals("INVESTMENT", n.get("hits").get(2).get("fact").get("type").asText());
        JsonNode money = json(get(server, "/api/facts?q=" + q("amount>=1e9") + "&kinds=money"));
        assertEquals(3, money.get("total").asInt());
        assertEquals("money", money.get("hits").get(0).get("kind").asText());
    }

    @Test
    void articlesComeBackAsAnnotatedJson() throws Exception {
        JsonNode n = json(get(server, "/api/articles/two-facts"));
        assertEquals("two-facts", n.get("id").asText());
        assertEquals(2, n.get("facts").size());
        assertTrue(n.get("text").asText().startsWith("英伟达"));
        error(get(server, "/api/articles/nope"), 404);
    }

    @Test
    void extractAnnotatesPostedTextAndJson() throws Exception {
        JsonNode plain = json(post("/api/extract?published=2024-04-10", "text/plain; charset=utf-8", "黄仁勋表示，公司将继续投资。"));
        assertEquals("黄仁勋表示，公司将继续投资。", plain.get("text").asText());
        assertEquals("2024-04-10", plain.get("published").asText());
        assertTrue(plain.get("mentions").isArray());
        JsonNode viaJson = json(post("/api/extract", "application/json",
                "{\"id\":\"x1\",\"text\":\"黄仁勋表示。\",\"published\":\"2024-04-10\"}"));
        assertEquals("x1", viaJson.get("id").asText());
        error(post("/api/extract", "application/json", "{\"text\":"), 400);
        error(post("/api/extract", "application/json", "{\"id\":\"no-text\"}"), 400);
        error(post("/api/extract", "text/plain", "   "), 400);
        error(post("/api/extract", "text/plain", "字".repeat(3000)), 413);
    }

    @Test
    void badQueriesGet400NamingPositionAndToken() throws Exception {
        JsonNode n = error(get(server, "/api/search?q=" + q("英伟达 compnay:NVIDIA")), 400);
        assertEquals(5, n.get("position").asInt());
        assertEquals("compnay", n.get("token").asText());
        assertTrue(n.get("error").asText().startsWith("unknown field 'compnay'"));
        error(get(server, "/api/search?q=" + q("*vidia")), 400);
        error(get(server, "/api/search?q=" + q("amount>=lots")), 400);
        error(get(server, "/api/search?q=" + q("(((英伟达")), 400);
        error(get(server, "/api/search"), 400);
        error(get(server, "/api/facts?q=x&kinds=person"), 400);
    }

    @Test
    void pagesAndWindowsAreBounded() throws Exception {
        JsonNode page = json(get(server, "/api/search?q=" + q("市场评论") + "&sort=date&offset=20&limit=5"));
        assertEquals(30, page.get("total").asInt());
        assertEquals(5, page.get("hits").size());
        assertTrue(error(get(server, "/api/search?q=x&offset=995&limit=10"), 400).get("error").asText()
                .contains("result window"));
        error(get(server, "/api/search?q=x&limit=1000"), 400);
        assertTrue(error(get(server, "/api/search?q=x&limit=ten"), 400).get("error").asText()
                .contains("limit must be an integer"));
        error(get(server, "/api/search?q=x&sort=cheapest"), 400);
        error(get(server, "/api/search?q=x&timeout_ms=0"), 400);
    }

    @Test
    void longQueriesAndQueryStringsAreRefused() throws Exception {
        assertTrue(error(get(server, "/api/search?q=" + "a".repeat(1500)), 400).get("error").asText().contains("too long"));
        error(get(server, "/api/search?q=" + "a".repeat(3000)), 414);
        error(get(server, "/api/search?q=" + "a".repeat(20000)), 414);
        String manyTerms = "a OR ".repeat(80) + "b";
        assertTrue(error(get(server, "/api/search?q=" + q(manyTerms)), 400).get("error").asText().contains("too many terms"));
    }

    @Test
    void unknownRoutesAndMethodsGetJsonErrors() throws Exception {
        error(get(server, "/api/nothing"), 404);
        error(get(server, "/nothing"), 404);
        HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/health"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        error(delete, 405);
    }

    @Test
    void noFileOutsideTheStaticFolderIsServed() throws Exception {
        HttpResponse<String> page = get(server, "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals(200, get(server, "/static/app.js").statusCode());
        for (String path : List.of("/static/../../pom.xml", "/static/..%2f..%2fpom.xml", "/static/%2e%2e/%2e%2e/pom.xml",
                "/static/..%5c..%5cpom.xml", "/static/%252e%252e%252fpom.xml", "/static/....//....//etc/passwd",
                "/../../../../etc/passwd", "/static/index.html%00.xml", "/static/%2fetc%2fpasswd",
                "/static//etc/passwd", "/static/README.md", "/static/", "/api/openapi.json/../../../pom.xml")) {
            HttpResponse<String> r = get(server, path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode() + " " + r.body());
            assertFalse(r.body().contains("<project") || r.body().contains("root:") || r.body().contains("<html"),
                    path + " -> " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        }
    }

    @Test
    void theOpenApiDescriptionListsEveryRoute() throws Exception {
        JsonNode n = json(get(server, "/api/openapi.json"));
        assertTrue(n.get("openapi").asText().startsWith("3."));
        Set<String> paths = new java.util.TreeSet<>();
        n.get("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(Set.of("/api/health", "/api/search", "/api/facts", "/api/articles/{id}", "/api/extract",
                "/api/openapi.json"), paths);
    }

    @Test
    void aTokenGuardsTheApiButNotHealthOrThePage() throws Exception {
        error(get(guarded, "/api/search?q=x"), 401);
        error(get(guarded, "/api/search?q=x", "Authorization", "Bearer wrong"), 401);
        assertEquals(200, get(guarded, "/api/search?q=x", "Authorization", "Bearer s3cret-token").statusCode());
        JsonNode health = json(get(guarded, "/api/health"));
        assertEquals("ok", health.get("status").asText());
        assertFalse(health.has("index"));
        assertEquals(200, get(guarded, "/").statusCode());
        error(HTTP.send(HttpRequest.newBuilder(URI.create(guarded.url() + "/api/extract"))
                .header("Authorization", "Bearer s3cret-token").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString()), 503);
    }

    @Test
    void refusesToBindBeyondLoopbackWithoutAToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiServer.start(ApiServer.Config.defaults().at("0.0.0.0", 0), searcher, null));
        assertTrue(e.getMessage().contains("--token"), e.getMessage());
    }

    @Test
    void sixteenConcurrentClientsGetNoErrors() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            String[] queries = {"company:NVIDIA amount>=1e12", "英伟达 市值", "type:MARKET_CAP", "市场评论", "amount:[1e9 TO 1e13]"};
            for (int i = 0; i < 320; i++) {
                String query = queries[i % queries.length];
                String route = i % 3 == 0 ? "/api/facts" : "/api/search";
                results.add(pool.submit(() -> get(server, route + "?q=" + q(query)).statusCode()));
            }
            for (Future<Integer> f : results) {
                assertEquals(200, f.get());
            }
            assertEquals(0, json(get(server, "/api/health")).get("server_errors").asInt());
        } finally {
            pool.shutdownNow();
        }
    }
}
