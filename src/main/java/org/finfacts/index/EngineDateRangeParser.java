package org.finfacts.index;

import org.finfacts.core.Engine;
import org.finfacts.facts.DateMention;

import java.time.Clock;
import java.util.Optional;

/**
 * Reads query dates with the engine's own date recognizer: {@code 2023年} is the year 2023,
 * {@code 2023年3月} that month, {@code 去年} last year counted from today. ISO values and
 * {@code a..b} spans ({@link DateRangeParser#plain()}) are read first, without the engine.
 */
public final class EngineDateRangeParser implements DateRangeParser {
    private final EngineProbe probe;

    /** A reader over {@code engine}, with relative dates counted from today. */
    public EngineDateRangeParser(Engine engine) {
        this(engine, Clock.systemDefaultZone());
    }

    /** A reader over {@code engine}, with relative dates counted from the clock's today. */
    public EngineDateRangeParser(Engine engine, Clock clock) {
        this.probe = new EngineProbe(engine, clock);
    }

    @Override
    public Optional<Period> parse(String text) {
        Optional<Period> plain = DateRangeParser.parsePlain(text);
        if (plain.isPresent()) {
            return plain;
        }
        Optional<DateMention> date = probe.find(text, DateMention.class);
        if (date.isPresent() && date.get().intervalStart() != null && date.get().intervalEnd() != null
                && date.get().intervalEnd().isAfter(date.get().intervalStart())) {
            return Optional.of(new Period(date.get().intervalStart(), date.get().intervalEnd()));
        }
        return date.flatMap(d -> Period.parseIso(d.value()));
    }
}
