package org.finfacts.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CharTableTest {
    @Property(tries = 200)
    void answersAsTheMapItWasBuiltFrom(@ForAll @Size(max = 300) List<Character> keys, @ForAll String probe) {
        Map<Character, Integer> map = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), i);
        }
        CharTable<Integer> table = CharTable.of(map);
        for (char c : keys) {
            assertEquals(map.get(c), table.get(c));
            assertEquals(true, table.contains(c));
        }
        for (char c : probe.toCharArray()) {
            assertEquals(map.get(c), table.get(c));
            assertEquals(map.containsKey(c), table.contains(c));
        }
    }
}
