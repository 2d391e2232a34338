package org.finfacts.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GazetteerImportCommandTest {
    private static final Path SHARED_CSV = sharedCsv();

    private static Path sharedCsv() {
        for (String root : new String[] {"../shared", "../../shared"}) {
            Path p = Path.of(root, "data/companies/ashare-stock_basic.csv");
            if (Files.exists(p)) {
                return p;
            }
        }
        return Path.of("../shared/data/companies/ashare-stock_basic.csv");
    }

    @TempDir
    Path dir;

    @Test
    void writesOneGazetteerRowPerListedCompanyWithTheCredit() throws Exception {
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "ts_code,symbol,name,area,industry,list_date,delist_date,status\n"
                + "000001.SZ,000001,平安银行,深圳,银行,19910403,,L\n"
                + "000002.SZ,000002,万科Ａ,深圳,全国地产,19910129,,L\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("ashare.tsv");
        assertEquals(0, Main.run("gazetteer-import", "--csv", csv.toString(), "--out", out.toString()));
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("#"));
        assertTrue(String.join("\n", lines).contains("macropage"));
        assertTrue(lines.contains("万科\tlisted\t万科A|万科\t000002.SZ\tA-share list (macropage, CC-BY 4.0)"), lines.toString());
    }

    @Test
    void reproducesTheShippedFileFromTheSharedList() throws Exception {
        Assumptions.assumeTrue(Files.exists(SHARED_CSV), "the shared A-share list is not here");
        Path out = dir.resolve("ashare.tsv");
        assertEquals(0, Main.run("gazetteer-import", "--csv", SHARED_CSV.toString(), "--out", out.toString()));
        assertEquals(Files.readString(Path.of("models/companies/ashare.tsv")), Files.readString(out));
    }

    @Test
    void refusesAMissingFileWithOneLine() {
        assertEquals(2, Main.run("gazetteer-import", "--csv", dir.resolve("nope.csv").toString(), "--out", "x.tsv"));
    }
}
