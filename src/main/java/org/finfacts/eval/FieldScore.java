package org.finfacts.eval;

import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy of the normalised fields of strictly matched mentions: how many pairs were compared, how
 * many had every field right, and per field how many were compared and right.
 */
public final class FieldScore {
    private int compared;
    private int allRight;
    private final Map<String, int[]> perField = new TreeMap<>();

    void pair(boolean everyFieldRight) {
        compared++;
        if (everyFieldRight) {
            allRight++;
        }
    }

    void field(String name, boolean right) {
        int[] c = perField.computeIfAbsent(name, k -> new int[2]);
        c[0]++;
        if (right) {
            c[1]++;
        }
    }

    public int compared() {
        return compared;
    }

    public int allRight() {
        return allRight;
    }

    /** Share of compared pairs with every field right (1 when nothing was compared). */
    public double accuracy() {
        return compared == 0 ? 1.0 : (double) allRight / compared;
    }

    /** Per field: {compared, right}. */
    public Map<String, int[]> perField() {
        return perField;
    }
}
