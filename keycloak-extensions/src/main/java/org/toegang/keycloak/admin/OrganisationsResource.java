package org.toegang.keycloak.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.Inputs;
import org.toegang.core.admin.Page;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Organisation;
import org.toegang.keycloak.admin.representation.Bodies;
import org.toegang.keycloak.admin.representation.Representations;

/**
 * {@code /v1/organisations}: the organisations the caller may see, registration (central
 * administrator), legal representatives; sub-resources for people, work relations, grants and
 * delegations of one organisation.
 */
@Produces("application/json")
public final class OrganisationsResource {
    private final ApiCall call;
    private final Administration administration;

    OrganisationsResource(ApiCall call, Administration administration) {
        this.call = call;
        this.administration = administration;
    }

    @GET
    public Response list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return call.run(context -> Etags.json(Representations.page(
                Page.of(administration.registry().visibleOrganisations(context), o -> o.value().key(),
                        Optional.ofNullable(cursor), Optional.ofNullable(limit)),
                Representations::organisation)));
    }

    @POST
    @Consumes("application/json")
    public Response register(String body) {
        return call.run(context -> {
            Bodies.OrganisationInput input = Json.read(body, Bodies.OrganisationInput.class);
            Versioned<Organisation> stored = administration.registry().registerOrganisation(context, input.key(),
                    input.name(), input.targetGroup(), Inputs.optionalText("parentKey", input.parentKey()));
            return Etags.created(Representations.organisation(stored), stored.revision());
        });
    }

    @GET
    @Path("{key}")
    public Response get(@PathParam("key") String key) {
        return call.run(context -> {
            Versioned<Organisation> organisation = administration.registry().organisation(context, key);
            return Etags.ok(Representations.organisation(organisation), organisation.revision());
        });
    }

    @GET
    @Path("{key}/legal-representatives")
    public Response legalRepresentatives(@PathParam("key") String key) {
        return call.run(context -> Etags.json(new Representations.PageRep<>(administration.registry()
                .legalRepresentatives(context, key).stream().map(Representations::person).toList(), null)));
    }

    @POST
    @Path("{key}/legal-representatives")
    @Consumes("application/json")
    public Response addLegalRepresentative(@PathParam("key") String key, String body) {
        return call.run(context -> {
            Bodies.LegalRepresentativeInput input = Json.read(body, Bodies.LegalRepresentativeInput.class);
            administration.registry().setLegalRepresentative(context, key, Inputs.text("personId", input.personId()), true);
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("{key}/legal-representatives/{personId}")
    public Response removeLegalRepresentative(@PathParam("key") String key, @PathParam("personId") String personId) {
        return call.run(context -> {
            administration.registry().setLegalRepresentative(context, key, personId, false);
            return Response.noContent().build();
        });
    }

    @Path("{key}/people")
    public PeopleResource people(@PathParam("key") String key) {
        return new PeopleResource(call, administration, key);
    }

    @Path("{key}/work-relations")
    public WorkRelationsResource workRelations(@PathParam("key") String key) {
        return new WorkRelationsResource(call, administration, key);
    }

    @Path("{key}/work-relation-requests")
    public WorkRelationRequestsResource workRelationRequests(@PathParam("key") String key) {
        return new WorkRelationRequestsResource(call, administration, key);
    }

    @Path("{key}/grants")
    public GrantsResource grants(@PathParam("key") String key) {
        return new GrantsResource(call, administration, key);
    }

    @Path("{key}/delegations")
    public DelegationsResource delegations(@PathParam("key") String key) {
        return new DelegationsResource(call, administration, key);
    }

    // reports, audit trail, comparisons, default rights and bulk upload of the organisation (literal
    // sections: a locator at {key} alone would be shadowed by the GET at {key})
    @Path("{key}/reports")
    public OrganisationOversightResource.Reports reports(@PathParam("key") String key) {
        return oversight(key).reports();
    }

    @Path("{key}/audit")
    public OrganisationOversightResource.Audit audit(@PathParam("key") String key) {
        return oversight(key).audit();
    }

    @Path("{key}/comparisons")
    public OrganisationOversightResource.Comparisons comparisons(@PathParam("key") String key) {
        return oversight(key).comparisons();
    }

    @Path("{key}/default-rights")
    public OrganisationOversightResource.DefaultRights defaultRights(@PathParam("key") String key) {
        return oversight(key).defaultRights();
    }

    @Path("{key}/bulk-uploads")
    public OrganisationOversightResource.BulkUploads bulkUploads(@PathParam("key") String key) {
        return oversight(key).bulkUploads();
    }

    private OrganisationOversightResource oversight(String key) {
        return new OrganisationOversightResource(call, administration.oversight(), administration.names(), key);
    }

    @GET
    @Path("{key}/rights")
    public Response grantableRights(@PathParam("key") String key) {
        return call.run(context -> Etags.json(new Representations.PageRep<>(administration.grants()
                .grantableRights(context, key).stream().map(Representations::right).toList(), null)));
    }
}
