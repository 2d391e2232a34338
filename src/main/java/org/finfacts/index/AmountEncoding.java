package org.finfacts.index;

import org.apache.lucene.util.NumericUtils;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How amounts are stored in the index without losing precision: a {@link BigDecimal} is scaled to
 * millionths ({@code 27.5} is 27,500,000) and written as a 128-bit signed integer in Lucene's sortable
 * byte order, so that point ranges and byte-wise sorting compare amounts exactly. Amounts with more
 * than six decimals, or beyond ±1.7e32, are not representable: {@link #exact} says so, and the
 * indexer records them as such instead of rounding them silently.
 */
public final class AmountEncoding {
    /** Decimal places kept: amounts are stored in millionths of their unit. */
    public static final int SCALE = 6;
    /** Bytes per encoded amount. */
    public static final int BYTES = 16;

    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(BYTES * 8 - 1).subtract(BigInteger.ONE);
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(BYTES * 8 - 1).negate();

    private AmountEncoding() {
    }

    /** The amount in millionths if it is exactly representable, else empty. */
    public static Optional<BigInteger> exact(BigDecimal amount) {
        if (amount == null) {
            return Optional.empty();
        }
        BigDecimal scaled = amount.movePointRight(SCALE);
        try {
            BigInteger units = scaled.toBigIntegerExact();
            return inRange(units) ? Optional.of(units) : Optional.empty();
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * The amount in millionths, rounded in the given direction (query bounds: {@code >= x} needs the
     * ceiling, {@code <= x} the floor), clamped to the representable range.
     */
    public static BigInteger rounded(BigDecimal amount, RoundingMode mode) {
        BigInteger units = amount.movePointRight(SCALE).setScale(0, mode).toBigIntegerExact();
        if (units.compareTo(MAX) > 0) {
            return MAX;
        }
        if (units.compareTo(MIN) < 0) {
            return MIN;
        }
        return units;
    }

    /** The largest representable value (in millionths). */
    public static BigInteger max() {
        return MAX;
    }

    /** The smallest representable value (in millionths). */
    public static BigInteger min() {
        return MIN;
    }

    /** The sortable bytes of an amount in millionths. */
    public static byte[] encode(BigInteger units) {
        if (!inRange(units)) {
            throw new IllegalArgumentException("amount out of range: " + units);
        }
        byte[] out = new byte[BYTES];
        NumericUtils.bigIntToSortableBytes(units, BYTES, out, 0);
        return out;
    }

    /** The amount in millionths of sortable bytes written by {@link #encode}. */
    public static BigInteger decode(byte[] bytes, int offset) {
        return NumericUtils.sortableBytesToBigInt(bytes, offset, BYTES);
    }

    /** The decimal amount of millionths ({@code 27500000} is {@code 27.5}). */
    public static BigDecimal toDecimal(BigInteger units) {
        BigDecimal d = new BigDecimal(units, SCALE).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static boolean inRange(BigInteger units) {
        return units.compareTo(MAX) <= 0 && units.compareTo(MIN) >= 0;
    }
}
