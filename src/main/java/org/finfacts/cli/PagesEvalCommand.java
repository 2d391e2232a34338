package org.finfacts.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finfacts.core.ModelStore;
import org.finfacts.eval.pages.PagesEvaluation;
import org.finfacts.facts.JsonCodec;
import org.finfacts.text.html.Article;
import org.finfacts.text.html.ArticleExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code finfacts pages-eval PATH}: scores article extraction (body, title, publication time,
 * author) on a page benchmark such as {@code ../shared/pages/dev.jsonl}, per source and overall,
 * and times it on 1 and 2 threads.
 */
@Command(name = "pages-eval", mixinStandardHelpOptions = true,
        description = "Score article extraction from HTML pages against a page benchmark (JSONL with html, encoding, "
                + "expected{title,publish_time,author,content}, fields_labelled).")
public final class PagesEvalCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "The benchmark file, e.g. ../shared/pages/dev.jsonl.")
    Path path;

    @Option(names = "--errors", description = "List every page whose body F1 is below 0.9 or whose title or time is wrong.")
    boolean errors;

    @Option(names = "--show", paramLabel = "ID", description = "Print what was extracted from the page with this id.")
    String show;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--no-timing", description = "Skip the throughput passes.")
    boolean noTiming;

    @Option(names = "--models", paramLabel = "DIR", description = "Read models from DIR instead of the bundled ones.")
    Path models;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        PrintStream out = System.out;
        ArticleExtractor extractor = ArticleExtractor.create(models == null ? ModelStore.bundled() : ModelStore.directory(models));
        PagesEvaluation eval = new PagesEvaluation(extractor);
        List<PagesEvaluation.Page> pages = PagesEvaluation.read(path);
        if (show != null) {
            for (PagesEvaluation.Page p : pages) {
                if (p.id().equals(show)) {
                    Article a = eval.extract(p);
                    out.println("title:      " + a.title());
                    out.println("page title: " + a.pageTitle());
                    out.println("published:  " + a.published() + " (" + a.publishedFrom() + ")");
                    out.println("source:     " + a.source());
                    out.println("author:     " + a.author());
                    out.println("not article: " + a.notArticle());
                    out.println("container:  " + a.container());
                    out.println("---");
                    out.println(a.body());
                    out.println("--- expected:");
                    out.println(p.expected().toPrettyString());
                    return 0;
                }
            }
            throw new IllegalArgumentException("no page with id " + show);
        }
        List<PagesEvaluation.PageResult> results = eval.score(pages);
        Map<String, PagesEvaluation.Summary> summary = PagesEvaluation.summarise(results);
        List<PagesEvaluation.Throughput> timings = noTiming ? List.of()
                : List.of(eval.time(pages, 1), eval.time(pages, 2));
        if (json) {
            ObjectNode root = JsonCodec.mapper().createObjectNode();
            ObjectNode bySource = root.putObject("by_source");
            summary.forEach((k, s) -> bySource.set(k, JsonCodec.mapper().valueToTree(s)));
            ArrayNode t = root.putArray("throughput");
            for (PagesEvaluation.Throughput x : timings) {
                t.addObject().put("threads", x.threads()).put("pages_per_s", x.pagesPerSecond())
                        .put("mb_per_s", x.megabytesPerSecond()).put("peak_heap_mb", x.peakHeapBytes() / 1048576.0);
            }
            out.println(root.toPrettyString());
            return 0;
        }
        out.printf(Locale.ROOT, "%-17s %5s | %5s %6s %6s %6s %8s | %9s | %9s | %9s | %9s%n", "source", "pages", "body",
                "F1", "P", "R", "ROUGE-L", "snippets", "title", "time", "author");
        for (Map.Entry<String, PagesEvaluation.Summary> e : summary.entrySet()) {
            PagesEvaluation.Summary s = e.getValue();
            out.printf(Locale.ROOT, "%-17s %5d | %5d %6.3f %6.3f %6.3f %8.3f | %9s | %9s | %9s | %9s%n", e.getKey(),
                    s.pages(), s.bodyPages(), s.bodyF1(), s.bodyP(), s.bodyR(), s.rougeF1(),
                    ratio(s.snippetsOk(), s.snippetPages()), ratio(s.titleOk(), s.titlePages()),
                    ratio(s.timeOk(), s.timePages()), ratio(s.authorOk(), s.authorPages()));
        }
        for (PagesEvaluation.Throughput x : timings) {
            out.printf(Locale.ROOT, "throughput, %d thread%s: %.1f pages/s, %.2f MB/s, peak heap %.0f MB (max %d MB)%n",
                    x.threads(), x.threads() == 1 ? "" : "s", x.pagesPerSecond(), x.megabytesPerSecond(),
                    x.peakHeapBytes() / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
        }
        if (errors) {
            for (PagesEvaluation.PageResult r : results) {
                StringBuilder b = new StringBuilder();
                if (r.body() != null && r.body().bag().f1() < 0.9) {
                    b.append(String.format(Locale.ROOT, " body F1 %.3f (P %.3f R %.3f)", r.body().bag().f1(),
                            r.body().bag().precision(), r.body().bag().recall()));
                }
                if (Boolean.FALSE.equals(r.snippets())) {
                    b.append(" snippets wrong");
                }
                if (Boolean.FALSE.equals(r.title())) {
                    b.append(" title '").append(r.gotTitle()).append("' want '").append(r.wantTitle()).append("'");
                }
                if (Boolean.FALSE.equals(r.published())) {
                    b.append(" time ").append(r.gotPublished()).append(" want ").append(r.wantPublished());
                }
                if (Boolean.FALSE.equals(r.author())) {
                    b.append(" author '").append(r.gotAuthor()).append("' want '").append(r.wantAuthor()).append("'");
                }
                if (b.length() > 0) {
                    out.println(r.id() + ":" + b);
                }
            }
        }
        return 0;
    }

    private static String ratio(int ok, int n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%d/%d", ok, n);
    }
}
