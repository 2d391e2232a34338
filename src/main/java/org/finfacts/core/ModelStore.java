package org.finfacts.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the engine's reviewed data files (rules, tables, gazetteers) from {@code models/}: from a
 * directory when one is given, else from the copy packed into the jar. Files are UTF-8 TSV; lines
 * starting with {@code #} and blank lines are comments. Example: {@code store.rows("money/currencies.tsv")}.
 */
public final class ModelStore {
    private final Path directory;

    private ModelStore(Path directory) {
        this.directory = directory;
    }

    /** The models packed into the jar (the {@code models/} folder of the source tree). */
    public static ModelStore bundled() {
        return new ModelStore(null);
    }

    /** Models read from a directory laid out like {@code models/}. */
    public static ModelStore directory(Path dir) {
        return new ModelStore(dir);
    }

    /** Where the models come from, for messages. */
    public String describe() {
        return directory == null ? "bundled models" : directory.toString();
    }

    /** Whether a model file exists. */
    public boolean exists(String relativePath) {
        if (directory != null) {
            return Files.isRegularFile(directory.resolve(relativePath));
        }
        return ModelStore.class.getResource("/models/" + relativePath) != null;
    }

    /** Opens a model file; fails with a message naming the file when it is missing. */
    public InputStream open(String relativePath) {
        try {
            if (directory != null) {
                return Files.newInputStream(directory.resolve(relativePath));
            }
            InputStream in = ModelStore.class.getResourceAsStream("/models/" + relativePath);
            if (in == null) {
                throw new ModelException(relativePath, 0, "model file not found in " + describe());
            }
            return in;
        } catch (IOException e) {
            throw new ModelException(relativePath, 0, "cannot read: " + e.getMessage());
        }
    }

    /** All lines of a model file, comments included. */
    public List<String> lines(String relativePath) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(relativePath), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** One data row of a TSV model file: its fields and its 1-based line number. */
    public record Row(String file, int line, List<String> fields) {
        /** Field {@code i}, or {@code ""} when the row is shorter. */
        public String get(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }

        /** A failure that names this row. */
        public ModelException error(String message) {
            return new ModelException(file, line, message);
        }
    }

    /** The data rows of a TSV model file (comments and blank lines skipped, fields trimmed). */
    public List<Row> rows(String relativePath) {
        List<Row> rows = new ArrayList<>();
        List<String> lines = lines(relativePath);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            List<String> fields = new ArrayList<>(parts.length);
            for (String p : parts) {
                fields.add(p.strip());
            }
            rows.add(new Row(relativePath, i + 1, fields));
        }
        return rows;
    }

    /** A broken or missing model entry, naming the file and line. */
    public static final class ModelException extends RuntimeException {
        public ModelException(String file, int line, String message) {
            super(file + (line > 0 ? ":" + line : "") + ": " + message);
        }
    }
}
