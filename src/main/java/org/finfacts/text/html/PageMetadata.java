package org.finfacts.text.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finfacts.text.DatelineParser;
import org.finfacts.text.PageRules;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a page says about itself in machine-readable form: {@code <meta>} tags (by name, property
 * or itemprop), JSON-LD ({@code datePublished}, {@code headline}, {@code author}, {@code publisher})
 * and {@code <time datetime>} elements. Read before the page is cleaned.
 */
final class PageMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON_LD = 1 << 20;

    final Map<String, String> meta = new HashMap<>();
    String ldPublished;
    String ldHeadline;
    String ldAuthor;
    String ldPublisher;
    String timeElement;
    String lang;

    private PageMetadata() {
    }

    static PageMetadata of(Document doc) {
        PageMetadata m = new PageMetadata();
        for (Element e : doc.select("meta[content]")) {
            String content = e.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String key = e.attr(attr).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    m.meta.putIfAbsent(key, content);
                }
            }
        }
        for (Element e : doc.select("script[type=application/ld+json]")) {
            String json = e.data();
            if (json.length() > MAX_JSON_LD) {
                continue;
            }
            try {
                m.readJsonLd(JSON.readTree(json));
            } catch (java.io.IOException | RuntimeException ignored) {
                // broken JSON-LD is common; the page still has other metadata
            }
        }
        for (Element e : doc.select("time[datetime], [itemprop=datePublished], time[pubdate]")) {
            String v = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
            if (DatelineParser.parseValue(v).isPresent()) {
                m.timeElement = v;
                break;
            }
        }
        Element html = doc.selectFirst("html[lang]");
        m.lang = html == null ? "" : html.attr("lang").toLowerCase(Locale.ROOT);
        return m;
    }

    private void readJsonLd(JsonNode root) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        int visited = 0;
        while (!todo.isEmpty() && visited++ < 10_000) {
            JsonNode n = todo.pop();
            if (n.isArray()) {
                for (JsonNode c : n) {
                    todo.add(c);
                }
                continue;
            }
            if (!n.isObject()) {
                continue;
            }
            if (ldPublished == null && n.hasNonNull("datePublished")) {
                ldPublished = n.get("datePublished").asText();
            }
            if (ldHeadline == null && n.hasNonNull("headline")) {
                ldHeadline = n.get("headline").asText();
            }
            if (ldAuthor == null && n.has("author")) {
                ldAuthor = nameOf(n.get("author"));
            }
            if (ldPublisher == null && n.has("publisher")) {
                ldPublisher = nameOf(n.get("publisher"));
            }
            Iterator<JsonNode> it = n.elements();
            while (it.hasNext()) {
                JsonNode c = it.next();
                if (c.isContainerNode()) {
                    todo.add(c);
                }
            }
        }
    }

    private static String nameOf(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isArray() && n.size() > 0) {
            return nameOf(n.get(0));
        }
        if (n.isObject() && n.hasNonNull("name")) {
            return n.get("name").asText();
        }
        return null;
    }

    /** A meta value by lower-case key, or null. */
    String meta(String key) {
        return meta.get(key);
    }

    /** The publication time from meta tags (in the rules' order), JSON-LD or a time element. */
    Optional<Stamped> published(PageRules rules) {
        for (String key : rules.publishedMetaNames()) {
            String v = meta.get(key);
            Optional<DatelineParser.Stamp> s = DatelineParser.parseValue(v);
            if (s.isPresent()) {
                return Optional.of(new Stamped(s.get(), "meta"));
            }
        }
        Optional<DatelineParser.Stamp> s = DatelineParser.parseValue(ldPublished);
        if (s.isPresent()) {
            return Optional.of(new Stamped(s.get(), "json-ld"));
        }
        s = DatelineParser.parseValue(timeElement);
        return s.map(stamp -> new Stamped(stamp, "time"));
    }

    /** A stamp and where it was read. */
    record Stamped(DatelineParser.Stamp stamp, String from) {
    }
}
