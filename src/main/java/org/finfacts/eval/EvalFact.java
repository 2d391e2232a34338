package org.finfacts.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A fact as the scorer sees it: type, subject and object ids, the start of its MONEY mention
 * ({@code amount_at}), date, and whether gold marked it optional. Two facts match when type, subject,
 * object and amount_at are equal.
 */
public record EvalFact(String type, String subject, String object, Integer amountAt, String date, boolean optional) {
    /** Reads a fact object. */
    public static EvalFact read(JsonNode n) {
        return new EvalFact(n.path("type").asText(), str(n, "subject"), str(n, "object"),
                n.hasNonNull("amount_at") ? n.get("amount_at").asInt() : null, str(n, "date"),
                n.path("optional").asBoolean(false));
    }

    private static String str(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    /** The identity used for matching. */
    public String key() {
        return type + "|" + subject + "|" + object + "|" + amountAt;
    }
}
