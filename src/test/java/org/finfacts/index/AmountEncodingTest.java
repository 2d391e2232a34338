package org.finfacts.index;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmountEncodingTest {
    @Test
    void keepsSixDecimalsExactlyAndRefusesMore() {
        assertEquals(BigInteger.valueOf(27_500_000), AmountEncoding.exact(new BigDecimal("27.5")).orElseThrow());
        assertEquals(new BigInteger("490320000000000000"),
                AmountEncoding.exact(new BigDecimal("490320000000")).orElseThrow());
        assertTrue(AmountEncoding.exact(new BigDecimal("0.0000001")).isEmpty());
        assertTrue(AmountEncoding.exact(new BigDecimal("1e40")).isEmpty());
        assertEquals(new BigDecimal("27.5"), AmountEncoding.toDecimal(BigInteger.valueOf(27_500_000)));
        assertEquals(new BigDecimal("1000"), AmountEncoding.toDecimal(BigInteger.valueOf(1_000_000_000)));
    }

    @Test
    void roundsQueryBoundsInTheAskedDirectionAndClamps() {
        assertEquals(BigInteger.ONE, AmountEncoding.rounded(new BigDecimal("0.0000001"), RoundingMode.CEILING));
        assertEquals(BigInteger.ZERO, AmountEncoding.rounded(new BigDecimal("0.0000001"), RoundingMode.FLOOR));
        assertEquals(AmountEncoding.max(), AmountEncoding.rounded(new BigDecimal("1e60"), RoundingMode.FLOOR));
        assertEquals(AmountEncoding.min(), AmountEncoding.rounded(new BigDecimal("-1e60"), RoundingMode.FLOOR));
    }

    @Property(tries = 300)
    void encodedBytesSortLikeTheAmounts(@ForAll @BigRange(min = "-1e25", max = "1e25") @Scale(6) BigDecimal a,
                                        @ForAll @BigRange(min = "-1e25", max = "1e25") @Scale(6) BigDecimal b) {
        BigInteger x = AmountEncoding.exact(a).orElseThrow();
        BigInteger y = AmountEncoding.exact(b).orElseThrow();
        byte[] ex = AmountEncoding.encode(x);
        byte[] ey = AmountEncoding.encode(y);
        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(Arrays.compareUnsigned(ex, ey)));
        assertEquals(x, AmountEncoding.decode(ex, 0));
        assertEquals(0, a.compareTo(AmountEncoding.toDecimal(x)));
    }
}
