package org.finfacts.eval.pages;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextOverlapTest {
    @Test
    void scoresCharactersIgnoringWhiteSpace() {
        TextOverlap o = TextOverlap.of("今天 下雨", "今天不下雨");
        assertEquals(1.0, o.rougeL().precision(), 1e-9);
        assertEquals(0.8, o.rougeL().recall(), 1e-9);
        assertEquals(1.0, o.bag().precision(), 1e-9);
        assertEquals(1.0, TextOverlap.of("甲\n乙", "甲乙").rougeL().f1(), 1e-9);
        assertEquals(0.0, TextOverlap.of("", "甲乙").rougeL().f1(), 1e-9);
    }

    @Property(tries = 300)
    void bitParallelLcsEqualsDynamicProgramming(@ForAll @StringLength(max = 150) @CharRange(from = 'a', to = 'e') String a,
                                               @ForAll @StringLength(max = 150) @CharRange(from = 'a', to = 'e') String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[][] dp = new int[x.length + 1][y.length + 1];
        for (int i = 1; i <= x.length; i++) {
            for (int j = 1; j <= y.length; j++) {
                dp[i][j] = x[i - 1] == y[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
            }
        }
        assertEquals(dp[x.length][y.length], TextOverlap.lcs(x, y));
    }
}
