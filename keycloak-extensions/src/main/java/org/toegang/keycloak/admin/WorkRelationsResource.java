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
import java.util.Optional;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.Inputs;
import org.toegang.core.admin.Page;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationType;
import org.toegang.keycloak.admin.representation.Bodies;
import org.toegang.keycloak.admin.representation.Representations;

/** {@code /v1/organisations/{key}/work-relations}: create, change, end. */
@Produces("application/json")
public final class WorkRelationsResource {
    private final ApiCall call;
    private final Administration administration;
    private final String key;

    WorkRelationsResource(ApiCall call, Administration administration, String key) {
        this.call = call;
        this.administration = administration;
        this.key = key;
    }

    @GET
    public Response list(@QueryParam("personId") String personId, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") Integer limit) {
        return call.run(context -> {
            Page<Versioned<WorkRelation>> page = Page.of(personId == null ? administration.people().workRelations(context, key)
                            : administration.people().workRelationsOfPerson(context, key, personId),
                    w -> w.value().id(), Optional.ofNullable(cursor), Optional.ofNullable(limit));
            DisplayNames.Names names = administration.names().ofWorkRelations(page.items().stream().map(Versioned::value).toList());
            return Etags.json(Representations.page(page, w -> Representations.workRelation(w, context.now(), names)));
        });
    }

    @POST
    @Consumes("application/json")
    public Response create(String body) {
        return call.run(context -> {
            Bodies.WorkRelationInput input = Json.read(body, Bodies.WorkRelationInput.class);
            Versioned<WorkRelation> created = administration.people().createWorkRelation(context, key,
                    Inputs.text("personId", input.personId()), WorkRelationType.fromCode(Inputs.text("type", input.type())),
                    Inputs.validity("", input.validFrom(), input.validTo(), context.now()));
            return Etags.created(Representations.workRelation(created, context.now()), created.revision());
        });
    }

    @GET
    @Path("{workRelationId}")
    public Response get(@PathParam("workRelationId") String id) {
        return call.run(context -> {
            Versioned<WorkRelation> relation = administration.people().workRelation(context, key, id);
            return Etags.ok(Representations.workRelation(relation, context.now()), relation.revision());
        });
    }

    @PATCH
    @Path("{workRelationId}")
    @Consumes("application/json")
    public Response change(@PathParam("workRelationId") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return call.run(context -> {
            Versioned<WorkRelation> current = administration.people().workRelation(context, key, id);
            Optional<String> expected = Etags.required(ifMatch);
            Bodies.WorkRelationChange input = Json.read(body, Bodies.WorkRelationChange.class);
            Validity validity = Inputs.validity("",
                    input.validFrom() == null ? current.value().validity().from().toString() : input.validFrom(),
                    input.validTo(), context.now());
            Versioned<WorkRelation> changed = administration.people().change(context, key, id, expected,
                    Optional.ofNullable(input.type()).map(WorkRelationType::fromCode), validity);
            return Etags.ok(Representations.workRelation(changed, context.now()), changed.revision());
        });
    }

    /** Ends the work relation now; the grants that depended on it stop counting at once. */
    @POST
    @Path("{workRelationId}/end")
    public Response end(@PathParam("workRelationId") String id, @HeaderParam("If-Match") String ifMatch) {
        return call.run(context -> {
            administration.people().workRelation(context, key, id);
            Versioned<WorkRelation> ended = administration.people().end(context, key, id, Etags.required(ifMatch));
            return Etags.ok(Representations.workRelation(ended, context.now()), ended.revision());
        });
    }
}
