package org.toegang.scim.discovery;

import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.toegang.scim.groups.GroupsEndpoint;
import org.toegang.scim.organisations.OrganisationsEndpoint;
import org.toegang.scim.users.UsersEndpoint;

/** The resource types this server serves, and their schemas: the one list discovery reads. */
final class Discovery {
    static final List<ResourceTypeDefinition> TYPES =
            List.of(UsersEndpoint.DEFINITION, GroupsEndpoint.DEFINITION, OrganisationsEndpoint.DEFINITION);

    private Discovery() {
    }

    static List<ResourceTypeResource> resourceTypes() {
        return TYPES.stream().map(ResourceTypeDefinition::toScimResource).map(Discovery::rooted).toList();
    }

    /**
     * The SDK takes the endpoint from the JAX-RS path ({@code Users}); RFC 7643 §6 and every
     * example give it relative to the base URL with a leading slash ({@code /Users}), and clients
     * append it to the base URL as given.
     */
    private static ResourceTypeResource rooted(ResourceTypeResource type) {
        String endpoint = type.getEndpoint().toString();
        if (endpoint.startsWith("/")) {
            return type;
        }
        ResourceTypeResource copy = new ResourceTypeResource(type.getId(), type.getName(), type.getDescription(),
                URI.create("/" + endpoint), type.getSchema(), type.getSchemaExtensions());
        copy.setMeta(type.getMeta());
        return copy;
    }

    static List<SchemaResource> schemas() {
        Map<String, SchemaResource> schemas = new LinkedHashMap<>();
        for (ResourceTypeDefinition type : TYPES) {
            schemas.putIfAbsent(type.getCoreSchema().getId(), type.getCoreSchema());
            type.getSchemaExtensions().keySet().forEach(schema -> schemas.putIfAbsent(schema.getId(), schema));
        }
        return List.copyOf(schemas.values());
    }
}
