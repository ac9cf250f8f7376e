package org.toegang.scim.protocol;

/**
 * The limits the server advertises in {@code /ServiceProviderConfig} and enforces.
 *
 * @param maxResults the most resources one page returns (RFC 7643 §5 filter.maxResults)
 * @param maxMatches the most people a single search may match before it is refused with
 *        {@code tooMany}, rather than run slowly
 * @param maxFilterOperators the most operators a filter may hold
 * @param maxBodyBytes the largest request body accepted (bulk.maxPayloadSize too)
 * @param maxBulkOperations the most operations one bulk request may hold
 */
public record ScimLimits(int maxResults, int maxMatches, int maxFilterOperators, int maxBodyBytes,
                         int maxBulkOperations) {
    public static final ScimLimits DEFAULTS = new ScimLimits(200, 10_000, 50, 1_048_576, 100);

    public ScimLimits {
        if (maxResults < 1 || maxMatches < maxResults || maxFilterOperators < 1 || maxBodyBytes < 1024
                || maxBulkOperations < 1) {
            throw new IllegalArgumentException("inconsistent SCIM limits");
        }
    }
}
