package org.toegang.keycloak.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.Page;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.RequestStatus;
import org.toegang.core.model.WorkRelationRequest;
import org.toegang.keycloak.admin.representation.Bodies;
import org.toegang.keycloak.admin.representation.Representations;

/**
 * {@code /v1/organisations/{key}/work-relation-requests}: people asking to work for the
 * organisation, the inbox of its head and local administrators; approve (the work relation is
 * created) or reject with a reason, If-Match required.
 */
@Produces("application/json")
public final class WorkRelationRequestsResource {
    private final ApiCall call;
    private final Administration administration;
    private final String key;

    WorkRelationRequestsResource(ApiCall call, Administration administration, String key) {
        this.call = call;
        this.administration = administration;
        this.key = key;
    }

    /** The organisation's requests, by default only the undecided ones ({@code status=all} for every one). */
    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") Integer limit) {
        return call.run(context -> {
            Optional<RequestStatus> wanted = status == null ? Optional.of(RequestStatus.REQUESTED)
                    : status.equals("all") ? Optional.empty() : Optional.of(RequestStatus.fromCode(status));
            Page<Versioned<WorkRelationRequest>> page = Page.of(administration.workRelationRequests()
                            .ofOrganisation(context, key, wanted), r -> r.value().id(), Optional.ofNullable(cursor),
                    Optional.ofNullable(limit));
            DisplayNames.Names names = administration.names().ofRequests(page.items().stream().map(Versioned::value).toList());
            return Etags.json(Representations.page(page, r -> Representations.workRelationRequest(r, names)));
        });
    }

    @GET
    @Path("{requestId}")
    public Response get(@PathParam("requestId") String requestId) {
        return call.run(context -> {
            Versioned<WorkRelationRequest> found = administration.workRelationRequests().get(context, Optional.of(key),
                    requestId);
            return Etags.ok(represent(found), found.revision());
        });
    }

    @POST
    @Path("{requestId}/approve")
    @Consumes("application/json")
    public Response approve(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                            String body) {
        return decide(requestId, ifMatch, body, true);
    }

    @POST
    @Path("{requestId}/reject")
    @Consumes("application/json")
    public Response reject(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                           String body) {
        return decide(requestId, ifMatch, body, false);
    }

    private Response decide(String requestId, String ifMatch, String body, boolean approve) {
        return call.run(context -> {
            Bodies.ReasonInput input = body == null || body.isBlank() ? new Bodies.ReasonInput(null)
                    : Json.read(body, Bodies.ReasonInput.class);
            Versioned<WorkRelationRequest> decided = administration.workRelationRequests().decide(context, key,
                    requestId, Etags.optional(ifMatch), approve, input.reason());
            return Etags.ok(represent(decided), decided.revision());
        });
    }

    private Representations.WorkRelationRequestRep represent(Versioned<WorkRelationRequest> request) {
        return Representations.workRelationRequest(request, administration.names().ofRequests(List.of(request.value())));
    }
}
