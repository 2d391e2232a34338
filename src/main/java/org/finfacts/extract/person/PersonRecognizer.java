package org.finfacts.extract.person;

import org.finfacts.core.ModelStore;
import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Recognizer;
import org.finfacts.extract.company.Gazetteer;
import org.finfacts.facts.Mention;
import org.finfacts.normalize.ResolutionContext;

import java.util.List;

/**
 * The person stage: {@link PersonExtractor} proposes names (titles, known persons, HanLP's name
 * tagger), {@link PersonResolver} keeps those with support. HanLP's tagger alone is noisy
 * ({@code 高开}, {@code 占比}, {@code 金经理}); a name counts only with a title, a cue, a list or a
 * repetition. Example: in {@code 微软首席财务官Amy Hood透露} it finds {@code Amy Hood}. Thread-safe.
 */
public final class PersonRecognizer implements Recognizer {
    private final PersonExtractor extractor;
    private final PersonResolver resolver;

    /** Loads {@code models/person/}; company names of the gazetteer (may be null) are never persons. */
    public PersonRecognizer(ModelStore store, Gazetteer companies) {
        PersonRules rules = PersonRules.load(store);
        this.extractor = new PersonExtractor(rules);
        this.resolver = new PersonResolver(rules, companies);
    }

    @Override
    public List<Mention> recognize(AnalyzedText text, ResolutionContext context) {
        return resolver.resolve(extractor.find(text), text, context);
    }

    @Override
    public String name() {
        return "person";
    }
}
