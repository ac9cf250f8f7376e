package org.toegang.scim.groups;

import static org.toegang.scim.protocol.ScimMediaTypes.JSON;
import static org.toegang.scim.protocol.ScimMediaTypes.SCIM_JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.utils.ApiConstants;
import com.unboundid.scim2.server.PATCH;
import com.unboundid.scim2.server.annotations.ResourceType;
import com.unboundid.scim2.server.utils.ResourcePreparer;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.toegang.scim.auth.Caller;
import org.toegang.core.directory.CursorSearches;
import org.toegang.scim.protocol.CursorResponse;
import org.toegang.scim.protocol.ETags;
import org.toegang.scim.protocol.ListQuery;
import org.toegang.scim.protocol.ScimLimits;

/**
 * {@code /Groups} (RFC 7644 §3): translation between HTTP and {@link GroupService}, nothing more.
 * Plain groups are written by provisioning clients; the derived rights groups (one per
 * application, right and organisation) are read-only.
 */
@ResourceType(name = "Group", schema = GroupResource.class,
        description = "Plain groups written by provisioning clients, and one read-only group per application, right "
                + "and organisation whose members hold that right now")
@Path("Groups")
@Produces({SCIM_JSON, JSON})
public final class GroupsEndpoint {
    public static final ResourceTypeDefinition DEFINITION = ResourceTypeDefinition.fromJaxRsResource(GroupsEndpoint.class);

    private final GroupService groups;
    private final ScimLimits limits;
    private final CursorSearches cursors;

    public GroupsEndpoint(GroupService groups, ScimLimits limits, CursorSearches cursors) {
        this.groups = groups;
        this.limits = limits;
        this.cursors = cursors;
    }

    @GET
    public Object search(@Context SecurityContext security, @Context UriInfo uriInfo) throws ScimException {
        ListQuery query = ListQuery.of(uriInfo, limits);
        if (query.byCursor()) {
            CursorSearches.Page<GroupResource> page = groups.page(caller(security), query, users(uriInfo),
                    showsMembers(uriInfo), cursors);
            ResourcePreparer<GroupResource> preparer = new ResourcePreparer<>(DEFINITION, uriInfo);
            List<GenericScimResource> resources = new ArrayList<>();
            for (GroupResource group : page.items()) {
                resources.add(preparer.trimRetrievedResource(group));
            }
            return CursorResponse.of(resources, page.next(), page.estimate());
        }
        GroupService.Page page = groups.list(caller(security), query, users(uriInfo), showsMembers(uriInfo));
        ResourcePreparer<GroupResource> preparer = new ResourcePreparer<>(DEFINITION, uriInfo);
        List<GenericScimResource> resources = new ArrayList<>();
        for (GroupResource group : page.groups()) {
            resources.add(preparer.trimRetrievedResource(group));
        }
        return new ListResponse<>(page.totalResults(), resources, query.startIndex(), resources.size());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @Context SecurityContext security, @Context UriInfo uriInfo) throws ScimException {
        GroupResource group = groups.get(caller(security), id, users(uriInfo));
        String version = group.getMeta().getVersion();
        if (version != null && ETags.matchesAny(ifNoneMatch, opaque(version))) {
            return Response.notModified().header(HttpHeaders.ETAG, version).build();
        }
        return ok(Response.ok(), group, new ResourcePreparer<GroupResource>(DEFINITION, uriInfo).trimRetrievedResource(group));
    }

    @POST
    @Consumes({SCIM_JSON, JSON})
    public Response create(ObjectNode body, @Context SecurityContext security, @Context UriInfo uriInfo)
            throws ScimException {
        GroupResource created = groups.create(caller(security), body, users(uriInfo));
        ResourcePreparer<GroupResource> preparer = new ResourcePreparer<>(DEFINITION, uriInfo);
        preparer.setResourceTypeAndLocation(created);
        return ok(Response.status(Response.Status.CREATED).location(created.getMeta().getLocation()), created,
                preparer.trimCreatedResource(created, created));
    }

    @PUT
    @Path("{id}")
    @Consumes({SCIM_JSON, JSON})
    public Response replace(@PathParam("id") String id, ObjectNode body,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security,
                            @Context UriInfo uriInfo) throws ScimException {
        GroupResource replaced = groups.replace(caller(security), id, body, ifMatch, users(uriInfo));
        return ok(Response.ok(), replaced,
                new ResourcePreparer<GroupResource>(DEFINITION, uriInfo).trimReplacedResource(replaced, replaced));
    }

    @PATCH
    @Path("{id}")
    @Consumes({SCIM_JSON, JSON})
    public Response modify(@PathParam("id") String id, ObjectNode body,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security,
                           @Context UriInfo uriInfo) throws ScimException {
        GroupResource modified = groups.patch(caller(security), id, body, ifMatch, users(uriInfo));
        return ok(Response.ok(), modified,
                new ResourcePreparer<GroupResource>(DEFINITION, uriInfo).trimRetrievedResource(modified));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Context SecurityContext security, @Context UriInfo uriInfo) throws ScimException {
        groups.delete(caller(security), id, ifMatch, users(uriInfo));
        return Response.noContent().build();
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    /** The Users endpoint with a trailing slash, which members' {@code $ref} resolve against (also for /Bulk). */
    public static URI users(UriInfo uriInfo) {
        return uriInfo.getBaseUriBuilder().path("Users").path("/").build();
    }

    /** Whether the answer shows members: not when excluded, nor when other attributes alone are asked for. */
    private static boolean showsMembers(UriInfo uriInfo) {
        String attributes = uriInfo.getQueryParameters().getFirst(ApiConstants.QUERY_PARAMETER_ATTRIBUTES);
        String excluded = uriInfo.getQueryParameters().getFirst(ApiConstants.QUERY_PARAMETER_EXCLUDED_ATTRIBUTES);
        if (attributes != null && !attributes.isBlank()) {
            return names(attributes).stream().anyMatch(name -> name.equals("members") || name.startsWith("members."));
        }
        return excluded == null || !names(excluded).contains("members");
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(name -> name.strip().toLowerCase(Locale.ROOT)
                .replace(GroupFilterTranslator.CORE_URN.toLowerCase(Locale.ROOT) + ":", "")).toList();
    }

    private static Response ok(Response.ResponseBuilder builder, GroupResource group, GenericScimResource body) {
        String version = group.getMeta() == null ? null : group.getMeta().getVersion();
        return (version == null ? builder : builder.header(HttpHeaders.ETAG, version)).entity(body).build();
    }

    private static String opaque(String etag) {
        return etag.substring(3, etag.length() - 1);
    }
}
