package org.finfacts.eval.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.finfacts.core.Document;
import org.finfacts.core.Engine;
import org.finfacts.facts.AnnotatedDocument;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Mention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges the engine's DATE mentions against the Chinese datetime specifications of
 * Recognizers-Text ({@code datetime.jsonl}), date-related models only: {@code DateExtractor},
 * {@code DateParser}, {@code DatePeriodExtractor}, {@code DatePeriodParser}, and the
 * {@code DateTimeModel} cases whose every result is a date or a date range. Each case runs through
 * the whole engine with the case's {@code reference} as the publication time.
 *
 * <p>A parser case passes when the span is the same and the value is one of the resolutions the spec
 * allows (its future or past reading), compared as dates: a {@code date} against our day, a
 * {@code daterange} against our half-open interval. Differences that follow from
 * {@code ANNOTATION.md} are CONVENTION, with the convention named: ranges are two mentions
 * ({@code 2019年至2021年}); modifier words ({@code 从}, {@code 之前}, {@code 或之后}) stay outside the
 * span and open-ended ranges are not a DATE; rolling periods counted from the reference
 * ({@code 近三年}, {@code 过去十年}) are durations; vague times ({@code 最近}) are not dates; lunar
 * dates are given in the Gregorian calendar where the spec keeps lunar numbers. Times of day,
 * durations, sets, holidays, decades, seasons and weekends, and the {@code *ExperimentalMode} models
 * (different answers for the same inputs) are OUT_OF_SCOPE.
 */
public final class DateTimeConformanceSuite implements ConformanceSuite {
    private static final Set<String> DATE_MODELS = Set.of("DateExtractor", "DateParser", "DatePeriodExtractor",
            "DatePeriodParser", "DateTimeModel");
    private static final Pattern ROLLING = Pattern.compile(
            "^(近|过去|前|上|后|下|未来|之后|之前|最近)\\s*[\\d一二三四五六七八九十两几 ]+\\s*(个)?\\s*(年|月|周|天|日|星期)");
    private static final Pattern OUT_GRAIN = Pattern.compile("年代|世纪|夏天|春天|秋天|冬天|夏季|冬季|周末|週末|第[一二三四五1-5]周|前\\d+周|最後|最后|第.个月|上半月|下半月|上半周|下半周");
    private static final Pattern MODIFIER = Pattern.compile("从|自|在|之间|间|以前|之前|以后|之后|开始|起|或之后|或之前|及以前|及以后|截止到|和|与|^前$|^后$");
    private static final Pattern GAP = Pattern.compile("[\\s,，、\\-—–~～]*(到|至|和|与|或|之后|之前|以后|以前)?[\\s,，、\\-—–~～]*");
    private static final Pattern FIRST_N = Pattern.compile("^的?前[\\d一二三四五六七八九十]+(天|日|个?季度|个?月|周)$");
    private static final Pattern AGO_YEARS = Pattern.compile("^[\\d一二三四五六七八九十两]+年前$");
    private static final Pattern HOLIDAY = Pattern.compile("节|元旦|除夕|七夕");
    private static final Pattern LUNAR = Pattern.compile("农历|正月|腊月|初[一二三四五六七八九十]|大年|神龙|雍正|康熙");

    @Override
    public String name() {
        return "datetime";
    }

    @Override
    public boolean accepts(ConformanceCase c) {
        return c.raw() != null && c.raw().path("source").asText().contains("DateTime/Chinese");
    }

    @Override
    public Verdict check(ConformanceCase c, Engine engine) {
        if (c.model().endsWith("ExperimentalMode")) {
            return Verdict.outOfScope("ExperimentalMode expects other answers for the same inputs");
        }
        if (!DATE_MODELS.contains(c.model())) {
            return Verdict.outOfScope("model " + c.model() + ": not a date model (times, durations, sets, holidays)");
        }
        for (ConformanceCase.Expected e : c.results()) {
            String t = e.type().replace("datetimeV2.", "");
            if (!t.equals("date") && !t.equals("daterange")) {
                return Verdict.outOfScope("result type " + t + " (times of day, durations and sets are not DATE)");
            }
            if (OUT_GRAIN.matcher(e.text()).find()) {
                return Verdict.outOfScope("no grain for " + e.text() + " (decades, seasons, weekends, weeks of a month)");
            }
        }
        AnnotatedDocument doc = engine.process(new Document(c.id(), c.input(), null, c.reference(), null, null));
        if (doc.error() != null) {
            return Verdict.fail("engine error: " + doc.error());
        }
        List<DateMention> dates = new ArrayList<>();
        for (Mention m : doc.mentions()) {
            if (m instanceof DateMention d) {
                dates.add(d);
            }
        }
        Set<DateMention> used = new HashSet<>();
        List<String> conventions = new ArrayList<>();
        for (ConformanceCase.Expected e : c.results()) {
            List<DateMention> inside = new ArrayList<>();
            for (DateMention d : dates) {
                if (d.start() < e.end() && e.start() < d.end()) {
                    inside.add(d);
                }
            }
            used.addAll(inside);
            String text = e.text();
            if (inside.isEmpty()) {
                if (text.equals("最近")) {
                    conventions.add("vague time " + text + " is not a DATE (ANNOTATION.md)");
                    continue;
                }
                if (ROLLING.matcher(text).find()) {
                    conventions.add("rolling period " + text + " counted from the reference is a duration, not a DATE");
                    continue;
                }
                return Verdict.fail("missed " + text + " [" + e.start() + "," + e.end() + ")");
            }
            if (inside.size() == 1 && inside.get(0).start() == e.start() && inside.get(0).end() == e.end()) {
                Verdict v = compareValue(c, e, inside.get(0));
                if (v.outcome() == Verdict.Outcome.FAIL) {
                    return v;
                }
                if (v.outcome() == Verdict.Outcome.CONVENTION) {
                    conventions.add(v.detail());
                }
                continue;
            }
            String ours = describe(inside);
            if (inside.size() >= 2) {
                for (int k = 1; k < inside.size(); k++) {
                    String gap = c.input().substring(Math.min(inside.get(k - 1).end(), inside.get(k).start()),
                            inside.get(k).start());
                    if (!GAP.matcher(gap).matches()) {
                        return Verdict.fail("split " + text + " as " + ours + " leaving '" + gap + "' out");
                    }
                }
                if (!c.ignoreResolution() && e.resolution() != null && !startMatches(c, e, inside.get(0))) {
                    return Verdict.fail("range " + text + " split as " + ours + " but its start differs from "
                            + expectedSummary(c, e));
                }
                conventions.add(e.type().endsWith("daterange")
                        ? "range " + text + " is one mention per end: " + ours + " (2019年至2021年)"
                        : text + " is one mention per date word: " + ours);
                continue;
            }
            DateMention d = inside.get(0);
            boolean within = d.start() >= e.start() && d.end() <= e.end();
            String rest = text.replace(d.text(), "");
            if (within && FIRST_N.matcher(rest).find()) {
                conventions.add("the first days or quarters of a period have no grain: only " + ours
                        + " is a DATE (2020年前三季度)");
                continue;
            }
            if (within && AGO_YEARS.matcher(text).matches() && d.intervalStart() != null
                    && !readings(c, e).isEmpty() && readings(c, e).get(0).start() != null
                    && d.intervalStart().getYear() == readings(c, e).get(0).start().getYear()) {
                conventions.add(text + " at year grain (" + d.value() + "); the spec gives the day");
                continue;
            }
            if (within && MODIFIER.matcher(rest).find()) {
                if (!c.ignoreResolution() && e.resolution() != null && !startMatches(c, e, d)) {
                    return Verdict.fail("core " + d.text() + "=" + d.value() + " differs from " + expectedSummary(c, e));
                }
                conventions.add("modifier words outside the span: " + text + " -> " + ours
                        + " (open-ended ranges and 从/之前/或之后 are not part of a DATE)");
                continue;
            }
            return Verdict.fail("span " + ours + " for " + text + " [" + e.start() + "," + e.end() + ")");
        }
        for (DateMention d : dates) {
            if (!used.contains(d)) {
                if (HOLIDAY.matcher(d.text()).find()) {
                    conventions.add("holiday " + d.text() + " is a DATE (a HolidayExtractor result in Recognizers)");
                    continue;
                }
                return Verdict.fail("spurious " + d.text() + " [" + d.start() + "," + d.end() + ") " + d.value());
            }
        }
        return conventions.isEmpty() ? Verdict.pass() : Verdict.convention(String.join("; ", conventions));
    }

    private static String describe(List<DateMention> ds) {
        List<String> parts = new ArrayList<>();
        for (DateMention d : ds) {
            parts.add(d.text() + "=" + d.value());
        }
        return String.join(" + ", parts);
    }

    /** One acceptable reading of an expected result: a start date and an (exclusive or day) end. */
    private record Reading(LocalDate start, LocalDate end, boolean range, boolean invalid) {
    }

    private static List<Reading> readings(ConformanceCase c, ConformanceCase.Expected e) {
        List<Reading> out = new ArrayList<>();
        JsonNode r = e.resolution();
        if (r == null) {
            return out;
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (r.has("values")) {
            r.get("values").forEach(nodes::add);
        } else {
            for (String k : new String[] {"FutureResolution", "PastResolution"}) {
                if (r.has(k)) {
                    nodes.add(r.get(k));
                }
            }
        }
        for (JsonNode n : nodes) {
            String date = n.has("date") ? n.get("date").asText() : n.has("value") ? n.get("value").asText() : null;
            String start = n.has("startDate") ? n.get("startDate").asText() : n.has("start") ? n.get("start").asText() : null;
            String end = n.has("endDate") ? n.get("endDate").asText() : n.has("end") ? n.get("end").asText() : null;
            if (start != null || end != null) {
                out.add(new Reading(parse(start), parse(end), true, false));
            } else if (date != null) {
                LocalDate d = parse(date);
                out.add(new Reading(d, d, false, d == null || d.getYear() == 1));
            }
        }
        return out;
    }

    private static LocalDate parse(String s) {
        if (s == null || s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private static boolean startMatches(ConformanceCase c, ConformanceCase.Expected e, DateMention d) {
        List<Reading> readings = readings(c, e);
        if (d.intervalStart() == null) {
            return !readings.isEmpty() && readings.stream().allMatch(Reading::invalid);
        }
        for (String timex : timexes(e)) {
            if (timex.equals(d.value())) {
                return true;
            }
        }
        for (Reading r : readings(c, e)) {
            if (d.intervalStart().toLocalDate().equals(r.start())) {
                return true;
            }
        }
        return readings(c, e).isEmpty();
    }

    /** The Timex strings of an expected result ({@code 2018}, {@code 2015-01-01}). */
    private static List<String> timexes(ConformanceCase.Expected e) {
        List<String> out = new ArrayList<>();
        JsonNode r = e.resolution();
        if (r == null) {
            return out;
        }
        if (r.has("Timex")) {
            out.add(r.get("Timex").asText());
        }
        for (JsonNode v : r.path("values")) {
            if (v.has("timex")) {
                out.add(v.get("timex").asText());
            }
        }
        return out;
    }

    private static String expectedSummary(ConformanceCase c, ConformanceCase.Expected e) {
        List<String> parts = new ArrayList<>();
        for (Reading r : readings(c, e)) {
            parts.add(r.range() ? "[" + r.start() + "," + r.end() + ")" : String.valueOf(r.start()));
        }
        return "expected " + String.join(" or ", parts);
    }

    private static Verdict compareValue(ConformanceCase c, ConformanceCase.Expected e, DateMention d) {
        if (c.ignoreResolution() || e.resolution() == null) {
            return Verdict.pass();
        }
        List<Reading> readings = readings(c, e);
        if (readings.isEmpty()) {
            return d.value() == null ? Verdict.pass() : Verdict.convention("spec leaves " + e.text()
                    + " unresolved; we give " + d.value());
        }
        String ours = d.text() + "=" + d.value() + " " + (d.grain() == null ? "" : d.grain().json());
        boolean invalid = readings.stream().allMatch(Reading::invalid);
        if (invalid) {
            return d.value() == null ? Verdict.pass() : Verdict.fail(ours + " for an invalid date");
        }
        if (d.intervalStart() == null) {
            return Verdict.fail(ours + ", " + expectedSummary(c, e));
        }
        LocalDate s = d.intervalStart().toLocalDate();
        LocalDate x = d.intervalEnd().toLocalDate();
        for (Reading r : readings) {
            if (r.range() ? s.equals(r.start()) && x.equals(r.end()) : s.equals(r.start()) && x.equals(s.plusDays(1))) {
                return Verdict.pass();
            }
        }
        if (AGO_YEARS.matcher(e.text()).matches()) {
            for (Reading r : readings) {
                if (r.start() != null && !r.start().isBefore(s) && r.start().isBefore(x)) {
                    return Verdict.convention(e.text() + " at year grain (" + d.value() + "); the spec gives the day");
                }
            }
        }
        if (LUNAR.matcher(e.text()).find()) {
            return Verdict.convention("lunar date " + e.text() + " given in the Gregorian calendar: " + d.value()
                    + " (spec keeps lunar numbers)");
        }
        for (Reading r : readings) {
            if (r.range() && s.equals(r.start()) && r.end() != null && r.end().isBefore(x)
                    && e.text().matches("^(今年|本月|本周|这周)$")) {
                return Verdict.convention(e.text() + " is the whole period (" + d.value()
                        + "); the spec ends it at the reference time");
            }
        }
        return Verdict.fail(ours + ", " + expectedSummary(c, e));
    }
}
