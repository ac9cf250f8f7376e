package org.toegang.keycloak.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.GrantMarks;
import org.toegang.core.admin.GrantService;
import org.toegang.core.admin.Inputs;
import org.toegang.core.admin.SelfService;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.WorkRelationRequest;
import org.toegang.core.model.WorkRelationType;
import org.toegang.core.model.GrantStatus;

import org.toegang.keycloak.admin.representation.Bodies;
import org.toegang.keycloak.admin.representation.Representations;

/**
 * {@code /v1/me}: the caller's own organisations, work relations, rights and requests, and who
 * administers their organisations; requesting a right; withdrawing one's own request.
 */
@Produces("application/json")
public final class MeResource {
    private final ApiCall call;
    private final Administration administration;

    MeResource(ApiCall call, Administration administration) {
        this.call = call;
        this.administration = administration;
    }

    @GET
    public Response me() {
        return call.run(context -> {
            SelfService.OwnView view = administration.self().view(context);
            Map<String, GrantMarks> marks = administration.grants().marks(view.grants(), context.now());
            List<StoredGrant> requests = view.grants().stream()
                    .filter(g -> g.grant().status() != GrantStatus.ACTIVE && g.grant().status() != GrantStatus.REVOKED).toList();
            List<StoredGrant> rights = view.grants().stream()
                    .filter(g -> g.grant().status() == GrantStatus.ACTIVE || g.grant().status() == GrantStatus.REVOKED).toList();
            Map<String, List<Representations.ContactRep>> administrators = new LinkedHashMap<>();
            view.administrators().forEach((key, people) ->
                    administrators.put(key, people.stream().map(Representations::contact).toList()));
            List<Versioned<WorkRelationRequest>> asked = administration.workRelationRequests().own(context);
            DisplayNames.Names names = administration.names().ofGrants(view.grants().stream().map(StoredGrant::grant).toList());
            DisplayNames.Names relationNames = administration.names().ofRequests(asked.stream().map(Versioned::value).toList());
            return Etags.json(new Representations.MeRep(view.person().map(Representations::person).orElse(null),
                    Representations.roles(view.roles()),
                    view.organisations().stream().map(o -> Representations.organisation(o, "")).toList(),
                    view.workRelations().stream().map(w -> Representations.workRelation(w, "", context.now())).toList(),
                    rights.stream().map(g -> Representations.grant(g, marks.get(g.id()), names)).toList(),
                    requests.stream().map(g -> Representations.grant(g, marks.get(g.id()), names)).toList(),
                    administrators, asked.stream().map(r -> Representations.workRelationRequest(r, relationNames)).toList()));
        });
    }

    /** Asks for a right for oneself; it waits in the inbox of whoever may decide it. */
    @POST
    @Path("requests")
    @Consumes("application/json")
    public Response request(String body) {
        return call.run(context -> {
            String self = context.policy().requirePerson();
            Bodies.RequestInput input = Json.read(body, Bodies.RequestInput.class);
            GrantService.GrantDraft draft = new GrantService.GrantDraft(self, Inputs.text("clientId", input.clientId()),
                    Inputs.text("right", input.right()), Inputs.optionalText("context", input.context()),
                    Inputs.validity("", input.validFrom(), input.validTo(), context.now()),
                    Inputs.optionalText("reason", input.reason()));
            StoredGrant stored = administration.requests().request(context,
                    Inputs.text("organisationKey", input.organisationKey()), draft);
            return Etags.created(Representations.grant(stored, null), stored.revision());
        });
    }

    /** Takes an undecided request back; If-Match required. */
    @POST
    @Path("requests/{grantId}/withdraw")
    public Response withdraw(@PathParam("grantId") String grantId, @HeaderParam("If-Match") String ifMatch) {
        return call.run(context -> {
            StoredGrant withdrawn = administration.requests().withdraw(context, grantId, Etags.optional(ifMatch));
            return Etags.ok(Representations.grant(withdrawn, null), withdrawn.revision());
        });
    }

    /** What the caller may do, per organisation and application: for the portal to show only what works. */
    @GET
    @Path("permissions")
    public Response permissions() {
        return call.run(context -> Etags.json(Representations.permissions(administration.self().permissions(context))));
    }

    /** Asks to work for an organisation; the request waits for its head and local administrators. */
    @POST
    @Path("work-relation-requests")
    @Consumes("application/json")
    public Response requestWorkRelation(String body) {
        return call.run(context -> {
            context.policy().requirePerson();
            Bodies.WorkRelationRequestInput input = Json.read(body, Bodies.WorkRelationRequestInput.class);
            Versioned<WorkRelationRequest> stored = administration.workRelationRequests().request(context,
                    Inputs.text("organisationKey", input.organisationKey()),
                    type(Inputs.text("type", input.type())),
                    Inputs.validity("", input.validFrom(), input.validTo(), context.now()),
                    Inputs.optionalText("reason", input.reason()));
            return Etags.created(represent(stored), stored.revision());
        });
    }

    @GET
    @Path("work-relation-requests/{requestId}")
    public Response workRelationRequest(@PathParam("requestId") String requestId) {
        return call.run(context -> {
            // under /me only one's own; administrators read it under its organisation
            Versioned<WorkRelationRequest> found = administration.workRelationRequests().own(context, requestId);
            return Etags.ok(represent(found), found.revision());
        });
    }

    /** Takes an undecided work-relation request back; If-Match required. */
    @POST
    @Path("work-relation-requests/{requestId}/withdraw")
    public Response withdrawWorkRelationRequest(@PathParam("requestId") String requestId,
                                                @HeaderParam("If-Match") String ifMatch) {
        return call.run(context -> {
            Versioned<WorkRelationRequest> withdrawn = administration.workRelationRequests().withdraw(context,
                    requestId, Etags.optional(ifMatch));
            return Etags.ok(represent(withdrawn), withdrawn.revision());
        });
    }

    /** The work-relation type, refused naming the body's field {@code type}. */
    private static WorkRelationType type(String code) {
        try {
            return WorkRelationType.fromCode(code);
        } catch (org.toegang.core.ValidationException e) {
            throw org.toegang.core.admin.RefusedException.invalid("type", e.getMessage());
        }
    }

    private Representations.WorkRelationRequestRep represent(Versioned<WorkRelationRequest> request) {
        return Representations.workRelationRequest(request,
                administration.names().ofRequests(List.of(request.value())));
    }

}
