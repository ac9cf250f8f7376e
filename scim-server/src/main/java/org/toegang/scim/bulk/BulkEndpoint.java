package org.toegang.scim.bulk;

import static org.toegang.scim.protocol.ScimMediaTypes.JSON;
import static org.toegang.scim.protocol.ScimMediaTypes.SCIM_JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.MethodNotAllowedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.toegang.scim.auth.Caller;
import org.toegang.scim.groups.GroupService;
import org.toegang.scim.groups.GroupsEndpoint;
import org.toegang.scim.protocol.PatchRequests;
import org.toegang.scim.protocol.ScimErrors;
import org.toegang.scim.protocol.ScimLimits;
import org.toegang.scim.users.UserService;
import org.toegang.scim.users.UsersEndpoint;

/**
 * {@code /Bulk} (RFC 7644 §3.7): runs the operations in order through the same services as
 * {@code /Users} and {@code /Groups}, resolves {@code bulkId:} references to the ids earlier
 * operations created (a new group's members may be people created before it in the same request,
 * as in the RFC's example), and stops once {@code failOnErrors} errors occurred. Organisations are
 * read-only, so operations on them fail with 405 individually.
 */
@Path("Bulk")
@Produces({SCIM_JSON, JSON})
public final class BulkEndpoint {
    static final String REQUEST_URN = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    static final String RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    private static final Pattern TARGET = Pattern.compile("^/?(Users|Groups)(?:/([^/]+))?$");
    private static final Pattern REFERENCE = Pattern.compile("bulkId:([A-Za-z0-9._~-]+)");

    private final UserService users;
    private final GroupService groups;
    private final ScimLimits limits;

    public BulkEndpoint(UserService users, GroupService groups, ScimLimits limits) {
        this.users = users;
        this.groups = groups;
        this.limits = limits;
    }

    /** What an operation wrote: the resource's endpoint, id and version (null when it tells none). */
    private record Written(String endpoint, String id, String version) {
        static Written of(String endpoint, BaseScimResource resource) {
            return new Written(endpoint, resource.getId(),
                    resource.getMeta() == null ? null : resource.getMeta().getVersion());
        }
    }

    @POST
    @Consumes({SCIM_JSON, JSON})
    public Response bulk(ObjectNode request, @Context SecurityContext security, @Context UriInfo uriInfo)
            throws ScimException {
        UserService.requireBody(request);
        if (!containsText(request.get("schemas"), REQUEST_URN)) {
            throw BadRequestException.invalidSyntax("A bulk request must declare the schema " + REQUEST_URN);
        }
        JsonNode operations = request.get("Operations");
        if (operations == null || !operations.isArray()) {
            throw BadRequestException.invalidSyntax("A bulk request needs an Operations array");
        }
        if (operations.size() > limits.maxBulkOperations()) {
            throw new ScimException(413, null, "A bulk request may hold at most " + limits.maxBulkOperations()
                    + " operations; this one holds " + operations.size());
        }
        requireDistinctBulkIds(operations);
        int failOnErrors = request.path("failOnErrors").asInt(Integer.MAX_VALUE);
        if (failOnErrors < 1) {
            failOnErrors = Integer.MAX_VALUE;
        }
        Caller caller = (Caller) security.getUserPrincipal();
        Map<String, String> created = new HashMap<>();
        ArrayNode results = JsonUtils.getJsonNodeFactory().arrayNode();
        int errors = 0;
        for (JsonNode operation : operations) {
            ObjectNode result = results.addObject();
            String method = operation.path("method").asText("").toUpperCase(java.util.Locale.ROOT);
            result.put("method", method);
            String bulkId = operation.hasNonNull("bulkId") ? operation.get("bulkId").asText() : null;
            if (bulkId != null) {
                result.put("bulkId", bulkId);
            }
            try {
                Written written = run(caller, method, bulkId, operation, created, GroupsEndpoint.users(uriInfo));
                if (written != null) {
                    result.put("location", uriInfo.getBaseUriBuilder().path(written.endpoint()).path(written.id())
                            .build().toString());
                    if (written.version() != null) {
                        result.put("version", written.version());
                    }
                }
                result.put("status", method.equals("POST") ? "201" : method.equals("DELETE") ? "204" : "200");
            } catch (ScimException | RuntimeException e) {
                ScimException scim = ScimErrors.toScim(e);
                result.put("status", String.valueOf(scim.getScimError().getStatus()));
                result.set("response", JsonUtils.valueToNode(scim.getScimError()));
                if (++errors >= failOnErrors) {
                    break;
                }
            }
        }
        ObjectNode response = JsonUtils.getJsonNodeFactory().objectNode();
        response.putArray("schemas").add(RESPONSE_URN);
        response.set("Operations", results);
        return Response.ok(response).build();
    }

    /** @param usersUri the Users endpoint with a trailing slash, for group members' {@code $ref} */
    private Written run(Caller caller, String method, String bulkId, JsonNode operation, Map<String, String> created,
                        URI usersUri) throws ScimException {
        String path = resolve(operation.path("path").asText(""), created);
        Matcher target = TARGET.matcher(path);
        if (!target.matches()) {
            throw new MethodNotAllowedException("Bulk writes go to /Users and /Groups, not " + path);
        }
        String endpoint = target.group(1);
        boolean group = endpoint.equals("Groups");
        String id = target.group(2);
        String version = operation.hasNonNull("version") ? operation.get("version").asText() : null;
        JsonNode data = operation.get("data");
        switch (method) {
            case "POST" -> {
                if (id != null) {
                    throw new MethodNotAllowedException("POST goes to /" + endpoint + ", not " + path);
                }
                if (bulkId == null) {
                    throw BadRequestException.invalidValue("A bulk POST needs a bulkId");
                }
                ObjectNode body = (ObjectNode) resolve(object(data), created);
                Written written = Written.of(endpoint,
                        group ? groups.create(caller, body, usersUri) : users.create(caller, body));
                created.put(bulkId, written.id());
                return written;
            }
            case "PUT" -> {
                ObjectNode body = (ObjectNode) resolve(object(data), created);
                return Written.of(endpoint, group ? groups.replace(caller, required(id, path), body, version, usersUri)
                        : users.replace(caller, required(id, path), body, version));
            }
            case "PATCH" -> {
                ObjectNode body = (ObjectNode) resolve(object(data), created);
                return Written.of(endpoint, group ? groups.patch(caller, required(id, path), body, version, usersUri)
                        : users.patch(caller, required(id, path), PatchRequests.read(body, UsersEndpoint.DEFINITION),
                                version));
            }
            case "DELETE" -> {
                if (group) {
                    groups.delete(caller, required(id, path), version, usersUri);
                } else {
                    users.delete(caller, required(id, path), version);
                }
                return null;
            }
            default -> throw BadRequestException.invalidSyntax("Unknown bulk method " + method);
        }
    }

    /**
     * A bulkId names one operation (RFC 7644 §3.7): with two of the same, a reference could mean
     * either, so the request is refused before anything runs.
     */
    private static void requireDistinctBulkIds(JsonNode operations) throws BadRequestException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode operation : operations) {
            if (operation.hasNonNull("bulkId") && !seen.add(operation.get("bulkId").asText())) {
                throw BadRequestException.invalidValue("bulkId " + operation.get("bulkId").asText()
                        + " is used by more than one operation; each operation needs its own");
            }
        }
    }

    private static ObjectNode object(JsonNode data) throws BadRequestException {
        if (data == null || !data.isObject()) {
            throw BadRequestException.invalidSyntax("This bulk operation needs a data object");
        }
        return (ObjectNode) data;
    }

    private static String required(String id, String path) throws BadRequestException {
        if (id == null) {
            throw BadRequestException.invalidPath("This bulk operation needs a path with an id (/Users/{id}, "
                    + "/Groups/{id}), not " + path);
        }
        return id;
    }

    private static JsonNode resolve(JsonNode data, Map<String, String> created) throws BadRequestException {
        try {
            String text = JsonUtils.getObjectWriter().writeValueAsString(data);
            return JsonUtils.getObjectReader().readTree(resolve(text, created));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw BadRequestException.invalidSyntax("Malformed bulk data: " + e.getOriginalMessage());
        }
    }

    /** Replaces every {@code bulkId:x} with the id the operation with bulkId x created (RFC 7644 §3.7.2). */
    private static String resolve(String text, Map<String, String> created) throws BadRequestException {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String id = created.get(reference.group(1));
            if (id == null) {
                throw BadRequestException.invalidValue("bulkId " + reference.group(1)
                        + " refers to no operation that succeeded before this one");
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(id));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }

    private static boolean containsText(JsonNode array, String value) {
        if (array == null || !array.isArray()) {
            return false;
        }
        for (JsonNode element : array) {
            if (value.equalsIgnoreCase(element.asText())) {
                return true;
            }
        }
        return false;
    }
}
