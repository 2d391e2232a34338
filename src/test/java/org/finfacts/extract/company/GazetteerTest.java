package org.finfacts.extract.company;

import org.finfacts.core.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GazetteerTest {
    @TempDir
    Path dir;

    private ModelStore store(String... files) throws IOException {
        Path companies = dir.resolve("companies");
        Files.createDirectories(companies);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(companies.resolve(files[i]), files[i + 1]);
        }
        return ModelStore.directory(dir);
    }

    @Test
    void mergesTheNamesOfOneIdAcrossFiles() throws IOException {
        Gazetteer g = Gazetteer.load(store(
                "a.tsv", "# id\tkind\tnames\ttickers\tsource\nNVIDIA\tlisted\t英伟达|NVIDIA\tNVDA\tcompiled\n",
                "b.tsv", "NVIDIA\tlisted\t辉达\t\tcompiled elsewhere\n"));
        assertEquals("NVIDIA", g.idOf("辉达"));
        assertEquals("NVIDIA", g.idOf("nvidia"));
        assertEquals("NVIDIA", g.idOfTicker("nvda"));
        assertEquals(List.of("英伟达", "NVIDIA", "辉达").size() + 1, g.entry("NVIDIA").names().size() + 1);
        assertEquals(2, g.entry("NVIDIA").sources().size());
    }

    @Test
    void keepsAContestedNameForTheIdWhoseOwnNameItIs() throws IOException {
        Gazetteer g = Gazetteer.load(store(
                "ashare.tsv", "海通证券\tbroker\t海通证券\t600837.SH\tA-share list\n",
                "seed.tsv", "国泰海通\tbroker\t国泰海通|海通证券\t601211.SH\tcompiled\n"));
        assertEquals("海通证券", g.idOf("海通证券"));
        assertEquals(1, g.conflicts().size());
    }

    @Test
    void readsAmbiguousAliasesFromTheirOwnFiles() throws IOException {
        Gazetteer g = Gazetteer.load(store(
                "seed.tsv", "Apple\tlisted\tApple|苹果公司\tAAPL\tcompiled\n",
                "ambiguous.tsv", "# alias\tid\tnote\n苹果\tApple\tfruit\n"));
        assertTrue(g.isAmbiguous("苹果"));
        assertFalse(g.isAmbiguous("苹果公司"));
        assertEquals("Apple", g.idOf("苹果"));
    }

    @Test
    void failsOnAnUnknownKindNamingTheLine() throws IOException {
        ModelStore s = store("bad.tsv", "# header\nX\tcompanyish\tX\t\tsource\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> Gazetteer.load(s));
        assertTrue(e.getMessage().contains("bad.tsv:2"), e.getMessage());
    }

    @Test
    void failsOnAnAmbiguousAliasOfAnUnknownId() throws IOException {
        ModelStore s = store("seed.tsv", "Apple\tlisted\tApple\t\t\n", "ambiguous-x.tsv", "苹果\tPear\tfruit\n");
        assertThrows(RuntimeException.class, () -> Gazetteer.load(s));
    }

    @Test
    void marksDelistedCompanies() throws IOException {
        Gazetteer g = Gazetteer.load(store("ashare.tsv", "海通证券\tbroker\t海通证券\t600837.SH\tA-share list; delisted 2025-03-04\n"));
        assertTrue(g.entry("海通证券").delisted());
        assertTrue(g.isImportedOnly("海通证券"));
        assertNull(g.idOf("国泰君安"));
    }
}
