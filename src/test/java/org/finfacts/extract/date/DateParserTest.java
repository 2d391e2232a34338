package org.finfacts.extract.date;

import org.finfacts.core.ModelStore;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Grain;
import org.finfacts.normalize.PublicationTime;
import org.finfacts.normalize.ResolutionContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateParserTest {
    private static final DateParser PARSER = DateParser.create(ModelStore.directory(Path.of("models")));
    private static final ResolutionContext APRIL_10 = PublicationTime.parse("2024-04-10", "input").orElseThrow();

    private static DateMention parse(String q) {
        return PARSER.parse(q, APRIL_10).orElseThrow(() -> new AssertionError("no date in " + q));
    }

    @Test
    void parsesABareYearWithItsInterval() {
        DateMention d = parse("2024");
        assertEquals("2024", d.value());
        assertEquals(Grain.YEAR, d.grain());
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), d.intervalStart());
        assertEquals(LocalDateTime.of(2025, 1, 1, 0, 0), d.intervalEnd());
    }

    @Test
    void parsesQueryForms() {
        assertEquals("2024-03", parse("2024-03").value());
        assertEquals(LocalDateTime.of(2024, 4, 1, 0, 0), parse("2024-03").intervalEnd());
        assertEquals("2023", parse("2023年").value());
        assertEquals("2023-Q1", parse("2023年Q1").value());
        assertEquals("2023-Q1", parse("2023年一季度").value());
        assertEquals(LocalDateTime.of(2023, 4, 1, 0, 0), parse("2023年一季度").intervalEnd());
        assertEquals("2024-04-10", parse("2024-04-10").value());
        assertEquals("2023-H2", parse("2023年下半年").value());
    }

    @Test
    void resolvesRelativeQueriesAgainstTheContext() {
        DateMention lastYear = parse("去年");
        assertEquals("2023", lastYear.value());
        assertTrue(lastYear.relative());
        assertNull(PARSER.parse("去年", ResolutionContext.unknown()).orElseThrow().value());
    }

    @Test
    void findsEveryDateInAQueryWithCodePointOffsets() {
        List<DateMention> all = PARSER.parseAll("😀英伟达 2023 营收 与 2024年一季度", APRIL_10);
        assertEquals(2, all.size());
        assertEquals("2023", all.get(0).value());
        assertEquals(5, all.get(0).start());
        assertEquals("2024年一季度", all.get(1).text());
    }

    @Test
    void returnsNothingForTextWithoutDates() {
        assertTrue(PARSER.parse("英伟达营收", APRIL_10).isEmpty());
        assertTrue(PARSER.parse("", APRIL_10).isEmpty());
        assertTrue(PARSER.parse(null, APRIL_10).isEmpty());
        assertTrue(PARSER.parse("营收12345", APRIL_10).isEmpty());
    }
}
