package org.finfacts.extract.money;

import org.finfacts.core.ModelStore;
import org.finfacts.facts.Qualifier;
import org.finfacts.normalize.number.NumberParser;
import org.finfacts.normalize.number.NumeralTable;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Everything the quantity stage reads from {@code models/money/}: numerals and multipliers (through
 * the {@link NumberParser}), currencies, qualifier words, NUMBER units, per-unit forms, context
 * words (ordinals, codes, change verbs) and words that are not quantities. Loaded once per engine;
 * a broken row fails at load time naming its file and line. Immutable and thread-safe.
 * Example: {@code lexicon.currency("港仙")} is HKD with scale 0.01.
 */
public final class QuantityLexicon {
    /** Where a currency form may stand relative to the number. */
    public enum Position { AFTER, BEFORE, BOTH, TAIL, FINAL }

    /** One currency form: {@code 港仙} is HKD, scale 0.01, written after the number. */
    public record Currency(String form, String code, BigDecimal scale, Position position) {
        /** Whether the form may follow the number directly (27.5亿美元). */
        public boolean after() {
            return position == Position.AFTER || position == Position.BOTH || position == Position.FINAL;
        }

        /** Whether the form may precede the number ($30亿, 人民币6000元). */
        public boolean before() {
            return position == Position.BEFORE || position == Position.BOTH;
        }

        /** The generic yuan words (元, 圆, 块) that defer to a currency written before the number. */
        public boolean generic() {
            return "CNY".equals(code) && position != Position.BOTH && scale.compareTo(BigDecimal.ONE) == 0
                    && !form.chars().allMatch(c -> c < 128);
        }
    }

    /** The role of a context word before a number. */
    public enum ContextRole { ORDINAL, CODE, CHANGE }

    /** A NUMBER unit and the factor it applies ({@code 打} = 12). */
    public record Unit(String form, BigDecimal factor) {
    }

    /** A word that is a percentage without a numeral: the number and mark it stands for, the word before it. */
    public record PercentWord(String form, String number, String mark, String before) {
    }

    /** A per-unit form: a unit after 每 or /, or an averaging word (日均 -> 日). */
    public record PerForm(String form, boolean average, String per) {
    }

    private final NumberParser parser;
    private final WordTable<Currency> currencies = new WordTable<>();
    private final WordTable<Qualifier> qualifiersBefore = new WordTable<>();
    private final java.util.Map<String, Integer> reach = new java.util.HashMap<>();
    private final java.util.Set<String> multiplierOnly = new java.util.HashSet<>();
    private final java.util.Set<String> comparisonOnly = new java.util.HashSet<>();
    private final WordTable<Qualifier> qualifiersAfter = new WordTable<>();
    private final WordTable<Unit> units = new WordTable<>();
    private final java.util.Map<String, String> percentUnits = new java.util.HashMap<>();
    private final WordTable<PerForm> perUnits = new WordTable<>();
    private final WordTable<PerForm> averages = new WordTable<>();
    private final WordTable<ContextRole> contextWords = new WordTable<>();
    private final WordTable<String> notQuantities = new WordTable<>();
    private final WordTable<PercentWord> percentWords = new WordTable<>();
    private final java.util.Map<String, Currency> byCode = new java.util.HashMap<>();
    private final java.util.Map<String, String> tenthByCode = new java.util.HashMap<>();

    private QuantityLexicon(ModelStore store) {
        this.parser = new NumberParser(NumeralTable.load(store));
        for (ModelStore.Row row : store.rows("money/currencies.tsv")) {
            String form = row.get(0);
            String code = row.get(1);
            if (form.isEmpty() || !code.matches("[A-Z]{3}")) {
                throw row.error("need a form and a three-letter ISO 4217 code");
            }
            BigDecimal scale;
            try {
                scale = new BigDecimal(row.get(2));
            } catch (NumberFormatException e) {
                throw row.error("scale is not a decimal: " + row.get(2));
            }
            if (scale.signum() <= 0) {
                throw row.error("scale must be positive");
            }
            Position position;
            try {
                position = Position.valueOf(row.get(3).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("position must be after, before, both, tail or final: " + row.get(3));
            }
            Currency c = new Currency(form, code, scale, position);
            if (!currencies.put(form, c)) {
                throw row.error("listed twice: " + form);
            }
            if (scale.compareTo(BigDecimal.ONE) == 0 && c.after() && !form.chars().allMatch(ch -> ch < 128)) {
                byCode.putIfAbsent(code, c);
            }
            if (position == Position.TAIL) {
                tenthByCode.putIfAbsent(code + " " + scale.stripTrailingZeros().toPlainString(), form);
            }
        }
        for (ModelStore.Row row : store.rows("money/qualifiers.tsv")) {
            Qualifier q = qualifier(row, row.get(2));
            if (row.get(4).equals("multiplier")) {
                multiplierOnly.add(row.get(0));
            } else if (row.get(4).equals("comparison")) {
                comparisonOnly.add(row.get(0));
            } else if (!row.get(4).isEmpty()) {
                throw row.error("scope must be empty, multiplier or comparison: " + row.get(4));
            }
            if (!row.get(3).isEmpty()) {
                try {
                    reach.put(row.get(0), Integer.parseInt(row.get(3)));
                } catch (NumberFormatException e) {
                    throw row.error("reach is not a number: " + row.get(3));
                }
            }
            boolean ok = switch (row.get(1)) {
                case "before" -> qualifiersBefore.put(row.get(0), q);
                case "after" -> qualifiersAfter.put(row.get(0), q);
                default -> throw row.error("position must be before or after: " + row.get(1));
            };
            if (!ok) {
                throw row.error("listed twice: " + row.get(0));
            }
        }
        for (ModelStore.Row row : store.rows("money/number-units.tsv")) {
            BigDecimal factor;
            try {
                factor = new BigDecimal(row.get(1));
            } catch (NumberFormatException e) {
                throw row.error("factor is not a decimal: " + row.get(1));
            }
            if (!units.put(row.get(0), new Unit(row.get(0), factor))) {
                throw row.error("listed twice: " + row.get(0));
            }
        }
        for (ModelStore.Row row : store.rows("money/percent-units.tsv")) {
            if (units.get(row.get(0)) == null) {
                throw row.error("not a unit of number-units.tsv: " + row.get(0));
            }
            if (row.get(1).isEmpty()) {
                throw row.error("no reported unit given");
            }
            if (percentUnits.put(row.get(0), row.get(1)) != null) {
                throw row.error("listed twice: " + row.get(0));
            }
        }
        for (ModelStore.Row row : store.rows("money/per-units.tsv")) {
            String kind = row.get(1);
            if (row.get(2).isEmpty()) {
                throw row.error("no per unit given");
            }
            PerForm f = new PerForm(row.get(0), "average".equals(kind), row.get(2));
            boolean ok = switch (kind) {
                case "unit" -> perUnits.put(row.get(0), f);
                case "average" -> averages.put(row.get(0), f);
                default -> throw row.error("kind must be unit or average: " + kind);
            };
            if (!ok) {
                throw row.error("listed twice: " + row.get(0));
            }
        }
        for (ModelStore.Row row : store.rows("money/context-words.tsv")) {
            ContextRole role;
            try {
                role = ContextRole.valueOf(row.get(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("role must be ordinal, code or change: " + row.get(1));
            }
            if (!contextWords.put(row.get(0), role)) {
                throw row.error("listed twice: " + row.get(0));
            }
        }
        for (ModelStore.Row row : store.rows("money/percent-words.tsv")) {
            if (!parser.parse(row.get(1)).ok()) {
                throw row.error("not a number: " + row.get(1));
            }
            if (!row.get(2).equals("成") && !row.get(2).equals("折")) {
                throw row.error("mark must be 成 or 折: " + row.get(2));
            }
            if (row.get(3).isEmpty()) {
                throw row.error("no word before given");
            }
            if (!percentWords.put(row.get(0), new PercentWord(row.get(0), row.get(1), row.get(2), row.get(3)))) {
                throw row.error("listed twice: " + row.get(0));
            }
        }
        for (ModelStore.Row row : store.rows("money/not-quantities.tsv")) {
            if (!notQuantities.put(row.get(0), row.get(1))) {
                throw row.error("listed twice: " + row.get(0));
            }
        }
    }

    private static Qualifier qualifier(ModelStore.Row row, String s) {
        try {
            return Qualifier.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw row.error("qualifier must be exact, approx, gt, ge, lt or le: " + s);
        }
    }

    /** Loads every {@code models/money/} file from the store. */
    public static QuantityLexicon load(ModelStore store) {
        return new QuantityLexicon(store);
    }

    /** The number parser over this lexicon's numerals. */
    public NumberParser parser() {
        return parser;
    }

    /** The numeral table. */
    public NumeralTable numerals() {
        return parser.table();
    }

    /** A currency form, or null. */
    public Currency currency(String form) {
        return form == null ? null : currencies.get(form);
    }

    /** The usual Chinese word written after an amount in that ISO currency (USD -> 美元), or null. */
    public Currency currencyWord(String code) {
        return byCode.get(code);
    }

    /** The qualifier of a word written before an amount, or null. */
    public Qualifier qualifierBefore(String word) {
        return word == null ? null : qualifiersBefore.get(word);
    }

    /** How many characters may stand between a before-word and the amount (至少还得200亿). */
    public int reach(String word) {
        return reach.getOrDefault(word, 0);
    }

    /** Whether a before-word counts only before a bare multiplier (过 in 过亿元). */
    public boolean onlyBeforeMultiplier(String word) {
        return multiplierOnly.contains(word);
    }

    /**
     * The tail form worth a tenth of the given unit of the currency (角 for 块, 分 for 毛), or null: the
     * unit a lone digit after a colloquial 块 stands for (两块五 is 2.5 yuan, 一块二毛五 1.25).
     */
    public String tenthOf(Currency unit) {
        if (unit == null) {
            return null;
        }
        BigDecimal tenth = unit.scale().divide(BigDecimal.TEN).stripTrailingZeros();
        return tenthByCode.get(unit.code() + " " + tenth.toPlainString());
    }

    /** Whether an after-word counts only when 比 stands before the amount (比三十大, 比170低). */
    public boolean onlyInComparison(String word) {
        return comparisonOnly.contains(word);
    }

    /** The qualifier of a word written after an amount, or null. */
    public Qualifier qualifierAfter(String word) {
        return word == null ? null : qualifiersAfter.get(word);
    }

    /** A NUMBER unit, or null. */
    public Unit unit(String form) {
        return form == null ? null : units.get(form);
    }

    /**
     * The unit a PERCENT mention reports when a NUMBER unit makes the quantity a percentage
     * ({@code 个百分点}, {@code 百分點} -> {@code 个百分点}), or null for an ordinary unit.
     */
    public String percentUnit(String form) {
        return form == null ? null : percentUnits.get(form);
    }

    /** A per form (unit or average word), or null. */
    public PerForm perForm(String form) {
        if (form == null) {
            return null;
        }
        PerForm f = perUnits.get(form);
        return f != null ? f : averages.get(form);
    }

    WordTable<Currency> currencies() {
        return currencies;
    }

    WordTable<Qualifier> qualifiersBefore() {
        return qualifiersBefore;
    }

    WordTable<Qualifier> qualifiersAfter() {
        return qualifiersAfter;
    }

    WordTable<Unit> units() {
        return units;
    }

    WordTable<PerForm> perUnits() {
        return perUnits;
    }

    WordTable<PerForm> averages() {
        return averages;
    }

    WordTable<ContextRole> contextWords() {
        return contextWords;
    }

    WordTable<PercentWord> percentWords() {
        return percentWords;
    }

    WordTable<String> notQuantities() {
        return notQuantities;
    }
}
