package org.finfacts.index;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharAnalyzerTest {
    private final Analyzer analyzer = new CharAnalyzer();

    private List<String> tokens(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.BODY_CHARS, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + off.startOffset() + "-" + off.endOffset());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void hanCharactersAndTheirPairsAndOneTokenPerWordWithOriginalOffsets() throws IOException {
        assertEquals(List.of("英@0-1", "英伟@0-2", "伟@1-2", "伟达@1-3", "达@2-3", "nvidia@3-9", "市@9-10", "市值@9-11",
                "值@10-11", "3@11-12", "万@12-13"), tokens("英伟达ＮＶＩＤＩＡ市值３万"));
        assertEquals(List.of("27.5@0-4", "亿@4-5", "亿美@4-6", "美@5-6", "美元@5-7", "元@6-7"), tokens("27.5亿美元"));
    }

    @Property(tries = 300)
    void offsetsStayInsideTheText(@ForAll @StringLength(max = 60) String text) throws IOException {
        try (TokenStream ts = analyzer.tokenStream(IndexFields.BODY_CHARS, text)) {
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                assertTrue(0 <= off.startOffset() && off.startOffset() <= off.endOffset()
                        && off.endOffset() <= text.length(), off.toString());
            }
            ts.end();
        }
    }
}
