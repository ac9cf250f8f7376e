package org.toegang.scim.organisations;

import static org.toegang.scim.protocol.ScimMediaTypes.JSON;
import static org.toegang.scim.protocol.ScimMediaTypes.SCIM_JSON;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.server.annotations.ResourceType;
import com.unboundid.scim2.server.utils.ResourcePreparer;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.model.Organisation;
import org.toegang.scim.protocol.InMemoryQuery;
import org.toegang.scim.protocol.ListQuery;
import org.toegang.scim.protocol.ScimLimits;
import org.toegang.scim.schema.OrganisationResource;

/** {@code /Organisations}: the organisations known to Toegang, keyed by their key; read-only. */
@ResourceType(name = "Organisation", schema = OrganisationResource.class,
        description = "Organisations (government entities, local governments, companies...); read-only")
@Path("Organisations")
@Produces({SCIM_JSON, JSON})
public final class OrganisationsEndpoint {
    public static final ResourceTypeDefinition DEFINITION =
            ResourceTypeDefinition.fromJaxRsResource(OrganisationsEndpoint.class);

    private final DirectoryRepository repository;
    private final ScimLimits limits;

    public OrganisationsEndpoint(DirectoryRepository repository, ScimLimits limits) {
        this.repository = repository;
        this.limits = limits;
    }

    @GET
    public ListResponse<GenericScimResource> search(@Context UriInfo uriInfo) throws ScimException {
        List<OrganisationResource> all = repository.allOrganisations().stream().map(OrganisationsEndpoint::toScim).toList();
        return InMemoryQuery.list(all, DEFINITION, ListQuery.of(uriInfo, limits), uriInfo, limits);
    }

    @GET
    @Path("{id}")
    public GenericScimResource get(@PathParam("id") String id, @Context UriInfo uriInfo) throws ScimException {
        Organisation organisation = repository.findOrganisation(id)
                .orElseThrow(() -> new ResourceNotFoundException("No Organisation with id " + id));
        return new ResourcePreparer<OrganisationResource>(DEFINITION, uriInfo).trimRetrievedResource(toScim(organisation));
    }

    static OrganisationResource toScim(Organisation organisation) {
        OrganisationResource resource = new OrganisationResource().setKey(organisation.key())
                .setDisplayName(organisation.name()).setTargetGroup(organisation.targetGroup().code())
                .setParent(organisation.parentKey().orElse(null));
        resource.setId(organisation.key());
        Meta meta = new Meta();
        meta.setResourceType("Organisation");
        resource.setMeta(meta);
        return resource;
    }
}
