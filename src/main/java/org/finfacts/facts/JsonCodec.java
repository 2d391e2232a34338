package org.finfacts.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finfacts.core.Document;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The engine's JSON: {@link AnnotatedDocument} to the output line of {@code ANNOTATION.md} ("Engine
 * input and output", schema in {@code src/main/resources/schema/annotated-document.schema.json}),
 * and input lines ({@code {"id","text","published"?,"title"?,"url"?,"source"?}}) to {@link Document}.
 * Money values are exact decimal strings; offsets are code points. Thread-safe.
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final boolean includeText;

    /** A codec; {@code includeText} puts the document's text into each output line. */
    public JsonCodec(boolean includeText) {
        this.includeText = includeText;
    }

    /** The shared Jackson mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One output line (no trailing newline), compact or indented. */
    public String write(AnnotatedDocument doc, boolean pretty) {
        try {
            return (pretty ? PRETTY : MAPPER).writeValueAsString(toJson(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise document " + doc.id(), e);
        }
    }

    /** The output object of one document. */
    public ObjectNode toJson(AnnotatedDocument doc) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", doc.id());
        Provenance p = doc.provenance();
        if (doc.isError()) {
            o.put("error", doc.error());
            if (p != null && p.origin() != null) {
                o.put("origin", p.origin());
            }
            o.putArray("mentions");
            o.putArray("facts");
            return o;
        }
        o.put("title", doc.title());
        o.put("published", doc.published());
        o.put("published_from", doc.publishedFrom());
        if (doc.url() != null) {
            o.put("url", doc.url());
        }
        if (doc.source() != null) {
            o.put("source", doc.source());
        }
        if (p != null) {
            putIfPresent(o, "author", p.author());
            putIfPresent(o, "fetched", p.fetched());
            putIfPresent(o, "text_from", p.textFrom());
            putIfPresent(o, "origin", p.origin());
            putIfPresent(o, "duplicate_of", p.duplicateOf());
        }
        if (doc.regions() != null) {
            ObjectNode r = o.putObject("regions");
            putSpan(r, "title", doc.regions().title());
            putSpan(r, "body", doc.regions().body());
        }
        if (includeText) {
            o.put("text", doc.text());
        }
        ArrayNode sentences = o.putArray("sentences");
        for (Fact.Span s : doc.sentences()) {
            sentences.addArray().add(s.start()).add(s.end());
        }
        ArrayNode mentions = o.putArray("mentions");
        for (Mention m : doc.mentions()) {
            mentions.add(mention(m));
        }
        ArrayNode facts = o.putArray("facts");
        for (Fact f : doc.facts()) {
            facts.add(fact(f));
        }
        if (!doc.warnings().isEmpty()) {
            ArrayNode w = o.putArray("warnings");
            doc.warnings().forEach(w::add);
        }
        return o;
    }

    private static void putIfPresent(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void putSpan(ObjectNode o, String name, Fact.Span span) {
        if (span == null) {
            o.putNull(name);
        } else {
            o.putArray(name).add(span.start()).add(span.end());
        }
    }

    /** The JSON object of one mention. */
    public static ObjectNode mention(Mention m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("start", m.start());
        o.put("end", m.end());
        o.put("text", m.text());
        o.put("type", m.type().name());
        if (m instanceof MoneyMention x) {
            putDecimal(o, "value", x.value());
            if (x.min() != null || x.max() != null) {
                putDecimal(o, "min", x.min());
                putDecimal(o, "max", x.max());
            }
            o.put("currency", x.currency());
            o.put("qualifier", x.qualifier().json());
            if (x.per() != null) {
                o.put("per", x.per());
            }
        } else if (m instanceof NumberMention x) {
            putDecimal(o, "value", x.value());
            if (x.min() != null || x.max() != null) {
                putDecimal(o, "min", x.min());
                putDecimal(o, "max", x.max());
            }
            if (x.unit() != null) {
                o.put("unit", x.unit());
            }
            o.put("qualifier", x.qualifier().json());
        } else if (m instanceof PercentMention x) {
            putDecimal(o, "value", x.value());
            if (x.min() != null || x.max() != null) {
                putDecimal(o, "min", x.min());
                putDecimal(o, "max", x.max());
            }
            o.put("qualifier", x.qualifier().json());
        } else if (m instanceof DateMention x) {
            o.put("value", x.value());
            o.put("grain", x.grain() == null ? null : x.grain().json());
            if (x.intervalStart() != null && x.intervalEnd() != null) {
                o.putArray("interval").add(iso(x.intervalStart())).add(iso(x.intervalEnd()));
            }
            if (x.relative()) {
                o.put("relative", true);
            }
            if (x.role() != null) {
                o.put("role", x.role());
            }
        } else if (m instanceof CompanyMention x) {
            o.put("id", x.id());
            if (x.code() != null) {
                o.put("code", x.code());
            }
            o.put("known", x.known());
            o.put("source", x.source());
        }
        return o;
    }

    /** The JSON object of one fact. */
    public static ObjectNode fact(Fact f) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", f.type().name());
        o.put("subject", f.subject());
        o.put("object", f.object());
        o.put("amount_at", f.amount() == null ? null : f.amount().start());
        if (f.amount() != null) {
            o.put("amount_text", f.amount().text());
            putDecimal(o, "value", f.amount().value());
            if (f.amount().isRange()) {
                putDecimal(o, "min", f.amount().min());
                putDecimal(o, "max", f.amount().max());
            }
            o.put("currency", f.amount().currency());
        }
        o.put("date", f.date());
        if (f.cumulative()) {
            o.put("cumulative", true);
        }
        if (f.change()) {
            o.put("change", true);
            o.put("direction", f.direction());
        }
        if (f.forecast()) {
            o.put("forecast", true);
        }
        if (f.subjectMention() != null) {
            o.put("subject_at", f.subjectMention().start());
        }
        if (f.objectMention() != null) {
            o.put("object_at", f.objectMention().start());
        }
        if (f.sentence() != null) {
            o.putArray("evidence").add(f.sentence().start()).add(f.sentence().end());
        }
        if (f.trigger() != null) {
            o.put("trigger", f.trigger());
        }
        return o;
    }

    private static void putDecimal(ObjectNode o, String name, BigDecimal v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v.toPlainString());
        }
    }

    private static String iso(LocalDateTime t) {
        return t.toString();
    }

    /**
     * Reads one input line into a document. Accepts {@code published}, or else {@code date}, as the
     * publication time; a missing id becomes {@code fallbackId}. Fails with a message on a line that
     * is not a JSON object or has no text.
     */
    public static Document readDocument(String line, String fallbackId) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return readDocument(n, fallbackId);
    }

    /** Reads a parsed input object into a document (see {@link #readDocument(String, String)}). */
    public static Document readDocument(JsonNode n, String fallbackId) {
        String id = text(n, "id");
        if (id == null) {
            id = fallbackId;
        }
        String text = text(n, "text");
        if (text == null) {
            throw new IllegalArgumentException("record has no \"text\" field");
        }
        String published = text(n, "published");
        if (published == null) {
            published = text(n, "date");
        }
        return new Document(id, text, text(n, "title"), published, text(n, "url"), text(n, "source"));
    }

    /** The record's id if it has one, else null (for error lines of unreadable records). */
    public static String idOf(String line) {
        try {
            JsonNode n = MAPPER.readTree(line);
            return n != null && n.isObject() ? text(n, "id") : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
