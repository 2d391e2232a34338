package org.finfacts.index;

import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.CompanyMention;
import org.finfacts.facts.Fact;
import org.finfacts.facts.FactType;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.Qualifier;
import org.finfacts.facts.Regions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds annotated articles by hand for index tests: real {@link AnnotatedDocument}s with mentions
 * at the code point offsets of their text, as the engine would report them.
 */
final class TestArticles {
    private final String id;
    private final String text;
    private String title;
    private String published;
    private String source;
    private final List<Mention> mentions = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();

    private TestArticles(String id, String text) {
        this.id = id;
        this.text = text;
    }

    static TestArticles article(String id, String text) {
        return new TestArticles(id, text);
    }

    TestArticles title(String t) {
        this.title = t;
        return this;
    }

    TestArticles published(String p) {
        this.published = p;
        return this;
    }

    TestArticles source(String s) {
        this.source = s;
        return this;
    }

    /** A MONEY mention at the first occurrence of {@code surface} (after {@code from}). */
    MoneyMention money(String surface, String value, String currency) {
        int[] span = span(surface);
        MoneyMention m = new MoneyMention(span[0], span[1], surface, new BigDecimal(value), null, null, currency,
                Qualifier.EXACT, null);
        mentions.add(m);
        return m;
    }

    /** A MONEY range mention. */
    MoneyMention moneyRange(String surface, String min, String max, String currency) {
        int[] span = span(surface);
        MoneyMention m = new MoneyMention(span[0], span[1], surface, null, new BigDecimal(min), new BigDecimal(max),
                currency, Qualifier.EXACT, null);
        mentions.add(m);
        return m;
    }

    /** A COMPANY mention at the first occurrence of {@code surface}. */
    CompanyMention company(String surface, String companyId) {
        int[] span = span(surface);
        CompanyMention c = new CompanyMention(span[0], span[1], surface, companyId, null, "gazetteer", true);
        mentions.add(c);
        return c;
    }

    /** A fact in the sentence around the amount. */
    TestArticles fact(FactType type, CompanyMention subject, CompanyMention object, MoneyMention amount, String date) {
        Fact.Span sentence = sentenceAround(amount.start());
        facts.add(new Fact(type, subject.id(), subject, object == null ? null : object.id(), object, amount, date,
                false, false, null, false, sentence, null));
        return this;
    }

    AnnotatedDocument build() {
        List<Mention> sorted = new ArrayList<>(mentions);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Fact> fs = new ArrayList<>();
        for (Fact f : facts) {
            fs.add(f);
        }
        int n = text.codePointCount(0, text.length());
        return new AnnotatedDocument(id, title, published, published == null ? null : "input", null, source, text,
                new Regions(null, new Fact.Span(0, n)), sentences(), sorted, fs, List.of(), null);
    }

    private List<Fact.Span> sentences() {
        List<Fact.Span> out = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        int start = 0;
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == '。' || cps[i] == '！' || cps[i] == '？') {
                out.add(new Fact.Span(start, i + 1));
                start = i + 1;
            }
        }
        if (start < cps.length) {
            out.add(new Fact.Span(start, cps.length));
        }
        return out;
    }

    private Fact.Span sentenceAround(int cp) {
        for (Fact.Span s : sentences()) {
            if (s.start() <= cp && cp < s.end()) {
                return s;
            }
        }
        return null;
    }

    private int[] span(String surface) {
        int from = 0;
        for (Mention m : mentions) {
            if (m.text().equals(surface)) {
                from = Math.max(from, text.offsetByCodePoints(0, m.end()));
            }
        }
        int i = text.indexOf(surface, from);
        if (i < 0) {
            throw new IllegalArgumentException("'" + surface + "' not in the text (after " + from + ")");
        }
        int start = text.codePointCount(0, i);
        return new int[] {start, start + surface.codePointCount(0, surface.length())};
    }
}
