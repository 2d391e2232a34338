package org.finfacts.index;

import org.finfacts.core.Engine;
import org.finfacts.facts.CompanyMention;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a company named in a query through the engine's company linking: {@code 英伟达} gives
 * the keys {@code 英伟达} and {@code nvidia} when the engine links it to the id {@code NVIDIA}.
 * Without a link (or before the company recognizer exists) the name alone is the key.
 */
public final class EngineCompanyResolver implements CompanyResolver {
    private final EngineProbe probe;

    /** A resolver over {@code engine}. */
    public EngineCompanyResolver(Engine engine) {
        this.probe = new EngineProbe(engine, Clock.systemDefaultZone());
    }

    @Override
    public Set<String> keys(String name) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ArticleDocuments.companyKey(name));
        Optional<CompanyMention> c = probe.find(name, CompanyMention.class);
        if (c.isPresent() && c.get().id() != null && !c.get().id().isBlank()) {
            keys.add(ArticleDocuments.companyKey(c.get().id()));
        }
        return keys;
    }
}
