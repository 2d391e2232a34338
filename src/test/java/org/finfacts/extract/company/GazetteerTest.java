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

    @Test
    void readsFormerNamesAsIdsOfTheirOwnThatShareTheListing() throws IOException {
        Gazetteer g = Gazetteer.load(store(
                "ashare.tsv", "国泰海通\tbroker\t国泰海通\t601211.SH\tA-share list\n",
                "former-names.tsv", "# id\tcurrent\tnames\tsource\n国泰君安\t国泰海通\t国泰君安|国泰君安证券股份有限公司\tcompiled\n"));
        assertEquals("国泰君安", g.idOf("国泰君安证券股份有限公司"));
        assertEquals("国泰海通", g.entry("国泰君安").currentId());
        assertEquals("broker", g.entry("国泰君安").kind());
        assertEquals(List.of("601211.SH"), g.entry("国泰君安").tickers());
        assertEquals("国泰海通", g.idOfTicker("601211.SH"));
        assertEquals("国泰海通", g.entry("国泰海通").presentId());
        assertTrue(g.conflicts().isEmpty());
    }

    @Test
    void failsOnAFormerNameOfAnUnknownCompany() throws IOException {
        ModelStore s = store("former-names.tsv", "国泰君安\t国泰海通\t国泰君安\tcompiled\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> Gazetteer.load(s));
        assertTrue(e.getMessage().contains("former-names.tsv:1"), e.getMessage());
    }

    @Test
    void anIdOverrideRenamesTheImportedEntryAndKeepsTheListName() throws IOException {
        Gazetteer g = Gazetteer.load(store(
                "ashare.tsv", "中国银河\tbroker\t中国银河\t601881.SH\tA-share list\n",
                "id-overrides.tsv", "# ticker\tid\tnote\n601881.SH\t银河证券\tpress name\n",
                "aliases.tsv", "银河证券\tlisted\t中国银河证券\t601881.SH|06881.HK\tcompiled\n"));
        assertEquals("银河证券", g.idOf("中国银河"));
        assertEquals("银河证券", g.idOfTicker("06881.HK"));
        assertEquals(null, g.entry("中国银河"));
        assertEquals("broker", g.entry("银河证券").kind());
    }

    @Test
    void failsOnAnIdOverrideOfATickerNotInTheList() throws IOException {
        ModelStore s = store("ashare.tsv", "万科\tlisted\t万科\t000002.SZ\tA-share list\n",
                "id-overrides.tsv", "601881.SH\t银河证券\tpress name\n");
        assertThrows(RuntimeException.class, () -> Gazetteer.load(s));
    }

    @Test
    void aSharedNameNeedsNoContextAndDefaultsToItsFirstRow() throws IOException {
        Gazetteer g = Gazetteer.load(store(
                "banks.tsv", "交通银行\tbank\t交通银行|交银\t601328.SH\tcompiled\n",
                "funds.tsv", "交银施罗德基金\tfund_manager\t交银施罗德基金|交银\t\tcompiled\n",
                "ambiguous.tsv", "交银\t交通银行\tbank by default\n交银\t交银施罗德基金\tfund context\t基金|规模\n"));
        assertFalse(g.isAmbiguous("交银"));
        assertEquals("交通银行", g.idOf("交银"));
        assertEquals(List.of("交通银行", "交银施罗德基金"), g.sharedBy("交银").stream().map(Gazetteer.Candidate::id).toList());
        assertEquals(List.of("基金", "规模"), g.sharedBy("交银").get(1).cues());
        assertTrue(g.conflicts().isEmpty());
        assertTrue(g.sharedBy("交通银行").isEmpty());
    }

    @Test
    void aCodeLeadsToItsCompanyOnlyWhenTheWrittenNameIsOneOfItsNames() throws IOException {
        Gazetteer g = Gazetteer.load(store(
                "hk.tsv", "宝龙地产\tlisted\t宝龙地产|宝龙\t01238.HK\tcompiled\n",
                "us.tsv", "搜狗\tlisted\t搜狗\tSOGO\tcompiled\n"));
        assertEquals("宝龙地产", g.idOfTickerNamed("01238.HK", "宝龙地产控股"));
        assertEquals("宝龙地产", g.idOfTickerNamed("01238.HK", "宝龙"));
        assertNull(g.idOfTickerNamed("01238.HK", "宏泰地产"));
        assertNull(g.idOfTickerNamed("09999.HK", "宝龙地产"));
        assertEquals("搜狗", g.idOfTicker("SOGO.US"));
        assertEquals("搜狗", g.idOfTickerNamed("SOGO.US", "搜狗"));
    }
}
