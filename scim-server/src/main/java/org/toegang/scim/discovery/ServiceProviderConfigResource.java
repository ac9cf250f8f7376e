package org.toegang.scim.discovery;

import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.server.resources.AbstractServiceProviderConfigEndpoint;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.toegang.core.directory.CursorSearches;
import java.net.URI;
import java.util.List;
import org.toegang.scim.protocol.ScimLimits;

/**
 * {@code /ServiceProviderConfig} (RFC 7643 §5): what this server does, and its limits, which it
 * enforces. Passwords are not managed over SCIM (sign-in belongs to Keycloak).
 */
@Path("ServiceProviderConfig")
public final class ServiceProviderConfigResource extends AbstractServiceProviderConfigEndpoint {
    private final ScimLimits limits;

    public ServiceProviderConfigResource(ScimLimits limits) {
        this.limits = limits;
    }

    /**
     * The SDK's document with RFC 9865 §4's {@code pagination}: cursor paging (Users, Groups)
     * next to index paging, the page sizes, and how long an unused cursor stays valid. (No JAX-RS
     * annotations here, so the inherited {@code @GET} applies.)
     */
    @Override
    public GenericScimResource get(UriInfo uriInfo) throws ScimException {
        GenericScimResource config = super.get(uriInfo);
        config.getObjectNode().putObject("pagination").put("cursor", true).put("index", true)
                .put("defaultPaginationMethod", "index").put("defaultPageSize", limits.maxResults())
                .put("maxPageSize", limits.maxResults())
                .put("cursorTimeout", CursorSearches.TIMEOUT.toSeconds());
        return config;
    }

    @Override
    public com.unboundid.scim2.common.types.ServiceProviderConfigResource getServiceProviderConfig() {
        AuthenticationScheme bearer = new AuthenticationScheme("OAuth Bearer Token",
                "A bearer access token issued by the toegang realm (client credentials) for the toegang-scim "
                        + "resource client: its role read lets an application's client see only people holding "
                        + "that application's rights, its role provision lets a client see everyone and write",
                URI.create("https://www.rfc-editor.org/rfc/rfc6750"), null, "oauthbearertoken", true);
        return new com.unboundid.scim2.common.types.ServiceProviderConfigResource(
                "https://github.com/toegang/toegang#scim",
                new PatchConfig(true),
                new BulkConfig(true, limits.maxBulkOperations(), limits.maxBodyBytes()),
                new FilterConfig(true, limits.maxResults()),
                new ChangePasswordConfig(false),
                new SortConfig(true),
                new ETagConfig(true),
                List.of(bearer));
    }
}
