package org.finfacts.normalize;

import org.finfacts.facts.Grain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a publication time as users and crawlers give it: {@code 2024-04-10},
 * {@code 2024-04-10T00:36:32}, {@code 2024-04-10 00:36}, {@code 2024/4/10}, with or without an offset
 * ({@code +08:00}, {@code Z}). Returns a {@link ResolutionContext}; anything unparseable is empty.
 */
public final class PublicationTime {
    private static final Pattern LOOSE = Pattern.compile(
            "^\\s*(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?)?\\s*"
                    + "(Z|[+-]\\d{2}:?\\d{2})?\\s*$");

    private PublicationTime() {
    }

    /** The context for a given publication time, from {@code source} ({@code input} or {@code text}). */
    public static Optional<ResolutionContext> parse(String value, String source) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String s = value.trim();
        try {
            OffsetDateTime odt = OffsetDateTime.parse(s);
            Grain grain = odt.getSecond() != 0 || s.matches(".*T\\d{2}:\\d{2}:\\d{2}.*") ? Grain.SECOND : Grain.MINUTE;
            return Optional.of(new ResolutionContext(odt.toLocalDateTime(), grain, odt.getOffset(), source));
        } catch (DateTimeParseException ignored) {
            // fall through to the looser forms
        }
        Matcher m = LOOSE.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            LocalDateTime time = date.atStartOfDay();
            Grain grain = Grain.DAY;
            if (m.group(4) != null) {
                int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
                time = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), sec);
                grain = m.group(6) == null ? Grain.MINUTE : Grain.SECOND;
            }
            ZoneOffset offset = null;
            if (m.group(7) != null) {
                String o = m.group(7);
                offset = "Z".equals(o) ? ZoneOffset.UTC
                        : ZoneOffset.of(o.length() == 5 ? o.substring(0, 3) + ":" + o.substring(3) : o);
            }
            return Optional.of(new ResolutionContext(time, grain, offset, source));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** ISO text of a context's reference time at its grain ({@code 2024-04-10T00:36:32}). */
    public static String format(ResolutionContext context) {
        if (context == null || context.reference() == null) {
            return null;
        }
        LocalDateTime t = context.reference();
        String base = switch (context.referenceGrain() == null ? Grain.SECOND : context.referenceGrain()) {
            case YEAR, HALF, QUARTER, MONTH, WEEK, DAY -> t.toLocalDate().toString();
            case HOUR, MINUTE -> String.format("%sT%02d:%02d", t.toLocalDate(), t.getHour(), t.getMinute());
            case SECOND -> String.format("%sT%02d:%02d:%02d", t.toLocalDate(), t.getHour(), t.getMinute(), t.getSecond());
        };
        return context.offset() == null ? base : base + context.offset().getId().replace("Z", "+00:00");
    }
}
