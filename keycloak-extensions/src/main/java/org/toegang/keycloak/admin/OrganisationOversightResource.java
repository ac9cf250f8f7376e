package org.toegang.keycloak.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toegang.core.admin.BulkUpload;
import org.toegang.core.admin.DefaultRightsService;
import org.toegang.core.admin.Inputs;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.Oversight;
import org.toegang.core.admin.RightsComparison;
import org.toegang.core.audit.AuditEntry;
import org.toegang.core.model.DefaultRight;
import org.toegang.core.model.WorkRelationType;
import org.toegang.core.report.BulkRefusal;

/**
 * {@code /v1/organisations/{key}/...}: the organisation's reports (people × rights as JSON or CSV,
 * rights ending soon), audit trail, comparison and copy of two people's rights, default rights and
 * bulk upload. Thin: each method authenticates and checks the organisation-wide permission first
 * (core's services then apply the finer rules, e.g. a local administrator limited to some
 * applications). Bulk uploads take the CSV body whatever its declared media type, so that an
 * unauthorised caller is refused (401/403) before anything about the body is said.
 */
@Produces("application/json")
public final class OrganisationOversightResource {
    private final ApiCall call;
    private final Oversight oversight;
    private final DisplayNames names;
    private final String key;

    OrganisationOversightResource(ApiCall call, Oversight oversight, DisplayNames names, String key) {
        this.call = call;
        this.oversight = oversight;
        this.names = names;
        this.key = key;
    }

    /** The sections, each a sub-resource of {@code OrganisationsResource} at {@code {key}/<section>}. */
    public Reports reports() {
        return new Reports(this);
    }

    public Audit audit() {
        return new Audit(this);
    }

    public Comparisons comparisons() {
        return new Comparisons(this);
    }

    public DefaultRights defaultRights() {
        return new DefaultRights(this);
    }

    public BulkUploads bulkUploads() {
        return new BulkUploads(this);
    }

    private static String body(String body) {
        if (body == null || body.isBlank()) {
            throw Problems.badRequest("body", "a CSV file in the report's format is required");
        }
        return body;
    }

    static Optional<java.time.Instant> since(String since, org.toegang.core.admin.AdminContext context) {
        return since == null || since.isBlank() ? Optional.empty()
                : Optional.of(Inputs.validity("since.", since, null, context.now()).from());
    }

    static Optional<String> cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            java.util.UUID.fromString(cursor);
            return Optional.of(cursor);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("cursor", "is not a cursor this API returned");
        }
    }

    /** A page of audit entries with the names of the people who acted and whom they name, read in one search. */
    static OversightRepresentations.AuditPage page(List<AuditEntry> entries, int limit, DisplayNames names) {
        String next = entries.size() == limit && !entries.isEmpty() ? entries.get(entries.size() - 1).id() : null;
        DisplayNames.Names people = names.ofPeople(entries.stream()
                .flatMap(entry -> entry.peopleNamed().stream()).distinct().toList());
        return new OversightRepresentations.AuditPage(entries.stream()
                .map(entry -> OversightRepresentations.audit(entry, people)).toList(), next);
    }

    /** {@code reports}: people × rights (JSON, CSV) and rights ending soon. */
    @Produces("application/json")
    public static final class Reports {
        private final ApiCall call;
        private final Oversight oversight;
        private final String key;

        Reports(OrganisationOversightResource parent) {
            this.call = parent.call;
            this.oversight = parent.oversight;
            this.key = parent.key;
        }

        @GET
        @Path("rights")
        public Response rights() {
            return call.run(context -> {
                oversight.reports().requireOrganisation(context, key);
                return ReportResponses.json(out -> oversight.reports().organisation(context, key, out));
            });
        }

        @GET
        @Path("rights.csv")
        @Produces(ReportResponses.CSV)
        public Response rightsCsv() {
            return call.run(context -> {
                oversight.reports().requireOrganisation(context, key);
                return ReportResponses.csv(out -> oversight.reports().organisation(context, key, out), "rights-" + key + ".csv");
            });
        }

        @GET
        @Path("ending")
        public Response ending(@QueryParam("days") Integer days) {
            return call.run(context -> {
                oversight.reports().requireOrganisation(context, key);
                int within = org.toegang.core.admin.ReportService.days(Optional.ofNullable(days).orElse(30));
                return ReportResponses.json(out -> oversight.reports().endingInOrganisation(context, key, within, out));
            });
        }
    }

    /** {@code audit}: the organisation's audit trail. */
    @Produces("application/json")
    public static final class Audit {
        private final ApiCall call;
        private final Oversight oversight;
        private final DisplayNames names;
        private final String key;

        Audit(OrganisationOversightResource parent) {
            this.call = parent.call;
            this.oversight = parent.oversight;
            this.names = parent.names;
            this.key = parent.key;
        }

        @GET
        public Response audit(@QueryParam("since") String since, @QueryParam("cursor") String cursor,
                              @QueryParam("limit") Integer limit) {
            return call.run(context -> {
                oversight.reports().requireOrganisation(context, key);
                List<AuditEntry> entries = oversight.reports().auditOfOrganisation(context, key, since(since, context),
                        cursor(cursor), Optional.ofNullable(limit).orElse(100));
                return Etags.json(page(entries, Optional.ofNullable(limit).orElse(100), names));
            });
        }
    }

    /** {@code comparisons}: compare two people, copy the missing rights. */
    @Produces("application/json")
    public static final class Comparisons {
        private final ApiCall call;
        private final Oversight oversight;
        private final String key;

        Comparisons(OrganisationOversightResource parent) {
            this.call = parent.call;
            this.oversight = parent.oversight;
            this.key = parent.key;
        }

        @GET
        public Response compare(@QueryParam("from") String from, @QueryParam("to") String to) {
            return call.run(context -> {
                oversight.reports().requireOrganisation(context, key);
                List<RightsComparison.Missing> missing = oversight.comparison().compare(context, key,
                        Inputs.text("from", from), Inputs.text("to", to));
                return Etags.json(Map.of("missing", missing.stream().map(OversightRepresentations::missing).toList()));
            });
        }

        @POST
        @Path("copy")
        @Consumes("application/json")
        public Response copy(String body) {
            return call.run(context -> {
                oversight.reports().requireOrganisation(context, key);
                OversightRepresentations.CopyInput input = Json.read(body, OversightRepresentations.CopyInput.class);
                var copied = oversight.comparison().copyMissing(context, key, Inputs.text("from", input.from()),
                        Inputs.text("to", input.to()));
                return Etags.json(Map.of("copied", copied.stream().map(OversightRepresentations::grant).toList()));
            });
        }
    }

    /** {@code default-rights}: packages per work-relation type. */
    @Produces("application/json")
    public static final class DefaultRights {
        private final ApiCall call;
        private final Oversight oversight;
        private final String key;

        DefaultRights(OrganisationOversightResource parent) {
            this.call = parent.call;
            this.oversight = parent.oversight;
            this.key = parent.key;
        }

        @GET
        public Response defaultRights() {
            return call.run(context -> Etags.json(OversightRepresentations.packages(oversight.defaults().packages(context, key))));
        }

        @PUT
        @Path("{type}")
        @Consumes("application/json")
        public Response setDefaultRights(@PathParam("type") String type, String body) {
            return call.run(context -> {
                oversight.reports().requireOrganisation(context, key);
                OversightRepresentations.PackageInput input = Json.read(body, OversightRepresentations.PackageInput.class);
                WorkRelationType relationType = WorkRelationType.fromCode(type);
                List<DefaultRight> rights = input.rights() == null ? List.of() : input.rights().stream()
                        .map(r -> new DefaultRight(Inputs.text("clientId", r.clientId()), Inputs.text("right", r.right()),
                                Inputs.optionalText("context", r.context()))).toList();
                List<DefaultRight> stored = oversight.defaults().set(context, key, relationType, rights);
                return Etags.json(OversightRepresentations.packages(Map.of(relationType, stored)));
            });
        }
    }

    /** {@code bulk-uploads}: an edited report, previewed or applied. */
    @Produces("application/json")
    public static final class BulkUploads {
        private final ApiCall call;
        private final Oversight oversight;
        private final String key;

        BulkUploads(OrganisationOversightResource parent) {
            this.call = parent.call;
            this.oversight = parent.oversight;
            this.key = parent.key;
        }

        /** Validates an uploaded report and answers every change and every refusal; changes nothing. */
        @POST
        @Path("preview")
        public Response preview(String body) {
            return call.run(context -> {
                oversight.reports().requireOrganisation(context, key);
                try {
                    BulkUpload.Preview preview = oversight.uploads().preview(context, key, new StringReader(body(body)));
                    return Etags.json(OversightRepresentations.preview(preview));
                } catch (BulkRefusal.Invalid invalid) {
                    throw ReportResponses.refused(invalid.refusals());
                }
            });
        }

        /** Applies an uploaded report all or nothing; 422 with every refusal when any line is refused. */
        @POST
        public Response apply(String body) {
            return call.run(context -> {
                oversight.reports().requireOrganisation(context, key);
                try {
                    List<BulkUpload.Change> changes = oversight.uploads().apply(context, key, new StringReader(body(body)));
                    return Etags.json(OversightRepresentations.preview(new BulkUpload.Preview(changes, List.of())));
                } catch (BulkRefusal.Invalid invalid) {
                    throw ReportResponses.refused(invalid.refusals());
                }
            });
        }
    }
}
