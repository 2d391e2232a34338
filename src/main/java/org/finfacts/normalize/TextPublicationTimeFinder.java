package org.finfacts.normalize;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Grain;
import org.finfacts.text.DatelineParser;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the document's own time line near the top of the text (the title and byline zone: the
 * first {@value #ZONE} characters, cut at a related-links list): a labelled time
 * ({@code 时间:2024-04-10 00:36:32来源:新媒体}, {@code 发布时间：2024-04-10 10:00}), else a full date
 * with a time of day ({@code 每日经济新闻2020-07-14 18:59:58}), else a date alone on its line or
 * followed by a source or author. A dateline without a year ({@code 格隆汇8月20日丨}) gives no
 * reference. The context it returns says {@code referenceFrom = "text"}.
 */
public final class TextPublicationTimeFinder implements PublicationTimeFinder {
    /** How far from the top the byline is looked for, in working-copy characters. */
    static final int ZONE = 600;

    private static final String DATE = "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?![\\d])日?";
    private static final String TIME = "(?:\\s*|T)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d:])";
    private static final Pattern LABELLED = Pattern.compile(
            "(?:发布时间|发布日期|发表时间|更新时间|发表于|发布于|时间|日期)\\s*[:：]?\\s*(" + DATE + "(?:" + TIME + ")?)");
    private static final Pattern DATE_TIME = Pattern.compile("(?<![\\d.\\-/])(" + DATE + TIME + ")");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?m)^[\\t ]*(" + DATE + ")[\\t ]*(?:$|来源|作者|编辑|记者|责任编辑|\\|)");
    /** Related-links headings: the byline zone ends at the first. */
    private static final List<String> RELATED_WORDS = List.of("相关报道", "相关阅读", "相关新闻", "推荐阅读", "延伸阅读", "热门推荐");

    @Override
    public Optional<Found> find(AnalyzedText text) {
        String s = text.text();
        int zone = Math.min(s.length(), ZONE);
        if (!DatelineParser.hasFourDigits(s, 0, zone)) {
            return Optional.empty();
        }
        int related = firstRelatedHeading(s, zone);
        if (related >= 0) {
            zone = related;
        }
        String head = s.substring(0, zone);
        for (Pattern p : new Pattern[] {LABELLED, DATE_TIME, DATE_LINE}) {
            // cheap necessary conditions first: a label word, the colon of a time of day, a line led by a year
            if (p == LABELLED && !head.contains("时间") && !head.contains("日期") && !head.contains("发表于")
                    && !head.contains("发布于")
                    || p == DATE_TIME && head.indexOf(':') < 0
                    || p == DATE_LINE && !lineStartsWithYear(head)) {
                continue;
            }
            Matcher m = p.matcher(s);
            if (p == DATE_TIME) {
                Optional<Found> found = firstDateTime(s, zone, m);
                if (found.isPresent()) {
                    return found;
                }
                continue;
            }
            m.region(0, zone);
            while (m.find()) {
                Optional<Found> found = found(s, m);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Where the first related-links heading starts in {@code s[0, zone)}, or -1. */
    private static int firstRelatedHeading(String s, int zone) {
        String zoneText = s.substring(0, zone);
        int first = -1;
        for (String w : RELATED_WORDS) {
            int at = zoneText.indexOf(w);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /**
     * Whether a line of {@code head} starts, after spaces and tabs, with four digits (what
     * {@link #DATE_LINE} needs); lines begin after any line terminator, as {@code (?m)^} has them.
     */
    private static boolean lineStartsWithYear(String head) {
        int n = head.length();
        for (int i = 0; i < n; i++) {
            char prev = i == 0 ? '\n' : head.charAt(i - 1);
            if (prev != '\n' && prev != '\r' && prev != '\u0085' && prev != '\u2028' && prev != '\u2029') {
                continue;
            }
            int k = i;
            while (k < n && (head.charAt(k) == ' ' || head.charAt(k) == '\t')) {
                k++;
            }
            if (DatelineParser.hasFourDigits(head, k, Math.min(n, k + 4))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first match of {@link #DATE_TIME} in {@code s[0, zone)} that reads as a date, as a
     * {@code find()} loop gives it: a match begins with a digit after none of {@code 0-9 . - /} (the
     * pattern's look-behind), so the pattern is tried at those positions only.
     */
    private static Optional<Found> firstDateTime(String s, int zone, Matcher m) {
        for (int at = 0; at < zone; at++) {
            char c = s.charAt(at);
            if (c < '0' || c > '9' || at > 0 && "0123456789.-/".indexOf(s.charAt(at - 1)) >= 0) {
                continue;
            }
            m.region(at, zone);
            if (!m.lookingAt()) {
                continue;
            }
            Optional<Found> found = found(s, m);
            if (found.isPresent()) {
                return found;
            }
            at = m.end() - 1;
        }
        return Optional.empty();
    }

    private static Optional<Found> found(String s, Matcher m) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)));
            if (date.getYear() < 1990 || date.getYear() > 2100) {
                return Optional.empty();
            }
            int end = m.end(4);
            if (end < s.length() && s.charAt(end) == '日') {
                end++;
            }
            LocalDateTime time = date.atStartOfDay();
            Grain grain = Grain.DAY;
            if (m.groupCount() >= 7 && m.group(5) != null) {
                int h = Integer.parseInt(m.group(5));
                int min = Integer.parseInt(m.group(6));
                time = date.atTime(h, min);
                grain = Grain.MINUTE;
                end = m.end(6);
                if (m.group(7) != null) {
                    time = time.withSecond(Integer.parseInt(m.group(7)));
                    grain = Grain.SECOND;
                    end = m.end(7);
                }
            }
            String value = switch (grain) {
                case SECOND -> time.toString().length() == 16 ? time + ":00" : time.toString();
                case MINUTE -> time.toString().substring(0, 16);
                default -> date.toString();
            };
            LocalDateTime intervalEnd = switch (grain) {
                case SECOND -> time.plus(1, ChronoUnit.SECONDS);
                case MINUTE -> time.plus(1, ChronoUnit.MINUTES);
                default -> time.plusDays(1);
            };
            int start = m.start(2);
            DateMention mention = new DateMention(start, end, s.substring(start, end), value, grain, time,
                    intervalEnd, false, null);
            return Optional.of(new Found(new ResolutionContext(time, grain, null, "text"), mention));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
