package org.finfacts.index;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2023, 2023-01-01T00:00, 2024-01-01T00:00",
            "2023-11, 2023-11-01T00:00, 2023-12-01T00:00",
            "2024-02-29, 2024-02-29T00:00, 2024-03-01T00:00",
            "2023-Q4, 2023-10-01T00:00, 2024-01-01T00:00",
            "2023-H2, 2023-07-01T00:00, 2024-01-01T00:00",
            "2024-W15, 2024-04-08T00:00, 2024-04-15T00:00",
            "2024-04-10T00:36:32, 2024-04-10T00:36:32, 2024-04-10T00:36:33",
            "2024-04-10T00:36:32+08:00, 2024-04-10T00:36:32, 2024-04-10T00:36:33",
    })
    void readsIsoValuesAtTheirGrain(String value, String start, String end) {
        Period p = Period.parseIso(value).orElseThrow();
        assertEquals(LocalDateTime.parse(start), p.start());
        assertEquals(LocalDateTime.parse(end), p.end());
    }

    @Test
    void refusesWhatIsNotADate() {
        for (String s : new String[] {"2023-13", "2023-02-30", "2023-Q5", "2023-W60", "去年", "", "20231"}) {
            assertTrue(Period.parseIso(s).isEmpty(), s);
        }
        assertTrue(DateRangeParser.parsePlain("2024-06..2024-01").isEmpty());
        assertEquals(LocalDateTime.parse("2024-07-01T00:00"),
                DateRangeParser.parsePlain("2024-01-01..2024-06-30").orElseThrow().end());
    }
}
