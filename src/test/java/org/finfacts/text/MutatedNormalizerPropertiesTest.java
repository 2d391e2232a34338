package org.finfacts.text;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finfacts.core.Mutations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offset map of the working copy ({@link TextNormalizer}, {@link NormalizedText}) on mutated
 * finance text (surrogates, NFKC expansions, zero-width characters, dropped spaces): every working
 * span maps to a non-empty span inside the original, starts never go backwards, the original
 * slice is exactly the original's code points, and a code point's working index maps back to it.
 */
class MutatedNormalizerPropertiesTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @Provide
    Arbitrary<String> finance() {
        return Mutations.financeText();
    }

    @Property(tries = 1000)
    void workingSpansMapInsideTheOriginalInOrder(@ForAll("finance") String s) {
        NormalizedText n = normalizer.normalize(s);
        int cps = s.codePointCount(0, s.length());
        assertEquals(cps, n.originalLength());
        String t = n.text();
        int previous = 0;
        for (int i = 0; i < t.length(); i++) {
            int a = n.originalStart(i);
            assertTrue(a >= previous, "start went backwards at " + i + " in " + Mutations.escape(s));
            previous = a;
            for (int j = i + 1; j <= Math.min(t.length(), i + 8); j++) {
                int b = n.originalEnd(j);
                assertTrue(0 <= a && a < b && b <= cps, "span " + i + "," + j + " -> " + a + "," + b);
                assertEquals(s.substring(s.offsetByCodePoints(0, a), s.offsetByCodePoints(0, b)), n.originalSlice(a, b));
            }
        }
        for (int cp = 0; cp < cps; cp++) {
            int w = n.workingIndex(cp);
            assertTrue(0 <= w && w <= t.length(), "working index of " + cp + ": " + w);
        }
    }
}
