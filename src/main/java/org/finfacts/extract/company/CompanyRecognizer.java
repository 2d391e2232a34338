package org.finfacts.extract.company;

import org.finfacts.core.ModelStore;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Recognizer;
import org.finfacts.facts.Mention;
import org.finfacts.normalize.ResolutionContext;

import java.util.List;

/**
 * The company stage: {@link CompanyExtractor} finds names, {@link CompanyResolver} decides and links
 * them. Built once from the models ({@code models/companies/}); thread-safe. Example: in
 * {@code 亚马逊向Anthropic追加27.5亿美元投资} it finds {@code 亚马逊} (id {@code Amazon}, code {@code AMZN})
 * and {@code Anthropic} (id {@code Anthropic}).
 */
public final class CompanyRecognizer implements Recognizer {
    private final Gazetteer gazetteer;
    private final CompanyExtractor extractor;
    private final CompanyResolver resolver;

    /** Loads the gazetteer and the rules from the store. */
    public CompanyRecognizer(ModelStore store) {
        this.gazetteer = Gazetteer.load(store);
        NameRules rules = NameRules.load(store);
        this.extractor = new CompanyExtractor(gazetteer, rules);
        this.resolver = new CompanyResolver(gazetteer, rules);
    }

    /** The loaded gazetteer (for the person stage and for tools). */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The find step alone (for tests and benchmarks). */
    public CompanyExtractor extractor() {
        return extractor;
    }

    @Override
    public List<Mention> recognize(AnalyzedText text, ResolutionContext context) {
        return resolver.resolve(extractor.find(text), text, context);
    }

    @Override
    public String name() {
        return "company";
    }
}
