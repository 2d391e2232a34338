package org.finfacts.index;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finfacts.facts.JsonCodec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Search results as JSON, the same for {@code finfacts search --json} and the HTTP API. Amounts are
 * exact decimal strings; snippet offsets are code points; {@code marked} is the snippet as HTML-escaped
 * text with {@code <mark class="KIND">} around each highlight, safe to insert into a page.
 */
public final class SearchJson {
    private SearchJson() {
    }

    /** The head every page of hits starts with: the query, the total, the window and the time taken. */
    private static ObjectNode page(String query, long total, int offset, int limit, long micros) {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        o.put("query", query);
        o.put("total", total);
        o.put("offset", offset);
        o.put("limit", limit);
        o.put("took_ms", micros / 1000.0);
        return o;
    }

    /** A page of article hits. */
    public static ObjectNode articles(SearchResults.Articles r) {
        ObjectNode o = page(r.query(), r.total(), r.offset(), r.limit(), r.micros());
        ArrayNode hits = o.putArray("hits");
        for (SearchResults.ArticleHit h : r.hits()) {
            ObjectNode x = hits.addObject();
            article(x, h.article());
            x.put("score", h.score());
            x.set("snippet", snippet(h.snippet()));
            x.put("record_count", h.recordCount());
            ArrayNode recs = x.putArray("records");
            for (SearchResults.RecordHit rec : h.records()) {
                recs.add(record(rec, false));
            }
        }
        if (r.facets() != null) {
            o.set("facets", facets(r.facets()));
        }
        return o;
    }

    /** A page of records. */
    public static ObjectNode records(SearchResults.Records r) {
        ObjectNode o = page(r.query(), r.total(), r.offset(), r.limit(), r.micros());
        ArrayNode hits = o.putArray("hits");
        for (SearchResults.RecordHit h : r.hits()) {
            hits.add(record(h, true));
        }
        return o;
    }

    /** One matching record: the fact (as in the annotated output) or money mention, with its evidence. */
    public static ObjectNode record(SearchResults.RecordHit h, boolean withArticle) {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        o.put("kind", h.kind());
        o.put("index", h.index());
        if (withArticle) {
            article(o.putObject("article"), h.article());
        }
        if (h.fact() != null) {
            ObjectNode f = JsonCodec.fact(h.fact());
            if (h.fact().subjectMention() != null) {
                f.put("subject_text", h.fact().subjectMention().text());
            }
            if (h.fact().objectMention() != null) {
                f.put("object_text", h.fact().objectMention().text());
            }
            o.set("fact", f);
        }
        if (h.money() != null) {
            o.set("money", JsonCodec.mention(h.money()));
        }
        putDecimal(o, "amount_usd", h.amountUsd());
        o.set("evidence", snippet(h.evidence()));
        return o;
    }

    /** Facets: per facet, its values with matching articles, facts and sums. */
    public static ObjectNode facets(Map<String, List<SearchResults.FacetBucket>> facets) {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        for (Map.Entry<String, List<SearchResults.FacetBucket>> f : facets.entrySet()) {
            ArrayNode a = o.putArray(f.getKey());
            for (SearchResults.FacetBucket b : f.getValue()) {
                ObjectNode x = a.addObject();
                x.put("value", b.value());
                x.put("articles", b.articles());
                x.put("facts", b.facts());
                putDecimal(x, "amount_usd", b.amountUsd());
                if (b.amount() != null) {
                    putDecimal(x, "amount", b.amount());
                }
            }
        }
        return o;
    }

    /** Index statistics. */
    public static ObjectNode stats(ArticleSearcher.Stats s) {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        o.put("articles", s.articles());
        o.put("facts", s.facts());
        o.put("money_mentions", s.money());
        o.put("bytes", s.bytes());
        o.put("commit_generation", s.generation());
        o.put("committed_at", s.committedAt());
        return o;
    }

    /** A snippet with its highlights and the marked-up HTML form. */
    public static ObjectNode snippet(SearchResults.Snippet s) {
        ObjectNode o = JsonCodec.mapper().createObjectNode();
        if (s == null) {
            return o;
        }
        o.put("text", s.text());
        o.put("start", s.start());
        o.put("end", s.end());
        ArrayNode hs = o.putArray("highlights");
        for (SearchResults.Highlight h : s.highlights()) {
            hs.addArray().add(h.start()).add(h.end()).add(h.kind());
        }
        o.put("marked", marked(s));
        return o;
    }

    /** The snippet as escaped HTML with {@code <mark>} around highlights. */
    public static String marked(SearchResults.Snippet s) {
        int[] cps = s.text().codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (SearchResults.Highlight h : s.highlights()) {
            escape(sb, cps, at, h.start());
            sb.append("<mark class=\"").append(h.kind()).append("\">");
            escape(sb, cps, h.start(), h.end());
            sb.append("</mark>");
            at = h.end();
        }
        escape(sb, cps, at, cps.length);
        return sb.toString();
    }

    private static void escape(StringBuilder sb, int[] cps, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = cps[i];
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.appendCodePoint(c);
            }
        }
    }

    private static void article(ObjectNode o, SearchResults.ArticleInfo a) {
        o.put("id", a.id());
        o.put("title", a.title());
        if (a.url() != null) {
            o.put("url", a.url());
        }
        o.put("source", a.source());
        o.put("published", a.published());
    }

    private static void putDecimal(ObjectNode o, String name, BigDecimal v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v.toPlainString());
        }
    }
}
