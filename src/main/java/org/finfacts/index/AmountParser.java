package org.finfacts.index;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the amount in a query ({@code amount>=10亿美元}): a value and, when one is written, an ISO
 * currency. {@link #plain()} knows the forms a keyboard gives without any language knowledge:
 * {@code 1e9}, {@code 1000000000}, {@code 1,000,000}, {@code 2.5E12}, optionally with an ISO code
 * before or after ({@code USD1e9}, {@code 1e9 usd}); {@link EngineAmountParser} adds what the engine's
 * money recognizer reads ({@code 10亿美元}, {@code 4903.2亿元人民币}). Values with more than 40 digits
 * or exponents beyond ±40 are refused rather than computed.
 */
public interface AmountParser {
    /** An amount as written in a query; {@code currency} is null for a bare number. */
    record Amount(BigDecimal value, String currency) {
    }

    /** The amount of {@code text}, or empty when it is not one. */
    Optional<Amount> parse(String text);

    /** The keyboard forms only. */
    static AmountParser plain() {
        return Plain::parse;
    }

    /** The keyboard forms (see {@link AmountParser}). */
    final class Plain {
        private static final Pattern FORM = Pattern.compile(
                "(?i)\\s*(?:([a-z]{3})\\s*)?([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:e[+-]?\\d{1,2})?)(?:\\s*([a-z]{3}))?\\s*");

        private Plain() {
        }

        /** The keyboard form of {@code text}, or empty. */
        public static Optional<Amount> parse(String text) {
            if (text == null || text.length() > 80) {
                return Optional.empty();
            }
            Matcher m = FORM.matcher(text);
            if (!m.matches() || (m.group(1) != null && m.group(3) != null)) {
                return Optional.empty();
            }
            BigDecimal value;
            try {
                value = new BigDecimal(m.group(2).replace(",", ""));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (value.precision() > 40 || Math.abs(value.scale()) > 40) {
                return Optional.empty();
            }
            String code = m.group(1) != null ? m.group(1) : m.group(3);
            return Optional.of(new Amount(value, code == null ? null : code.toUpperCase(Locale.ROOT)));
        }
    }
}
