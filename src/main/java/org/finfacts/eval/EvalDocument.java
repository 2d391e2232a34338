package org.finfacts.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.Document;
import org.finfacts.facts.JsonCodec;

import java.util.ArrayList;
import java.util.List;

/**
 * One document as the scorer sees it, from a gold file or from the engine's output: id, text (gold
 * only), mentions, facts, and the engine's error if it failed.
 */
public record EvalDocument(String id, String text, String title, String published, String url,
                           List<EvalMention> mentions, List<EvalFact> facts, String error) {

    /** Reads a gold or system line. */
    public static EvalDocument read(JsonNode n) {
        List<EvalMention> mentions = new ArrayList<>();
        for (JsonNode m : n.path("mentions")) {
            mentions.add(EvalMention.read(m));
        }
        List<EvalFact> facts = new ArrayList<>();
        for (JsonNode f : n.path("facts")) {
            facts.add(EvalFact.read(f));
        }
        return new EvalDocument(n.path("id").asText(), textOf(n, "text"), textOf(n, "title"), textOf(n, "published"),
                textOf(n, "url"), mentions, facts, textOf(n, "error"));
    }

    /** Reads a line of JSON. */
    public static EvalDocument read(String line) {
        try {
            return read(JsonCodec.mapper().readTree(line));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
    }

    /** The engine input for this gold document: id, text, title, published, url. */
    public Document toInput() {
        return new Document(id, text, title, published, url, null);
    }

    private static String textOf(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }
}
