package org.finfacts.extract.company;

import java.util.List;

/**
 * One company of the gazetteer: its canonical id, kind, every name it is written by, its tickers
 * with exchange, and where the entry comes from. Example: {@code NVIDIA listed [英伟达, 辉达, NVIDIA]
 * [NVDA] [compiled: NASDAQ listing]}; {@code 平安银行 bank [平安银行] [000001.SZ]}.
 */
public record CompanyEntry(String id, String kind, List<String> names, List<String> tickers, List<String> sources,
                           boolean delisted) {
    public CompanyEntry {
        names = List.copyOf(names);
        tickers = List.copyOf(tickers);
        sources = List.copyOf(sources);
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
