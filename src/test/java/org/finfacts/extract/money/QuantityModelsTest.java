package org.finfacts.extract.money;

import org.finfacts.core.Engine;
import org.finfacts.core.ModelStore;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.Qualifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantityModelsTest {
    private static final Path MONEY = Path.of("models/money");

    @Test
    void everyMoneyModelFileLoadsFromTheSourceTreeAndTheJar() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(MONEY)) {
            files = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        assertTrue(files.size() >= 8, "money model files: " + files);
        ModelStore source = ModelStore.directory(Path.of("models"));
        for (Path f : files) {
            String name = "money/" + f.getFileName();
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            assertTrue(lines.get(0).startsWith("#"), name + " starts with a header comment");
            assertTrue(lines.stream().anyMatch(l -> l.contains("Columns:") || l.contains("Columns")),
                    name + " says what its columns are");
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("# Sources")), name + " says where entries come from");
            assertFalse(source.rows(name).isEmpty(), name + " has rows");
            assertEquals(source.rows(name).size(), ModelStore.bundled().rows(name).size(), name + " is packed");
        }
        QuantityLexicon fromSource = QuantityLexicon.load(source);
        QuantityLexicon bundled = QuantityLexicon.load(ModelStore.bundled());
        assertEquals(new BigDecimal("0.01"), fromSource.currency("港仙").scale());
        assertEquals("HKD", bundled.currency("港仙").code());
        assertEquals(Qualifier.GE, bundled.qualifierAfter("或以上"));
        assertEquals("日", bundled.perForm("日均").per());
        assertEquals("美元", bundled.currencyWord("USD").form());
    }

    @Test
    void aBrokenRowFailsNamingItsFileAndLine(@TempDir Path dir) throws IOException {
        Path money = Files.createDirectories(dir.resolve("money"));
        try (Stream<Path> s = Files.list(MONEY)) {
            for (Path f : s.toList()) {
                Files.copy(f, money.resolve(f.getFileName()));
            }
        }
        Files.writeString(money.resolve("currencies.tsv"), "# broken\n美元\tdollar\t1\tafter\n", StandardCharsets.UTF_8);
        ModelStore.ModelException e = assertThrows(ModelStore.ModelException.class,
                () -> QuantityLexicon.load(ModelStore.directory(dir)));
        assertTrue(e.getMessage().startsWith("money/currencies.tsv:2"), e.getMessage());
    }

    @Test
    void theEngineRunsTheQuantityStageBeforePersons() {
        Engine engine = TestEngine.get();
        List<String> names = engine.recognizers().stream().map(r -> r.name()).toList();
        assertTrue(names.indexOf("quantity") >= 0 && names.indexOf("quantity") < names.indexOf("person"), names.toString());
    }
}
