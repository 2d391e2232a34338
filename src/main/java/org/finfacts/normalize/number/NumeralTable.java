package org.finfacts.normalize.number;

import org.finfacts.core.ModelStore;

import java.util.HashMap;
import java.util.Map;

/**
 * The characters of written numbers, read from {@code models/money/numerals.tsv} (digits, 点, 负, 多,
 * 几, 数, 半, 又) and {@code models/money/multipliers.tsv} (十 百 千 万 亿 兆 and their financial and
 * traditional forms, Latin {@code k}). Immutable; build once per engine. Example: {@code 叁} is the
 * digit 3, {@code 億} the section multiplier 10^8.
 */
public final class NumeralTable {
    /** What a character does in a number. */
    public enum Role { DIGIT, POINT, MINUS, HALF, MORE, FEW, SEVERAL, AND, UNIT, BIG, LATIN }

    /** One character's role and value (digit value, or power of ten for multipliers). */
    public record Entry(char form, Role role, int value, boolean integerOnly) {
    }

    /** Bit {@code c} set when character {@code c} has an entry: most characters of a text have none. */
    private final long[] present = new long[(Character.MAX_VALUE + 1) >>> 6];
    /** The entries in an open-addressing table keyed by character (a power-of-two size, linear probing). */
    private final char[] keys;
    private final Entry[] slots;

    private NumeralTable(Map<Character, Entry> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 4 - 1)) << 1;
        keys = new char[size];
        slots = new Entry[size];
        for (Map.Entry<Character, Entry> e : entries.entrySet()) {
            char c = e.getKey();
            present[c >>> 6] |= 1L << c;
            int i = slot(c);
            while (slots[i] != null) {
                i = (i + 1) & (size - 1);
            }
            keys[i] = c;
            slots[i] = e.getValue();
        }
    }

    private int slot(char c) {
        return (c * 0x9E37) >>> 4 & (keys.length - 1);
    }

    /** Loads both model files; a malformed row fails naming its file and line. */
    public static NumeralTable load(ModelStore store) {
        Map<Character, Entry> map = new HashMap<>();
        for (ModelStore.Row row : store.rows("money/numerals.tsv")) {
            String form = row.get(0);
            if (form.length() != 1) {
                throw row.error("a numeral must be one character: " + form);
            }
            Role role = role(row, row.get(1));
            int value = 0;
            if (role == Role.DIGIT) {
                value = integer(row, row.get(2));
                if (value < 0 || value > 9) {
                    throw row.error("a digit must be 0-9: " + value);
                }
            }
            put(map, row, new Entry(form.charAt(0), role, value, "integer".equals(row.get(3))));
        }
        for (ModelStore.Row row : store.rows("money/multipliers.tsv")) {
            String form = row.get(0);
            if (form.length() != 1) {
                throw row.error("a multiplier must be one character: " + form);
            }
            int power = integer(row, row.get(1));
            Role role = switch (row.get(2)) {
                case "unit" -> Role.UNIT;
                case "big" -> Role.BIG;
                case "latin" -> Role.LATIN;
                default -> throw row.error("kind must be unit, big or latin: " + row.get(2));
            };
            if (power < 1 || power > 12 || role == Role.UNIT && power > 3) {
                throw row.error("power out of range: " + power);
            }
            put(map, row, new Entry(form.charAt(0), role, power, false));
        }
        return new NumeralTable(map);
    }

    private static void put(Map<Character, Entry> map, ModelStore.Row row, Entry e) {
        if (map.putIfAbsent(e.form(), e) != null) {
            throw row.error("listed twice: " + e.form());
        }
    }

    private static Role role(ModelStore.Row row, String name) {
        return switch (name) {
            case "digit" -> Role.DIGIT;
            case "point" -> Role.POINT;
            case "minus" -> Role.MINUS;
            case "half" -> Role.HALF;
            case "more" -> Role.MORE;
            case "few" -> Role.FEW;
            case "several" -> Role.SEVERAL;
            case "and" -> Role.AND;
            default -> throw row.error("unknown role: " + name);
        };
    }

    private static int integer(ModelStore.Row row, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw row.error("not an integer: " + s);
        }
    }

    /** The entry of a character, or null when it plays no part in numbers. */
    public Entry get(char c) {
        if ((present[c >>> 6] & (1L << c)) == 0) {
            return null;
        }
        for (int i = slot(c); ; i = (i + 1) & (keys.length - 1)) {
            if (slots[i] == null) {
                return null;
            }
            if (keys[i] == c) {
                return slots[i];
            }
        }
    }

    /** Whether the character has the role. */
    public boolean is(char c, Role role) {
        Entry e = get(c);
        return e != null && e.role() == role;
    }

    /** A Chinese digit (零 to 九 and their forms). */
    public boolean isDigit(char c) {
        return is(c, Role.DIGIT);
    }

    /** A place value or section multiplier (十 百 千 万 亿 兆 ...), not a Latin suffix. */
    public boolean isMultiplier(char c) {
        Entry e = get(c);
        return e != null && (e.role() == Role.UNIT || e.role() == Role.BIG);
    }

    /** A section multiplier (万 亿 兆). */
    public boolean isBig(char c) {
        return is(c, Role.BIG);
    }
}
