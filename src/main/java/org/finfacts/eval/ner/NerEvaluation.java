package org.finfacts.eval.ner;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MentionType;
import org.finfacts.facts.JsonCodec;
import org.finfacts.text.NormalizedText;
import org.finfacts.tokenize.Token;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures organisation spans against NER references ({@code {id, text, entities:[{start,end,type}]}},
 * code-point offsets): recall where the labels are partial, precision and recall where they are
 * complete, each with exact spans and with overlapping spans, matched one to one. Two systems are
 * measured alike: the engine's COMPANY mentions and the organisation tokens ({@code nt*}) of HanLP's
 * own organisation recognition. Example: {@code score(read(cluener), Set.of("company"), engineSpans)}.
 */
public final class NerEvaluation {
    private NerEvaluation() {
    }

    /** A reference document. */
    public record Doc(String id, String text, List<Entity> entities) {
    }

    /** A labelled span, code points, end exclusive. */
    public record Entity(int start, int end, String type) {
    }

    /** A span found by a system. */
    public record Span(int start, int end) {
    }

    /** Counts of one system on one dataset, with exact and overlapping matches. */
    public static final class Tally {
        public int gold;
        public int system;
        public int exactMatched;
        public int overlapMatched;
        public int overlapSystemMatched;

        /** Exact-span recall. */
        public double recall() {
            return gold == 0 ? 0 : (double) exactMatched / gold;
        }

        /** Overlap recall. */
        public double overlapRecall() {
            return gold == 0 ? 0 : (double) overlapMatched / gold;
        }

        /** Exact-span precision. */
        public double precision() {
            return system == 0 ? 0 : (double) exactMatched / system;
        }

        /** Overlap precision: system spans that overlap a reference span. */
        public double overlapPrecision() {
            return system == 0 ? 0 : (double) overlapSystemMatched / system;
        }

        /** Exact-span F1. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Overlap F1. */
        public double overlapF1() {
            double p = overlapPrecision();
            double r = overlapRecall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Reads a reference file. */
    public static List<Doc> read(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JsonCodec.mapper().readTree(line);
                List<Entity> entities = new ArrayList<>();
                for (JsonNode e : n.path("entities")) {
                    entities.add(new Entity(e.path("start").asInt(), e.path("end").asInt(), e.path("type").asText()));
                }
                docs.add(new Doc(n.path("id").asText(), n.path("text").asText(), entities));
            }
        }
        return docs;
    }

    /** The engine's COMPANY spans per document (code points of the original text). */
    public static List<List<Span>> engineSpans(Engine engine, List<Doc> docs) {
        return engineSpans(engine, docs, Set.of(MentionType.COMPANY)).get(MentionType.COMPANY);
    }

    /** The engine's spans of each given type per document, from one pass over the documents. */
    public static java.util.Map<MentionType, List<List<Span>>> engineSpans(Engine engine, List<Doc> docs,
                                                                           Set<MentionType> types) {
        java.util.Map<MentionType, List<List<Span>>> out = new java.util.EnumMap<>(MentionType.class);
        for (MentionType t : types) {
            out.put(t, new ArrayList<>(docs.size()));
        }
        for (Doc d : docs) {
            AnnotatedDocument a = engine.process(Document.of(d.id(), d.text()));
            for (MentionType t : types) {
                List<Span> spans = new ArrayList<>();
                for (Mention m : a.mentions()) {
                    if (m.type() == t) {
                        spans.add(new Span(m.start(), m.end()));
                    }
                }
                out.get(t).add(spans);
            }
        }
        return out;
    }

    /**
     * HanLP's organisation tokens per document: an engine built with the tokenizer's organisation
     * recognition on, its tokens tagged {@code nt*}, mapped to code points of the original text.
     */
    public static List<List<Span>> hanlpOrganizationSpans(Engine withOrganizations, List<Doc> docs) {
        List<List<Span>> out = new ArrayList<>(docs.size());
        for (Doc d : docs) {
            AnalyzedText a = withOrganizations.analyze(Document.of(d.id(), d.text()));
            NormalizedText n = a.normalized();
            List<Span> spans = new ArrayList<>();
            for (Token t : a.tokens()) {
                if (t.isOrganization()) {
                    spans.add(new Span(n.originalStart(t.start()), n.originalEnd(t.end())));
                }
            }
            out.add(spans);
        }
        return out;
    }

    /** Scores system spans against the reference entities of the given types. */
    public static Tally score(List<Doc> docs, Set<String> types, List<List<Span>> system) {
        Tally tally = new Tally();
        for (int i = 0; i < docs.size(); i++) {
            List<Entity> gold = new ArrayList<>();
            for (Entity e : docs.get(i).entities()) {
                if (types.contains(e.type())) {
                    gold.add(e);
                }
            }
            List<Span> sys = system.get(i);
            tally.gold += gold.size();
            tally.system += sys.size();
            tally.exactMatched += match(gold, sys, true);
            tally.overlapMatched += match(gold, sys, false);
            tally.overlapSystemMatched += tally(sys, gold);
        }
        return tally;
    }

    private static int match(List<Entity> gold, List<Span> sys, boolean exact) {
        List<int[]> pairs = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            for (int s = 0; s < sys.size(); s++) {
                Entity e = gold.get(g);
                Span p = sys.get(s);
                int ov = Math.min(e.end(), p.end()) - Math.max(e.start(), p.start());
                if (exact ? e.start() == p.start() && e.end() == p.end() : ov > 0) {
                    pairs.add(new int[] {g, s, ov});
                }
            }
        }
        pairs.sort(Comparator.comparingInt((int[] p) -> -p[2]));
        Set<Integer> usedG = new HashSet<>();
        Set<Integer> usedS = new HashSet<>();
        int n = 0;
        for (int[] p : pairs) {
            if (usedG.add(p[0])) {
                if (usedS.add(p[1])) {
                    n++;
                } else {
                    usedG.remove(p[0]);
                }
            }
        }
        return n;
    }

    private static int tally(List<Span> sys, List<Entity> gold) {
        int n = 0;
        for (Span p : sys) {
            for (Entity e : gold) {
                if (Math.min(e.end(), p.end()) > Math.max(e.start(), p.start())) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
