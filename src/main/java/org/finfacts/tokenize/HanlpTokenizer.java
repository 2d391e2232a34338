package org.finfacts.tokenize;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * The one adapter between the engine and HanLP: the only class that touches HanLP's global
 * {@code HanLP.Config}. It cuts a span of the working copy into {@link Token}s with offsets into that
 * working copy, using HanLP's standard (Viterbi) segmenter with person, place and organisation
 * recognition as {@link Options} ask. Thread-safe: every thread gets its own {@link Segment}.
 * Example: {@code 亚马逊向Anthropic追加27.5亿美元投资} gives {@code 亚马逊/nrf 向/p Anthropic/nx ...}.
 */
public final class HanlpTokenizer {
    /** Which of HanLP's recognisers run on top of segmentation. */
    public record Options(boolean personNames, boolean placeNames, boolean organizations) {
        /** Person and place names on, organisations off (the engine's own company stage covers them). */
        public static Options defaults() {
            return new Options(true, true, false);
        }
    }

    private static final Object CONFIG_LOCK = new Object();
    private static volatile boolean configured;

    private final Options options;
    private final ThreadLocal<Segment> segments;

    /** A tokenizer with the given recognisers; HanLP's dictionaries load on first use. */
    public HanlpTokenizer(Options options) {
        configureOnce();
        this.options = options;
        this.segments = ThreadLocal.withInitial(this::newSegment);
    }

    /** The options this tokenizer was built with. */
    public Options options() {
        return options;
    }

    private static void configureOnce() {
        if (configured) {
            return;
        }
        synchronized (CONFIG_LOCK) {
            if (!configured) {
                HanLP.Config.ShowTermNature = true;
                HanLP.Config.Normalization = false;
                HanLP.Config.enableDebug(false);
                configured = true;
            }
        }
    }

    private Segment newSegment() {
        return HanLP.newSegment()
                .enableOffset(true)
                .enableNameRecognize(options.personNames())
                .enableTranslatedNameRecognize(options.personNames())
                .enableJapaneseNameRecognize(false)
                .enablePlaceRecognize(options.placeNames())
                .enableOrganizationRecognize(options.organizations())
                .enableNumberQuantifierRecognize(false)
                .enableCustomDictionary(true);
    }

    /** Tokens of {@code text.substring(start, end)}, with offsets into {@code text}. */
    public List<Token> tokenize(String text, int start, int end) {
        String piece = text.substring(start, end);
        List<Term> terms = segments.get().seg(piece);
        List<Token> tokens = new ArrayList<>(terms.size());
        int cursor = 0;
        for (Term term : terms) {
            int at = term.offset;
            if (at < cursor || at + term.word.length() > piece.length()
                    || !piece.startsWith(term.word, at)) {
                int found = piece.indexOf(term.word, cursor);
                if (found < 0) {
                    continue;
                }
                at = found;
            }
            String tag = term.nature == null ? "x" : term.nature.toString();
            tokens.add(new Token(term.word, tag, start + at, start + at + term.word.length()));
            cursor = at + term.word.length();
        }
        return tokens;
    }
}
