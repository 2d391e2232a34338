package org.finfacts.extract.money;

import org.finfacts.core.ModelStore;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Recognizer;
import org.finfacts.facts.Mention;
import org.finfacts.normalize.ResolutionContext;

import java.util.List;

/**
 * The quantity stage: MONEY, NUMBER and PERCENT mentions, found by the {@link QuantityExtractor} and
 * valued by the {@link QuantityResolver}, both built on one {@link QuantityLexicon} loaded from
 * {@code models/money/}. Example: {@code 近5万亿美元} gives MONEY 5000000000000 USD, approx.
 * Thread-safe; build once per engine.
 */
public final class QuantityRecognizer implements Recognizer {
    private final QuantityLexicon lexicon;
    private final QuantityExtractor extractor;
    private final QuantityResolver resolver;

    /** A recognizer over an already loaded lexicon. */
    public QuantityRecognizer(QuantityLexicon lexicon) {
        this.lexicon = lexicon;
        this.extractor = new QuantityExtractor(lexicon);
        this.resolver = new QuantityResolver(lexicon);
    }

    /** Loads the lexicon from the store and builds the recognizer. */
    public static QuantityRecognizer create(ModelStore store) {
        return new QuantityRecognizer(QuantityLexicon.load(store));
    }

    /** The lexicon this recognizer reads. */
    public QuantityLexicon lexicon() {
        return lexicon;
    }

    @Override
    public List<Mention> recognize(AnalyzedText text, ResolutionContext context) {
        return resolver.resolve(extractor.find(text), text, context);
    }

    @Override
    public String name() {
        return "quantity";
    }
}
