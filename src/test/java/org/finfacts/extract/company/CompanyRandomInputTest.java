package org.finfacts.extract.company;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.core.TestEngine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.Mention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any text in: no failure, company and person offsets inside the text, mention text = slice. */
class CompanyRandomInputTest {
    private final Engine engine = TestEngine.get();

    @Provide
    Arbitrary<String> companyish() {
        Arbitrary<String> pieces = Arbitraries.of("英伟达", "苹果", "有限公司", "股份有限公司", "(有限合伙)", "集团", "银行",
                "(", ")", "（", "）", "(01238)", "(SZ 000560", "*ST", "ST", "以下简称“", "”", "Meta", "Google200",
                "OpenAI", " ", "、", "和", "的", "公司", "子公司", "控股股东", "记者 ", "董事长", "表示", "，男，", "😀",
                "𠀀", "A", "Ventures", "Capital ", "中国", "深圳市", "证券", "基金", "·", "\n", "1.5", "%", "\uD800");
        return Arbitraries.oneOf(pieces, Arbitraries.strings().ofMaxLength(3))
                .list().ofMaxSize(25).map(l -> String.join("", l));
    }

    @Property(tries = 300)
    void anyTextGivesConsistentMentions(@ForAll("companyish") String text) {
        AnnotatedDocument doc = engine.process(Document.of("random", text));
        assertNull(doc.error(), () -> "no failure on: " + text);
        int cps = text.codePointCount(0, text.length());
        for (Mention m : doc.mentions()) {
            assertTrue(m.start() >= 0 && m.start() < m.end() && m.end() <= cps, () -> "offsets inside: " + m);
            String slice = text.substring(text.offsetByCodePoints(0, m.start()), text.offsetByCodePoints(0, m.end()));
            assertEquals(slice, m.text());
        }
    }
}
