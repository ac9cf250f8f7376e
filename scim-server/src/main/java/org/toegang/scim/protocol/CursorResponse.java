package org.toegang.scim.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A ListResponse page for cursor paging (RFC 9865 §2.2): {@code nextCursor} while more pages
 * follow, absent on the last; no {@code previousCursor}, because the directory's paged results
 * (RFC 2696) only move forward; {@code totalResults} only when the directory estimates it.
 */
public final class CursorResponse {
    /** RFC 9865 §2.4: a cursor that is not (or no longer) valid. */
    public static final String EXPIRED_CURSOR = "expiredCursor";

    private CursorResponse() {
    }

    public static ObjectNode of(List<GenericScimResource> resources, Optional<String> next, OptionalInt total) {
        ObjectNode response = JsonUtils.getJsonNodeFactory().objectNode();
        response.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        total.ifPresent(value -> response.put("totalResults", value));
        response.put("itemsPerPage", resources.size());
        next.ifPresent(cursor -> response.put("nextCursor", cursor));
        ArrayNode list = response.putArray("Resources");
        resources.forEach(resource -> list.add(resource.getObjectNode()));
        return response;
    }
}
