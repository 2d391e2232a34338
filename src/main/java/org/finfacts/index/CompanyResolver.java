package org.finfacts.index;

import java.util.Set;

/**
 * Turns the company named in a query ({@code company:英伟达}) into the keys records are indexed
 * under: the name itself, lower-cased, plus the canonical id the engine's company linking gives it
 * when it knows one ({@code nvidia}). Records carry both their companies' ids and the names written
 * in the text, so an exact id or any alias seen in the corpus matches even without linking.
 */
public interface CompanyResolver {
    /** The lower-cased keys to match for a name. */
    Set<String> keys(String name);

    /** The name itself only. */
    static CompanyResolver plain() {
        return name -> Set.of(ArticleDocuments.companyKey(name));
    }
}
