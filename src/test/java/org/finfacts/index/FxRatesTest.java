package org.finfacts.index;

import org.finfacts.core.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FxRatesTest {
    private final FxRates rates = FxRates.load(ModelStore.bundled());

    @Test
    void everyBundledRateHasADateAndASource() {
        assertTrue(rates.rates().size() >= 20);
        rates.rates().values().forEach(r -> {
            assertTrue(r.date().matches("\\d{4}-\\d{2}-\\d{2}"), r.toString());
            assertFalse(r.source().isBlank(), r.toString());
            assertTrue(r.perEuro().signum() > 0, r.toString());
        });
    }

    @Test
    void convertsExactlyToUsdRoundedToMillionths() {
        assertEquals(new BigDecimal("137380908.395133"), rates.toBase(new BigDecimal("1000000000"), "CNY").orElseThrow());
        assertEquals(new BigDecimal("123.45"), rates.toBase(new BigDecimal("123.45"), "USD").orElseThrow());
        assertEquals(new BigDecimal("1.0411"), rates.toBase(BigDecimal.ONE, "eur").orElseThrow());
        assertTrue(rates.toBase(BigDecimal.ONE, "TWD").isEmpty());
        assertTrue(rates.toBase(BigDecimal.ONE, null).isEmpty());
    }

    @Test
    void aBrokenRowFailsNamingFileAndLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("index"));
        Files.writeString(dir.resolve("index/fx-rates.tsv"), "# comment\nUSD\t1.0411\t2025-02-28\tECB\nCNY\tseven\t2025-02-28\tECB\n");
        ModelStore.ModelException e = assertThrows(ModelStore.ModelException.class,
                () -> FxRates.load(ModelStore.directory(dir)));
        assertEquals("index/fx-rates.tsv:3: not a decimal rate: seven", e.getMessage());
    }
}
