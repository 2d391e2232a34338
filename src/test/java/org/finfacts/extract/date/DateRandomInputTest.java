package org.finfacts.extract.date;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finfacts.core.ModelStore;
import org.finfacts.facts.DateMention;
import org.finfacts.normalize.PublicationTime;
import org.finfacts.normalize.ResolutionContext;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateRandomInputTest {
    private static final DateParser PARSER = DateParser.create(ModelStore.directory(Path.of("models")));
    private static final ResolutionContext REF = PublicationTime.parse("2024-04-10T00:36:32", "input").orElseThrow();

    @Property(tries = 1500)
    void anyDateLikeTextGivesSpansInsideTheText(@ForAll("dateLike") String s) {
        check(s, REF);
        check(s, ResolutionContext.unknown());
    }

    @Property(tries = 500)
    void anyStringAtAllIsSafe(@ForAll String s) {
        check(s, REF);
    }

    private static void check(String s, ResolutionContext ctx) {
        int cps = s.codePointCount(0, s.length());
        for (DateMention d : PARSER.parseAll(s, ctx)) {
            assertTrue(d.start() >= 0 && d.start() < d.end() && d.end() <= cps, "offsets inside: " + d);
            String slice = s.substring(s.offsetByCodePoints(0, d.start()), s.offsetByCodePoints(0, d.end()));
            assertEquals(slice, d.text());
            assertTrue(d.value() == null || d.intervalStart() != null && d.intervalEnd().isAfter(d.intervalStart()));
        }
    }

    @Provide
    Arbitrary<String> dateLike() {
        return Arbitraries.strings()
                .withChars("0123456789２０年月日号周星期上下本去今明前后同当季度半初底末-/.:： 一二三四五六七八九十〇零两正腊农历Q H W FY财😀𠀀")
                .ofMaxLength(40);
    }
}
