package org.finfacts.extract.company;

import org.finfacts.core.ModelStore;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the hand-compiled company gazetteer files in {@code models/companies/}: five columns, known
 * kinds, ids unique across files, tickers well-formed for their exchange, no empty names, no surface
 * name shared by two ids unless {@code ambiguous.tsv} lists it for each of them, and no company defined
 * twice: one ticker or one full legal name under two ids (the imported A-share list included) fails.
 * Former names ({@code former-names.tsv}) point to an existing company and are ids nowhere else; id
 * overrides ({@code id-overrides.tsv}) name a ticker of the A-share list.
 */
class GazetteerFilesTest {
    /** The compiled lists; the A-share list itself comes from the A-share converter. */
    static final List<String> FILES = List.of(
            "companies/global-tech.tsv", "companies/us-china-adr.tsv", "companies/hk-listed.tsv",
            "companies/china-private.tsv", "companies/investment.tsv", "companies/banks.tsv",
            "companies/brokers.tsv", "companies/fund-managers.tsv", "companies/insurers.tsv",
            "companies/media.tsv", "companies/exchanges.tsv");
    /** Extra names for A-share companies: ids repeat the A-share list's ids, joined on the ticker. */
    static final String ASHARE_ALIASES = "companies/ashare-aliases.tsv";
    static final String AMBIGUOUS = "companies/ambiguous.tsv";
    static final String FORMER_NAMES = "companies/former-names.tsv";
    static final String ID_OVERRIDES = "companies/id-overrides.tsv";
    /** The list converted from the A-share list (not compiled by hand, but a company must not be defined twice). */
    static final String IMPORTED = "companies/ashare.tsv";
    /** Endings of full legal names: a legal name identifies one company and is never ambiguous. */
    static final Pattern LEGAL_NAME = Pattern.compile(
            ".*(有限公司|有限责任公司|\\(有限合伙\\)|（有限合伙）)|(?i).*\\b(inc|ltd|limited|corporation|corp|plc|ag|n\\.v|s\\.a|se|gmbh|llc)\\.?");

    static final Set<String> KINDS = Set.of("listed", "private", "investment", "bank", "broker",
            "fund_manager", "insurer", "exchange", "media", "data");

    /** One pattern per market: HK five digits, A-share boards, US symbols, and suffixed foreign markets. */
    static final List<Pattern> TICKERS = List.of(
            Pattern.compile("\\d{5}\\.HK"),
            Pattern.compile("(60|68|90)\\d{4}\\.SH"),
            Pattern.compile("(00|20|30)\\d{4}\\.SZ"),
            Pattern.compile("(4|8|92)\\d{4,5}\\.BJ"),
            Pattern.compile("[A-Z]{1,5}(-[A-Z])?"),
            Pattern.compile("\\d{3}[0-9A-Z]\\.T"),
            Pattern.compile("\\d{6}\\.K[SQ]"),
            Pattern.compile("\\d{4}\\.TWO?"),
            Pattern.compile("\\d{4}\\.SR"),
            Pattern.compile("[A-Z0-9]{3}\\.SI"),
            Pattern.compile("[A-Z0-9][A-Z0-9-]{0,11}\\.(L|DE|PA|AS|MI|MC|SW|ST|CO|HE|OL|AX|SA|MX|NS|JO|JK|TO|BR|VI|LS|IR|WA|DU)"));
    static final Pattern ASHARE = Pattern.compile("(60|68|90)\\d{4}\\.SH|(00|20|30)\\d{4}\\.SZ|(4|8|92)\\d{4,5}\\.BJ");

    private final ModelStore store = ModelStore.bundled();

    @Test
    void everyRowHasFiveColumnsAKnownKindANonEmptyNameAndASource() {
        List<String> problems = new ArrayList<>();
        for (String file : allFiles()) {
            for (ModelStore.Row row : store.rows(file)) {
                String where = file + ":" + row.line();
                if (row.fields().size() != 5) {
                    problems.add(where + ": " + row.fields().size() + " columns");
                    continue;
                }
                if (row.get(0).isEmpty()) {
                    problems.add(where + ": empty id");
                }
                if (!KINDS.contains(row.get(1))) {
                    problems.add(where + ": unknown kind " + row.get(1));
                }
                for (String name : row.get(2).split("\\|", -1)) {
                    if (name.isBlank() || !name.equals(name.strip())) {
                        problems.add(where + ": empty or padded name in " + row.get(2));
                    }
                }
                if (!row.get(4).startsWith("compiled: ")) {
                    problems.add(where + ": source must start with 'compiled: '");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void idsAreUniqueAcrossTheCompiledFiles() {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String file : FILES) {
            for (ModelStore.Row row : store.rows(file)) {
                String before = seen.put(row.get(0), file + ":" + row.line());
                if (before != null) {
                    problems.add(row.get(0) + " at " + before + " and " + file + ":" + row.line());
                }
            }
        }
        for (String file : List.of(ASHARE_ALIASES, FORMER_NAMES)) {
            for (ModelStore.Row row : store.rows(file)) {
                String before = seen.put(row.get(0), file + ":" + row.line());
                if (before != null) {
                    problems.add(row.get(0) + " at " + before + " and " + file + ":" + row.line());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noCompanyIsDefinedTwiceUnderAnotherIdByTickerOrLegalName() {
        Map<String, String> overrides = new HashMap<>();
        for (ModelStore.Row row : store.rows(ID_OVERRIDES)) {
            overrides.put(row.get(0), row.get(1));
        }
        Map<String, String> idByTicker = new HashMap<>();
        Map<String, String> idByLegalName = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> files = new ArrayList<>(allFiles());
        files.add(IMPORTED);
        for (String file : files) {
            for (ModelStore.Row row : store.rows(file)) {
                String id = importedId(file, row, overrides);
                for (String ticker : row.get(3).split("\\|", -1)) {
                    if (ticker.isEmpty()) {
                        continue;
                    }
                    String before = idByTicker.putIfAbsent(ticker, id);
                    if (before != null && !before.equals(id)) {
                        problems.add(file + ":" + row.line() + ": ticker " + ticker + " defines " + before + " again as " + id);
                    }
                }
            }
        }
        List<String> named = new ArrayList<>(allFiles());
        named.add(FORMER_NAMES);
        for (String file : named) {
            for (ModelStore.Row row : store.rows(file)) {
                for (String name : row.get(2).split("\\|", -1)) {
                    if (!LEGAL_NAME.matcher(name).matches()) {
                        continue;
                    }
                    String before = idByLegalName.putIfAbsent(key(name), row.get(0));
                    if (before != null && !before.equals(row.get(0))) {
                        problems.add(file + ":" + row.line() + ": legal name " + name + " defines " + before
                                + " again as " + row.get(0));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void formerNamesPointToACompanyAndOverridesToATickerOfTheList() {
        Set<String> ids = new HashSet<>();
        Set<String> importedTickers = new HashSet<>();
        Map<String, String> overrides = new HashMap<>();
        for (ModelStore.Row row : store.rows(ID_OVERRIDES)) {
            overrides.put(row.get(0), row.get(1));
        }
        for (String file : allFiles()) {
            for (ModelStore.Row row : store.rows(file)) {
                ids.add(row.get(0));
            }
        }
        for (ModelStore.Row row : store.rows(IMPORTED)) {
            ids.add(importedId(IMPORTED, row, overrides));
            importedTickers.addAll(List.of(row.get(3).split("\\|", -1)));
        }
        List<String> problems = new ArrayList<>();
        for (ModelStore.Row row : store.rows(FORMER_NAMES)) {
            String where = FORMER_NAMES + ":" + row.line();
            if (row.fields().size() != 4 || !row.get(3).startsWith("compiled: ")) {
                problems.add(where + ": needs id, current id, names and a 'compiled: ' source");
            }
            if (!ids.contains(row.get(1))) {
                problems.add(where + ": unknown current company " + row.get(1));
            }
            if (ids.contains(row.get(0))) {
                problems.add(where + ": the former name " + row.get(0) + " is an id of a present company");
            }
        }
        for (ModelStore.Row row : store.rows(ID_OVERRIDES)) {
            if (!importedTickers.contains(row.get(0)) || row.get(2).isEmpty()) {
                problems.add(ID_OVERRIDES + ":" + row.line() + ": needs a ticker of " + IMPORTED + " and a note");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The id a row defines: for the A-share list, the override of its ticker where there is one. */
    private static String importedId(String file, ModelStore.Row row, Map<String, String> overrides) {
        if (file.equals(IMPORTED)) {
            for (String ticker : row.get(3).split("\\|", -1)) {
                if (overrides.containsKey(ticker)) {
                    return overrides.get(ticker);
                }
            }
        }
        return row.get(0);
    }

    @Test
    void tickersAreWellFormedForTheirExchangeAndNotRepeated() {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String file : allFiles()) {
            for (ModelStore.Row row : store.rows(file)) {
                if (row.get(3).isEmpty()) {
                    continue;
                }
                for (String ticker : row.get(3).split("\\|", -1)) {
                    if (TICKERS.stream().noneMatch(p -> p.matcher(ticker).matches())) {
                        problems.add(file + ":" + row.line() + ": malformed ticker '" + ticker + "'");
                    }
                    String before = seen.put(ticker, row.get(0));
                    if (before != null && !before.equals(row.get(0))) {
                        problems.add(ticker + " given to " + before + " and " + row.get(0));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aShareAliasesCarryAnAShareTicker() {
        List<String> problems = new ArrayList<>();
        for (ModelStore.Row row : store.rows(ASHARE_ALIASES)) {
            boolean hasAShare = false;
            for (String ticker : row.get(3).split("\\|", -1)) {
                hasAShare |= ASHARE.matcher(ticker).matches();
            }
            if (!hasAShare || !row.get(1).equals("listed")) {
                problems.add(ASHARE_ALIASES + ":" + row.line() + ": needs kind listed and an A-share ticker");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aSurfaceNameBelongsToOneIdUnlessListedAsAmbiguous() {
        Map<String, Set<String>> idsByName = new LinkedHashMap<>();
        List<String> named = new ArrayList<>(allFiles());
        named.add(FORMER_NAMES);
        for (String file : named) {
            for (ModelStore.Row row : store.rows(file)) {
                idsByName.computeIfAbsent(key(row.get(0)), k -> new TreeSet<>()).add(row.get(0));
                for (String name : row.get(2).split("\\|", -1)) {
                    idsByName.computeIfAbsent(key(name), k -> new TreeSet<>()).add(row.get(0));
                }
            }
        }
        Map<String, Set<String>> declared = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ModelStore.Row row : store.rows(AMBIGUOUS)) {
            if (row.fields().size() < 3 || row.fields().size() > 4 || row.get(2).isEmpty()) {
                problems.add(AMBIGUOUS + ":" + row.line() + ": needs alias, id, a note and optional cues");
                continue;
            }
            if (LEGAL_NAME.matcher(row.get(0)).matches()) {
                problems.add(AMBIGUOUS + ":" + row.line() + ": a full legal name is never ambiguous: " + row.get(0));
            }
            Set<String> owners = idsByName.getOrDefault(key(row.get(0)), Set.of());
            if (!owners.contains(row.get(1))) {
                problems.add(AMBIGUOUS + ":" + row.line() + ": " + row.get(0) + " is not a name of " + row.get(1));
            }
            declared.computeIfAbsent(key(row.get(0)), k -> new TreeSet<>()).add(row.get(1));
        }
        idsByName.forEach((name, ids) -> {
            if (ids.size() > 1 && !declared.getOrDefault(name, Set.of()).containsAll(ids)) {
                problems.add("'" + name + "' is shared by " + ids + " but ambiguous.tsv lists only "
                        + declared.getOrDefault(name, Set.of()));
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theCompiledListsHoldThousandsOfEntries() {
        int total = 0;
        for (String file : allFiles()) {
            total += store.rows(file).size();
        }
        assertTrue(total >= 2500, "only " + total + " entries");
        assertTrue(store.rows("companies/hk-listed.tsv").size() >= 400);
    }

    private static List<String> allFiles() {
        Set<String> all = new LinkedHashSet<>(FILES);
        all.add(ASHARE_ALIASES);
        return new ArrayList<>(all);
    }

    /** Names compare after NFKC folding and case folding, as the matcher sees them. */
    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
