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
import java.util.Map;
import java.util.Optional;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.GrantMarks;
import org.toegang.core.admin.Page;
import org.toegang.core.directory.StoredGrant;
import org.toegang.keycloak.admin.representation.Bodies;
import org.toegang.keycloak.admin.representation.Representations;

/** {@code /v1/requests}: the inbox of whoever may decide; one request; approve or reject with a reason (If-Match required). */
@Produces("application/json")
public final class RequestsResource {
    private final ApiCall call;
    private final Administration administration;

    RequestsResource(ApiCall call, Administration administration) {
        this.call = call;
        this.administration = administration;
    }

    @GET
    public Response inbox(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return call.run(context -> {
            Page<StoredGrant> page = Page.of(administration.requests().inbox(context), StoredGrant::id,
                    Optional.ofNullable(cursor), Optional.ofNullable(limit));
            Map<String, GrantMarks> marks = administration.grants().marks(page.items(), context.now());
            DisplayNames.Names names = administration.names().ofGrants(page.items().stream().map(StoredGrant::grant).toList());
            return Etags.json(Representations.page(page, g -> Representations.grant(g, marks.get(g.id()), names)));
        });
    }

    /** One request, for its person, whoever may decide or grant it, and its application's owner. */
    @GET
    @Path("{grantId}")
    public Response get(@PathParam("grantId") String grantId) {
        return call.run(context -> {
            StoredGrant request = administration.requests().get(context, grantId);
            GrantMarks marks = administration.grants().marks(List.of(request), context.now()).get(request.id());
            return Etags.ok(Representations.grant(request, marks, administration.names().ofGrants(List.of(request.grant()))),
                    request.revision());
        });
    }

    @POST
    @Path("{grantId}/approve")
    @Consumes("application/json")
    public Response approve(@PathParam("grantId") String grantId, @HeaderParam("If-Match") String ifMatch, String body) {
        return decide(grantId, ifMatch, body, true);
    }

    @POST
    @Path("{grantId}/reject")
    @Consumes("application/json")
    public Response reject(@PathParam("grantId") String grantId, @HeaderParam("If-Match") String ifMatch, String body) {
        return decide(grantId, ifMatch, body, false);
    }

    private Response decide(String grantId, String ifMatch, String body, boolean approve) {
        return call.run(context -> {
            Optional<String> expected = Etags.optional(ifMatch);
            Bodies.ReasonInput input = body == null || body.isBlank() ? new Bodies.ReasonInput(null)
                    : Json.read(body, Bodies.ReasonInput.class);
            StoredGrant decided = administration.requests().decide(context, grantId, expected, approve, input.reason());
            return Etags.ok(Representations.grant(decided, null), decided.revision());
        });
    }
}
