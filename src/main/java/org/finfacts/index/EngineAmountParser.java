package org.finfacts.index;

import org.finfacts.core.Engine;
import org.finfacts.facts.MoneyMention;
import org.finfacts.facts.NumberMention;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads query amounts with the engine's own money recognizer: {@code 10亿美元} is 1e9 USD,
 * {@code 1亿元} 1e8 CNY, {@code 10亿} (a NUMBER) 1e9 without currency. The keyboard forms of
 * {@link AmountParser#plain()} are read first, without the engine. A range ({@code 5-8亿元}) gives
 * its minimum.
 */
public final class EngineAmountParser implements AmountParser {
    private final EngineProbe probe;

    /** A reader over {@code engine}. */
    public EngineAmountParser(Engine engine) {
        this(new EngineProbe(engine, Clock.systemDefaultZone()));
    }

    EngineAmountParser(EngineProbe probe) {
        this.probe = probe;
    }

    @Override
    public Optional<Amount> parse(String text) {
        Optional<Amount> plain = Plain.parse(text);
        if (plain.isPresent()) {
            return plain;
        }
        Optional<MoneyMention> money = probe.find(text, MoneyMention.class);
        if (money.isPresent()) {
            BigDecimal v = valueOf(money.get().value(), money.get().min(), money.get().max());
            return v == null ? Optional.empty() : Optional.of(new Amount(v, money.get().currency()));
        }
        Optional<NumberMention> number = probe.find(text, NumberMention.class);
        if (number.isPresent()) {
            BigDecimal v = valueOf(number.get().value(), number.get().min(), number.get().max());
            return v == null ? Optional.empty() : Optional.of(new Amount(v, null));
        }
        return Optional.empty();
    }

    private static BigDecimal valueOf(BigDecimal value, BigDecimal min, BigDecimal max) {
        BigDecimal v = value != null ? value : min != null ? min : max;
        if (v == null || v.precision() > 40 || Math.abs(v.scale()) > 40) {
            return null;
        }
        return v;
    }
}
