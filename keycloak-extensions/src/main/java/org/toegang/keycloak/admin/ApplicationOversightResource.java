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
    private final String clientId;

    ApplicationOversightResource(ApiCall call, Oversight oversight, String clientId) {
        this.call = call;
        this.oversight = oversight;
        this.clientId = clientId;
    }

    @GET
    @Path("reports/holders")
    public Response holders() {
        return call.run(context -> {
            oversight.reports().requireApplication(context, clientId);
            return Reports.json(out -> oversight.reports().application(context, clientId, out));
        });
    }

    @GET
    @Path("reports/holders.csv")
    @Produces(Reports.CSV)
    public Response holdersCsv() {
        return call.run(context -> {
            oversight.reports().requireApplication(context, clientId);
            return Reports.csv(out -> oversight.reports().application(context, clientId, out), "holders-" + clientId + ".csv");
        });
    }

    @GET
    @Path("reports/ending")
    public Response ending(@QueryParam("days") Integer days) {
        return call.run(context -> {
            oversight.reports().requireApplication(context, clientId);
            int within = org.toegang.core.admin.ReportService.days(Optional.ofNullable(days).orElse(30));
            return Reports.json(out -> oversight.reports().endingInApplication(context, clientId, within, out));
        });
    }

    @GET
    @Path("audit")
    public Response audit(@QueryParam("since") String since, @QueryParam("cursor") String cursor,
                          @QueryParam("limit") Integer limit) {
        return call.run(context -> {
            oversight.reports().requireApplication(context, clientId);
            int size = Optional.ofNullable(limit).orElse(100);
            List<AuditEntry> entries = oversight.reports().auditOfApplication(context, clientId,
                    OrganisationOversightResource.since(since, context), OrganisationOversightResource.cursor(cursor), size);
            return Etags.json(OrganisationOversightResource.page(entries, size));
        });
    }

    /** Sign-ins per organisation per day (UTC), from {@code from} to {@code to} inclusive; default the last 30 days. */
    @GET
    @Path("sign-ins")
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
}
