package org.finfacts.extract.money;

import org.finfacts.core.Document;
import org.finfacts.core.ModelStore;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.Mention;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.NumberMention;
import org.finfacts.facts.Qualifier;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.normalize.number.NumberFormatter;
import org.finfacts.text.NormalizedText;
import org.finfacts.text.Sentence;
import org.finfacts.text.SentenceSplitter;
import org.finfacts.text.TextNormalizer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses amounts in short texts such as search queries, with the same models and rules as the
 * engine's quantity stage but without the tokenizer: {@code parseAmount("10亿美元")} is 1000000000 USD,
 * {@code "$30亿"} 3000000000 USD, {@code "1亿元"} 100000000 CNY, {@code "超过5000万港元"} 50000000 HKD gt,
 * {@code "200-300亿美元"} a range, and a bare number ({@code "1e9"}, {@code "291亿"}) an amount with
 * currency null. Offsets of the returned mentions are code points of the given text.
 * Immutable and thread-safe; build once ({@link #bundled()} loads the packed models).
 */
public final class MoneyParser {
    private final QuantityLexicon lexicon;
    private final QuantityExtractor extractor;
    private final QuantityResolver resolver;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final SentenceSplitter splitter = new SentenceSplitter();

    /** A parser over an already loaded lexicon (share it with the engine's recognizer). */
    public MoneyParser(QuantityLexicon lexicon) {
        this.lexicon = lexicon;
        this.extractor = new QuantityExtractor(lexicon);
        this.resolver = new QuantityResolver(lexicon);
    }

    /** A parser over the models in the store. */
    public static MoneyParser create(ModelStore store) {
        return new MoneyParser(QuantityLexicon.load(store));
    }

    /** A parser over the models packed into the jar. */
    public static MoneyParser bundled() {
        return create(ModelStore.bundled());
    }

    /**
     * The first amount of money in the text; failing that, the first plain number or range without a
     * unit, as an amount with currency null. Empty when the text holds neither (or is null).
     */
    public Optional<MoneyMention> parseAmount(String text) {
        List<Mention> all = parseAll(text);
        for (Mention m : all) {
            if (m instanceof MoneyMention money) {
                return Optional.of(money);
            }
        }
        for (Mention m : all) {
            if (m instanceof NumberMention x && x.unit() == null && (x.value() != null || x.min() != null)) {
                return Optional.of(new MoneyMention(x.start(), x.end(), x.text(), x.value(), x.min(), x.max(), null,
                        x.qualifier(), null));
            }
        }
        return Optional.empty();
    }

    /** Every MONEY, NUMBER and PERCENT mention of the text, in order, with code-point offsets. */
    public List<Mention> parseAll(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        NormalizedText n = normalizer.normalize(text);
        List<Sentence> sentences = splitter.split(n.text());
        AnalyzedText analyzed = new AnalyzedText(Document.of("query", text), n, sentences, List.of());
        List<Mention> out = new ArrayList<>();
        for (Mention m : resolver.resolve(extractor.find(analyzed), analyzed, ResolutionContext.unknown())) {
            int s = n.originalStart(m.start());
            int e = n.originalEnd(m.end());
            out.add(m.withSpan(s, e, n.originalSlice(s, e)));
        }
        return out;
    }

    /**
     * Writes an amount the way Chinese finance news does, so that {@link #parseAmount} reads it back:
     * {@code format(new BigDecimal("2750000000"), "USD")} is {@code 27.5亿美元}; a null currency gives the
     * number alone. Fails for a currency code the models do not know.
     */
    public String format(BigDecimal value, String currency) {
        String number = NumberFormatter.withMultiplier(value);
        if (currency == null) {
            return number;
        }
        QuantityLexicon.Currency word = lexicon.currencyWord(currency);
        if (word == null) {
            throw new IllegalArgumentException("no currency word for " + currency);
        }
        return number + word.form();
    }

    /** Whether two amounts are the same: equal values (numerically), currency and qualifier. */
    public static boolean sameAmount(MoneyMention a, MoneyMention b) {
        return eq(a.value(), b.value()) && eq(a.min(), b.min()) && eq(a.max(), b.max())
                && java.util.Objects.equals(a.currency(), b.currency())
                && (a.qualifier() == null ? Qualifier.EXACT : a.qualifier()) == (b.qualifier() == null ? Qualifier.EXACT : b.qualifier());
    }

    private static boolean eq(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }
}
