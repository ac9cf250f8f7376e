package org.toegang.keycloak.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.Oversight;
import org.toegang.core.audit.AuditEntry;

/**
 * {@code /v1/applications/{clientId}/...} for the application's owner: every holder of its rights
 * (JSON or CSV), its rights ending soon, its audit trail, and its sign-ins per organisation per day.
 */
@Produces("application/json")
public final class ApplicationOversightResource {
    private final ApiCall call;
    private final Oversight oversight;
    private final DisplayNames names;
    private final String clientId;

    ApplicationOversightResource(ApiCall call, Oversight oversight, DisplayNames names, String clientId) {
        this.call = call;
        this.oversight = oversight;
        this.names = names;
        this.clientId = clientId;
    }

    /** The sections, each a sub-resource of {@code ApplicationsResource} at {@code {clientId}/<section>}. */
    public Reports reports() {
        return new Reports(this);
    }

    public Audit audit() {
        return new Audit(this);
    }

    public SignIns signIns() {
        return new SignIns(this);
    }

    private static LocalDate day(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(field, "is not a date such as 2026-01-31");
        }
    }

    /** {@code reports}: every holder of the application's rights (JSON, CSV) and those ending soon. */
    @Produces("application/json")
    public static final class Reports {
        private final ApiCall call;
        private final Oversight oversight;
        private final String clientId;

        Reports(ApplicationOversightResource parent) {
            this.call = parent.call;
            this.oversight = parent.oversight;
            this.clientId = parent.clientId;
        }

        @GET
        @Path("holders")
        public Response holders() {
            return call.run(context -> {
                oversight.reports().requireApplication(context, clientId);
                return ReportResponses.json(out -> oversight.reports().application(context, clientId, out));
            });
        }

        @GET
        @Path("holders.csv")
        @Produces(ReportResponses.CSV)
        public Response holdersCsv() {
            return call.run(context -> {
                oversight.reports().requireApplication(context, clientId);
                return ReportResponses.csv(out -> oversight.reports().application(context, clientId, out), "holders-" + clientId + ".csv");
            });
        }

        @GET
        @Path("ending")
        public Response ending(@QueryParam("days") Integer days) {
            return call.run(context -> {
                oversight.reports().requireApplication(context, clientId);
                int within = org.toegang.core.admin.ReportService.days(Optional.ofNullable(days).orElse(30));
                return ReportResponses.json(out -> oversight.reports().endingInApplication(context, clientId, within, out));
            });
        }
    }

    /** {@code audit}: the application's audit trail. */
    @Produces("application/json")
    public static final class Audit {
        private final ApiCall call;
        private final Oversight oversight;
        private final DisplayNames names;
        private final String clientId;

        Audit(ApplicationOversightResource parent) {
            this.call = parent.call;
            this.oversight = parent.oversight;
            this.names = parent.names;
            this.clientId = parent.clientId;
        }

        @GET
        public Response audit(@QueryParam("since") String since, @QueryParam("cursor") String cursor,
                              @QueryParam("limit") Integer limit) {
            return call.run(context -> {
                oversight.reports().requireApplication(context, clientId);
                int size = Optional.ofNullable(limit).orElse(100);
                List<AuditEntry> entries = oversight.reports().auditOfApplication(context, clientId,
                        OrganisationOversightResource.since(since, context), OrganisationOversightResource.cursor(cursor), size);
                return Etags.json(OrganisationOversightResource.page(entries, size, names));
            });
        }
    }

    /** {@code sign-ins}: sign-ins per organisation per day. */
    @Produces("application/json")
    public static final class SignIns {
        private final ApiCall call;
        private final Oversight oversight;
        private final String clientId;

        SignIns(ApplicationOversightResource parent) {
            this.call = parent.call;
            this.oversight = parent.oversight;
            this.clientId = parent.clientId;
        }

        /** Sign-ins per organisation per day (UTC), from {@code from} to {@code to} inclusive; default the last 30 days. */
        @GET
        public Response signIns(@QueryParam("from") String from, @QueryParam("to") String to) {
            return call.run(context -> {
                oversight.reports().requireApplication(context, clientId);
                LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
                LocalDate end = day("to", to, today);
                LocalDate start = day("from", from, end.minusDays(29));
                return Etags.json(Map.of("days", oversight.signIns(context, clientId, start, end).stream()
                        .map(OversightRepresentations::signIns).toList()));
            });
        }
    }
}
