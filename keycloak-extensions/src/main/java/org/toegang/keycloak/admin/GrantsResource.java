package org.toegang.keycloak.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toegang.core.admin.AdminContext;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.BulkValidityChange;
import org.toegang.core.admin.GrantMarks;
import org.toegang.core.admin.GrantService;
import org.toegang.core.admin.Inputs;
import org.toegang.core.admin.Page;
import org.toegang.core.directory.StoredGrant;
import org.toegang.keycloak.admin.representation.Bodies;
import org.toegang.keycloak.admin.representation.Representations;

/** {@code /v1/organisations/{key}/grants}: grant, change validity (one or in bulk), revoke. */
@Produces("application/json")
public final class GrantsResource {
    private final ApiCall call;
    private final Administration administration;
    private final String key;

    GrantsResource(ApiCall call, Administration administration, String key) {
        this.call = call;
        this.administration = administration;
        this.key = key;
    }

    /** The grants, paged by id; with {@code personId} (repeated, at most 100) only those people's. */
    @GET
    public Response list(@QueryParam("personId") List<String> personIds, @QueryParam("status") String status,
                         @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return call.run(context -> {
            // people's grants are searched by person: a person's page, or a page of people, in an organisation of 10,000
            List<StoredGrant> grants = (personIds.isEmpty() ? administration.grants().list(context, key)
                    : administration.grants().listOfPeople(context, key, personIds)).stream()
                    .filter(g -> status == null || g.grant().status().code().equalsIgnoreCase(status)).toList();
            Page<StoredGrant> page = Page.of(grants, StoredGrant::id, Optional.ofNullable(cursor), Optional.ofNullable(limit));
            Map<String, GrantMarks> marks = administration.grants().marks(page.items(), context.now());
            DisplayNames.Names names = administration.names().ofGrants(page.items().stream().map(StoredGrant::grant).toList());
            return Etags.json(Representations.page(page, g -> Representations.grant(g, marks.get(g.id()), names)));
        });
    }

    /** Grants a right: 201 with status active, or requested when the right needs approval. */
    @POST
    @Consumes("application/json")
    public Response grant(String body) {
        return call.run(context -> {
            Bodies.GrantInput input = Json.read(body, Bodies.GrantInput.class);
            GrantService.GrantDraft draft = new GrantService.GrantDraft(Inputs.text("personId", input.personId()),
                    Inputs.text("clientId", input.clientId()), Inputs.text("right", input.right()),
                    Inputs.optionalText("context", input.context()),
                    Inputs.validity("", input.validFrom(), input.validTo(), context.now()),
                    Inputs.optionalText("reason", input.reason()));
            StoredGrant stored = administration.grants().grant(context, key, draft);
            return Etags.created(represent(stored, context), stored.revision());
        });
    }

    @GET
    @Path("{grantId}")
    public Response get(@PathParam("grantId") String grantId) {
        return call.run(context -> {
            StoredGrant grant = administration.grants().get(context, key, grantId);
            return Etags.ok(represent(grant, context), grant.revision());
        });
    }

    /** Changes the validity; If-Match required. */
    @PATCH
    @Path("{grantId}")
    @Consumes("application/json")
    public Response changeValidity(@PathParam("grantId") String grantId, @HeaderParam("If-Match") String ifMatch,
                                   String body) {
        return call.run(context -> {
            StoredGrant current = administration.grants().get(context, key, grantId);
            Optional<String> expected = Etags.required(ifMatch);
            Bodies.ValidityInput input = Json.read(body, Bodies.ValidityInput.class);
            StoredGrant changed = administration.grants().changeValidity(context, key, grantId, expected,
                    Inputs.validity("", input.validFrom() == null ? current.grant().validity().from().toString()
                            : input.validFrom(), input.validTo(), context.now()));
            return Etags.ok(represent(changed, context), changed.revision());
        });
    }

    @POST
    @Path("{grantId}/revoke")
    @Consumes("application/json")
    public Response revoke(@PathParam("grantId") String grantId, @HeaderParam("If-Match") String ifMatch, String body) {
        return call.run(context -> {
            administration.grants().get(context, key, grantId);
            Optional<String> expected = Etags.required(ifMatch);
            Bodies.ReasonInput input = body == null || body.isBlank() ? new Bodies.ReasonInput(null)
                    : Json.read(body, Bodies.ReasonInput.class);
            StoredGrant revoked = administration.grants().revoke(context, key, grantId, expected,
                    Inputs.optionalText("reason", input.reason()));
            return Etags.ok(represent(revoked, context), revoked.revision());
        });
    }

    /**
     * Changes the validity of up to 1,000 grants, all or nothing; {@code Idempotency-Key} required:
     * a replay answers the first outcome and changes nothing.
     */
    @POST
    @Path("bulk-validity")
    @Consumes("application/json")
    public Response bulk(@HeaderParam("Idempotency-Key") String idempotencyKey, String body) {
        return call.run(context -> {
            administration.bulk().requireAllowed(context, key);
            return Idempotency.once(administration, context, idempotencyKey, "bulk-validity " + key + "\n" + body,
                    () -> {
                        Bodies.BulkValidityInput input = Json.read(body, Bodies.BulkValidityInput.class);
                        List<BulkValidityChange.Change> changes = changes(input, context);
                        List<StoredGrant> changed = administration.bulk().apply(context, key, changes);
                        return Etags.json(new Representations.BulkResultRep(changed.size(),
                                changed.stream().map(g -> new Representations.ChangedRep(g.id(), g.revision())).toList()));
                    });
        });
    }

    private static List<BulkValidityChange.Change> changes(Bodies.BulkValidityInput input, AdminContext context) {
        if (input.changes() == null) {
            throw Problems.badRequest("changes", "is required");
        }
        java.util.ArrayList<BulkValidityChange.Change> changes = new java.util.ArrayList<>();
        for (int i = 0; i < input.changes().size(); i++) {
            Bodies.BulkItem item = input.changes().get(i);
            String prefix = "changes[" + i + "].";
            if (item == null) {
                throw Problems.badRequest("changes[" + i + "]", "is required");
            }
            changes.add(new BulkValidityChange.Change(Inputs.text(prefix + "grantId", item.grantId()),
                    Optional.ofNullable(item.ifMatch()).map(Etags::parse),
                    Inputs.validity(prefix, Inputs.text(prefix + "validFrom", item.validFrom()), item.validTo(),
                            context.now())));
        }
        return changes;
    }

    private Representations.GrantRep represent(StoredGrant grant, AdminContext context) {
        return Representations.grant(grant, administration.grants().marks(List.of(grant), context.now()).get(grant.id()));
    }
}
