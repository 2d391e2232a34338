package org.finfacts.text.html;

import org.finfacts.text.DatelineParser;
import org.finfacts.text.PageRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an article's publication time on a page, from the most to the least trusted place:
 * <ol>
 *   <li>the lines between the headline and the body, and the body's own leading short lines
 *       ({@code 时间:2024-04-10 00:36:32 来源:新媒体}, a date under a centred title);</li>
 *   <li>{@code <meta>} tags, JSON-LD, {@code <time>};</li>
 *   <li>a labelled time at the body's last lines or just after it ({@code 发表于 2004年12月27日 12:40});</li>
 *   <li>a labelled, then an unlabelled, time in the few lines before the headline (or before the
 *       body when no headline is found);</li>
 *   <li>a date in the URL ({@code /2024/0510/}).</li>
 * </ol>
 * A day-only time is refined by a same-day time of day from metadata or from the same place. Dates
 * in navigation and related-links lists are never read: only these neighbourhoods are.
 */
final class DatelineFinder {
    private static final Pattern URL_DATE = Pattern.compile(
            "(?<![0-9])((?:19|20)\\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\\d|3[01])(?![0-9])");
    private static final int LEADING_LINES = 8;

    /** A publication time and where it was read ({@code text}, {@code meta}, {@code json-ld}, {@code time}, {@code url}). */
    record Found(DatelineParser.Stamp stamp, String from) {
    }

    private final PageRules rules;

    DatelineFinder(PageRules rules) {
        this.rules = rules;
    }

    /** The lines right around the article's start, in order of closeness: after the headline, then the body's lead. */
    static List<PageModel.Segment> near(PageModel model, int titleSeg, int bodyStart) {
        List<PageModel.Segment> out = new ArrayList<>();
        int n = model.segments.size();
        if (titleSeg >= 0) {
            int to = bodyStart > titleSeg ? Math.min(bodyStart, titleSeg + 16) : Math.min(n, titleSeg + 10);
            for (int i = titleSeg + 1; i < to; i++) {
                out.add(model.segments.get(i));
            }
        }
        for (int i = Math.max(bodyStart, titleSeg + 1), k = 0; i < n && k < LEADING_LINES; i++, k++) {
            PageModel.Segment s = model.segments.get(i);
            String t = s.text();
            if (t.length() >= 100 || t.endsWith("。")) {
                break;
            }
            out.add(s);
        }
        return usable(model, out);
    }

    /** The few lines before the headline (or before the body), closest first. */
    static List<PageModel.Segment> before(PageModel model, int titleSeg, int bodyStart) {
        List<PageModel.Segment> out = new ArrayList<>();
        int end = titleSeg >= 0 ? titleSeg : bodyStart;
        int count = titleSeg >= 0 ? 3 : 8;
        for (int i = Math.min(end, model.segments.size()) - 1; i >= Math.max(0, end - count); i--) {
            out.add(model.segments.get(i));
        }
        return usable(model, out);
    }

    private static List<PageModel.Segment> usable(PageModel model, List<PageModel.Segment> segments) {
        segments.removeIf(s -> (s.linkDensity() > 0.5 && s.chars > 60) || model.hardNoise[s.owner] || s.chars > 200);
        return segments;
    }

    /** The publication time, if the page states one. */
    Optional<Found> find(PageModel model, int titleSeg, List<PageModel.Segment> body, PageMetadata meta, String url) {
        int bodyStart = body.isEmpty() ? model.segments.size() : body.get(0).index;
        List<PageModel.Segment> near = near(model, titleSeg, bodyStart);
        Optional<PageMetadata.Stamped> metaStamp = meta.published(rules);

        Optional<DatelineParser.Stamp> close = titleSeg >= 0 ? firstStamp(near) : labelled(near);
        if (close.isPresent()) {
            return Optional.of(refined(close.get(), metaStamp));
        }
        if (metaStamp.isPresent()) {
            return Optional.of(new Found(metaStamp.get().stamp(), metaStamp.get().from()));
        }
        Optional<DatelineParser.Stamp> edge = labelled(edges(model, body));
        if (edge.isPresent()) {
            return Optional.of(new Found(edge.get(), "text"));
        }
        if (titleSeg < 0) {
            Optional<DatelineParser.Stamp> lead = firstStamp(near);
            if (lead.isPresent()) {
                return Optional.of(new Found(lead.get(), "text"));
            }
        }
        List<PageModel.Segment> before = before(model, titleSeg, bodyStart);
        Optional<DatelineParser.Stamp> labelledBefore = labelled(before);
        if (labelledBefore.isPresent()) {
            return Optional.of(new Found(labelledBefore.get(), "text"));
        }
        Optional<DatelineParser.Stamp> anyBefore = firstStamp(before);
        if (anyBefore.isPresent()) {
            return Optional.of(new Found(anyBefore.get(), "text"));
        }
        if (url != null) {
            Matcher u = URL_DATE.matcher(url);
            if (u.find()) {
                Optional<DatelineParser.Stamp> s = DatelineParser.parseValue(u.group(1) + "-" + u.group(2) + "-" + u.group(3));
                if (s.isPresent()) {
                    return Optional.of(new Found(s.get(), "url"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A time read near the headline, refined by the metadata's when both name the same day and the
     * metadata is more precise and agrees, or when the text's day and month are the metadata's the
     * other way round ({@code 06/02/2022} read month first on a page that meant 6 February).
     */
    private static Found refined(DatelineParser.Stamp t, Optional<PageMetadata.Stamped> metaStamp) {
        if (metaStamp.isEmpty()) {
            return new Found(t, "text");
        }
        DatelineParser.Stamp m = metaStamp.get().stamp();
        java.time.LocalDate td = t.time().toLocalDate();
        java.time.LocalDate md = m.time().toLocalDate();
        boolean sameDay = md.equals(td);
        boolean swapped = td.getYear() == md.getYear() && td.getMonthValue() == md.getDayOfMonth()
                && td.getDayOfMonth() == md.getMonthValue() && !sameDay;
        boolean finer = m.precision().ordinal() > t.precision().ordinal();
        boolean agrees = !t.hasTime() || (m.time().getHour() == t.time().getHour()
                && m.time().getMinute() == t.time().getMinute());
        if (swapped && t.hasTime()) {
            return new Found(new DatelineParser.Stamp(t.start(), t.end(), md.atTime(t.time().toLocalTime()),
                    t.precision(), t.offset()), "text");
        }
        if ((sameDay && finer && agrees) || swapped) {
            return new Found(m, metaStamp.get().from());
        }
        return new Found(t, "text");
    }

    /** The body's first and last lines and the few lines right after it, last ones first. */
    private static List<PageModel.Segment> edges(PageModel model, List<PageModel.Segment> body) {
        List<PageModel.Segment> out = new ArrayList<>();
        if (body.isEmpty()) {
            return out;
        }
        int after = body.get(body.size() - 1).index;
        for (int i = after + 1; i < Math.min(model.segments.size(), after + 6); i++) {
            out.add(model.segments.get(i));
        }
        int n = body.size();
        for (int i = n - 1; i >= 0; i--) {
            if (i < 3 || i >= n - 5) {
                out.add(body.get(i));
            }
        }
        return usable(model, out);
    }

    /** The first stamp in these lines; a day-only one is refined by a same-day time of day nearby. */
    private static Optional<DatelineParser.Stamp> firstStamp(List<PageModel.Segment> window) {
        DatelineParser.Stamp first = null;
        for (PageModel.Segment s : window) {
            for (DatelineParser.Stamp st : DatelineParser.findAll(s.text())) {
                if (first == null) {
                    first = st;
                    if (st.hasTime()) {
                        return Optional.of(st);
                    }
                } else if (st.hasTime() && st.time().toLocalDate().equals(first.time().toLocalDate())) {
                    return Optional.of(st);
                }
            }
        }
        if (first == null) {
            for (PageModel.Segment s : window) {
                Optional<DatelineParser.Stamp> month = DatelineParser.parseYearMonth(s.text());
                if (month.isPresent()) {
                    return month;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /** The first stamp that follows a time label ({@code 发布时间}, {@code 发表于}, colon optional). */
    private Optional<DatelineParser.Stamp> labelled(List<PageModel.Segment> lines) {
        for (PageModel.Segment seg : lines) {
            String t = seg.text();
            if (t.length() > 160) {
                continue;
            }
            Matcher m = rules.timeLabelPattern().matcher(t);
            while (m.find()) {
                Optional<DatelineParser.Stamp> s = DatelineParser.findFirst(t.substring(m.end()));
                if (s.isPresent() && s.get().start() <= 2) {
                    return s;
                }
            }
        }
        return Optional.empty();
    }
}
