package org.finfacts.cli;

import org.finfacts.core.Engine;
import org.finfacts.core.ModelStore;
import org.finfacts.index.ArticleSearcher;
import org.finfacts.index.FxRates;
import org.finfacts.server.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code finfacts serve}: the HTTP API (and a small search page) over an index, on 127.0.0.1 unless
 * told otherwise; a non-local address needs {@code --token}. Runs until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the search API (/api/search, /api/facts, /api/articles/{id}, /api/extract, /api/health, "
                + "/api/openapi.json) and a search page over an index.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder.")
    Path index;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}); anything but loopback needs --token.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "API token required on /api routes as 'Authorization: Bearer TOKEN' (or set FINFACTS_API_TOKEN).")
    String token;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        String t = token != null ? token : System.getenv("FINFACTS_API_TOKEN");
        ModelStore store = engineOptions.models == null ? ModelStore.bundled() : ModelStore.directory(engineOptions.models);
        Engine engine = engineOptions.engine();
        ApiServer.Config config = ApiServer.Config.defaults().at(host, port).withToken(t == null || t.isBlank() ? null : t)
                .withLimits(maxBody, ApiServer.Config.defaults().maxQueryStringChars());
        try (ArticleSearcher searcher = ArticleSearcher.open(index, FxRates.load(store),
                ArticleSearcher.QueryValues.engine(engine), ArticleSearcher.Limits.defaults());
             ApiServer server = ApiServer.start(config, searcher, engine)) {
            serveUntilInterrupted(server, searcher);
        }
        return 0;
    }

    /** Prints where the server is and blocks until the process is stopped. */
    static void serveUntilInterrupted(ApiServer server, ArticleSearcher searcher) throws Exception {
        System.out.println("finfacts: serving " + searcher.stats().articles() + " articles at " + server.url()
                + "/  (API: " + server.url() + "/api/openapi.json; Ctrl-C stops)");
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "finfacts-stop"));
        stop.await();
    }
}
