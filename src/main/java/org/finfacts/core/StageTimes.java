package org.finfacts.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock nanoseconds spent in each stage of {@link Engine#process(Document, StageTimes)}, summed
 * over the documents processed with it: a per-stage breakdown of the whole pipeline for benchmarks.
 * Not thread-safe: one per thread, {@link #addAll added} together at the end.
 */
public final class StageTimes {
    private final Map<String, long[]> nanos = new LinkedHashMap<>();

    /** Adds {@code elapsed} nanoseconds to a stage. */
    public void add(String stage, long elapsed) {
        nanos.computeIfAbsent(stage, k -> new long[1])[0] += elapsed;
    }

    /** Adds another accumulator's times to this one. */
    public void addAll(StageTimes other) {
        for (Map.Entry<String, long[]> e : other.nanos.entrySet()) {
            add(e.getKey(), e.getValue()[0]);
        }
    }

    /** Nanoseconds per stage, in the order the stages first ran. */
    public Map<String, Long> nanos() {
        Map<String, Long> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    /** Total nanoseconds over every stage. */
    public long total() {
        long sum = 0;
        for (long[] v : nanos.values()) {
            sum += v[0];
        }
        return sum;
    }
}
