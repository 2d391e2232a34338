package org.finfacts.extract.company;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AhoCorasickTest {
    @Test
    void findsOverlappingKeysInOnePass() {
        AhoCorasick<String> ac = new AhoCorasick<>(Map.of("英伟达", "a", "nvidia", "b", "伟达", "c", "达", "d"));
        List<String> found = new ArrayList<>();
        for (AhoCorasick.Hit<String> h : ac.findAll("NVIDIA即英伟达")) {
            found.add(h.start() + "-" + h.end() + h.value());
        }
        assertEquals(List.of("0-6b", "7-10a", "8-10c", "9-10d"), found);
    }

    @Test
    void matchesAsciiLettersCaseInsensitively() {
        AhoCorasick<String> ac = new AhoCorasick<>(Map.of("openai", "x"));
        assertEquals(2, ac.findAll("OpenAI与openAI").size());
    }

    @Property(tries = 300)
    void findsExactlyTheOccurrencesANaiveSearchFinds(@ForAll @StringLength(max = 40) String text) {
        Map<String, String> keys = Map.of("ab", "ab", "b", "b", "abc", "abc", "公司", "公司", "有限公司", "有限公司");
        AhoCorasick<String> ac = new AhoCorasick<>(keys);
        Set<String> expected = new HashSet<>();
        for (String k : keys.keySet()) {
            for (int i = text.indexOf(k); i >= 0; i = text.indexOf(k, i + 1)) {
                expected.add(i + ":" + k);
            }
        }
        Set<String> actual = new HashSet<>();
        for (AhoCorasick.Hit<String> h : ac.findAll(text)) {
            assertTrue(h.start() >= 0 && h.end() <= text.length());
            if (text.substring(h.start(), h.end()).equals(h.value())) {
                actual.add(h.start() + ":" + h.value());
            }
        }
        assertEquals(expected, actual);
    }
}
