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

    /** The figures of one route ({@code search}, {@code facts}, {@code extract}) in a run. */
    public record RouteFigures(String route, long requests, double p50, double p99, double max, long errors,
                               long serverErrors) {
        /** One line of the per-route table. */
        public String row() {
            return String.format(Locale.ROOT, "%9s %9d %8.2f %8.2f %8.2f %7d %5d", route, requests, p50, p99, max, errors,
                    serverErrors);
        }

        /** The header of {@link #row()}. */
        public static String header() {
            return String.format(Locale.ROOT, "%9s %9s %8s %8s %8s %7s %5s", "route", "requests", "p50 ms", "p99 ms",
                    "max ms", "errors", "5xx");
        }
    }

    /**
     * The figures of one run with a given number of clients; {@code statuses} counts the answers by
     * HTTP status (599: no answer, the connection failed or timed out).
     */
    public record Figures(int clients, double seconds, long requests, long errors, long serverErrors,
                          double throughput, double p50, double p99, double max, long factRequests, double factP50,
                          double factP99, List<RouteFigures> routes, java.util.SortedMap<Integer, Long> statuses) {
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
        return readQueries(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * The bundled mixed workload ({@code /bench/mixed-load.tsv}): searches (most of them
     * fact-filtered, with Chinese amounts and dates read by the engine), fact listings and
     * extractions of 40 to 1,400 characters.
     */
    public static List<QueryCase> mixedQueries() {
        try (java.io.InputStream in = SearchBenchmark.class.getResourceAsStream("/bench/mixed-load.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /bench/mixed-load.tsv");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return readQueries(List.of(text.split("\r?\n")), "mixed-load.tsv");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /bench/mixed-load.tsv", e);
        }
    }

    private static List<QueryCase> readQueries(List<String> lines, String name) {
        List<QueryCase> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length == 1) {
                out.add(new QueryCase("search", parts[0].strip(), "", isFactFiltered(parts[0])));
            } else {
                String route = parts[0].strip();
                if (!route.equals("search") && !route.equals("facts") && !route.equals("extract")) {
                    throw new IllegalArgumentException(name + ": route must be search, facts or extract: " + line);
                }
                String q = parts[1].strip();
                out.add(new QueryCase(route, q, parts.length > 2 ? parts[2].strip() : "", isFactFiltered(q)));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(name + ": no queries");
        }
        return out;
    }

    /** Whether a query has a record filter (company, type, amount, currency, date). */
    static boolean isFactFiltered(String query) {
        try {
            return QueryCompiler.hasRecordFilter(PARSER.parse(query));
        } catch (QueryException e) {
            return false;
        }
    }

    /** Runs {@code clients} concurrent clients against {@code baseUrl} for {@code duration} after {@code warmup}. */
    public Figures run(String baseUrl, String token, List<QueryCase> queries, int clients, Duration warmup,
                       Duration duration) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (QueryCase q : queries) {
            HttpRequest.Builder b;
            if (q.route().equals("extract")) {
                b = HttpRequest.newBuilder(URI.create(baseUrl + "/api/extract" + (q.params().isEmpty() ? "" : "?" + q.params())))
                        .timeout(Duration.ofSeconds(30))
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

    /** Latencies, growing. */
    private static final class Times {
        long[] values = new long[1024];
        int n;
        long errors;
        long serverErrors;

        void add(long nanos) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = nanos;
        }
    }

    /** What one client saw. */
    private static final class Client {
        final Times all = new Times();
        final Times fact = new Times();
        final java.util.Map<String, Times> byRoute = new java.util.TreeMap<>();
        final java.util.Map<Integer, Long> statuses = new java.util.TreeMap<>();

        void add(long nanos, QueryCase q, int status) {
            Times route = byRoute.computeIfAbsent(q.route(), k -> new Times());
            statuses.merge(status, 1L, Long::sum);
            for (Times t : q.factFiltered() ? List.of(all, fact, route) : List.of(all, route)) {
                t.add(nanos);
                if (status != 200) {
                    t.errors++;
                    if (status >= 500) {
                        t.serverErrors++;
                    }
                }
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
            c.add(t1 - t0, queries.get(k), status);
        }
    }

    private static Figures figures(int clients, Duration duration, List<Client> results) {
        long[] all = merge(results.stream().map(c -> c.all).toList());
        long[] fact = merge(results.stream().map(c -> c.fact).toList());
        long errors = results.stream().mapToLong(c -> c.all.errors).sum();
        long serverErrors = results.stream().mapToLong(c -> c.all.serverErrors).sum();
        java.util.SortedMap<Integer, Long> statuses = new java.util.TreeMap<>();
        java.util.Set<String> routeNames = new java.util.TreeSet<>();
        for (Client c : results) {
            c.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            routeNames.addAll(c.byRoute.keySet());
        }
        List<RouteFigures> routes = new ArrayList<>();
        for (String r : routeNames) {
            List<Times> ts = results.stream().map(c -> c.byRoute.get(r)).filter(java.util.Objects::nonNull).toList();
            long[] v = merge(ts);
            routes.add(new RouteFigures(r, v.length, ms(percentile(v, 0.50)), ms(percentile(v, 0.99)),
                    ms(v.length == 0 ? 0 : v[v.length - 1]), ts.stream().mapToLong(t -> t.errors).sum(),
                    ts.stream().mapToLong(t -> t.serverErrors).sum()));
        }
        double seconds = duration.toNanos() / 1e9;
        return new Figures(clients, seconds, all.length, errors, serverErrors, all.length / seconds,
                ms(percentile(all, 0.50)), ms(percentile(all, 0.99)), ms(all.length == 0 ? 0 : all[all.length - 1]),
                fact.length, ms(percentile(fact, 0.50)), ms(percentile(fact, 0.99)), List.copyOf(routes),
                java.util.Collections.unmodifiableSortedMap(statuses));
    }

    /** All values of the given latency lists, sorted. */
    private static long[] merge(List<Times> times) {
        int total = 0;
        for (Times t : times) {
            total += t.n;
        }
        long[] out = new long[total];
        int at = 0;
        for (Times t : times) {
            System.arraycopy(t.values, 0, out, at, t.n);
            at += t.n;
        }
        Arrays.sort(out);
        return out;
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
