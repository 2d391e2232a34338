package org.finfacts.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes of unknown encoding: a byte-order mark decides (UTF-8, UTF-16LE/BE), else a declared
 * charset (an HTTP header; for HTML also {@code <meta charset>} or {@code http-equiv}) when the bytes
 * decode strictly in it, else strict UTF-8, else strict GB18030 (covers GBK and GB2312), else Big5
 * (when bytes are valid in both GB18030 and Big5, the one giving more common Chinese characters
 * wins), else the candidate that loses the fewest bytes, with a {@code lossy} flag.
 * Example: GBK bytes of {@code 英伟达} decode as GB18030.
 */
public final class TextDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final java.util.regex.Pattern META_CHARSET = java.util.regex.Pattern.compile(
            "<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]{2,40})", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** Frequent characters written only in simplified script, and their traditional forms. */
    private static final String SIMPLIFIED = "这个们来说时为国会对发经过后还进没实现长动关开间义点机问题";
    private static final String TRADITIONAL = "這個們來說時為國會對發經過後還進沒實現長動關開間義點機問題";

    /** Decoded text, the charset that decoded it, and whether bytes were lost. */
    public record Decoded(String text, String charset, boolean lossy) {
    }

    private TextDecoder() {
    }

    /** Decodes {@code bytes}, trying {@code declared} first when it names a known charset. */
    public static Decoded decode(byte[] bytes, String declared) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strictOrLossy(bytes, 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return strictOrLossy(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return strictOrLossy(bytes, 2, StandardCharsets.UTF_16BE);
        }
        Charset declaredCharset = charsetOrNull(declared);
        if (declaredCharset != null) {
            String s = strict(bytes, 0, declaredCharset);
            if (s != null) {
                return new Decoded(s, declaredCharset.name(), false);
            }
        }
        String utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8.name(), false);
        }
        String gb = strict(bytes, 0, GB18030);
        String big5 = strict(bytes, 0, BIG5);
        if (gb != null && big5 != null) {
            return chineseScore(big5) > chineseScore(gb) ? new Decoded(big5, BIG5.name(), false)
                    : new Decoded(gb, GB18030.name(), false);
        }
        if (gb != null) {
            return new Decoded(gb, GB18030.name(), false);
        }
        if (big5 != null) {
            return new Decoded(big5, BIG5.name(), false);
        }
        Decoded best = null;
        int bestLost = Integer.MAX_VALUE;
        for (Charset c : new Charset[] {declaredCharset, StandardCharsets.UTF_8, GB18030}) {
            if (c == null) {
                continue;
            }
            String text = new String(bytes, c);
            int lost = countReplacements(text);
            if (lost < bestLost) {
                best = new Decoded(text, c.name(), true);
                bestLost = lost;
            }
        }
        return best;
    }

    /**
     * Decodes an HTML page: as {@link #decode}, with the HTTP header's charset ({@code httpCharset},
     * may be null) first and the page's own {@code <meta charset>} or {@code http-equiv} declaration
     * (within its first 4 KB) next.
     */
    public static Decoded decodeHtml(byte[] bytes, String httpCharset) {
        Charset http = charsetOrNull(httpCharset);
        if (http != null && !hasBom(bytes)) {
            String s = strict(bytes, 0, http);
            if (s != null) {
                return new Decoded(s, http.name(), false);
            }
        }
        return decode(bytes, metaCharset(bytes));
    }

    /** The charset an HTML page declares in a {@code <meta>} tag within its first 4 KB, or null. */
    public static String metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** Number of U+FFFD replacement characters in a decoded text. */
    public static int countReplacements(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\uFFFD') {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether bytes look like a binary file rather than text in any encoding: NUL bytes (outside
     * UTF-16 with a byte-order mark) or many control characters in the first 8 KB.
     */
    public static boolean looksBinary(byte[] bytes) {
        if (hasBom(bytes)) {
            return false;
        }
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return n > 0 && control * 10 > n;
    }

    private static boolean hasBom(byte[] bytes) {
        return (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF)
                || (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)
                || (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF);
    }

    private static int chineseScore(String s) {
        int score = 0;
        int n = Math.min(s.length(), 20_000);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '的' || c == '一' || c == '是' || c == '不' || c == '了' || c == '在' || c == '人' || c == '有') {
                score += 2;
            } else if (SIMPLIFIED.indexOf(c) >= 0 || TRADITIONAL.indexOf(c) >= 0) {
                score += 1;
            } else if (c >= '\uE000' && c <= '\uF8FF') {
                score -= 2;
            }
        }
        return score;
    }

    private static Decoded strictOrLossy(byte[] bytes, int skip, Charset c) {
        String s = strict(bytes, skip, c);
        if (s != null) {
            return new Decoded(s, c.name(), false);
        }
        return new Decoded(new String(bytes, skip, bytes.length - skip, c), c.name(), true);
    }

    /** The charset of that name, or null when the name is null or unknown to the JVM. */
    public static Charset charsetOrNull(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(n);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String strict(byte[] bytes, int skip, Charset c) {
        CharsetDecoder d = c.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer out = d.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip));
            return out.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
