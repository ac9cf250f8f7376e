package org.toegang.scim.discovery;

import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.server.resources.ResourceTypesEndpoint;
import jakarta.ws.rs.Path;
import java.util.Collection;

/** {@code /ResourceTypes} (RFC 7644 §4): Users, Groups and Organisations. */
@Path("ResourceTypes")
public final class ResourceTypesResource extends ResourceTypesEndpoint {
    @Override
    public Collection<ResourceTypeResource> getResourceTypes() {
        return Discovery.resourceTypes();
    }
}
