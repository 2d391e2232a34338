package org.finfacts.core;

import org.finfacts.tokenize.HanlpTokenizer;

/**
 * How to build an {@link Engine}: where the models come from, which HanLP recognisers run, and the
 * largest text accepted (longer texts get an error, not an out-of-memory). Example:
 * {@code EngineConfig.defaults().withModels(ModelStore.directory(Path.of("models")))}.
 */
public record EngineConfig(ModelStore models, HanlpTokenizer.Options tokenizer, int maxChars) {
    /** Default largest text: 2,000,000 characters (a long annual report fits; a 50 MB dump does not). */
    public static final int DEFAULT_MAX_CHARS = 2_000_000;

    /** Bundled models, default tokenizer, default size limit. */
    public static EngineConfig defaults() {
        return new EngineConfig(ModelStore.bundled(), HanlpTokenizer.Options.defaults(), DEFAULT_MAX_CHARS);
    }

    /** The same configuration with other models. */
    public EngineConfig withModels(ModelStore store) {
        return new EngineConfig(store, tokenizer, maxChars);
    }

    /** The same configuration with another size limit. */
    public EngineConfig withMaxChars(int limit) {
        return new EngineConfig(models, tokenizer, limit);
    }
}
