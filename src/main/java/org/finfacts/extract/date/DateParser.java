package org.finfacts.extract.date;

import org.finfacts.core.ModelStore;
import org.finfacts.facts.DateMention;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.text.NormalizedText;
import org.finfacts.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates in a short text, such as a search query, with the same rules as the engine's
 * date stage: {@code 2024}, {@code 2024-03}, {@code 2023年}, {@code 2023年Q1}, {@code 2023年一季度},
 * {@code 去年}, {@code 2024-04-10}, {@code 上周五}. Relative expressions resolve against
 * {@code context.reference()} (null reference: value null). In a query a bare four-digit number
 * between 1900 and 2100 standing alone ({@code 英伟达 2024 营收}) is a year.
 *
 * <p>Each result carries its span (Unicode code points of the given text, end exclusive), its
 * {@code value} at its grain, and the half-open {@code intervalStart}/{@code intervalEnd} that a
 * search filter needs: {@code parse("2023年一季度", ctx)} gives value {@code 2023-Q1}, interval
 * [2023-01-01T00:00, 2023-04-01T00:00). Build once ({@link #create}); thread-safe.
 *
 * <pre>{@code
 * DateParser dates = DateParser.create(ModelStore.bundled());
 * ResolutionContext now = PublicationTime.parse("2024-04-10", "input").orElseThrow();
 * dates.parse("去年", now).get().value();          // "2023"
 * dates.parse("2024-03", now).get().intervalEnd();  // 2024-04-01T00:00
 * }</pre>
 */
public final class DateParser {
    private static final Pattern LONE_YEAR = Pattern.compile(
            "(?<![0-9A-Za-z.\\-/:])(\\d{4})(?![0-9A-Za-z.\\-/:%元万亿千百点股只家个倍])");

    private final TextNormalizer normalizer = new TextNormalizer();
    private final DateExtractor extractor;
    private final DateResolver resolver;

    /** A parser over loaded date models. */
    public DateParser(DateLexicon lexicon) {
        this.extractor = new DateExtractor(lexicon);
        this.resolver = new DateResolver(lexicon);
    }

    /** A parser over the date models of a store ({@code ModelStore.bundled()}). */
    public static DateParser create(ModelStore store) {
        return new DateParser(DateLexicon.load(store));
    }

    /** The first date expression in the text, or empty when there is none (or the text is null). */
    public Optional<DateMention> parse(String text, ResolutionContext context) {
        List<DateMention> all = parseAll(text, context);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every date expression in the text, in order; relative ones count from {@code context}. */
    public List<DateMention> parseAll(String text, ResolutionContext context) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        NormalizedText n = normalizer.normalize(text);
        String s = n.text();
        List<DateCandidate> found = new ArrayList<>(extractor.find(s, null));
        Matcher m = LONE_YEAR.matcher(s);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            boolean covered = false;
            for (DateCandidate c : found) {
                if (c.start() < m.end() && m.start() < c.end()) {
                    covered = true;
                    break;
                }
            }
            if (!covered && y >= 1900 && y <= 2100) {
                DateCandidate.Builder b = new DateCandidate.Builder();
                b.year = y;
                found.add(b.build(m.start(), m.end(), m.group(1)));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        DateResolver.Layout oneSentence = new DateResolver.Layout() {
            @Override
            public int sentence(int position) {
                return 0;
            }

            @Override
            public int paragraph(int position) {
                return 0;
            }
        };
        List<DateMention> out = new ArrayList<>();
        for (DateMention d : resolver.resolveAll(found, oneSentence, context)) {
            int start = n.originalStart(d.start());
            int end = n.originalEnd(d.end());
            out.add(d.withSpan(start, end, n.originalSlice(start, end)));
        }
        return out;
    }
}
