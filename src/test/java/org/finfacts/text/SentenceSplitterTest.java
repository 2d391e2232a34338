package org.finfacts.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> split(String text) {
        return splitter.split(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void splitsAtTerminatorsAndLineBreaks() {
        assertEquals(List.of("亚马逊追加投资。", "这是最大的一笔!", "标题", "正文?"),
                split("亚马逊追加投资。这是最大的一笔!\n标题\n\n正文?"));
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        assertEquals(List.of("他说:“市值超过了苹果。”", "随后上涨。"), split("他说:“市值超过了苹果。”随后上涨。"));
    }

    @Test
    void doesNotSplitDecimals() {
        assertEquals(List.of("营收2.4亿、7.5亿和15.5亿美元。"), split("营收2.4亿、7.5亿和15.5亿美元。"));
    }

    @Test
    void cutsOverlongRunsAtACommaAndCoversEveryCharacter() {
        String text = "数据,".repeat(500);
        List<Sentence> sentences = splitter.split(text);
        assertTrue(sentences.size() > 1);
        int covered = 0;
        for (Sentence s : sentences) {
            assertTrue(s.end() - s.start() <= SentenceSplitter.MAX_SENTENCE + 1);
            covered += s.end() - s.start();
        }
        assertEquals(text.length(), covered);
    }
}
