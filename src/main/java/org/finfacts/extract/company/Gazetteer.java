package org.finfacts.extract.company;

import org.finfacts.core.ModelStore;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The company gazetteer: every {@code models/companies/*.tsv} file in the five-column format
 * {@code id kind names tickers source} ({@code names} and {@code tickers} {@code |}-separated), plus
 * the {@code ambiguous*.tsv} lists ({@code alias id note}: names that are companies only in context,
 * such as {@code 苹果}). Rows of one id in several files merge; a name that two ids claim is kept for
 * the id whose own name it is, else for the hand-compiled entry over the imported one, and is listed
 * in {@link #conflicts()}. Lookups go by name key: NFKC, ASCII lower case, inner spaces collapsed.
 * Immutable after loading. Example: {@code idsOf("辉达")} gives {@code [NVIDIA]}.
 */
public final class Gazetteer {
    /** The folder of the gazetteer files inside {@code models/}. */
    public static final String FOLDER = "companies";
    /** The file converted from the A-share list; every other gazetteer file is compiled by hand. */
    public static final String IMPORTED_FILE = "ashare.tsv";
    private static final Set<String> KINDS = Set.of("listed", "private", "investment", "bank", "broker",
            "fund_manager", "insurer", "exchange", "media", "data");

    private final Map<String, CompanyEntry> byId;
    private final Map<String, String> idByKey;
    private final Map<String, String> idByTicker;
    private final Map<String, String> ambiguous;
    private final List<String> conflicts;
    private final Set<String> importedIds;

    private Gazetteer(Map<String, CompanyEntry> byId, Map<String, String> idByKey, Map<String, String> idByTicker,
                      Map<String, String> ambiguous, List<String> conflicts, Set<String> importedIds) {
        this.byId = byId;
        this.idByKey = idByKey;
        this.idByTicker = idByTicker;
        this.ambiguous = ambiguous;
        this.conflicts = conflicts;
        this.importedIds = importedIds;
    }

    /** Loads every gazetteer file of the store; a malformed row fails naming its file and line. */
    public static Gazetteer load(ModelStore store) {
        Map<String, Builder> builders = new LinkedHashMap<>();
        Set<String> compiledIds = new LinkedHashSet<>();
        Set<String> importedIds = new LinkedHashSet<>();
        List<ModelStore.Row> ambiguousRows = new ArrayList<>();
        for (String file : store.list(FOLDER)) {
            if (!file.endsWith(".tsv")) {
                continue;
            }
            String base = file.substring(file.lastIndexOf('/') + 1);
            if (base.startsWith("ambiguous")) {
                ambiguousRows.addAll(store.rows(file));
                continue;
            }
            boolean imported = base.equals(IMPORTED_FILE);
            for (ModelStore.Row row : store.rows(file)) {
                String id = row.get(0);
                String kind = row.get(1);
                if (id.isEmpty() || row.get(2).isEmpty()) {
                    throw row.error("a company needs an id and at least one name");
                }
                if (!kind.isEmpty() && !KINDS.contains(kind)) {
                    throw row.error("unknown kind '" + kind + "' (one of " + KINDS + ")");
                }
                Builder b = builders.computeIfAbsent(id, Builder::new);
                if (b.kind == null || (!imported && !kind.isEmpty())) {
                    b.kind = kind.isEmpty() ? b.kind : kind;
                }
                b.names.add(id);
                for (String n : split(row.get(2))) {
                    b.names.add(n);
                }
                for (String t : split(row.get(3))) {
                    b.tickers.add(t.toUpperCase(Locale.ROOT));
                }
                if (!row.get(4).isEmpty()) {
                    b.sources.add(row.get(4));
                    if (row.get(4).contains("delisted")) {
                        b.delisted = true;
                    }
                }
                (imported ? importedIds : compiledIds).add(id);
            }
        }
        Map<String, CompanyEntry> byId = new LinkedHashMap<>();
        for (Builder b : builders.values()) {
            byId.put(b.id, new CompanyEntry(b.id, b.kind == null ? "listed" : b.kind, new ArrayList<>(b.names),
                    new ArrayList<>(b.tickers), new ArrayList<>(b.sources), b.delisted));
        }
        importedIds.removeAll(compiledIds);
        Map<String, String> idByKey = new HashMap<>();
        Map<String, String> idByTicker = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (CompanyEntry e : byId.values()) {
            for (String name : e.names()) {
                String key = key(name);
                String other = idByKey.get(key);
                if (other == null || other.equals(e.id())) {
                    idByKey.put(key, e.id());
                    continue;
                }
                String winner = prefer(key, other, e.id(), compiledIds);
                conflicts.add("'" + name + "' is a name of " + other + " and " + e.id() + ": kept for " + winner);
                idByKey.put(key, winner);
            }
            for (String t : e.tickers()) {
                String other = idByTicker.get(t);
                if (other == null || (importedIds.contains(other) && !importedIds.contains(e.id()))) {
                    idByTicker.put(t, e.id());
                }
            }
        }
        Map<String, String> ambiguous = new HashMap<>();
        for (ModelStore.Row row : ambiguousRows) {
            String alias = row.get(0);
            String id = row.get(1);
            if (alias.isEmpty() || id.isEmpty()) {
                throw row.error("an ambiguous alias needs the alias and the id it may stand for");
            }
            if (!byId.containsKey(id)) {
                throw row.error("unknown company id '" + id + "'");
            }
            ambiguous.put(key(alias), id);
            idByKey.putIfAbsent(key(alias), id);
        }
        return new Gazetteer(Collections.unmodifiableMap(byId), idByKey, idByTicker, ambiguous,
                List.copyOf(conflicts), Collections.unmodifiableSet(importedIds));
    }

    private static String prefer(String key, String a, String b, Set<String> compiledIds) {
        if (key(a).equals(key)) {
            return a;
        }
        if (key(b).equals(key)) {
            return b;
        }
        if (compiledIds.contains(a) != compiledIds.contains(b)) {
            return compiledIds.contains(a) ? a : b;
        }
        return a;
    }

    private static List<String> split(String field) {
        List<String> out = new ArrayList<>();
        for (String p : field.split("\\|")) {
            String s = p.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The lookup key of a name: NFKC, ASCII lower case, runs of white space as one space. */
    public static String key(String name) {
        String s = needsNormalizing(name) ? Normalizer.normalize(name, Normalizer.Form.NFKC).strip() : name.strip();
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && sb.length() > 0) {
                sb.append(' ');
            }
            space = false;
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }

    private static boolean needsNormalizing(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF)) {
                return true;
            }
        }
        return false;
    }

    /** The entry of an id, or null. */
    public CompanyEntry entry(String id) {
        return id == null ? null : byId.get(id);
    }

    /** The id a name stands for, or null when the name is not in the gazetteer. */
    public String idOf(String name) {
        return idByKey.get(key(name));
    }

    /** The id of the company with this ticker ({@code 000001.SZ}, {@code 00700.HK}, {@code NVDA}), or null. */
    public String idOfTicker(String ticker) {
        return ticker == null ? null : idByTicker.get(ticker.toUpperCase(Locale.ROOT));
    }

    /** Whether the name is a company only in context (listed in an {@code ambiguous*.tsv} file). */
    public boolean isAmbiguous(String name) {
        return ambiguous.containsKey(key(name));
    }

    /** Every name key with the id it stands for (for building matchers). */
    public Map<String, String> nameKeys() {
        return Collections.unmodifiableMap(idByKey);
    }

    /** Every entry, in load order. */
    public Iterable<CompanyEntry> entries() {
        return byId.values();
    }

    /** Number of companies. */
    public int size() {
        return byId.size();
    }

    /** Whether the id comes only from the imported A-share list. */
    public boolean isImportedOnly(String id) {
        return importedIds.contains(id);
    }

    /** Names that two ids claimed, with the id kept, for review. */
    public List<String> conflicts() {
        return conflicts;
    }

    private static final class Builder {
        final String id;
        String kind;
        final Set<String> names = new LinkedHashSet<>();
        final Set<String> tickers = new LinkedHashSet<>();
        final List<String> sources = new ArrayList<>();
        boolean delisted;

        Builder(String id) {
            this.id = id;
        }
    }
}
