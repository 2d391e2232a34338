package org.finfacts.index;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchQueryParserTest {
    private final SearchQueryParser parser = new SearchQueryParser(SearchQueryParser.Limits.defaults());

    @Test
    void adjacentWordsAreJoinedByAnd() {
        QueryNode n = parser.parse("英伟达 市值");
        assertEquals(new QueryNode.And(List.of(new QueryNode.Text("英伟达", false, false, null, 1),
                new QueryNode.Text("市值", false, false, null, 5))), n);
    }

    @Test
    void readsFieldsComparisonsRangesAndGroups() {
        QueryNode n = parser.parse("type:INVESTMENT amount>=10亿美元 date:[2023-01 TO 2023-06] (company:NVIDIA OR company:Apple)");
        QueryNode.And and = assertInstanceOf(QueryNode.And.class, n);
        assertEquals(new QueryNode.Term(QueryField.TYPE, "INVESTMENT", 6), and.parts().get(0));
        assertEquals(new QueryNode.Compare(QueryField.AMOUNT, QueryNode.Op.GE, "10亿美元", 25), and.parts().get(1));
        assertEquals(new QueryNode.Range(QueryField.DATE, "2023-01", "2023-06", true, true, 36), and.parts().get(2));
        assertInstanceOf(QueryNode.Or.class, and.parts().get(3));
    }

    @Test
    void acceptsSpacesAroundComparisonsAndFullWidthForms() {
        assertEquals(new QueryNode.Compare(QueryField.AMOUNT, QueryNode.Op.GE, "1e9", 11), parser.parse("amount >= 1e9"));
        assertEquals(new QueryNode.Term(QueryField.COMPANY, "英伟达", 9), parser.parse("company：英伟达"));
        assertEquals(new QueryNode.Compare(QueryField.AMOUNT, QueryNode.Op.LT, "5", 8), parser.parse("amount＜5"));
    }

    @Test
    void fieldGroupsApplyTheFieldToEachValue() {
        QueryNode n = parser.parse("company:(NVIDIA OR \"Sequoia Capital\")");
        assertEquals(new QueryNode.Or(List.of(new QueryNode.Term(QueryField.COMPANY, "NVIDIA", 10),
                new QueryNode.Term(QueryField.COMPANY, "Sequoia Capital", 20))), n);
    }

    @Test
    void notMinusAndOpenRanges() {
        assertInstanceOf(QueryNode.Not.class, parser.parse("NOT 小米"));
        assertInstanceOf(QueryNode.Not.class, parser.parse("-小米"));
        assertEquals(new QueryNode.Range(QueryField.AMOUNT, null, "1e9", true, false, 8), parser.parse("amount:[* TO 1e9}"));
        assertEquals(new QueryNode.All(1), parser.parse("*"));
        assertEquals(new QueryNode.Term(QueryField.TYPE, "*", 6), parser.parse("type:*"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "compnay:NVIDIA | unknown field 'compnay' | 1",
            "英伟达 AND | AND needs something after it | 5",
            "OR 英伟达 | OR needs something before it | 1",
            "(英伟达 市值 | missing ')' | 1",
            "英伟达) | unexpected ')' | 4",
            "\"英伟达 市值 | unterminated quote | 1",
            "*达 | leading wildcards are not allowed | 1",
            "英?达 | '?' wildcards are not supported | 1",
            "nvidia~2 | fuzzy terms | 1",
            "/nvid.*/ | regular expressions are not supported | 1",
            "n* | at least two characters | 1",
            "nv*dia | only allowed at the end | 1",
            "company: | needs a value | 1",
            "source>=x | works with amount, date and published only | 1",
            "company:[a TO b] | ranges work with amount, date and published only | 1",
            "amount:[1 2] | a range is written [low TO high] | 8",
            "amount:[1 TO 2 | range not closed | 8",
            "NOT | NOT needs something after it | 1",
            "() | empty parentheses | 2",
            "source:a* | wildcards are not supported in 'source' | 8",
    })
    void badQueriesNameTheProblemAndItsPosition(String query, String message, int position) {
        QueryException e = assertThrows(QueryException.class, () -> parser.parse(query));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("at position " + position) || (position == 1 && e.position() <= 1),
                e.getMessage());
    }

    @Test
    void limitsLengthTermsAndDepth() {
        SearchQueryParser small = new SearchQueryParser(new SearchQueryParser.Limits(50, 4, 3));
        assertTrue(assertThrows(QueryException.class, () -> small.parse("a".repeat(51))).getMessage()
                .contains("too long"));
        assertTrue(assertThrows(QueryException.class, () -> small.parse("a b c d e")).getMessage()
                .contains("too many terms"));
        assertTrue(assertThrows(QueryException.class, () -> small.parse("((((a))))")).getMessage()
                .contains("nested too deeply"));
        assertTrue(assertThrows(QueryException.class, () -> parser.parse("   ")).getMessage().contains("empty"));
        String huge = "a OR ".repeat(100) + "a";
        assertTrue(assertThrows(QueryException.class, () -> parser.parse(huge)).getMessage()
                .contains("too many terms"));
    }

    @Property(tries = 500)
    void anyInputParsesOrFailsWithAQueryException(@ForAll @StringLength(max = 80) String input) {
        try {
            parser.parse(input);
        } catch (QueryException e) {
            assertTrue(e.position() >= 0 && e.position() <= input.length() + 1, e.getMessage());
        }
    }

    @Property(tries = 300)
    void anyMixOfSyntaxCharactersParsesOrFailsCleanly(@ForAll("syntax") String input) {
        try {
            parser.parse(input);
        } catch (QueryException e) {
            assertTrue(e.getMessage().contains("position") || e.getMessage().contains("query"), e.getMessage());
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> syntax() {
        return net.jqwik.api.Arbitraries.of("company:", "amount>=", "date:", "[", "]", "{", "}", " TO ", "(", ")",
                "\"", "AND ", "OR ", "NOT ", "-", "*", "英伟达", "1e9", " ", "type:", ":", ">", "<").list()
                .ofMaxSize(12).map(l -> String.join("", l));
    }
}
