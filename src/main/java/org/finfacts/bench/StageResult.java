package org.finfacts.bench;

/**
 * What one benchmarked stage did on one thread count: median and spread of throughput over the
 * measured iterations (wall clock), the median throughput per second of CPU time its worker threads
 * used (what a machine shared with other work still tells; -1 if unknown), allocation per input
 * character, the heap's peak during the stage, and per-document latency percentiles (single-thread
 * runs only, else -1).
 */
public record StageResult(String stage, int threads, int docs, long chars, int iterations,
                          double medianCharsPerSecond, double minCharsPerSecond, double maxCharsPerSecond,
                          double medianDocsPerSecond, double medianCharsPerCpuSecond, double allocatedBytesPerChar, long peakHeapBytes,
                          double p50Millis, double p99Millis) {
}
