package org.toegang.core.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a people × rights report: a grant with the person it is for, and whether it counts
 * now ({@link org.toegang.core.rights.ActiveGrants}). The same line is what a bulk upload reads
 * back ({@link ReportCsv}), so a report can be edited and uploaded again.
 *
 * @param grantId   empty on an uploaded line that asks for a new grant
 * @param countsNow whether the grant counts at the report's moment: active, valid, and the person
 *                  works for the organisation or legally represents it; ignored on upload
 */
public record ReportRow(Optional<String> grantId, String personId, String userName, String givenName,
                        String familyName, String organisationKey, String clientId, String right,
                        Optional<String> context, Instant validFrom, Optional<Instant> validTo, String status,
                        boolean countsNow, Optional<String> reason) {
    public ReportRow {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(organisationKey, "organisationKey");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }
}
