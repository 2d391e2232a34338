package org.finfacts.extract;

import org.finfacts.core.Document;
import org.finfacts.text.NormalizedText;
import org.finfacts.text.Sentence;
import org.finfacts.tokenize.Token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything the extractors read about one document: the working copy with its map to the original,
 * the sentences and the tokens (all in working-copy UTF-16 indices), and the document itself.
 * Immutable once built.
 */
public final class AnalyzedText {
    private final Document document;
    private final NormalizedText normalized;
    private final List<Sentence> sentences;
    private final List<Token> tokens;
    private final int[] firstTokenOfSentence;
    /** Start, end and person-name flag of every token, side by side (what stages scan most). */
    private final int[] tokenStarts;
    private final int[] tokenEnds;
    private final boolean[] personNames;

    /** Builds the view; {@code tokens} must be sorted by start and lie inside the sentences. */
    public AnalyzedText(Document document, NormalizedText normalized, List<Sentence> sentences, List<Token> tokens) {
        this.document = document;
        this.normalized = normalized;
        this.sentences = List.copyOf(sentences);
        this.tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
        this.tokenStarts = new int[tokens.size()];
        this.tokenEnds = new int[tokens.size()];
        this.personNames = new boolean[tokens.size()];
        for (int k = 0; k < tokens.size(); k++) {
            Token tk = tokens.get(k);
            tokenStarts[k] = tk.start();
            tokenEnds[k] = tk.end();
            personNames[k] = tk.isPersonName();
        }
        this.firstTokenOfSentence = new int[sentences.size() + 1];
        int t = 0;
        for (int s = 0; s < sentences.size(); s++) {
            while (t < tokens.size() && tokens.get(t).start() < sentences.get(s).start()) {
                t++;
            }
            firstTokenOfSentence[s] = t;
        }
        firstTokenOfSentence[sentences.size()] = tokens.size();
    }

    /** The document being analysed. */
    public Document document() {
        return document;
    }

    /** The working copy and its offset map. */
    public NormalizedText normalized() {
        return normalized;
    }

    /** The working copy's text (what extractors search). */
    public String text() {
        return normalized.text();
    }

    /** Sentences in order. */
    public List<Sentence> sentences() {
        return sentences;
    }

    /** All tokens in order. */
    public List<Token> tokens() {
        return tokens;
    }

    /** Number of tokens. */
    public int tokenCount() {
        return tokenStarts.length;
    }

    /** Start of token {@code k} (as {@code tokens().get(k).start()}, without touching the token). */
    public int tokenStart(int k) {
        return tokenStarts[k];
    }

    /** End of token {@code k}. */
    public int tokenEnd(int k) {
        return tokenEnds[k];
    }

    /** Whether token {@code k} is tagged as a person name ({@link Token#isPersonName()}). */
    public boolean tokenIsPersonName(int k) {
        return personNames[k];
    }

    /** Tokens of one sentence, in order. */
    public List<Token> tokensOf(Sentence sentence) {
        int from = firstTokenOfSentence[sentence.index()];
        int to = firstTokenOfSentence[sentence.index() + 1];
        int end = from;
        while (end < to && tokens.get(end).start() < sentence.end()) {
            end++;
        }
        return tokens.subList(from, end);
    }

    /** The sentence containing a working-copy index, or null when it falls between sentences. */
    public Sentence sentenceAt(int position) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = sentences.get(mid);
            if (position < s.start()) {
                hi = mid - 1;
            } else if (position >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }
}
