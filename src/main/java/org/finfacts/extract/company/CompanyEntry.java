package org.finfacts.extract.company;

import java.util.List;

/**
 * One company of the gazetteer: its canonical id, kind, every name it is written by, its tickers
 * with exchange, and where the entry comes from. Example: {@code NVIDIA listed [英伟达, 辉达, NVIDIA]
 * [NVDA] [compiled: NASDAQ listing]}; {@code 平安银行 bank [平安银行] [000001.SZ]}. A former name of a
 * renamed company is an entry of its own whose {@code currentId} names the entry it became
 * ({@code 国泰君安} -> {@code 国泰海通}); it shares the current entry's kind and tickers. {@code currentId}
 * is null for every other entry.
 */
public record CompanyEntry(String id, String kind, List<String> names, List<String> tickers, List<String> sources,
                           boolean delisted, String currentId) {
    public CompanyEntry {
        names = List.copyOf(names);
        tickers = List.copyOf(tickers);
        sources = List.copyOf(sources);
    }

    /** An entry under its present name (no former name). */
    public CompanyEntry(String id, String kind, List<String> names, List<String> tickers, List<String> sources,
                        boolean delisted) {
        this(id, kind, names, tickers, sources, delisted, null);
    }

    /** Whether this entry is a former name of a renamed company. */
    public boolean isFormerName() {
        return currentId != null;
    }

    /** The id of the company today: {@code currentId} for a former name, else the id itself. */
    public String presentId() {
        return currentId != null ? currentId : id;
    }

    /** The first ticker, or null when none is known. */
    public String primaryTicker() {
        return tickers.isEmpty() ? null : tickers.get(0);
    }

    /** Whether the entry is a news outlet or a data platform (named as a source, rarely as an actor). */
    public boolean isMediaOrData() {
        return "media".equals(kind) || "data".equals(kind);
    }
}
