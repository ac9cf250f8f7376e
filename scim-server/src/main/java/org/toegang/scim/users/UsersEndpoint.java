package org.toegang.scim.users;

import static org.toegang.scim.protocol.ScimMediaTypes.JSON;
import static org.toegang.scim.protocol.ScimMediaTypes.SCIM_JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.UserResource;
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
import java.util.ArrayList;
import java.util.List;
import org.toegang.scim.auth.Caller;
import org.toegang.core.directory.CursorSearches;
import org.toegang.scim.protocol.CursorResponse;
import org.toegang.scim.protocol.ETags;
import org.toegang.scim.protocol.ListQuery;
import org.toegang.scim.protocol.PatchRequests;
import org.toegang.scim.protocol.ScimLimits;
import org.toegang.scim.schema.ToegangUserExtension;

/** {@code /Users} (RFC 7644 §3): translation between HTTP and {@link UserService}, nothing more. */
@ResourceType(name = "User", description = "People in the Toegang directory", schema = UserResource.class,
        optionalSchemaExtensions = {EnterpriseUserExtension.class, ToegangUserExtension.class})
@Path("Users")
@Produces({SCIM_JSON, JSON})
public final class UsersEndpoint {
    public static final ResourceTypeDefinition DEFINITION = ResourceTypeDefinition.fromJaxRsResource(UsersEndpoint.class);

    private final UserService users;
    private final ScimLimits limits;
    private final CursorSearches cursors;

    public UsersEndpoint(UserService users, ScimLimits limits, CursorSearches cursors) {
        this.users = users;
        this.limits = limits;
        this.cursors = cursors;
    }

    @GET
    public Object search(@Context SecurityContext security, @Context UriInfo uriInfo) throws ScimException {
        ListQuery query = ListQuery.of(uriInfo, limits);
        if (query.byCursor()) {
            CursorSearches.Page<UserResource> page = users.page(caller(security), query, cursors);
            ResourcePreparer<UserResource> preparer = new ResourcePreparer<>(DEFINITION, uriInfo);
            List<GenericScimResource> resources = new ArrayList<>();
            for (UserResource user : page.items()) {
                resources.add(preparer.trimRetrievedResource(user));
            }
            return CursorResponse.of(resources, page.next(), page.estimate());
        }
        UserService.Page page = users.list(caller(security), query);
        ResourcePreparer<UserResource> preparer = new ResourcePreparer<>(DEFINITION, uriInfo);
        List<GenericScimResource> resources = new ArrayList<>();
        for (UserResource user : page.users()) {
            resources.add(preparer.trimRetrievedResource(user));
        }
        return new ListResponse<>(page.totalResults(), resources, page.startIndex(), resources.size());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @Context SecurityContext security, @Context UriInfo uriInfo) throws ScimException {
        UserResource user = users.get(caller(security), id);
        String version = user.getMeta().getVersion();
        if (ETags.matchesAny(ifNoneMatch, opaque(version))) {
            return Response.notModified().header(HttpHeaders.ETAG, version).build();
        }
        return ok(Response.ok(), user, new ResourcePreparer<UserResource>(DEFINITION, uriInfo).trimRetrievedResource(user));
    }

    @POST
    @Consumes({SCIM_JSON, JSON})
    public Response create(ObjectNode body, @Context SecurityContext security, @Context UriInfo uriInfo)
            throws ScimException {
        UserResource created = users.create(caller(security), body);
        ResourcePreparer<UserResource> preparer = new ResourcePreparer<>(DEFINITION, uriInfo);
        preparer.setResourceTypeAndLocation(created);
        GenericScimResource trimmed = preparer.trimCreatedResource(created, created);
        return ok(Response.status(Response.Status.CREATED).location(created.getMeta().getLocation()), created, trimmed);
    }

    @PUT
    @Path("{id}")
    @Consumes({SCIM_JSON, JSON})
    public Response replace(@PathParam("id") String id, ObjectNode body,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security,
                            @Context UriInfo uriInfo) throws ScimException {
        UserResource replaced = users.replace(caller(security), id, body, ifMatch);
        return ok(Response.ok(), replaced,
                new ResourcePreparer<UserResource>(DEFINITION, uriInfo).trimReplacedResource(replaced, replaced));
    }

    @PATCH
    @Path("{id}")
    @Consumes({SCIM_JSON, JSON})
    public Response modify(@PathParam("id") String id, ObjectNode body,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security,
                           @Context UriInfo uriInfo) throws ScimException {
        PatchRequest patch = PatchRequests.read(body, DEFINITION);
        UserResource modified = users.patch(caller(security), id, patch, ifMatch);
        return ok(Response.ok(), modified,
                new ResourcePreparer<UserResource>(DEFINITION, uriInfo).trimModifiedResource(modified, patch));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Context SecurityContext security) throws ScimException {
        users.delete(caller(security), id, ifMatch);
        return Response.noContent().build();
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    private static Response ok(Response.ResponseBuilder builder, UserResource user, GenericScimResource body) {
        return builder.header(HttpHeaders.ETAG, user.getMeta().getVersion()).entity(body).build();
    }

    private static String opaque(String etag) {
        return etag.substring(3, etag.length() - 1);
    }
}
