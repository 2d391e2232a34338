package org.finfacts.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

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

    /**
     * The files directly inside a model folder, as relative paths in name order ({@code list("companies")}
     * gives {@code companies/ashare.tsv}, ...); empty when the folder does not exist.
     */
    public List<String> list(String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        List<String> out = new ArrayList<>();
        try {
            if (directory != null) {
                Path dir = directory.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.filter(Files::isRegularFile).forEach(f -> out.add(prefix + f.getFileName()));
                    }
                }
            } else {
                URL url = ModelStore.class.getResource("/models/" + prefix);
                if (url != null && "file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.filter(Files::isRegularFile).forEach(f -> out.add(prefix + f.getFileName()));
                    }
                } else if (url != null && "jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    String inJar = "models/" + prefix;
                    try (JarFile jar = connection.getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(inJar) && name.length() > inJar.length()
                                    && name.indexOf('/', inJar.length()) < 0) {
                                out.add(prefix + name.substring(inJar.length()));
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new ModelException(folder, 0, "cannot list: " + e.getMessage());
        }
        out.sort(null);
        return out;
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
