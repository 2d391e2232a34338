package org.finfacts.extract.person;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Recognizer;
import org.finfacts.facts.Mention;
import org.finfacts.facts.PersonMention;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.tokenize.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Person names as HanLP's name recognition tags them ({@code 黄仁勋/nr}, {@code 扎克伯格/nrf}), kept
 * when they are at least two characters long.
 */
public final class PersonRecognizer implements Recognizer {
    @Override
    public List<Mention> recognize(AnalyzedText text, ResolutionContext context) {
        List<Mention> out = new ArrayList<>();
        for (Token t : text.tokens()) {
            if (t.isPersonName() && t.word().length() >= 2) {
                out.add(new PersonMention(t.start(), t.end(), t.word()));
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "person";
    }
}
