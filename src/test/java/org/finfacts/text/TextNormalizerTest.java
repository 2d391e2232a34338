package org.finfacts.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void foldsFullWidthDigitsAndPunctuation() {
        NormalizedText n = normalizer.normalize("营收１２３亿元，同比增长５％");
        assertEquals("营收123亿元,同比增长5%", n.text());
    }

    @Test
    void foldsKangxiRadicals() {
        NormalizedText n = normalizer.normalize("⾄少还得200-300亿美元,训练⼤模型");
        assertEquals("至少还得200-300亿美元,训练大模型", n.text());
    }

    @Test
    void dropsSpacesInsideNumbersButMapsTheSpanBackWithThem() {
        NormalizedText n = normalizer.normalize("投入了 291 亿美元，2023 年");
        assertEquals("投入了291亿美元,2023年", n.text());
        int s = n.text().indexOf("291");
        int e = s + "291亿美元".length();
        assertEquals("291 亿美元", n.originalSlice(n.originalStart(s), n.originalEnd(e)));
        int y = n.text().indexOf("2023年");
        assertEquals("2023 年", n.originalSlice(n.originalStart(y), n.originalEnd(y + 5)));
    }

    @Test
    void keepsSpacesBetweenTwoNumbersAndBetweenWords() {
        assertEquals("2024-04-10 00:36:32", normalizer.normalize("2024-04-10 00:36:32").text());
        assertEquals("根据 PitchBook 的数据", normalizer.normalize("根据 PitchBook 的数据").text());
    }

    @Test
    void emojiAndExtensionBDoNotShiftOffsets() {
        String original = "😀𠀀公司营收29亿美元";
        NormalizedText n = normalizer.normalize(original);
        int s = n.text().indexOf("29亿美元");
        int cpStart = n.originalStart(s);
        int cpEnd = n.originalEnd(s + "29亿美元".length());
        assertEquals(6, cpStart);
        assertEquals(11, cpEnd);
        assertEquals("29亿美元", n.originalSlice(cpStart, cpEnd));
    }

    @Test
    void mapsOriginalCodePointsBackToWorkingIndices() {
        NormalizedText n = normalizer.normalize("😀投入了 291 亿美元");
        assertEquals(0, n.workingIndex(0));
        assertEquals(n.text().indexOf("291"), n.workingIndex(5));
        assertEquals(n.text().indexOf("亿"), n.workingIndex(8));
        assertEquals(n.text().length(), n.workingIndex(12));
    }

    @Test
    void keepsEnclosedNumeralsApartFromTheTextAfterThem() {
        assertEquals("①2023年", normalizer.normalize("①2023年").text());
    }

    @Test
    void replacesLoneSurrogatesWithoutFailing() {
        NormalizedText n = normalizer.normalize("a\uD800b\uDC00c");
        assertEquals("a\uFFFDb\uFFFDc", n.text());
        assertEquals(5, n.originalLength());
    }

    @Property(tries = 2000)
    void everyWorkingSpanMapsInsideTheOriginal(@ForAll @StringLength(max = 60) String s) {
        NormalizedText n = normalizer.normalize(s);
        int cps = s.codePointCount(0, s.length());
        String t = n.text();
        for (int i = 0; i < t.length(); i++) {
            for (int j = i + 1; j <= Math.min(t.length(), i + 6); j++) {
                int a = n.originalStart(i);
                int b = n.originalEnd(j);
                assertTrue(a >= 0 && a < b && b <= cps, "span " + i + "," + j + " -> " + a + "," + b);
                n.originalSlice(a, b);
            }
        }
    }

    @Property(tries = 500)
    void mappingIsMonotonic(@ForAll("financeLike") String s) {
        NormalizedText n = normalizer.normalize(s);
        for (int i = 1; i < n.text().length(); i++) {
            assertTrue(n.originalStart(i) >= n.originalStart(i - 1));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> financeLike() {
        return net.jqwik.api.Arbitraries.strings()
                .withChars("0123456789１２３亿万元美 ,.%％⾄至😀𠀀\n\t　-")
                .ofMaxLength(80);
    }

    @Test
    void foldsEveryBasicMultilingualCharacterInTextAsItFoldsAlone() {
        // the fast paths (ASCII, CJK ideographs, the punctuation tables) and the slow path agree with context;
        // invisible format characters are context-dependent by design (dropped inside Han words and numbers)
        String contextual = "\u200B\u200C\u200D\u2060\u00AD\uFEFF";
        for (int cp = 0; cp <= 0xFFFF; cp++) {
            if (Character.isSurrogate((char) cp) || contextual.indexOf(cp) >= 0) {
                continue;
            }
            String one = String.valueOf((char) cp);
            NormalizedText alone = normalizer.normalize(one);
            NormalizedText inText = normalizer.normalize("甲" + one + "乙");
            assertEquals("甲" + alone.text() + "乙", inText.text(), "U+" + Integer.toHexString(cp));
        }
    }
}
