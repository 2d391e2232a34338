package org.finfacts.eval;

/** True positives, false positives and false negatives, with precision, recall and F1. */
public final class Prf {
    private int tp;
    private int fp;
    private int fn;

    /** Adds counts. */
    public void add(int truePositives, int falsePositives, int falseNegatives) {
        tp += truePositives;
        fp += falsePositives;
        fn += falseNegatives;
    }

    public int tp() {
        return tp;
    }

    public int fp() {
        return fp;
    }

    public int fn() {
        return fn;
    }

    /** Precision; 1 when nothing was predicted and nothing was expected, 0 when only misses. */
    public double precision() {
        return tp + fp == 0 ? (fn == 0 ? 1.0 : 0.0) : (double) tp / (tp + fp);
    }

    /** Recall; 1 when nothing was expected. */
    public double recall() {
        return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    /** Harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
