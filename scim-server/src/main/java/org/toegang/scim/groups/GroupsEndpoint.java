package org.toegang.scim.groups;

import static org.toegang.scim.protocol.ScimMediaTypes.JSON;
import static org.toegang.scim.protocol.ScimMediaTypes.SCIM_JSON;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.server.annotations.ResourceType;
import com.unboundid.scim2.server.utils.ResourcePreparer;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.toegang.core.directory.RightsQuery;
import org.toegang.core.model.Grant;
import org.toegang.scim.auth.Caller;
import org.toegang.scim.protocol.InMemoryQuery;
import org.toegang.scim.protocol.ListQuery;
import org.toegang.scim.protocol.ScimLimits;

/**
 * {@code /Groups}: one group per application, right (with its context value) and organisation,
 * whose members are the people for whom that right counts now. Read-only: rights are granted
 * through Toegang's delegated administration, so writes answer 405. An application's client
 * sees only its own application's groups.
 */
@ResourceType(name = "Group", schema = GroupResource.class,
        description = "Who holds which right for which organisation, one group per application, right and organisation; read-only")
@Path("Groups")
@Produces({SCIM_JSON, JSON})
public final class GroupsEndpoint {
    public static final ResourceTypeDefinition DEFINITION = ResourceTypeDefinition.fromJaxRsResource(GroupsEndpoint.class);

    private final RightsQuery rights;
    private final ScimLimits limits;
    private final Clock clock;

    public GroupsEndpoint(RightsQuery rights, ScimLimits limits, Clock clock) {
        this.rights = rights;
        this.limits = limits;
        this.clock = clock;
    }

    @GET
    public ListResponse<GenericScimResource> search(@Context SecurityContext security, @Context UriInfo uriInfo)
            throws ScimException {
        return InMemoryQuery.list(groups((Caller) security.getUserPrincipal(), uriInfo), DEFINITION,
                ListQuery.of(uriInfo, limits), uriInfo, limits);
    }

    @GET
    @Path("{id}")
    public GenericScimResource get(@PathParam("id") String id, @Context SecurityContext security,
                                   @Context UriInfo uriInfo) throws ScimException {
        for (GroupResource group : groups((Caller) security.getUserPrincipal(), uriInfo)) {
            if (group.getId().equals(id)) {
                return new ResourcePreparer<GroupResource>(DEFINITION, uriInfo).trimRetrievedResource(group);
            }
        }
        throw new ResourceNotFoundException("No Group with id " + id);
    }

    private List<GroupResource> groups(Caller caller, UriInfo uriInfo) {
        Map<String, List<Grant>> byGroup = new TreeMap<>();
        rights.activeGrantsByPerson(caller.application(), clock.instant()).values().forEach(grants -> grants
                .forEach(grant -> byGroup.computeIfAbsent(name(grant), key -> new ArrayList<>()).add(grant)));
        List<GroupResource> groups = new ArrayList<>();
        byGroup.forEach((name, grants) -> {
            GroupResource group = new GroupResource();
            group.setId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
            group.setDisplayName(name);
            group.setMembers(grants.stream().map(Grant::personId).distinct().sorted()
                    .map(person -> new Member().setValue(person).setType("User")
                            .setRef(uriInfo.getBaseUriBuilder().path("Users").path(person).build()))
                    .toList());
            Meta meta = new Meta();
            meta.setResourceType("Group");
            group.setMeta(meta);
            groups.add(group);
        });
        return groups;
    }

    /** {@code <application> <3D role>}, e.g. {@code dv_geoportaal GeoGebruiker-editor:OVO900001}. */
    static String name(Grant grant) {
        return grant.clientId() + " " + grant.toThreeDimensionalRole();
    }

}
