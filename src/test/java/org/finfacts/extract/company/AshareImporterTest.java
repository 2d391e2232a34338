package org.finfacts.extract.company;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AshareImporterTest {
    private static final String HEADER = "ts_code,symbol,name,area,industry,list_date,delist_date,status";

    private static List<AshareImporter.Row> convert(String... lines) {
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(List.of(lines));
        return new AshareImporter().convert(all, new ArrayList<>());
    }

    @Test
    void foldsFullWidthLettersAndDropsTheShareClassFromTheId() {
        AshareImporter.Row r = convert("000002.SZ,000002,万科Ａ,深圳,全国地产,19910129,,L").get(0);
        assertEquals("万科", r.id());
        assertEquals(List.of("万科A", "万科"), r.names());
        assertEquals("000002.SZ", r.ticker());
        assertEquals("listed", r.kind());
    }

    @Test
    void keepsTheRiskPrefixInTheIdAndAddsTheNameWithoutIt() {
        AshareImporter.Row r = convert("600000.SH,600000,*ST华电力,上海,火力发电,20000101,,L").get(0);
        assertEquals("*ST华电力", r.id());
        assertEquals(List.of("*ST华电力", "华电力"), r.names());
    }

    @Test
    void takesTheKindFromTheIndustry() {
        List<AshareImporter.Row> rows = convert(
                "000001.SZ,000001,平安银行,深圳,银行,19910403,,L",
                "600030.SH,600030,中信证券,北京,证券,20030106,,L",
                "601318.SH,601318,中国平安,深圳,保险,20070301,,L");
        assertEquals(List.of("bank", "broker", "insurer"), rows.stream().map(AshareImporter.Row::kind).toList());
    }

    @Test
    void keepsDelistedCompaniesWithTheirDate() {
        AshareImporter.Row r = convert("600837.SH,600837,海通证券(退),,,19940224,20250304,D").get(0);
        assertEquals("海通证券", r.id());
        assertEquals("broker", r.kind());
        assertEquals(AshareImporter.SOURCE + "; delisted 2025-03-04", r.source());
    }

    @Test
    void dropsStarMarketMarksFromTheId() {
        assertEquals("寒武纪", convert("688256.SH,688256,寒武纪-U,北京,半导体,20200720,,L").get(0).id());
    }

    @Test
    void reportsMalformedRows() {
        List<String> problems = new ArrayList<>();
        new AshareImporter().convert(List.of(HEADER, "bad,row"), problems);
        assertEquals(1, problems.size());
    }
}
