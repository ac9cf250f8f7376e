package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.toegang.core.audit.AuditEntry;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.directory.DirectoryReports;
import org.toegang.core.report.ReportRow;

/**
 * Reports and the audit trail, for whom the policy allows: an organisation's administrators see
 * its people × rights and its trail (a local administrator limited to some applications: only
 * theirs); an application's owner sees every holder of its rights and the application's trail.
 * The check comes first, so a refused caller gets no byte of a report. Thread-safe.
 */
public final class ReportService {
    /** The longest look-ahead of the ending-rights report. */
    public static final int MAX_DAYS = 366;

    private final DirectoryReports reports;
    private final AuditTrail trail;

    public ReportService(DirectoryReports reports, AuditTrail trail) {
        this.reports = reports;
        this.trail = trail;
    }

    /** Checks that the caller may read the organisation's report; call before the response starts. */
    public void requireOrganisation(AdminContext context, String organisationKey) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the reports of this organisation");
    }

    /** Checks that the caller owns the application; call before the response starts. */
    public void requireApplication(AdminContext context, String clientId) {
        require(context.policy().ownsApplication(clientId), "see the reports of this application");
    }

    /** People × rights of the organisation: every grant the caller may grant there, streamed. */
    public void organisation(AdminContext context, String organisationKey, Consumer<ReportRow> out) {
        requireOrganisation(context, organisationKey);
        reports.organisation(organisationKey, context.now(), row -> {
            if (context.policy().mayGrant(organisationKey, row.clientId())) {
                out.accept(row);
            }
        });
    }

    /** Every holder of the application's rights, in every organisation, streamed. */
    public void application(AdminContext context, String clientId, Consumer<ReportRow> out) {
        requireApplication(context, clientId);
        reports.application(clientId, context.now(), out);
    }

    /** Active grants of the organisation that end within {@code days} days, streamed. */
    public void endingInOrganisation(AdminContext context, String organisationKey, int days, Consumer<ReportRow> out) {
        requireOrganisation(context, organisationKey);
        reports.endingWithin(Optional.of(organisationKey), Optional.empty(), Duration.ofDays(days(days)), context.now(),
                row -> {
                    if (context.policy().mayGrant(organisationKey, row.clientId())) {
                        out.accept(row);
                    }
                });
    }

    /** Active grants of the application that end within {@code days} days, streamed. */
    public void endingInApplication(AdminContext context, String clientId, int days, Consumer<ReportRow> out) {
        requireApplication(context, clientId);
        reports.endingWithin(Optional.empty(), Optional.of(clientId), Duration.ofDays(days(days)), context.now(), out);
    }

    /** The organisation's audit trail, newest first; a limited local administrator sees their applications' entries only. */
    public List<AuditEntry> auditOfOrganisation(AdminContext context, String organisationKey, Optional<Instant> since,
                                                Optional<String> after, int limit) {
        requireOrganisation(context, organisationKey);
        return trail.forOrganisation(organisationKey, since, after, limit(limit)).stream()
                .filter(entry -> entry.clientId().map(id -> context.policy().mayGrant(organisationKey, id))
                        .orElse(true)).toList();
    }

    /** The application's audit trail (its rights and grants, in every organisation), newest first. */
    public List<AuditEntry> auditOfApplication(AdminContext context, String clientId, Optional<Instant> since,
                                               Optional<String> after, int limit) {
        requireApplication(context, clientId);
        return trail.forApplication(clientId, since, after, limit(limit));
    }

    /** The look-ahead of an ending-rights report, checked; refused naming {@code days}. */
    public static int days(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw RefusedException.invalid("days", "must be 1 to " + MAX_DAYS);
        }
        return days;
    }

    static int limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw RefusedException.invalid("limit", "must be 1 to 1000");
        }
        return limit;
    }
}
