package org.toegang.keycloak.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.Inputs;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Delegation;
import org.toegang.core.model.DelegationRole;
import org.toegang.keycloak.admin.representation.Bodies;
import org.toegang.keycloak.admin.representation.Representations;

/** {@code /v1/organisations/{key}/delegations}: who administers the organisation; appoint and remove. */
@Produces("application/json")
public final class DelegationsResource {
    private final ApiCall call;
    private final Administration administration;
    private final String key;

    DelegationsResource(ApiCall call, Administration administration, String key) {
        this.call = call;
        this.administration = administration;
        this.key = key;
    }

    @GET
    public Response list() {
        return call.run(context -> {
            List<Versioned<Delegation>> delegations = administration.delegations().list(context, key);
            DisplayNames.Names names = administration.names().ofPeople(delegations.stream().map(d -> d.value().personId()).toList());
            return Etags.json(new Representations.PageRep<>(delegations.stream()
                    .map(d -> Representations.delegation(d, context.now(), names)).toList(), null));
        });
    }

    @POST
    @Consumes("application/json")
    public Response appoint(String body) {
        return call.run(context -> {
            Bodies.DelegationInput input = Json.read(body, Bodies.DelegationInput.class);
            Versioned<Delegation> created = administration.delegations().appoint(context, key,
                    Inputs.text("personId", input.personId()), DelegationRole.fromCode(Inputs.text("role", input.role())),
                    input.limitedToClientIds() == null ? Set.of() : input.limitedToClientIds(),
                    Inputs.validity("", input.validFrom(), input.validTo(), context.now()));
            return Etags.created(Representations.delegation(created, context.now()), created.revision());
        });
    }

    @DELETE
    @Path("{delegationId}")
    public Response remove(@PathParam("delegationId") String delegationId, @HeaderParam("If-Match") String ifMatch) {
        return call.run(context -> {
            administration.delegations().remove(context, key, delegationId, Etags.optional(ifMatch));
            return Response.noContent().build();
        });
    }
}
