package org.finfacts.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finfacts.core.Document;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's JSON: {@link AnnotatedDocument} to the output line of {@code ANNOTATION.md} ("Engine
 * input and output", schema in {@code src/main/resources/schema/annotated-document.schema.json}),
 * and input lines ({@code {"id","text","published"?,"title"?,"url"?,"source"?}}) to {@link Document};
 * {@link #readAnnotated} reads an output line back.
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
            if (x.unit() != null) {
                o.put("unit", x.unit());
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
     * is not a JSON object, has no text, or whose text is not a JSON string.
     */
    public static Document readDocument(String line, String fallbackId) {
        return readDocument(readObject(line), fallbackId);
    }

    /** One line as a JSON object, or a failure saying why it is none. */
    private static JsonNode readObject(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return n;
    }

    /** Reads a parsed input object into a document (see {@link #readDocument(String, String)}). */
    public static Document readDocument(JsonNode n, String fallbackId) {
        String id = text(n, "id");
        if (id == null) {
            id = fallbackId;
        }
        JsonNode t = n.get("text");
        if (t == null || t.isNull()) {
            throw new IllegalArgumentException("record has no \"text\" field");
        }
        if (!t.isTextual()) {
            throw new IllegalArgumentException("\"text\" is not a string: " + kind(t));
        }
        String text = t.textValue();
        String published = text(n, "published");
        if (published == null) {
            published = text(n, "date");
        }
        return new Document(id, text, text(n, "title"), published, text(n, "url"), text(n, "source"));
    }

    /**
     * Reads an output line of {@code finfacts extract} back into an {@link AnnotatedDocument}: the
     * inverse of {@link #write}. Facts get their amount, subject and object mentions back by their
     * {@code *_at} offsets; a fact whose amount mention is not in the line gets one rebuilt from its
     * {@code amount_text}, {@code value} and {@code currency}. Fails with a message naming the
     * field on a line that does not follow the schema.
     */
    public static AnnotatedDocument readAnnotated(String line) {
        return readAnnotated(readObject(line));
    }

    /** Reads a parsed output object (see {@link #readAnnotated(String)}). */
    public static AnnotatedDocument readAnnotated(JsonNode n) {
        String id = text(n, "id");
        String error = text(n, "error");
        if (error != null) {
            return AnnotatedDocument.failed(id, error);
        }
        Regions regions = null;
        JsonNode r = n.get("regions");
        if (r != null && r.isObject()) {
            regions = new Regions(span(r.get("title"), "regions.title"), span(r.get("body"), "regions.body"));
        }
        List<Fact.Span> sentences = new ArrayList<>();
        for (JsonNode s : array(n, "sentences")) {
            sentences.add(span(s, "sentences"));
        }
        List<Mention> mentions = new ArrayList<>();
        for (JsonNode m : array(n, "mentions")) {
            mentions.add(readMention(m));
        }
        List<Fact> facts = new ArrayList<>();
        for (JsonNode f : array(n, "facts")) {
            facts.add(readFact(f, mentions));
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode w : array(n, "warnings")) {
            warnings.add(w.asText());
        }
        return new AnnotatedDocument(id, text(n, "title"), text(n, "published"), text(n, "published_from"),
                text(n, "url"), text(n, "source"), text(n, "text"), regions, sentences, mentions, facts, warnings,
                null);
    }

    /** Reads one mention object of an output line. */
    public static Mention readMention(JsonNode m) {
        String type = text(m, "type");
        if (type == null) {
            throw new IllegalArgumentException("mention without \"type\"");
        }
        int start = integer(m, "start");
        int end = integer(m, "end");
        String text = text(m, "text");
        switch (type) {
            case "MONEY":
                return new MoneyMention(start, end, text, decimal(m, "value"), decimal(m, "min"), decimal(m, "max"),
                        text(m, "currency"), Qualifier.fromJson(text(m, "qualifier")), text(m, "per"));
            case "NUMBER":
                return new NumberMention(start, end, text, decimal(m, "value"), decimal(m, "min"), decimal(m, "max"),
                        text(m, "unit"), Qualifier.fromJson(text(m, "qualifier")));
            case "PERCENT":
                return new PercentMention(start, end, text, decimal(m, "value"), decimal(m, "min"),
                        decimal(m, "max"), Qualifier.fromJson(text(m, "qualifier")), text(m, "unit"));
            case "DATE": {
                LocalDateTime from = null;
                LocalDateTime to = null;
                JsonNode iv = m.get("interval");
                if (iv != null && iv.isArray() && iv.size() == 2) {
                    from = dateTime(iv.get(0));
                    to = dateTime(iv.get(1));
                }
                JsonNode rel = m.get("relative");
                return new DateMention(start, end, text, text(m, "value"), Grain.fromJson(text(m, "grain")), from, to,
                        rel != null && rel.asBoolean(), text(m, "role"));
            }
            case "COMPANY": {
                JsonNode known = m.get("known");
                return new CompanyMention(start, end, text, text(m, "id"), text(m, "code"), text(m, "source"),
                        known != null && known.asBoolean());
            }
            case "PERSON":
                return new PersonMention(start, end, text);
            default:
                throw new IllegalArgumentException("unknown mention type \"" + type + "\"");
        }
    }

    private static Fact readFact(JsonNode f, List<Mention> mentions) {
        String typeName = text(f, "type");
        FactType type;
        try {
            type = FactType.valueOf(typeName == null ? "" : typeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fact type \"" + typeName + "\"");
        }
        MoneyMention amount = null;
        JsonNode at = f.get("amount_at");
        if (at != null && at.isNumber()) {
            int start = at.asInt();
            for (Mention m : mentions) {
                if (m instanceof MoneyMention x && x.start() == start) {
                    amount = x;
                    break;
                }
            }
            String amountText = text(f, "amount_text");
            if (amount == null && amountText != null) {
                amount = new MoneyMention(start, start + amountText.codePointCount(0, amountText.length()), amountText,
                        decimal(f, "value"), decimal(f, "min"), decimal(f, "max"), text(f, "currency"),
                        Qualifier.EXACT, null);
            }
        }
        Fact.Span evidence = null;
        JsonNode ev = f.get("evidence");
        if (ev != null && !ev.isNull()) {
            evidence = span(ev, "evidence");
        }
        return new Fact(type, text(f, "subject"), companyAt(f, "subject_at", mentions), text(f, "object"),
                companyAt(f, "object_at", mentions), amount, text(f, "date"), flag(f, "cumulative"), flag(f, "change"),
                text(f, "direction"), flag(f, "forecast"), evidence, text(f, "trigger"));
    }

    private static CompanyMention companyAt(JsonNode f, String field, List<Mention> mentions) {
        JsonNode at = f.get(field);
        if (at == null || !at.isNumber()) {
            return null;
        }
        for (Mention m : mentions) {
            if (m instanceof CompanyMention c && c.start() == at.asInt()) {
                return c;
            }
        }
        return null;
    }

    private static boolean flag(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.asBoolean();
    }

    private static Iterable<JsonNode> array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" is not an array");
        }
        return v;
    }

    private static Fact.Span span(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray() || v.size() != 2 || !v.get(0).canConvertToInt() || !v.get(1).canConvertToInt()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a [start, end] pair");
        }
        return new Fact.Span(v.get(0).asInt(), v.get(1).asInt());
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException("mention without an integer \"" + field + "\"");
        }
        return v.asInt();
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not a decimal: " + s);
        }
    }

    private static LocalDateTime dateTime(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return LocalDateTime.parse(v.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a date-time: " + v.asText());
        }
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

    /** The JSON kind of a value, for messages: {@code a number}, {@code an object}... */
    public static String kind(JsonNode v) {
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return v.isNull() ? "null" : "a " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
