package org.finfacts.index;

import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Mention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the engine on a short piece of a query ({@code 10亿美元}, {@code 去年}, {@code 英伟达}) with
 * today as the publication time, remembering the last 1,024 answers, and finds the mention that
 * makes up the piece: one whose text covers every digit of it (qualifier words such as {@code 约}
 * may lie outside). Shared by the engine-backed query value readers; thread-safe (the engine runs
 * outside the cache's lock, so a slow piece never holds up the others).
 */
final class EngineProbe {
    private static final int CACHE = 1024;

    private final Engine engine;
    private final Clock clock;
    private final Map<String, AnnotatedDocument> cache = Collections.synchronizedMap(
            new LinkedHashMap<String, AnnotatedDocument>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, AnnotatedDocument> eldest) {
                    return size() > CACHE;
                }
            });

    EngineProbe(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** The first mention of the type that covers the piece, if the engine finds one. */
    <M extends Mention> Optional<M> find(String text, Class<M> type) {
        if (text == null || text.isBlank() || text.length() > 200) {
            return Optional.empty();
        }
        String today = LocalDate.now(clock).toString();
        String key = today + "\u0000" + text;
        AnnotatedDocument doc = cache.get(key);
        if (doc == null) {
            doc = engine.process(new Document("query", text, null, today, null, null));
            cache.put(key, doc);
        }
        if (doc.isError()) {
            return Optional.empty();
        }
        for (Mention m : doc.mentions()) {
            if (type.isInstance(m) && covers(text, m)) {
                return Optional.of(type.cast(m));
            }
        }
        return Optional.empty();
    }

    private static boolean covers(String text, Mention m) {
        int s = text.offsetByCodePoints(0, Math.min(m.start(), text.codePointCount(0, text.length())));
        int e = text.offsetByCodePoints(0, Math.min(m.end(), text.codePointCount(0, text.length())));
        String rest = text.substring(0, s) + text.substring(e);
        return rest.codePoints().noneMatch(Character::isDigit) && !rest.matches("(?s).*[零一二三四五六七八九十百千万亿两].*");
    }
}
