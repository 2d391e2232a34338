package org.finfacts.extract.company;

import org.finfacts.core.ModelStore;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
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
 * kinds, ids unique across files, tickers well-formed for their exchange, no empty names, and no
 * surface name shared by two ids unless {@code ambiguous.tsv} lists it for each of them.
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
        for (ModelStore.Row row : store.rows(ASHARE_ALIASES)) {
            String before = seen.put(row.get(0), ASHARE_ALIASES + ":" + row.line());
            if (before != null) {
                problems.add(row.get(0) + " at " + before + " and " + ASHARE_ALIASES + ":" + row.line());
            }
        }
        assertEquals(List.of(), problems);
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
        for (String file : allFiles()) {
            for (ModelStore.Row row : store.rows(file)) {
                for (String name : row.get(2).split("\\|", -1)) {
                    idsByName.computeIfAbsent(key(name), k -> new TreeSet<>()).add(row.get(0));
                }
            }
        }
        Map<String, Set<String>> declared = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ModelStore.Row row : store.rows(AMBIGUOUS)) {
            if (row.fields().size() != 3 || row.get(2).isEmpty()) {
                problems.add(AMBIGUOUS + ":" + row.line() + ": needs alias, id and a note");
                continue;
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
