package org.finfacts.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes of unknown encoding: a byte-order mark decides (UTF-8, UTF-16LE/BE), else strict
 * UTF-8, else strict GB18030 (covers GBK and GB2312), else Big5, else UTF-8 with replacement
 * characters and a {@code lossy} flag. Example: GBK bytes of {@code 英伟达} decode as GB18030.
 */
public final class TextDecoder {
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
        for (Charset c : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GB18030"), Charset.forName("Big5")}) {
            String s = strict(bytes, 0, c);
            if (s != null) {
                return new Decoded(s, c.name(), false);
            }
        }
        return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8.name(), true);
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
