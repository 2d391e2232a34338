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
 * three special files: {@code ambiguous*.tsv} ({@code alias id note [cues]}: a name shared by several
 * companies, the first row giving the default id, or a name that is a company only in context, such as
 * {@code 苹果}); {@code former-names.tsv} ({@code id current names source}: a name a company had before
 * it was renamed, an entry of its own that shares the current entry's kind and tickers, so that
 * {@code 国泰君安} stays {@code 国泰君安} while the ticker 601211.SH leads to {@code 国泰海通});
 * {@code id-overrides.tsv} ({@code ticker id note}: the id an entry of the imported A-share list takes
 * when news names the company otherwise, {@code 601881.SH} is {@code 银河证券}, the list's {@code 中国银河}
 * staying a name). Rows of one id in several files merge (a specific kind such as {@code bank} wins over
 * {@code listed}, the hand-compiled one over the imported one); a name that two ids claim is kept for the id
 * whose own name it is, else for the hand-compiled entry over the imported one, and is listed in
 * {@link #conflicts()} unless an ambiguous file declares it for both. Lookups go by name key: NFKC,
 * ASCII lower case, inner spaces collapsed. Immutable after loading. Example: {@code idOf("辉达")} gives
 * {@code NVIDIA}.
 */
public final class Gazetteer {
    /** The folder of the gazetteer files inside {@code models/}. */
    public static final String FOLDER = "companies";
    /** The file converted from the A-share list; every other gazetteer file is compiled by hand. */
    public static final String IMPORTED_FILE = "ashare.tsv";
    /** Former names of renamed companies: {@code id current names source}. */
    public static final String FORMER_NAMES = "former-names.tsv";
    /** Ids that replace the imported list's id of a ticker: {@code ticker id note}. */
    public static final String ID_OVERRIDES = "id-overrides.tsv";
    private static final Set<String> KINDS = Set.of("listed", "private", "investment", "bank", "broker",
            "fund_manager", "insurer", "exchange", "media", "data");
    /** Exchange marks news and the gold add to US symbols ({@code SOGO.US}, {@code TSLA.O}, {@code PFE.N}). */
    private static final java.util.regex.Pattern US_SUFFIX = java.util.regex.Pattern.compile("([A-Z][A-Z-]{0,5})\\.(?:US|O|OQ|N)");

    /** One company a shared name may stand for, and the words near the name that choose it. */
    public record Candidate(String id, List<String> cues) {
    }

    private final Map<String, CompanyEntry> byId;
    private final Map<String, String> idByKey;
    private final Map<String, String> idByTicker;
    private final Map<String, List<Candidate>> ambiguous;
    private final List<String> conflicts;
    private final Set<String> importedIds;
    private final Map<String, List<String>> formerIds;

    private Gazetteer(Map<String, CompanyEntry> byId, Map<String, String> idByKey, Map<String, String> idByTicker,
                      Map<String, List<Candidate>> ambiguous, List<String> conflicts, Set<String> importedIds) {
        this.byId = byId;
        Map<String, List<String>> former = new HashMap<>();
        for (CompanyEntry e : byId.values()) {
            if (e.isFormerName()) {
                former.computeIfAbsent(e.currentId(), k -> new ArrayList<>()).add(e.id());
            }
        }
        this.formerIds = former;
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
        List<ModelStore.Row> formerRows = new ArrayList<>();
        Map<String, ModelStore.Row> overrides = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        for (String file : store.list(FOLDER)) {
            if (file.endsWith(".tsv")) {
                files.add(file);
            }
        }
        for (String file : files) {
            if (baseName(file).equals(ID_OVERRIDES)) {
                for (ModelStore.Row row : store.rows(file)) {
                    if (row.get(0).isEmpty() || row.get(1).isEmpty()) {
                        throw row.error("an id override needs a ticker and an id");
                    }
                    overrides.put(row.get(0).toUpperCase(Locale.ROOT), row);
                }
            }
        }
        Set<String> overridden = new LinkedHashSet<>();
        for (String file : files) {
            String base = baseName(file);
            if (base.startsWith("ambiguous")) {
                ambiguousRows.addAll(store.rows(file));
                continue;
            }
            if (base.equals(FORMER_NAMES)) {
                formerRows.addAll(store.rows(file));
                continue;
            }
            if (base.equals(ID_OVERRIDES)) {
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
                String listName = null;
                if (imported) {
                    for (String t : split(row.get(3))) {
                        ModelStore.Row o = overrides.get(t.toUpperCase(Locale.ROOT));
                        if (o != null) {
                            listName = id;
                            id = o.get(1);
                            overridden.add(o.get(0).toUpperCase(Locale.ROOT));
                        }
                    }
                }
                Builder b = builders.computeIfAbsent(id, Builder::new);
                if (!kind.isEmpty() && (b.kind == null
                        || (!kind.equals("listed") && (!imported || b.kind.equals("listed"))))) {
                    b.kind = kind;
                }
                b.names.add(id);
                if (listName != null) {
                    b.names.add(listName);
                }
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
        for (Map.Entry<String, ModelStore.Row> o : overrides.entrySet()) {
            if (!overridden.contains(o.getKey())) {
                throw o.getValue().error("no entry of " + IMPORTED_FILE + " has the ticker " + o.getKey());
            }
        }
        for (ModelStore.Row row : formerRows) {
            String id = row.get(0);
            Builder current = builders.get(row.get(1));
            if (id.isEmpty() || row.get(1).isEmpty()) {
                throw row.error("a former name needs the name and the id of the company today");
            }
            if (current == null || current.currentId != null) {
                throw row.error("unknown current company id '" + row.get(1) + "'");
            }
            if (builders.containsKey(id)) {
                throw row.error("the former name '" + id + "' is already the id of a company");
            }
            Builder b = new Builder(id);
            b.currentId = current.id;
            b.names.add(id);
            b.names.addAll(split(row.get(2)));
            if (!row.get(3).isEmpty()) {
                b.sources.add(row.get(3));
            }
            builders.put(id, b);
            compiledIds.add(id);
        }
        Map<String, CompanyEntry> byId = new LinkedHashMap<>();
        for (Builder b : builders.values()) {
            Builder now = b.currentId == null ? b : builders.get(b.currentId);
            byId.put(b.id, new CompanyEntry(b.id, now.kind == null ? "listed" : now.kind, new ArrayList<>(b.names),
                    new ArrayList<>(now.tickers), new ArrayList<>(b.sources), now.delisted, b.currentId));
        }
        importedIds.removeAll(compiledIds);
        Map<String, List<Candidate>> ambiguous = new HashMap<>();
        for (ModelStore.Row row : ambiguousRows) {
            String alias = row.get(0);
            String id = row.get(1);
            if (alias.isEmpty() || id.isEmpty()) {
                throw row.error("an ambiguous alias needs the alias and the id it may stand for");
            }
            if (!byId.containsKey(id)) {
                throw row.error("unknown company id '" + id + "'");
            }
            ambiguous.computeIfAbsent(key(alias), k -> new ArrayList<>()).add(new Candidate(id, split(row.get(3))));
        }
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
                if (!declares(ambiguous.get(key), other, e.id())) {
                    conflicts.add("'" + name + "' is a name of " + other + " and " + e.id() + ": kept for " + winner);
                }
                idByKey.put(key, winner);
            }
            if (e.isFormerName()) {
                continue;
            }
            for (String t : e.tickers()) {
                String other = idByTicker.get(t);
                if (other == null || (importedIds.contains(other) && !importedIds.contains(e.id()))) {
                    idByTicker.put(t, e.id());
                }
            }
        }
        for (Map.Entry<String, List<Candidate>> a : ambiguous.entrySet()) {
            String first = a.getValue().get(0).id();
            if (a.getValue().size() > 1) {
                idByKey.put(a.getKey(), first);
            } else {
                idByKey.putIfAbsent(a.getKey(), first);
            }
            a.setValue(List.copyOf(a.getValue()));
        }
        return new Gazetteer(Collections.unmodifiableMap(byId), idByKey, idByTicker, ambiguous,
                List.copyOf(conflicts), Collections.unmodifiableSet(importedIds));
    }

    private static String baseName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    private static boolean declares(List<Candidate> candidates, String a, String b) {
        if (candidates == null) {
            return false;
        }
        boolean hasA = false;
        boolean hasB = false;
        for (Candidate c : candidates) {
            hasA |= c.id().equals(a);
            hasB |= c.id().equals(b);
        }
        return hasA && hasB;
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

    /**
     * The id of the company listed today under this ticker ({@code 000001.SZ}, {@code 00700.HK},
     * {@code NVDA}; a US symbol also with the mark news adds, {@code SOGO.US}, {@code TSLA.O}), or null.
     */
    public String idOfTicker(String ticker) {
        if (ticker == null) {
            return null;
        }
        String t = ticker.toUpperCase(Locale.ROOT);
        String id = idByTicker.get(t);
        if (id == null) {
            java.util.regex.Matcher us = US_SUFFIX.matcher(t);
            if (us.matches()) {
                id = idByTicker.get(us.group(1));
            }
        }
        return id;
    }

    /**
     * The company a stock code stands for when the text writes it next to a name the gazetteer does not
     * know: the ticker's company if the written name is one of its names, a prefix of one
     * ({@code 中芯} of {@code 中芯国际}) or starts with one of three characters or more
     * ({@code 宝龙地产控股} with {@code 宝龙地产}); else null, for the code then belongs to a company
     * written under a name it no longer has or does not have yet ({@code 中国动力控股(00476)}), and the
     * written name decides the id.
     */
    public String idOfTickerNamed(String ticker, String written) {
        CompanyEntry e = entry(idOfTicker(ticker));
        if (e == null || written == null || written.isBlank()) {
            return null;
        }
        String w = key(written);
        for (CompanyEntry candidate : entriesOfListing(e)) {
            for (String n : candidate.names()) {
                String k = key(n);
                if (k.equals(w) || (w.length() >= 2 && k.startsWith(w)) || (k.length() >= 3 && w.startsWith(k))) {
                    return candidate.id();
                }
            }
        }
        return null;
    }

    /** The present entry of a listing and its former names (present first). */
    private List<CompanyEntry> entriesOfListing(CompanyEntry present) {
        List<CompanyEntry> out = new ArrayList<>();
        out.add(present);
        for (String former : formerIds.getOrDefault(present.id(), List.of())) {
            out.add(byId.get(former));
        }
        return out;
    }

    /**
     * Whether the name is a company only in context: an ordinary word, place or person as well
     * ({@code 苹果}, {@code 南方}), listed with a single row in an {@code ambiguous*.tsv} file.
     */
    public boolean isAmbiguous(String name) {
        List<Candidate> c = ambiguous.get(key(name));
        return c != null && c.size() == 1;
    }

    /**
     * The companies a shared name may stand for, the default first ({@code 交银}: 交通银行, then
     * 交银施罗德基金 with its cues), or an empty list when the name stands for one company only.
     */
    public List<Candidate> sharedBy(String name) {
        List<Candidate> c = ambiguous.get(key(name));
        return c != null && c.size() > 1 ? c : List.of();
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
        String currentId;

        Builder(String id) {
            this.id = id;
        }
    }
}
