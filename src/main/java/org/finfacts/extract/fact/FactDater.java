package org.finfacts.extract.fact;

import org.finfacts.extract.fact.FactLexicon.Cue;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Grain;
import org.finfacts.normalize.ResolutionContext;

import java.util.List;
import java.util.Locale;

/**
 * Chooses the date of a fact: the sentence's own date nearest before the amount (else one after it
 * in the same clause); for a sentence that says it happens now ({@code 就在刚刚}) the publication
 * month; else the nearest date earlier in the document; for the document's first sentence (a headline)
 * the first date of the story that follows; else the publication month. Dates that are a
 * comparison base ({@code 比前一年}, {@code 与上年同期相比}), a maturity ({@code 2025年到期}) or a
 * bracketed restatement are skipped; {@code 截至2019年12月31日止年度} is the year 2019,
 * {@code ...止3个月} its quarter; {@code 去年同期} after a quarter takes that quarter a year earlier.
 */
final class FactDater {
    /** Sentences after a dateless headline searched for the date its story gives. */
    private static final int HEADLINE_LOOKAHEAD = 2;

    private final FactLexicon lexicon;

    FactDater(FactLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The date of a fact whose amount starts at {@code anchor} in sentence {@code index}, or null. */
    String dateOf(List<SentenceView> views, int index, int anchor, ResolutionContext context) {
        SentenceView v = views.get(index);
        DateMention best = null;
        for (DateMention d : v.dates) {
            if (d.end() <= anchor && usable(v, d) && (best == null || d.start() > best.start())) {
                best = d;
            }
        }
        if (best != null) {
            return valueOf(views, index, best);
        }
        int clauseEnd = v.clauseEnd(anchor);
        for (DateMention d : v.dates) {
            if (d.start() >= anchor && d.end() <= clauseEnd && usable(v, d)) {
                return valueOf(views, index, d);
            }
        }
        if (lexicon.lastIndexIn(Cue.NOW, v.text, v.start, anchor) >= 0) {
            return publicationMonth(context);
        }
        for (int i = index - 1; i >= 0; i--) {
            SentenceView p = views.get(i);
            for (int k = p.dates.size() - 1; k >= 0; k--) {
                DateMention d = p.dates.get(k);
                if (usable(p, d)) {
                    return valueOf(views, i, d);
                }
            }
        }
        if (index == 0) {
            for (int i = 1; i < views.size() && i <= HEADLINE_LOOKAHEAD; i++) {
                SentenceView p = views.get(i);
                for (DateMention d : p.dates) {
                    if (usable(p, d)) {
                        return valueOf(views, i, d);
                    }
                }
            }
        }
        return publicationMonth(context);
    }

    private boolean usable(SentenceView v, DateMention d) {
        if (d.value() == null || d.value().length() < 4 || v.inParentheses(d.start())) {
            return false;
        }
        if (lexicon.endingAt(Cue.COMPARISON_BEFORE, v.text, d.start(), v.start) != null) {
            return false;
        }
        int after = v.skipBracket(d.end());
        return lexicon.startingAt(Cue.COMPARISON_AFTER, v.text, after, v.end) == null
                && lexicon.startingAt(Cue.MATURITY_AFTER, v.text, d.end(), v.end) == null;
    }

    private String valueOf(List<SentenceView> views, int index, DateMention d) {
        SentenceView v = views.get(index);
        String value = d.value();
        if (d.grain() == Grain.DAY || d.grain() == Grain.HOUR || d.grain() == Grain.MINUTE || d.grain() == Grain.SECOND) {
            int after = d.end();
            while (after < v.end && v.text.charAt(after) == ' ') {
                after++;
            }
            if (lexicon.startingAt(Cue.PERIOD_YEAR, v.text, after, v.end) != null) {
                return value.substring(0, 4);
            }
            if (lexicon.startingAt(Cue.PERIOD_QUARTER, v.text, after, v.end) != null && value.length() >= 7) {
                int month = Integer.parseInt(value.substring(5, 7));
                return value.substring(0, 4) + "-Q" + ((month - 1) / 3 + 1);
            }
        }
        boolean samePeriod = d.text().endsWith("同期")
                || lexicon.startingAt(Cue.SAME_PERIOD, v.text, d.end(), v.end) != null;
        if (samePeriod && d.grain() == Grain.YEAR) {
            String governing = finerDateBefore(views, index, d.start());
            if (governing != null) {
                return value.substring(0, 4) + governing.substring(4);
            }
        }
        return value;
    }

    /** The nearest half, quarter or month date before {@code pos}, in this sentence or earlier ones. */
    private String finerDateBefore(List<SentenceView> views, int index, int pos) {
        for (int i = index; i >= 0; i--) {
            SentenceView v = views.get(i);
            for (int k = v.dates.size() - 1; k >= 0; k--) {
                DateMention d = v.dates.get(k);
                if (d.end() > pos || !usable(v, d)) {
                    continue;
                }
                if (d.grain() == Grain.HALF || d.grain() == Grain.QUARTER || d.grain() == Grain.MONTH) {
                    return d.value();
                }
            }
        }
        return null;
    }

    /** The publication time at month grain ({@code 2024-04}), its year if known only to the year. */
    static String publicationMonth(ResolutionContext context) {
        if (context == null || !context.hasReference()) {
            return null;
        }
        if (context.referenceGrain() == Grain.YEAR) {
            return String.format(Locale.ROOT, "%04d", context.reference().getYear());
        }
        return String.format(Locale.ROOT, "%04d-%02d", context.reference().getYear(), context.reference().getMonthValue());
    }
}
