package org.finfacts.normalize;

import org.finfacts.facts.Grain;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What resolvers need to know about a document to give values to relative expressions: its
 * publication time ({@code reference}, null when unknown), the grain it is known at ({@code 2024-04-10}
 * is DAY, {@code 2024-04-10T00:36:32} SECOND), its UTC offset if one was given, and where the time
 * came from ({@code input} or {@code text}). With a null reference, {@code 去年} resolves to null.
 */
public record ResolutionContext(LocalDateTime reference, Grain referenceGrain, ZoneOffset offset, String referenceFrom) {

    /** A context without a publication time. */
    public static ResolutionContext unknown() {
        return new ResolutionContext(null, null, null, null);
    }

    /** Whether relative expressions can be resolved. */
    public boolean hasReference() {
        return reference != null;
    }
}
