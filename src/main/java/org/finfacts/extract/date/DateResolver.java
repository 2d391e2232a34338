package org.finfacts.extract.date;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.extract.Resolver;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Grain;
import org.finfacts.facts.Mention;
import org.finfacts.normalize.ResolutionContext;
import org.finfacts.text.Sentence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Gives date candidates their values, in text order, against the publication time
 * ({@link ResolutionContext#reference()}) or a closer anchor. The anchoring rules, in order:
 * <ul>
 *   <li>Deictic words count from the publication time: {@code 去年} in an article of 2024-04-10 is
 *       2023; {@code 周五} is that weekday in the publication's ISO week.</li>
 *   <li>Anaphoric words count from the year the text last named, first in the same sentence, then
 *       in the same paragraph or the two before it, else from the publication time: {@code 2023年…比上一年} is 2022,
 *       {@code 同年12月} is December of the year just named, {@code 同日} is the day just named,
 *       {@code 前一交易日} the trading day (Monday to Friday) before the day just named.</li>
 *   <li>{@code 上年同期}/{@code 去年同期} is the anchor's period one year earlier: a quarter, half or
 *       single month when the anchor is one ({@code 2021年11月…去年同期} is 2020-11), else a year.</li>
 *   <li>A deictic comparison ({@code 较去年}) in a document without a publication time counts from
 *       the year the sentence names ({@code 截至2019年6月30日止3个月业绩…较去年} is 2018).</li>
 *   <li>A period without a year ({@code 下半年}, {@code 一季度}, {@code 年底}) takes the year the sentence
 *       names, else the paragraph's, else the publication year; a month or day without a year takes
 *       the sentence's year, else the one nearest the publication time; with no publication time a
 *       month takes the paragraph's year and a day stays unresolved.</li>
 * </ul>
 * Unresolvable expressions keep their span and grain with a null value ({@code 去年} with no
 * publication time). Values are ISO at the mention's grain with a half-open interval.
 */
public final class DateResolver implements Resolver<DateCandidate> {
    /** How many paragraphs before its own an anaphoric word ({@code 前一年}) looks for its year. */
    private static final int ANCHOR_PARAGRAPHS = 2;

    private final DateLexicon lexicon;

    /** A resolver over the given tables (holidays, lunar calendar). */
    public DateResolver(DateLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Where a position lies: its sentence and paragraph numbers. */
    interface Layout {
        int sentence(int position);

        int paragraph(int position);
    }

    /** A resolved candidate kept as a possible anchor for later ones. */
    private record Resolved(DateCandidate candidate, DateMention mention, Grain grain, LocalDateTime start,
                            Integer year, boolean writtenYear, int sentence, int paragraph) {
    }

    @Override
    public List<Mention> resolve(List<DateCandidate> candidates, AnalyzedText text, ResolutionContext context) {
        String s = text.text();
        int[] paragraphOf = new int[s.length() + 1];
        int p = 0;
        boolean content = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n') {
                if (content) {
                    p++;
                }
                content = false;
            } else if (!Character.isWhitespace(ch)) {
                content = true;
            }
            paragraphOf[i] = p;
        }
        paragraphOf[s.length()] = p;
        Layout layout = new Layout() {
            @Override
            public int sentence(int position) {
                Sentence sentence = text.sentenceAt(position);
                return sentence == null ? -1 - paragraphOf[position] : sentence.index();
            }

            @Override
            public int paragraph(int position) {
                return paragraphOf[Math.min(position, paragraphOf.length - 1)];
            }
        };
        return new ArrayList<>(resolveAll(candidates, layout, context, s));
    }

    /** Resolves candidates of one text laid out as {@code layout}. */
    List<DateMention> resolveAll(List<DateCandidate> candidates, Layout layout, ResolutionContext context) {
        return resolveAll(candidates, layout, context, null);
    }

    private List<DateMention> resolveAll(List<DateCandidate> candidates, Layout layout, ResolutionContext context,
                                         String text) {
        LocalDateTime ref = context == null ? null : context.reference();
        List<Resolved> done = new ArrayList<>();
        List<DateMention> out = new ArrayList<>();
        for (DateCandidate c : candidates) {
            if (c.loneShortYear() && !plausibleShortYear(c.shortYear(), ref)) {
                continue;
            }
            Resolved r = resolveOne(c, ref, layout.sentence(c.start()), layout.paragraph(c.start()), done);
            done.add(r);
            out.add(r.mention());
        }
        if (ref == null) {
            appositions(out, text);
            for (int i = 0; i < out.size(); i++) {
                DateMention m = out.get(i);
                DateCandidate c = done.get(i).candidate();
                boolean dateline = text != null && c.end() < text.length() && "丨|讯电".indexOf(text.charAt(c.end())) >= 0;
                if (m.value() == null && c.month() != null && c.day() != null && !c.hasYear() && !c.lunar()
                        && c.monthOffset() == null && !dateline) {
                    Integer year = sameDayWithYear(done, c.month(), c.day());
                    if (year != null && c.day() <= LocalDate.of(year, c.month(), 1).lengthOfMonth()) {
                        out.set(i, mention(c, Grain.DAY, LocalDate.of(year, c.month(), c.day()).atStartOfDay(), true));
                    }
                }
            }
            appositions(out, text);
        }
        return out;
    }

    /**
     * With no publication time, a relative day followed by its date in brackets ({@code 上周五(8月28日)},
     * {@code 明日(30日)}) takes that date once it is known; run after the same-day pass too.
     */
    private static void appositions(List<DateMention> out, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i + 1 < out.size(); i++) {
            DateMention m = out.get(i);
            DateMention next = out.get(i + 1);
            if (m.value() == null && m.grain() == Grain.DAY && next.start() == m.end() + 1
                    && "(（".indexOf(text.charAt(m.end())) >= 0) {
                out.set(i, new DateMention(m.start(), m.end(), m.text(), next.value(), next.grain(),
                        next.intervalStart(), next.intervalEnd(), true, null));
            }
        }
    }

    /**
     * With no publication time, a yearless {@code 9月15日} in a title takes the year of the same
     * month and day written in full elsewhere in the text ({@code 2020年9月15日}).
     */
    private static Integer sameDayWithYear(List<Resolved> done, int month, int day) {
        for (Resolved r : done) {
            if (r.writtenYear() && r.start() != null && r.grain().ordinal() >= Grain.DAY.ordinal()
                    && r.start().getMonthValue() == month && r.start().getDayOfMonth() == day) {
                return r.start().getYear();
            }
        }
        return null;
    }

    // ---- the rules

    private Resolved resolveOne(DateCandidate c, LocalDateTime ref, int sentence, int paragraph, List<Resolved> done) {
        Grain grain = grainOf(c);
        boolean relative = !c.hasWrittenYear();
        Integer year = null;
        Resolved anchor = null;
        if (c.year() != null) {
            year = c.year();
        } else if (c.shortYear() != null) {
            year = expandShortYear(c.shortYear(), ref);
        } else if (c.yearOffset() != null) {
            Integer base = null;
            if (c.samePeriod() && yearAnchor(done, sentence, paragraph, false) == null) {
                Resolved previous = previousSamePeriod(done, paragraph, ref == null);
                if (previous != null && previous.start() != null) {
                    DateMention m = mention(c, previous.grain(), previous.start(), true);
                    return new Resolved(c, m, previous.grain(), previous.start(), previous.year(), false, sentence,
                            paragraph);
                }
            }
            if (c.yearAnaphoric() || c.samePeriod() || c.comparative() && ref == null) {
                anchor = yearAnchor(done, sentence, paragraph, true);
                if (anchor == null && ref == null) {
                    anchor = yearAnchor(done, sentence, -1, false);
                    for (int i = done.size() - 1; i >= 0 && anchor == null; i--) {
                        if (done.get(i).year() != null && isPrimary(done.get(i))) {
                            anchor = done.get(i);
                        }
                    }
                }
                if (anchor != null) {
                    base = anchor.year();
                }
            }
            if (base == null && ref != null) {
                base = ref.getYear();
            }
            year = base == null ? null : base + c.yearOffset();
        }

        LocalDateTime start = null;
        if (c.samePeriod()) {
            if (anchor == null) {
                anchor = yearAnchor(done, sentence, paragraph, true);
            }
            if (year == null && c.hasWrittenYear()) {
                year = c.year();
            }
            if (year != null) {
                grain = Grain.YEAR;
                start = LocalDate.of(year, 1, 1).atStartOfDay();
                if (anchor != null && anchor.sentence() == sentence
                        && !anchor.candidate().rangeStart() && !anchor.candidate().rangeEnd()
                        && anchor.start() != null
                        && (anchor.grain() == Grain.HALF || anchor.grain() == Grain.QUARTER
                        || anchor.grain() == Grain.MONTH)) {
                    grain = anchor.grain();
                    start = anchor.start().withYear(year);
                }
            } else {
                grain = Grain.YEAR;
            }
        } else if (c.yearEnd()) {
            year = contextYearForPeriod(year, c, ref, sentence, paragraph, done);
            start = year == null ? null : LocalDate.of(year, 12, 31).atStartOfDay();
        } else if (c.holiday() != null) {
            start = holiday(c.holiday(), c.hasYear() ? year : null, ref);
            if (c.hasYear() && year == null) {
                start = null;
            }
        } else if (c.halfOffset() != null) {
            if (ref != null) {
                LocalDate h = LocalDate.of(ref.getYear(), ref.getMonthValue() <= 6 ? 1 : 7, 1);
                start = h.plusMonths(6L * c.halfOffset()).atStartOfDay();
            }
        } else if (c.half() != null || c.quarter() != null || c.quarterOffset() != null || c.yearPart() != null
                || c.week() != null && c.month() == null) {
            if (c.quarterOffset() != null && !c.hasYear()) {
                if (ref != null) {
                    LocalDate q = quarterStart(ref.toLocalDate()).plusMonths(3L * c.quarterOffset());
                    start = q.atStartOfDay();
                }
            } else {
                year = contextYearForPeriod(year, c, ref, sentence, paragraph, done);
                if (year != null) {
                    start = periodStart(c, year);
                }
            }
        } else if (c.month() != null || c.monthOffset() != null || c.monthPart() != null) {
            start = monthExpression(c, year, ref, sentence, paragraph, done);
        } else if (c.day() != null && c.dayOffset() == null) {
            start = bareDay(c, ref, paragraph, done);
        } else if (c.dayOffset() != null) {
            LocalDate base = null;
            if (c.dayAnaphoric()) {
                Resolved a = lastDay(done, paragraph, 1);
                if (a != null) {
                    base = a.start().toLocalDate();
                }
            }
            if (base == null && ref != null) {
                base = ref.toLocalDate();
            }
            start = base == null ? null : base.plusDays(c.dayOffset()).atStartOfDay();
        } else if (c.tradingDays() != null) {
            Resolved a = lastDay(done, paragraph, 0);
            LocalDate base = a != null ? a.start().toLocalDate() : ref == null ? null : ref.toLocalDate();
            start = base == null ? null : tradingDay(base, c.tradingDays()).atStartOfDay();
        } else if (c.weekday() != null || c.weekOffset() != null) {
            if (ref != null) {
                LocalDate monday = ref.toLocalDate().with(DayOfWeek.MONDAY)
                        .plusWeeks(c.weekOffset() == null ? 0 : c.weekOffset());
                start = (c.weekday() == null ? monday : monday.plusDays(c.weekday() - 1L)).atStartOfDay();
            }
        } else if (year != null) {
            start = LocalDate.of(year, 1, 1).atStartOfDay();
        } else if (c.hour() != null) {
            Resolved a = lastDay(done, paragraph, 8);
            LocalDate base = a != null ? a.start().toLocalDate() : ref == null ? null : ref.toLocalDate();
            start = base == null ? null : base.atStartOfDay();
        }
        if (start != null && c.hour() != null) {
            start = start.withHour(c.hour()).withMinute(c.minute() == null ? 0 : c.minute())
                    .withSecond(c.second() == null ? 0 : c.second());
        }
        DateMention m = mention(c, grain, start, relative);
        Integer resolvedYear = start == null ? null : start.getYear();
        return new Resolved(c, m, grain, start, resolvedYear, c.hasWrittenYear(), sentence, paragraph);
    }

    /** A lone two-digit year ({@code 23年营收}) is a date only within five years of a known reference. */
    private static boolean plausibleShortYear(int yy, LocalDateTime ref) {
        return ref != null && Math.abs(expandShortYear(yy, ref) - ref.getYear()) <= 5;
    }

    private static int expandShortYear(int yy, LocalDateTime ref) {
        int refYear = ref == null ? 2000 : ref.getYear();
        int century = refYear / 100 * 100;
        int candidate = century + yy;
        if (candidate > refYear + 20) {
            candidate -= 100;
        }
        return candidate;
    }

    /** The year of the nearest preceding mention in the sentence, then (if allowed) the paragraph. */
    private static Resolved yearAnchor(List<Resolved> done, int sentence, int paragraph, boolean paragraphToo) {
        for (int i = done.size() - 1; i >= 0; i--) {
            Resolved r = done.get(i);
            if (r.sentence() != sentence) {
                break;
            }
            if (r.year() != null && isPrimary(r)) {
                return r;
            }
        }
        if (paragraphToo) {
            for (int i = done.size() - 1; i >= 0; i--) {
                Resolved r = done.get(i);
                if (r.paragraph() < paragraph - ANCHOR_PARAGRAPHS) {
                    break;
                }
                if (r.year() != null && isPrimary(r)) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The nearest preceding {@code 同期} mention in the paragraph (or anywhere, if allowed). */
    private static Resolved previousSamePeriod(List<Resolved> done, int paragraph, boolean documentToo) {
        for (int i = done.size() - 1; i >= 0; i--) {
            Resolved r = done.get(i);
            if (!documentToo && r.paragraph() != paragraph) {
                break;
            }
            if (r.candidate().samePeriod()) {
                return r;
            }
        }
        return null;
    }

    /** A mention that can anchor others: not itself counted from an anchor ({@code 上年同期}, {@code 同年}). */
    private static boolean isPrimary(Resolved r) {
        DateCandidate c = r.candidate();
        return !c.samePeriod() && !c.yearAnaphoric() && !c.comparative() && !c.dayAnaphoric()
                && c.tradingDays() == null;
    }

    /** How far back a context year may be taken from. */
    private enum Scope { SENTENCE, PARAGRAPH, DOCUMENT }

    /**
     * The year of the nearest preceding mention in the sentence; then, as {@code scope} allows, the
     * nearest written year in the paragraph or anywhere before.
     */
    private static Integer writtenYear(List<Resolved> done, int sentence, int paragraph, Scope scope) {
        for (int i = done.size() - 1; i >= 0; i--) {
            Resolved r = done.get(i);
            if (r.sentence() != sentence) {
                break;
            }
            if (r.year() != null && isPrimary(r)) {
                return r.year();
            }
        }
        if (scope == Scope.SENTENCE) {
            return null;
        }
        for (int i = done.size() - 1; i >= 0; i--) {
            Resolved r = done.get(i);
            if (scope == Scope.PARAGRAPH && r.paragraph() != paragraph) {
                break;
            }
            if (r.year() != null && r.writtenYear()) {
                return r.year();
            }
        }
        return null;
    }

    private static Integer contextYearForPeriod(Integer year, DateCandidate c, LocalDateTime ref, int sentence,
                                                int paragraph, List<Resolved> done) {
        if (year != null || c.hasYear()) {
            return year;
        }
        Scope scope = c.yearPart() != null ? Scope.SENTENCE : ref == null ? Scope.DOCUMENT : Scope.PARAGRAPH;
        Integer y = writtenYear(done, sentence, paragraph, Scope.SENTENCE);
        if (y == null && ref == null && (c.quarter() != null || c.half() != null)) {
            Grain g = c.quarter() != null ? Grain.QUARTER : Grain.HALF;
            for (int i = done.size() - 1; i >= 0 && y == null; i--) {
                Resolved r = done.get(i);
                if (r.grain() == g && r.writtenYear() && r.year() != null) {
                    y = r.year();
                }
            }
        }
        if (y == null) {
            y = writtenYear(done, sentence, paragraph, scope);
        }
        if (y != null) {
            return y;
        }
        return ref == null ? null : ref.getYear();
    }

    private static LocalDateTime periodStart(DateCandidate c, int year) {
        if (c.half() != null) {
            return LocalDate.of(year, c.half() == 1 ? 1 : 7, 1).atStartOfDay();
        }
        if (c.quarter() != null) {
            return LocalDate.of(year, (c.quarter() - 1) * 3 + 1, 1).atStartOfDay();
        }
        if (c.quarterOffset() != null) {
            return LocalDate.of(year, 1, 1).atStartOfDay();
        }
        if (c.week() != null) {
            LocalDate d = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, c.week())
                    .with(DayOfWeek.MONDAY);
            return d.atStartOfDay();
        }
        return LocalDate.of(year, 1, 1).atStartOfDay();
    }

    private static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private LocalDateTime monthExpression(DateCandidate c, Integer year, LocalDateTime ref, int sentence,
                                          int paragraph, List<Resolved> done) {
        Integer month = c.month();
        Integer monthOffset = c.monthOffset();
        boolean anaphoric = c.monthAnaphoric();
        if (month == null && monthOffset == null) {
            monthOffset = 0;
            anaphoric = true;
        }
        if (monthOffset != null) {
            LocalDate base = null;
            if (anaphoric) {
                for (int i = done.size() - 1; i >= 0 && base == null; i--) {
                    Resolved r = done.get(i);
                    if (r.paragraph() != paragraph) {
                        break;
                    }
                    if (r.start() != null && r.grain().ordinal() >= Grain.MONTH.ordinal()) {
                        base = r.start().toLocalDate().withDayOfMonth(1);
                    }
                }
            }
            if (base == null && ref != null) {
                base = ref.toLocalDate().withDayOfMonth(1);
            }
            if (base == null) {
                return null;
            }
            base = base.plusMonths(monthOffset);
            if (c.hasYear()) {
                if (year == null) {
                    return null;
                }
                base = base.withYear(year);
            }
            return withDay(base.getYear(), base.getMonthValue(), c);
        }
        if (c.lunar() && c.day() != null) {
            if (year != null) {
                LocalDate d = lexicon.lunarToGregorian(year, month, c.day());
                return d == null ? null : d.atStartOfDay();
            }
            if (c.hasYear() || ref == null) {
                return null;
            }
            return nearest(ref.toLocalDate(), y -> {
                LocalDate d = lexicon.lunarToGregorian(y, month, c.day());
                return d == null ? Integer.MIN_VALUE : (int) d.toEpochDay();
            });
        }
        if (year == null && !c.hasYear()) {
            Scope scope = ref == null && (c.rangeStart() || c.rangeEnd()) ? Scope.DOCUMENT : Scope.SENTENCE;
            Integer y = writtenYear(done, sentence, paragraph, scope);
            if (y != null) {
                year = y;
            } else if (ref != null) {
                LocalDate refDay = ref.toLocalDate();
                int day = c.day() == null ? 1 : c.day();
                LocalDateTime best = null;
                long bestDistance = Long.MAX_VALUE;
                for (int yy = refDay.getYear() - 1; yy <= refDay.getYear() + 1; yy++) {
                    LocalDateTime t = withDay(yy, month, c);
                    if (t == null) {
                        continue;
                    }
                    LocalDate mid = c.day() == null ? LocalDate.of(yy, month, 15) : LocalDate.of(yy, month, day);
                    long distance = biasedDistance(refDay, mid);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = t;
                    }
                }
                return best;
            }
        }
        if (year == null) {
            return null;
        }
        return withDay(year, month, c);
    }

    private static LocalDateTime nearest(LocalDate ref, IntUnaryOperator epochDayOfYear) {
        LocalDate best = null;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            int e = epochDayOfYear.applyAsInt(y);
            if (e == Integer.MIN_VALUE) {
                continue;
            }
            LocalDate d = LocalDate.ofEpochDay(e);
            if (best == null || biasedDistance(ref, d) < biasedDistance(ref, best)) {
                best = d;
            }
        }
        return best == null ? null : best.atStartOfDay();
    }

    /**
     * Days from the reference to a date without a year, future days counting double: news reports
     * mostly what happened, so {@code 三月} read in September is the past March, while a date a few
     * days ahead ({@code 圣诞节} on 12-21) is still the coming one.
     */
    private static long biasedDistance(LocalDate ref, LocalDate d) {
        long days = ChronoUnit.DAYS.between(ref, d);
        return days > 0 ? 2 * days : -days;
    }

    /** Year and month with the candidate's day (if any); null for a day the month does not have. */
    private static LocalDateTime withDay(int year, int month, DateCandidate c) {
        if (year < 1 || year > 9999 || month < 1 || month > 12) {
            return null;
        }
        LocalDate first = LocalDate.of(year, month, 1);
        if (c.day() == null) {
            return first.atStartOfDay();
        }
        if (c.day() > first.lengthOfMonth()) {
            return null;
        }
        return first.withDayOfMonth(c.day()).atStartOfDay();
    }

    private static LocalDateTime bareDay(DateCandidate c, LocalDateTime ref, int paragraph, List<Resolved> done) {
        for (int i = done.size() - 1; i >= 0; i--) {
            Resolved r = done.get(i);
            if (r.paragraph() != paragraph) {
                break;
            }
            if (r.start() != null && r.grain().ordinal() >= Grain.MONTH.ordinal() && r.grain() != Grain.WEEK) {
                LocalDate m = r.start().toLocalDate().withDayOfMonth(1);
                return c.day() > m.lengthOfMonth() ? null : m.withDayOfMonth(c.day()).atStartOfDay();
            }
        }
        if (ref == null) {
            return null;
        }
        LocalDate refDay = ref.toLocalDate();
        LocalDate best = null;
        for (int k = -1; k <= 1; k++) {
            LocalDate m = refDay.withDayOfMonth(1).plusMonths(k);
            if (c.day() > m.lengthOfMonth()) {
                continue;
            }
            LocalDate d = m.withDayOfMonth(c.day());
            if (best == null || biasedDistance(refDay, d) < biasedDistance(refDay, best)) {
                best = d;
            }
        }
        return best == null ? null : best.atStartOfDay();
    }

    /** The nearest preceding mention at day grain or finer, within {@code paragraphsBack} paragraphs. */
    private static Resolved lastDay(List<Resolved> done, int paragraph, int paragraphsBack) {
        for (int i = done.size() - 1; i >= 0; i--) {
            Resolved r = done.get(i);
            if (r.paragraph() < paragraph - paragraphsBack) {
                break;
            }
            if (r.start() != null && r.grain().ordinal() >= Grain.DAY.ordinal()) {
                return r;
            }
        }
        return null;
    }

    private static LocalDate tradingDay(LocalDate base, int shift) {
        LocalDate d = base;
        int step = shift < 0 ? -1 : 1;
        for (int k = 0; k < Math.abs(shift); k++) {
            do {
                d = d.plusDays(step);
            } while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        }
        return d;
    }

    private LocalDateTime holiday(DateLexicon.Holiday h, Integer year, LocalDateTime ref) {
        if (year != null) {
            LocalDate d = holidayIn(h, year);
            return d == null ? null : d.atStartOfDay();
        }
        if (ref == null) {
            return null;
        }
        return nearest(ref.toLocalDate(), y -> {
            LocalDate d = holidayIn(h, y);
            return d == null ? Integer.MIN_VALUE : (int) d.toEpochDay();
        });
    }

    private LocalDate holidayIn(DateLexicon.Holiday h, int year) {
        LocalDate d;
        if (h.lunar()) {
            d = lexicon.lunarToGregorian(year, h.month(), h.day());
        } else {
            d = LocalDate.of(year, h.month(), h.day());
        }
        return d == null ? null : d.plusDays(h.shift());
    }

    // ---- grain, value, interval

    static Grain grainOf(DateCandidate c) {
        if (c.second() != null) {
            return Grain.SECOND;
        }
        if (c.minute() != null) {
            return Grain.MINUTE;
        }
        if (c.hour() != null) {
            return Grain.HOUR;
        }
        if (c.day() != null || c.dayOffset() != null || c.weekday() != null || c.holiday() != null
                || c.tradingDays() != null || c.yearEnd()) {
            return Grain.DAY;
        }
        if (c.weekOffset() != null || c.week() != null) {
            return Grain.WEEK;
        }
        if (c.month() != null || c.monthOffset() != null || c.monthPart() != null) {
            return Grain.MONTH;
        }
        if (c.quarter() != null || c.quarterOffset() != null) {
            return Grain.QUARTER;
        }
        if (c.half() != null || c.halfOffset() != null) {
            return Grain.HALF;
        }
        return Grain.YEAR;
    }

    private static DateMention mention(DateCandidate c, Grain grain, LocalDateTime start, boolean relative) {
        if (start == null || start.getYear() < 1 || start.getYear() > 9999) {
            return new DateMention(c.start(), c.end(), c.text(), null, grain, null, null, relative, null);
        }
        LocalDateTime s = truncate(start, grain);
        return new DateMention(c.start(), c.end(), c.text(), format(s, grain), grain, s, plus(s, grain), relative, null);
    }

    private static LocalDateTime truncate(LocalDateTime t, Grain grain) {
        return switch (grain) {
            case YEAR -> LocalDate.of(t.getYear(), 1, 1).atStartOfDay();
            case HALF -> LocalDate.of(t.getYear(), t.getMonthValue() <= 6 ? 1 : 7, 1).atStartOfDay();
            case QUARTER -> quarterStart(t.toLocalDate()).atStartOfDay();
            case MONTH -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case WEEK -> t.toLocalDate().with(DayOfWeek.MONDAY).atStartOfDay();
            case DAY -> t.toLocalDate().atStartOfDay();
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
            case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
        };
    }

    private static LocalDateTime plus(LocalDateTime t, Grain grain) {
        return switch (grain) {
            case YEAR -> t.plusYears(1);
            case HALF -> t.plusMonths(6);
            case QUARTER -> t.plusMonths(3);
            case MONTH -> t.plusMonths(1);
            case WEEK -> t.plusWeeks(1);
            case DAY -> t.plusDays(1);
            case HOUR -> t.plusHours(1);
            case MINUTE -> t.plusMinutes(1);
            case SECOND -> t.plusSeconds(1);
        };
    }

    /** ISO text at the grain: {@code 2023}, {@code 2023-H1}, {@code 2023-Q1}, {@code 2024-W15}, ... */
    static String format(LocalDateTime t, Grain grain) {
        StringBuilder b = new StringBuilder(19);
        if (grain == Grain.WEEK) {
            pad(b, t.get(IsoFields.WEEK_BASED_YEAR), 4);
            b.append("-W");
            pad(b, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
            return b.toString();
        }
        pad(b, t.getYear(), 4);
        switch (grain) {
            case YEAR -> {
                return b.toString();
            }
            case HALF -> {
                return b.append("-H").append(t.getMonthValue() <= 6 ? 1 : 2).toString();
            }
            case QUARTER -> {
                return b.append("-Q").append((t.getMonthValue() - 1) / 3 + 1).toString();
            }
            default -> {
                // MONTH and finer
            }
        }
        pad(b.append('-'), t.getMonthValue(), 2);
        if (grain == Grain.MONTH) {
            return b.toString();
        }
        pad(b.append('-'), t.getDayOfMonth(), 2);
        if (grain == Grain.DAY) {
            return b.toString();
        }
        pad(b.append('T'), t.getHour(), 2);
        if (grain == Grain.HOUR) {
            return b.toString();
        }
        pad(b.append(':'), t.getMinute(), 2);
        if (grain == Grain.MINUTE) {
            return b.toString();
        }
        pad(b.append(':'), t.getSecond(), 2);
        return b.toString();
    }

    /** {@code v} in ASCII digits, zero-padded to {@code width} ({@code %0<width>d}). */
    private static void pad(StringBuilder b, int v, int width) {
        if (v < 0) {
            b.append(String.format(java.util.Locale.ROOT, "%0" + width + "d", v));
            return;
        }
        String digits = Integer.toString(v);
        for (int k = digits.length(); k < width; k++) {
            b.append('0');
        }
        b.append(digits);
    }
}
