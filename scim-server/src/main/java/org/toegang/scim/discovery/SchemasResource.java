package org.toegang.scim.discovery;

import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.resources.SchemasEndpoint;
import jakarta.ws.rs.Path;
import java.util.Collection;

/** {@code /Schemas} (RFC 7644 §4), from the resource types actually served. */
@Path("Schemas")
public final class SchemasResource extends SchemasEndpoint {
    @Override
    public Collection<SchemaResource> getSchemas() {
        return Discovery.schemas();
    }
}
