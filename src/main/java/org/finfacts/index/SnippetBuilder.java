package org.finfacts.index;

import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Fact;
import org.finfacts.facts.Mention;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts highlighted snippets out of an article: the sentence with the most query terms and matched
 * mentions (mentions count double), widened to a readable length or narrowed around the first
 * highlight; and the evidence sentence of a fact or money mention with its mentions marked. Terms are
 * found case-insensitively with full-width forms folded, as the index matches them. Works in code
 * points, the unit of every offset in the output. Stateless.
 */
public final class SnippetBuilder {
    private static final int MIN_CHARS = 60;
    private static final int TARGET_CHARS = 160;
    private static final int MAX_CHARS = 240;
    private static final int MAX_HIGHLIGHTS = 400;

    /** A snippet builder. */
    public SnippetBuilder() {
    }

    /** The best snippet of the article for these terms and mentions. */
    public SearchResults.Snippet best(AnnotatedDocument doc, Collection<String> terms, Collection<Mention> mentions) {
        return best(doc, doc.text().codePoints().toArray(), terms, mentions);
    }

    /** {@link #best(AnnotatedDocument, Collection, Collection)} with the text's code points given. */
    public SearchResults.Snippet best(AnnotatedDocument doc, int[] cps, Collection<String> terms,
                                      Collection<Mention> mentions) {
        List<Mark> marks = marks(cps, terms, mentions, 0, cps.length);
        List<Fact.Span> sentences = doc.sentences().isEmpty() ? List.of(new Fact.Span(0, cps.length)) : doc.sentences();
        Fact.Span best = null;
        int bestScore = 0;
        for (Fact.Span s : sentences) {
            int score = 0;
            for (Mark m : marks) {
                if (m.start >= s.start() && m.end <= s.end()) {
                    score += m.kind.equals("term") ? 1 : 2;
                }
            }
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        if (best == null) {
            int from = doc.regions() != null && doc.regions().body() != null ? doc.regions().body().start() : 0;
            from = Math.min(from, cps.length);
            return cut(cps, from, Math.min(cps.length, from + TARGET_CHARS), marks);
        }
        int start = best.start();
        int end = best.end();
        if (end - start < MIN_CHARS) {
            for (Fact.Span s : sentences) {
                if (s.start() >= end && s.end() - start <= TARGET_CHARS) {
                    end = s.end();
                }
            }
        }
        return window(cps, clamp(start, cps.length), clamp(end, cps.length), marks);
    }

    /** The evidence of a record: its sentence (or the one around {@code span}) with mentions and terms marked. */
    public SearchResults.Snippet evidence(AnnotatedDocument doc, Fact.Span sentence, Fact.Span anchor,
                                          Collection<String> terms, Collection<Mention> mentions) {
        return evidence(doc, doc.text().codePoints().toArray(), sentence, anchor, terms, mentions);
    }

    /** {@link #evidence(AnnotatedDocument, Fact.Span, Fact.Span, Collection, Collection)} with the code points given. */
    public SearchResults.Snippet evidence(AnnotatedDocument doc, int[] cps, Fact.Span sentence, Fact.Span anchor,
                                          Collection<String> terms, Collection<Mention> mentions) {
        Fact.Span s = sentence;
        if (s == null && anchor != null) {
            for (Fact.Span x : doc.sentences()) {
                if (x.start() <= anchor.start() && anchor.end() <= x.end()) {
                    s = x;
                    break;
                }
            }
        }
        if (s == null) {
            int a = anchor == null ? 0 : anchor.start();
            s = new Fact.Span(Math.max(0, a - 60), Math.min(cps.length, a + 100));
        }
        int start = clamp(s.start(), cps.length);
        int end = clamp(s.end(), cps.length);
        List<Mark> marks = marks(cps, terms, mentions, start, end);
        if (anchor != null && end - start > MAX_CHARS) {
            start = Math.max(start, anchor.start() - MAX_CHARS / 3);
            end = Math.min(end, start + MAX_CHARS);
            return cut(cps, start, end, marks);
        }
        return window(cps, start, end, marks);
    }

    private static SearchResults.Snippet window(int[] cps, int start, int end, List<Mark> marks) {
        if (end - start <= MAX_CHARS) {
            return cut(cps, start, end, marks);
        }
        int first = -1;
        for (Mark m : marks) {
            if (m.start >= start && m.end <= end) {
                first = m.start;
                break;
            }
        }
        int from = first < 0 ? start : Math.max(start, first - MAX_CHARS / 4);
        return cut(cps, from, Math.min(end, from + MAX_CHARS), marks);
    }

    private static SearchResults.Snippet cut(int[] cps, int start, int end, List<Mark> marks) {
        List<SearchResults.Highlight> hs = new ArrayList<>();
        int last = start;
        for (Mark m : marks) {
            if (m.start >= start && m.end <= end && m.start >= last) {
                hs.add(new SearchResults.Highlight(m.start - start, m.end - start, m.kind));
                last = m.end;
            }
        }
        return new SearchResults.Snippet(new String(cps, start, end - start), start, end, hs);
    }

    /** Highlights of mentions and of every occurrence of the terms in {@code [from, to)}. */
    private static List<Mark> marks(int[] cps, Collection<String> terms, Collection<Mention> mentions, int from,
                                    int to) {
        List<Mark> marks = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= to && m.start() < m.end()) {
                marks.add(new Mark(m.start(), m.end(), m.type().name()));
            }
        }
        if (!terms.isEmpty() && from < to) {
            int[] folded = new int[to - from];
            for (int i = from; i < to; i++) {
                folded[i - from] = fold(cps[i]);
            }
            for (String t : terms) {
                int[] term = t.codePoints().map(SnippetBuilder::fold).toArray();
                if (term.length == 0) {
                    continue;
                }
                for (int i = 0; i + term.length <= folded.length && marks.size() < MAX_HIGHLIGHTS; i++) {
                    if (matchesAt(folded, term, i)) {
                        marks.add(new Mark(from + i, from + i + term.length, "term"));
                        i += term.length - 1;
                    }
                }
            }
        }
        marks.sort(Comparator.comparingInt((Mark m) -> m.start).thenComparingInt(m -> -(m.end - m.start)));
        return marks;
    }

    private static boolean matchesAt(int[] text, int[] term, int at) {
        for (int j = 0; j < term.length; j++) {
            if (text[at + j] != term[j]) {
                return false;
            }
        }
        return true;
    }

    private static int fold(int c) {
        if (c >= 0xFF01 && c <= 0xFF5E) {
            c -= 0xFEE0;
        } else if (c == 0x3000) {
            c = ' ';
        }
        return Character.toLowerCase(c);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }

    private record Mark(int start, int end, String kind) {
    }
}
