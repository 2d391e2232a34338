package org.finfacts.cli;

import org.finfacts.core.Engine;
import org.finfacts.core.EngineConfig;
import org.finfacts.core.ModelStore;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Options shared by the commands that build an engine: models directory and size limit. */
public final class EngineOptions {
    @Option(names = "--models", paramLabel = "DIR",
            description = "Read models from DIR instead of the ones packed into the jar.")
    Path models;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "" + EngineConfig.DEFAULT_MAX_CHARS,
            description = "Largest document accepted, in characters; longer ones get an error line (default: ${DEFAULT-VALUE}).")
    int maxChars;

    /** Builds the engine these options describe. */
    public Engine engine() {
        EngineConfig config = EngineConfig.defaults().withMaxChars(maxChars);
        if (models != null) {
            if (!Files.isDirectory(models)) {
                throw new IllegalArgumentException("--models: no such directory: " + models);
            }
            config = config.withModels(ModelStore.directory(models));
        }
        return Engine.create(config);
    }
}
