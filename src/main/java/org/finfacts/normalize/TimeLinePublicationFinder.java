package org.finfacts.normalize;

import org.finfacts.extract.AnalyzedText;
import org.finfacts.facts.DateMention;
import org.finfacts.facts.Grain;
import org.finfacts.text.ArticleRegionFinder;
import org.finfacts.text.DatelineParser;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Reads a document's publication time from the time line of a page header
 * ({@code 时间:2024-04-10 00:36:32来源:新媒体} under the headline), as {@link ArticleRegionFinder} finds
 * it: a full date with a four-digit year, at the precision written. The mention it returns carries
 * role {@code published}. Datelines inside running text ({@code 格隆汇8月20日丨}) are not its job.
 */
public final class TimeLinePublicationFinder implements PublicationTimeFinder {
    private final ArticleRegionFinder regions;

    /** A finder using the region finder's notion of a time line. */
    public TimeLinePublicationFinder(ArticleRegionFinder regions) {
        this.regions = regions;
    }

    @Override
    public Optional<Found> find(AnalyzedText text) {
        Optional<DatelineParser.Stamp> found = regions.timeLineStamp(text.text());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DatelineParser.Stamp s = found.get();
        Grain grain = switch (s.precision()) {
            case MONTH -> Grain.MONTH;
            case DAY -> Grain.DAY;
            case MINUTE -> Grain.MINUTE;
            case SECOND -> Grain.SECOND;
        };
        LocalDateTime start = s.time();
        LocalDateTime end = switch (s.precision()) {
            case MONTH -> start.plusMonths(1);
            case DAY -> start.plusDays(1);
            case MINUTE -> start.plusMinutes(1);
            case SECOND -> start.plusSeconds(1);
        };
        String iso = s.offset() == null ? s.iso() : s.iso().substring(0, s.iso().length() - 6);
        DateMention m = new DateMention(s.start(), s.end(), text.text().substring(s.start(), s.end()), iso, grain,
                start, end, false, "published");
        return Optional.of(new Found(new ResolutionContext(start, grain, s.offset(), "text"), m));
    }
}
