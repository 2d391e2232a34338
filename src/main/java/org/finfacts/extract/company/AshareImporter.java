package org.finfacts.extract.company;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the A-share list ({@code ts_code,symbol,name,area,industry,list_date,delist_date,status},
 * the macropage project's {@code stock_basic} table, CC-BY 4.0) into gazetteer rows in the
 * five-column format {@code id kind names tickers source}. The id is the short name with full-width
 * letters folded, the delisting mark {@code (退)}, the STAR-market marks {@code -U -W -UW -WD} and the
 * share-class letter {@code A} removed ({@code 万科Ａ} gives {@code 万科}, as the gold writes it); the names
 * add the written short name and, where at least three characters remain, the name without its risk
 * prefix ({@code *ST海华} also as {@code 海华}). The kind follows the industry (or, for delisted
 * companies without one, the name's ending): {@code 银行} bank,
 * {@code 证券} broker, {@code 保险} insurer, else listed. Delisted companies stay, with their date in
 * the source column. Example row: {@code 平安银行 bank 平安银行 000001.SZ A-share list (macropage, CC-BY 4.0)}.
 */
public final class AshareImporter {
    /** The source column of every row, crediting the list. */
    public static final String SOURCE = "A-share list (macropage, CC-BY 4.0)";

    private static final Pattern RISK_PREFIX = Pattern.compile("^(?:S\\*ST|\\*ST|SST|ST|PT|S)(?=\\p{IsHan})");
    private static final Pattern STAR_MARK = Pattern.compile("-(?:UW|WD|U|W|D)$");
    private static final Pattern TICKER = Pattern.compile("[0-9A-Z]{6}\\.(?:SH|SZ|BJ)");

    /** One converted company: the gazetteer row's fields. */
    public record Row(String id, String kind, List<String> names, String ticker, String source) {
        /** The TSV line ({@code names} joined by {@code |}). */
        public String toTsv() {
            return id + "\t" + kind + "\t" + String.join("|", names) + "\t" + ticker + "\t" + source;
        }
    }

    /**
     * Converts the CSV lines (header first); rows whose ticker is malformed are reported in
     * {@code problems} and skipped. Ids that two companies would share get the written name instead.
     */
    public List<Row> convert(List<String> csvLines, List<String> problems) {
        List<Row> rows = new ArrayList<>();
        if (csvLines.isEmpty()) {
            return rows;
        }
        Map<String, Integer> column = header(csvLines.get(0));
        for (String required : List.of("ts_code", "name", "industry", "delist_date", "status")) {
            if (!column.containsKey(required)) {
                throw new IllegalArgumentException("CSV header has no column '" + required + "': " + csvLines.get(0));
            }
        }
        Map<String, Integer> idCount = new HashMap<>();
        List<String[]> records = new ArrayList<>();
        for (int i = 1; i < csvLines.size(); i++) {
            String line = csvLines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String ticker = field(f, column, "ts_code");
            if (!TICKER.matcher(ticker).matches() || field(f, column, "name").isEmpty()) {
                problems.add("line " + (i + 1) + ": not a ticker and name: " + line);
                continue;
            }
            records.add(f);
            idCount.merge(idOf(fold(field(f, column, "name"))), 1, Integer::sum);
        }
        for (String[] f : records) {
            String written = fold(field(f, column, "name"));
            String id = idOf(written);
            if (idCount.get(id) > 1) {
                id = withoutDelistingMark(written);
            }
            Set<String> names = new LinkedHashSet<>();
            names.add(withoutDelistingMark(written));
            names.add(id);
            String plain = withoutRiskPrefix(id);
            if (plain.codePointCount(0, plain.length()) >= 3) {
                names.add(plain);
            }
            String status = field(f, column, "status");
            String delisted = field(f, column, "delist_date");
            String source = SOURCE;
            if ("D".equals(status)) {
                source += "; delisted" + (delisted.length() == 8
                        ? " " + delisted.substring(0, 4) + "-" + delisted.substring(4, 6) + "-" + delisted.substring(6)
                        : "");
            }
            rows.add(new Row(id, kindOf(field(f, column, "industry"), id), List.copyOf(names),
                    field(f, column, "ts_code"), source));
        }
        return rows;
    }

    /** The id of a folded short name: without {@code (退)}, STAR marks and the share-class letter. */
    static String idOf(String folded) {
        String s = withoutDelistingMark(folded);
        s = STAR_MARK.matcher(s).replaceFirst("");
        if (s.endsWith("退") && s.length() > 3) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("A") && s.length() >= 3 && Character.UnicodeScript.of(s.codePointAt(s.length() - 2))
                == Character.UnicodeScript.HAN) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The name without a risk-warning prefix ({@code *ST}, {@code ST}, {@code S*ST}, {@code PT}, {@code S}). */
    static String withoutRiskPrefix(String name) {
        Matcher m = RISK_PREFIX.matcher(name);
        return m.find() ? name.substring(m.end()) : name;
    }

    private static String withoutDelistingMark(String s) {
        return s.endsWith("(退)") ? s.substring(0, s.length() - 3) : s;
    }

    static String kindOf(String industry, String name) {
        if (industry.isEmpty()) {
            industry = name.endsWith("银行") ? "银行" : name.endsWith("证券") ? "证券" : name.endsWith("保险") ? "保险" : "";
        }
        switch (industry) {
            case "银行":
                return "bank";
            case "证券":
                return "broker";
            case "保险":
                return "insurer";
            default:
                return "listed";
        }
    }

    /** The header comment of the output file: columns, source and licence. */
    public static List<String> header(int count) {
        return List.of(
                "# A-share listed companies (Shanghai, Shenzhen, Beijing), " + count + " entries.",
                "# Source: the A-share list stock_basic (ts_code, symbol, name, area, industry, list_date,",
                "# delist_date, status) published by the macropage project under CC-BY 4.0",
                "# (https://creativecommons.org/licenses/by/4.0/); converted, not otherwise changed.",
                "# Generated by: finfacts gazetteer-import --csv ashare-stock_basic.csv --out models/companies/ashare.tsv",
                "# Do not edit by hand: extra names go to ashare-aliases.tsv.",
                "# id\tkind\tnames\ttickers\tsource");
    }

    private static Map<String, Integer> header(String line) {
        Map<String, Integer> column = new HashMap<>();
        String[] f = line.replace("\uFEFF", "").split(",", -1);
        for (int i = 0; i < f.length; i++) {
            column.put(f[i].strip().toLowerCase(Locale.ROOT), i);
        }
        return column;
    }

    private static String field(String[] f, Map<String, Integer> column, String name) {
        int i = column.get(name);
        return i < f.length ? f[i].strip() : "";
    }

    /** NFKC: full-width letters and digits to ASCII ({@code 万科Ａ} to {@code 万科A}). */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }
}
