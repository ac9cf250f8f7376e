package org.toegang.keycloak.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.toegang.core.admin.AdminContext;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.Inputs;
import org.toegang.core.admin.Page;
import org.toegang.core.admin.PeopleService;
import org.toegang.core.model.WorkRelationType;
import org.toegang.keycloak.admin.representation.Bodies;
import org.toegang.keycloak.admin.representation.Representations;

/** {@code /v1/organisations/{key}/people}: search and add the organisation's people. */
@Produces("application/json")
public final class PeopleResource {
    private final ApiCall call;
    private final Administration administration;
    private final String key;

    PeopleResource(ApiCall call, Administration administration, String key) {
        this.call = call;
        this.administration = administration;
        this.key = key;
    }

    @GET
    public Response search(@QueryParam("name") String name, @QueryParam("nationalRegisterNumber") String number,
                           @QueryParam("email") String email, @QueryParam("cursor") String cursor,
                           @QueryParam("limit") Integer limit) {
        return call.run(context -> {
            PeopleService.PeopleQuery query = new PeopleService.PeopleQuery(Inputs.optionalText("name", name),
                    Inputs.optionalText("nationalRegisterNumber", number), Inputs.optionalText("email", email));
            return Etags.json(Representations.page(administration.people().search(context, key, query,
                    Optional.ofNullable(cursor), Optional.ofNullable(limit)), Representations::person));
        });
    }

    /** Adds a person by national register number with a work relation; 201 when the person is new, 200 when found. */
    @POST
    @Consumes("application/json")
    public Response add(String body) {
        return call.run(context -> {
            Bodies.PersonInput input = Json.read(body, Bodies.PersonInput.class);
            PeopleService.Added added = administration.people().add(context, key,
                    Inputs.text("nationalRegisterNumber", input.nationalRegisterNumber()), input.givenName(),
                    input.familyName(), Inputs.optionalText("email", input.email()),
                    WorkRelationType.fromCode(Inputs.text("workRelationType", input.workRelationType())),
                    Inputs.validity("", input.validFrom(), input.validTo(), context.now()));
            return Etags.json(added.created() ? 201 : 200, new Representations.AddedPersonRep(
                    Representations.person(added.person()), added.created(),
                    Representations.workRelation(added.workRelation(), context.now())));
        });
    }

    @GET
    @Path("{personId}")
    public Response get(@PathParam("personId") String personId) {
        return call.run((AdminContext context) ->
                Etags.json(Representations.person(administration.people().person(context, key, personId))));
    }
}
