package org.finfacts.index;

import org.finfacts.core.ModelStore;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Exchange rates that make amounts in different currencies comparable in the index, read from the
 * reviewed table {@code models/index/fx-rates.tsv} (currency, units per euro, date, source). Amounts
 * are converted to the base currency, USD: {@code 10亿元} at 7.5782 CNY and 1.0411 USD per euro is
 * 137,380,908.395133 USD. Conversions are exact decimal arithmetic rounded to millionths
 * (half-even); USD amounts are not converted. One table date for every article: a comparison
 * across currencies is approximate by nature, a comparison within one currency stays exact.
 */
public final class FxRates {
    /** The currency every amount is normalised to. */
    public static final String BASE = "USD";
    /** The model file. */
    public static final String FILE = "index/fx-rates.tsv";

    private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);

    /** One rate: how many units of {@code currency} one euro buys, on {@code date}, per {@code source}. */
    public record Rate(String currency, BigDecimal perEuro, String date, String source) {
    }

    private final Map<String, Rate> rates;
    private final BigDecimal basePerEuro;

    private FxRates(Map<String, Rate> rates) {
        this.rates = Collections.unmodifiableMap(rates);
        Rate base = rates.get(BASE);
        if (base == null) {
            throw new IllegalArgumentException(FILE + ": no rate for the base currency " + BASE);
        }
        this.basePerEuro = base.perEuro();
    }

    /** The table of a model store; fails naming the file and line of a broken row. */
    public static FxRates load(ModelStore store) {
        Map<String, Rate> rates = new LinkedHashMap<>();
        for (ModelStore.Row row : store.rows(FILE)) {
            String code = row.get(0).toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{3}")) {
                throw row.error("not an ISO 4217 code: " + row.get(0));
            }
            BigDecimal perEuro;
            try {
                perEuro = new BigDecimal(row.get(1));
            } catch (NumberFormatException e) {
                throw row.error("not a decimal rate: " + row.get(1));
            }
            if (perEuro.signum() <= 0) {
                throw row.error("rate must be positive: " + row.get(1));
            }
            if (!row.get(2).matches("\\d{4}-\\d{2}-\\d{2}") || row.get(3).isBlank()) {
                throw row.error("every rate needs a date (YYYY-MM-DD) and a source");
            }
            if (rates.put(code, new Rate(code, perEuro, row.get(2), row.get(3))) != null) {
                throw row.error("duplicate currency " + code);
            }
        }
        return new FxRates(rates);
    }

    /** Whether the table has a rate for the currency. */
    public boolean knows(String currency) {
        return currency != null && rates.containsKey(currency.toUpperCase(Locale.ROOT));
    }

    /** Every rate, in file order. */
    public Map<String, Rate> rates() {
        return rates;
    }

    /** The amount in the base currency (USD), rounded to millionths; empty for an unknown currency. */
    public Optional<BigDecimal> toBase(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return Optional.empty();
        }
        String code = currency.toUpperCase(Locale.ROOT);
        if (code.equals(BASE)) {
            return Optional.of(amount);
        }
        Rate rate = rates.get(code);
        if (rate == null) {
            return Optional.empty();
        }
        BigDecimal usd = amount.multiply(basePerEuro).divide(rate.perEuro(), DIVISION)
                .setScale(AmountEncoding.SCALE, RoundingMode.HALF_EVEN);
        return Optional.of(strip(usd));
    }

    private static BigDecimal strip(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
