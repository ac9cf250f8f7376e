package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.time.LocalDate;
import java.util.List;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.directory.DefaultRightsStore;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryReports;
import org.toegang.core.directory.GrantEntries;
import org.toegang.core.directory.SignInCounters;

/**
 * What administrators and owners use to oversee and change many grants at once: reports and the
 * audit trail, comparison and copy, default rights, bulk upload, sign-in statistics. Each service
 * asks the {@link AdministrationPolicy} first. Thread-safe; one per node, beside {@link Administration}.
 */
public final class Oversight {
    /** The longest period of one sign-in statistics request, in days. */
    public static final int MAX_SIGN_IN_DAYS = 366;

    private final ReportService reports;
    private final RightsComparison comparison;
    private final DefaultRightsService defaults;
    private final BulkUpload uploads;
    private final SignInCounters signIns;

    Oversight(AdminStores stores, GrantService grants, AuditTrail trail) {
        Directory directory = stores.directory();
        GrantEntries entries = new GrantEntries(directory);
        this.reports = new ReportService(new DirectoryReports(directory, stores.rosters()), trail);
        this.comparison = new RightsComparison(stores, grants, entries, trail);
        this.defaults = new DefaultRightsService(stores, new DefaultRightsStore(directory), grants, trail);
        this.uploads = new BulkUpload(stores, grants, entries, trail);
        this.signIns = new SignInCounters(directory);
    }

    public ReportService reports() {
        return reports;
    }

    public RightsComparison comparison() {
        return comparison;
    }

    public DefaultRightsService defaults() {
        return defaults;
    }

    public BulkUpload uploads() {
        return uploads;
    }

    /**
     * Counts one sign-in to an application on behalf of an organisation (the chosen capacity's; a
     * capacity without organisation counts under its target group code). Not a caller's action:
     * Keycloak's login events call it.
     */
    public void countSignIn(String clientId, String organisationKey, java.time.Instant at) {
        signIns.count(clientId, organisationKey, at);
    }

    /** Sign-ins to the application per organisation per day, for its owner only. */
    public List<SignInCounters.DayCount> signIns(AdminContext context, String clientId, LocalDate from, LocalDate to) {
        require(context.policy().ownsApplication(clientId), "see the sign-ins of this application");
        if (to.isBefore(from) || from.plusDays(MAX_SIGN_IN_DAYS).isBefore(to)) {
            throw RefusedException.invalid("to", "must be on or after from, at most " + MAX_SIGN_IN_DAYS + " days later");
        }
        return signIns.ofApplication(clientId, from, to);
    }
}
