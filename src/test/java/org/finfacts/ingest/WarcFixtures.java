package org.finfacts.ingest;

import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Writes small WARC files with jwarc for tests: two article pages, a request, an image and a 404. */
public final class WarcFixtures {
    /** WARC-Date of the first page. */
    public static final Instant FETCHED = Instant.parse("2024-03-05T02:00:00Z");

    private WarcFixtures() {
    }

    /** A resource of {@code /pages/}. */
    public static byte[] page(String name) throws IOException {
        try (InputStream in = WarcFixtures.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Writes the crawl to {@code file}, gzipped per record when {@code gzip}. */
    public static void write(Path file, boolean gzip) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WarcWriter w = new WarcWriter(ch, gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            String url1 = "https://finance.example.cn/a/20240305/battery.html";
            w.write(new WarcRequest.Builder(url1).date(FETCHED)
                    .body(new HttpRequest.Builder("GET", "/a/20240305/battery.html").addHeader("Host", "finance.example.cn").build())
                    .build());
            w.write(response(url1, FETCHED, 200, "text/html; charset=gbk", page("gbk-news-with-sidebars.html")));
            w.write(response("https://finance.example.cn/logo.png", FETCHED, 200, "image/png",
                    new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}));
            w.write(response("https://finance.example.cn/gone.html", FETCHED, 404, "text/html",
                    "<html><body>页面不存在</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            w.write(response("https://bank.example.cn/news/green-bond.html", FETCHED.plusSeconds(60), 200,
                    "text/html; charset=utf-8", page("utf8-meta-jsonld.html")));
        }
    }

    private static WarcResponse response(String url, Instant date, int status, String type, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .body(MediaType.parse(type), body).build();
        return new WarcResponse.Builder(url).date(date).body(http).build();
    }
}
