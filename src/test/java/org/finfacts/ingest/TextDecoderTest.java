package org.finfacts.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {
    private static final String TEXT = "英伟达周三公布财报，营收同比增长，这是公司历史上最好的一个季度。";

    @Test
    void decodesGbkWithoutDeclaration() {
        TextDecoder.Decoded d = TextDecoder.decode(TEXT.getBytes(Charset.forName("GBK")), null);
        assertEquals(TEXT, d.text());
        assertEquals("GB18030", d.charset());
        assertFalse(d.lossy());
    }

    @Test
    void tellsBig5FromGb18030ByCommonCharacters() {
        String traditional = "這是公司歷史上最好的一個季度，營收同比增長，市場對此反應熱烈，股價連續上漲。";
        TextDecoder.Decoded d = TextDecoder.decode(traditional.getBytes(Charset.forName("Big5")), null);
        assertEquals(traditional, d.text());
        assertEquals("Big5", d.charset());
    }

    @Test
    void htmlMetaCharsetIsRead() {
        byte[] page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                + "</head><body>" + TEXT + "</body></html>").getBytes(Charset.forName("GB18030"));
        assertEquals("gb2312", TextDecoder.metaCharset(page));
        TextDecoder.Decoded d = TextDecoder.decodeHtml(page, null);
        assertTrue(d.text().contains(TEXT));
        assertEquals("GB18030", d.charset());
    }

    @Test
    void aWrongDeclarationLosesToTheBytes() {
        byte[] page = ("<html><head><meta charset=\"utf-8\"></head><body>" + TEXT + "</body></html>")
                .getBytes(Charset.forName("GBK"));
        TextDecoder.Decoded d = TextDecoder.decodeHtml(page, "utf-8");
        assertTrue(d.text().contains(TEXT), d.text());
        assertFalse(d.lossy());
    }

    @Test
    void invalidBytesDecodeLossilyAndSaySo() {
        byte[] good = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 3];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xFF;
        bad[good.length + 1] = (byte) 0xFE;
        bad[good.length + 2] = (byte) 0x80;
        TextDecoder.Decoded d = TextDecoder.decode(bad, null);
        assertTrue(d.lossy());
        assertTrue(TextDecoder.countReplacements(d.text()) > 0);
    }

    @Test
    void utf16WithByteOrderMarkIsText() {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertFalse(TextDecoder.looksBinary(bytes));
        assertEquals(TEXT, TextDecoder.decode(bytes, null).text());
    }

    @Test
    void binaryIsRecognised() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertTrue(TextDecoder.looksBinary(png));
        assertFalse(TextDecoder.looksBinary(TEXT.getBytes(StandardCharsets.UTF_8)));
    }
}
