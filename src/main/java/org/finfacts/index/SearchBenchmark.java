package org.finfacts.index;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the search API the way clients see it: a fixed set of queries sent over HTTP on loopback
 * by N concurrent clients for a fixed time (after a warm-up that is not counted), each client
 * starting at a different query and cycling through the set. Reports throughput and latency
 * percentiles for all queries and for the fact-filtered ones (queries with a company, type, amount,
 * currency or date filter), and counts errors: any status but 200, and server errors (5xx or no
 * response) apart. Stops by itself; loopback only unless told another URL.
 */
public final class SearchBenchmark {
    /**
     * One request of the set: {@code route} is {@code search} or {@code facts} (then {@code query} is
     * the query and {@code params} extra URL parameters) or {@code extract} (then {@code query} is the
     * text posted).
     */
    public record QueryCase(String route, String query, String params, boolean factFiltered) {
    }

    /** The figures of one run with a given number of clients. */
    public record Figures(int clients, double seconds, long requests, long errors, long serverErrors,
                          double throughput, double p50, double p99, double max, long factRequests, double factP50,
                          double factP99) {
        /** One line of the report table. */
        public String row() {
            return String.format(Locale.ROOT, "%7d %9d %9.1f %8.2f %8.2f %8.2f %10.2f %10.2f %7d %5d", clients, requests,
                    throughput, p50, p99, max, factP50, factP99, errors, serverErrors);
        }

        /** The header of {@link #row()}. */
        public static String header() {
            return String.format(Locale.ROOT, "%7s %9s %9s %8s %8s %8s %10s %10s %7s %5s", "clients", "requests", "req/s",
                    "p50 ms", "p99 ms", "max ms", "fact p50", "fact p99", "errors", "5xx");
        }
    }

    private static final SearchQueryParser PARSER = new SearchQueryParser(SearchQueryParser.Limits.defaults());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A benchmark client. */
    public SearchBenchmark() {
    }

    /**
     * The default query set: fact-filtered queries written with keyboard amounts (readable without the
     * money recognizer), text queries, and fact listings; some sorted by amount or with facets.
     */
    public static List<QueryCase> defaultQueries() {
        String[][] rows = {
                {"search", "company:NVIDIA amount>=1e12", ""},
                {"search", "type:INVESTMENT amount>=USD1e9 date:2024", ""},
                {"search", "type:FUNDING amount>=CNY1e8", "sort=amount"},
                {"search", "amount:[CNY1e8 TO CNY1e9] currency:CNY", ""},
                {"search", "company:Apple date:[2023-01 TO 2023-12]", ""},
                {"search", "amount>=USD1e8", "sort=amount"},
                {"search", "type:REVENUE date:2024", "facets=true"},
                {"search", "company:腾讯 amount>=1e9", ""},
                {"facts", "amount>=USD1e9", "sort=amount"},
                {"facts", "type:INVESTMENT", "sort=date"},
                {"search", "英伟达 市值", ""},
                {"search", "融资 亿元", "sort=date"},
                {"search", "\"人工智能\"", ""},
                {"search", "银行 NOT 保险", ""},
                {"search", "source:bbt-finnl 营收", "facets=true"},
                {"search", "title:市场", ""},
        };
        List<QueryCase> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(new QueryCase(r[0], r[1], r[2], isFactFiltered(r[1])));
        }
        return out;
    }

    /**
     * Reads a query set: one query per line as {@code route<TAB>query<TAB>params} ({@code route}
     * {@code search}, {@code facts} or {@code extract}; params optional, e.g. {@code sort=amount}), or
     * just the query (then route {@code search}); blank lines and {@code #} comments skipped.
     */
    public static List<QueryCase> readQueries(Path file) throws IOException {
        List<QueryCase> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length == 1) {
                out.add(new QueryCase("search", parts[0].strip(), "", isFactFiltered(parts[0])));
            } else {
                String route = parts[0].strip();
                if (!route.equals("search") && !route.equals("facts") && !route.equals("extract")) {
                    throw new IllegalArgumentException(file + ": route must be search, facts or extract: " + line);
                }
                String q = parts[1].strip();
                out.add(new QueryCase(route, q, parts.length > 2 ? parts[2].strip() : "", isFactFiltered(q)));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no queries");
        }
        return out;
    }

    /** Whether a query has a record filter (company, type, amount, currency, date). */
    static boolean isFactFiltered(String query) {
        try {
            return hasRecordField(PARSER.parse(query));
        } catch (QueryException e) {
            return false;
        }
    }

    private static boolean hasRecordField(QueryNode n) {
        if (n instanceof QueryNode.Term t) {
            return t.field().isRecord();
        }
        if (n instanceof QueryNode.Compare c) {
            return c.field().isRecord();
        }
        if (n instanceof QueryNode.Range r) {
            return r.field().isRecord();
        }
        if (n instanceof QueryNode.And a) {
            return a.parts().stream().anyMatch(SearchBenchmark::hasRecordField);
        }
        if (n instanceof QueryNode.Or o) {
            return o.parts().stream().anyMatch(SearchBenchmark::hasRecordField);
        }
        if (n instanceof QueryNode.Not x) {
            return hasRecordField(x.part());
        }
        return false;
    }

    /** Runs {@code clients} concurrent clients against {@code baseUrl} for {@code duration} after {@code warmup}. */
    public Figures run(String baseUrl, String token, List<QueryCase> queries, int clients, Duration warmup,
                       Duration duration) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (QueryCase q : queries) {
            HttpRequest.Builder b;
            if (q.route().equals("extract")) {
                b = HttpRequest.newBuilder(URI.create(baseUrl + "/api/extract")).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(q.query(), StandardCharsets.UTF_8));
            } else {
                String url = baseUrl + "/api/" + q.route() + "?q=" + URLEncoder.encode(q.query(), StandardCharsets.UTF_8)
                        + (q.params().isEmpty() ? "" : "&" + q.params());
                b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            requests.add(b.build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        try {
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long end = measureFrom + duration.toNanos();
            List<Future<Client>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = (c * 7) % requests.size();
                futures.add(pool.submit(() -> drive(requests, queries, first, measureFrom, end)));
            }
            List<Client> results = new ArrayList<>();
            for (Future<Client> f : futures) {
                results.add(f.get());
            }
            return figures(clients, duration, results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one client saw. */
    private static final class Client {
        long[] all = new long[1024];
        int n;
        long[] fact = new long[1024];
        int nf;
        long errors;
        long serverErrors;

        void add(long nanos, boolean factFiltered) {
            if (n == all.length) {
                all = Arrays.copyOf(all, n * 2);
            }
            all[n++] = nanos;
            if (factFiltered) {
                if (nf == fact.length) {
                    fact = Arrays.copyOf(fact, nf * 2);
                }
                fact[nf++] = nanos;
            }
        }
    }

    private Client drive(List<HttpRequest> requests, List<QueryCase> queries, int first, long measureFrom, long end) {
        Client c = new Client();
        int i = first;
        while (true) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
                return c;
            }
            int k = i % requests.size();
            i++;
            int status;
            try {
                HttpResponse<byte[]> r = http.send(requests.get(k), HttpResponse.BodyHandlers.ofByteArray());
                status = r.statusCode();
            } catch (IOException e) {
                status = 599;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return c;
            }
            long t1 = System.nanoTime();
            if (t0 < measureFrom) {
                continue;
            }
            c.add(t1 - t0, queries.get(k).factFiltered());
            if (status != 200) {
                c.errors++;
                if (status >= 500) {
                    c.serverErrors++;
                }
            }
        }
    }

    private static Figures figures(int clients, Duration duration, List<Client> results) {
        int total = 0;
        int totalFact = 0;
        long errors = 0;
        long serverErrors = 0;
        for (Client c : results) {
            total += c.n;
            totalFact += c.nf;
            errors += c.errors;
            serverErrors += c.serverErrors;
        }
        long[] all = new long[total];
        long[] fact = new long[totalFact];
        int a = 0;
        int f = 0;
        for (Client c : results) {
            System.arraycopy(c.all, 0, all, a, c.n);
            a += c.n;
            System.arraycopy(c.fact, 0, fact, f, c.nf);
            f += c.nf;
        }
        Arrays.sort(all);
        Arrays.sort(fact);
        double seconds = duration.toNanos() / 1e9;
        return new Figures(clients, seconds, total, errors, serverErrors, total / seconds, ms(percentile(all, 0.50)),
                ms(percentile(all, 0.99)), ms(total == 0 ? 0 : all[total - 1]), totalFact, ms(percentile(fact, 0.50)),
                ms(percentile(fact, 0.99)));
    }

    /** The value at quantile {@code q} of sorted values (nearest rank). */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
