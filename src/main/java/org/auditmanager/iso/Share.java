package org.auditmanager.iso;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A proportion of audit time kept as an exact fraction, so "1/3 of 6 days" is 2 days and not 1.9999.
 * Bound from a property as {@code 1/3} or as a decimal such as {@code 0.3}.
 */
public record Share(long numerator, long denominator) {

    private static final BigDecimal HALF_DAY = new BigDecimal("0.5");

    public Share {
        if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException(
                    "A share must be more than 0 and at most 1, got %d/%d".formatted(numerator, denominator));
        }
    }

    /** Parses {@code 2/3} or {@code 0.3}; Spring's conversion service finds this method when binding properties. */
    public static Share valueOf(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        if (slash >= 0) {
            return new Share(Long.parseLong(trimmed.substring(0, slash).strip()),
                    Long.parseLong(trimmed.substring(slash + 1).strip()));
        }
        BigDecimal decimal = new BigDecimal(trimmed);
        return new Share(decimal.unscaledValue().longValueExact(),
                BigDecimal.TEN.pow(decimal.scale()).longValueExact());
    }

    /** This share of the given days, rounded up to the next half day. */
    BigDecimal ofDaysRoundedUpToHalfDay(BigDecimal days) {
        BigDecimal halfDays = days.multiply(BigDecimal.valueOf(2 * numerator))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.CEILING);
        return halfDays.multiply(HALF_DAY);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
