package org.finfacts.extract.company;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the stock code written in brackets after a company name and the inline quote some sites
 * insert there. {@code (688065)} is {@code 688065.SH}, {@code (01238)} is {@code 01238.HK},
 * {@code (SZ 000560，收盘价…)} is {@code 000560.SZ}, {@code (002390.SZ)}, {@code (03700-HK)},
 * {@code (证券代码：601886)}, {@code (SOGO.US)} as written; {@code (5.980,0.29,5.10%)} is a quote.
 * Six-digit codes take their exchange from the first digits: 60/68/90 Shanghai, 00/30/20 Shenzhen,
 * 8/4/92 Beijing. Stateless.
 */
final class StockCode {
    private static final Pattern QUOTE = Pattern.compile("\\(\\s*-?\\d+(?:\\.\\d+)?\\s*,\\s*[-+]?\\d+(?:\\.\\d+)?\\s*,\\s*[-+]?\\d+(?:\\.\\d+)?%\\s*\\)");
    private static final Pattern CODE = Pattern.compile(
            "\\(\\s*(?:(?:证券代码|股票代码|代码)\\s*[:：]?\\s*)?"
                    + "(?:(?<ex1>SH|SZ|BJ|HK|sh|sz|bj|hk)[\\s.:：]?)?"
                    + "(?:(?<num>\\d{4,6})|(?<sym>[A-Z]{1,5}))"
                    + "(?:[.\\-](?<ex2>SH|SZ|BJ|HK|US|N|O|sh|sz|bj|hk|us))?"
                    + "\\s*(?:[,，;；][^()]{0,40})?\\)");

    private StockCode() {
    }

    /** A code or quote found at a bracket: where it ends and the code (null for a quote alone). */
    record Found(int start, int end, String code) {
    }

    /** The quote bracket at {@code pos}, or null. */
    static Found quoteAt(String text, int pos) {
        Matcher m = QUOTE.matcher(text).region(pos, Math.min(text.length(), pos + 48));
        return m.lookingAt() ? new Found(pos, m.end(), null) : null;
    }

    /** The code bracket at {@code pos}, or null. */
    static Found codeAt(String text, int pos) {
        Matcher m = CODE.matcher(text).region(pos, Math.min(text.length(), pos + 64));
        if (!m.lookingAt()) {
            return null;
        }
        String ex = m.group("ex1") != null ? m.group("ex1") : m.group("ex2");
        ex = ex == null ? null : ex.toUpperCase(Locale.ROOT);
        String num = m.group("num");
        String code;
        if (num != null) {
            code = normalize(num, ex);
        } else {
            if (ex == null || !(ex.equals("US") || ex.equals("N") || ex.equals("O"))) {
                return null;
            }
            code = m.group("sym") + ".US";
        }
        return code == null ? null : new Found(pos, m.end(), code);
    }

    /** The normalised code of a number with an optional exchange, or null when it is not a code. */
    static String normalize(String num, String exchange) {
        if ("HK".equals(exchange)) {
            return num.length() <= 5 ? "0".repeat(5 - num.length()) + num + ".HK" : null;
        }
        if (num.length() == 5 && exchange == null) {
            return num + ".HK";
        }
        if (num.length() == 4 && exchange == null) {
            return null;
        }
        if (num.length() != 6) {
            return null;
        }
        if (exchange != null && !exchange.equals("US")) {
            return num + "." + exchange;
        }
        if (num.startsWith("60") || num.startsWith("68") || num.startsWith("90")) {
            return num + ".SH";
        }
        if (num.startsWith("00") || num.startsWith("30") || num.startsWith("20")) {
            return num + ".SZ";
        }
        if (num.startsWith("8") || num.startsWith("4") || num.startsWith("92")) {
            return num + ".BJ";
        }
        return null;
    }
}
