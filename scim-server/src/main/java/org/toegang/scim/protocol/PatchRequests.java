package org.toegang.scim.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a PATCH body (RFC 7644 §3.5.2) the way widely used clients send it, then lets the SDK
 * parse it. Two deviations are accepted because refusing them breaks real provisioning:
 * Microsoft Entra ID sends operation names capitalised ({@code "Replace"}), booleans as strings
 * ({@code "value":"False"} for {@code active}) and a single-valued complex attribute with a
 * {@code value} (the enterprise {@code manager}) as that value alone; see Microsoft's "Known
 * issues and resolutions with SCIM 2.0 compliance". Only strings that are exactly {@code true} or
 * {@code false} (in any case) for attributes the schema declares boolean, and strings given for
 * such a complex attribute, are converted; a value without a path whose keys are attribute paths
 * is split into one operation per path ({@link #byPath}); everything else goes to the SDK unchanged.
 */
public final class PatchRequests {
    private static final String OPERATIONS = "Operations";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private PatchRequests() {
    }

    /**
     * @throws BadRequestException with the scimType RFC 7644 §3.12 gives each mistake:
     *         invalidSyntax when the body is not a PatchOp request (wrong {@code schemas}, no
     *         operations, an unknown op), invalidPath when a path does not parse, noTarget for a
     *         remove without a path (§3.5.2.2), invalidValue for an add or replace without a value
     */
    public static PatchRequest read(ObjectNode body, ResourceTypeDefinition type) throws BadRequestException {
        if (body == null) {
            throw BadRequestException.invalidSyntax("The request needs a JSON object as its body");
        }
        ObjectNode copy = body.deepCopy();
        JsonNode schemas = copy.get("schemas");
        // Clients that leave "schemas" out are served; one that names another message is not a PatchOp.
        if (schemas != null && (!schemas.isArray() || !schemas.toString().contains(PATCH_OP))) {
            throw BadRequestException.invalidSyntax("A PATCH request's schemas must be [\"" + PATCH_OP + "\"], not "
                    + schemas);
        }
        JsonNode operations = copy.get(OPERATIONS);
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw BadRequestException.invalidSyntax("A PATCH request needs a non-empty \"Operations\" array");
        }
        ArrayNode expanded = copy.putArray(OPERATIONS);
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw BadRequestException.invalidSyntax("Each PATCH operation must be an object");
            }
            for (ObjectNode one : byPath((ObjectNode) operation, type)) {
                normalise(one, type);
                expanded.add(one);
            }
        }
        try {
            return JsonUtils.nodeToValue(copy, PatchRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestException.invalidSyntax("Malformed PATCH request: " + e.getMessage());
        }
    }

    /**
     * The request as it takes effect on {@code current}. RFC 7644 §3.5.2.1: an "add" whose target
     * is a single-valued attribute that already has a value replaces it. The SDK refuses that when
     * the path carries a value filter ({@code emails[type eq "work"].value}), which Entra ID sends
     * for values that exist, so such an add becomes a replace where, at its turn in the sequence,
     * the filtered value exists. Check and apply the result, so both see the same operations.
     */
    public static PatchRequest effective(PatchRequest patch, ObjectNode current) throws BadRequestException {
        ObjectNode state = current.deepCopy();
        List<PatchOperation> operations = new ArrayList<>();
        boolean simulating = true;
        for (PatchOperation operation : patch.getOperations()) {
            PatchOperation effective = operation;
            try {
                if (simulating) {
                    Path path = operation.getPath();
                    if (operation.getOpType() == PatchOpType.REMOVE && path != null && hasValueFilter(path)
                            && !JsonUtils.pathExists(path, state)) {
                        // §3.12 noTarget: "the specified path contains a filter that yields no match"
                        throw BadRequestException.noTarget("No value matches " + path);
                    }
                    if (operation.getOpType() == PatchOpType.ADD && path != null && path.size() > 1
                            && hasValueFilter(path) && JsonUtils.pathExists(path, state)) {
                        effective = PatchOperation.replace(path, operation.getJsonNode());
                    }
                    effective.apply(state);
                }
            } catch (BadRequestException e) {
                if (BadRequestException.NO_TARGET.equals(e.getScimError().getScimType())) {
                    throw e;
                }
                simulating = false; // the schema check reports this operation; leave the rest as sent
            } catch (ScimException e) {
                simulating = false; // the schema check reports this operation; leave the rest as sent
            }
            operations.add(effective);
        }
        return new PatchRequest(operations);
    }

    /**
     * Rewrites the older Entra ID form of removing members, {@code {"op":"Remove","path":"members",
     * "value":[{"value":"id"}]}}, which the SDK would read as "remove all members" (RFC 7644
     * §3.5.2.2 defines no value for remove), into one {@code members[value eq "id"]} removal per
     * value that {@code current} holds. A value it does not hold is already removed, so it is
     * left out rather than refused: the path carries no filter that could fail to match. Values
     * become filter literals as JSON strings, so quotes and brackets in them cannot change the path.
     *
     * @return the body with such operations rewritten (possibly with no operations left); null for null
     */
    public static ObjectNode removalsByValue(ObjectNode body, ObjectNode current) {
        if (body == null || !body.path(OPERATIONS).isArray()) {
            return body;
        }
        ObjectNode copy = body.deepCopy();
        ArrayNode rewritten = copy.putArray(OPERATIONS);
        for (JsonNode operation : body.path(OPERATIONS)) {
            JsonNode path = operation.path("path");
            JsonNode values = operation.path("value");
            boolean byValue = operation.path("op").asText("").equalsIgnoreCase("remove") && path.isTextual()
                    && path.textValue().matches("[A-Za-z][A-Za-z0-9_$-]*") && values.isArray() && !values.isEmpty();
            if (!byValue) {
                rewritten.add(operation);
                continue;
            }
            JsonNode held = field(current, path.textValue());
            for (JsonNode value : values) {
                String text = value.isObject() ? value.path("value").asText(null) : value.asText(null);
                boolean present = text != null && held.isArray() && java.util.stream.StreamSupport
                        .stream(held.spliterator(), false).anyMatch(v -> text.equals(v.path("value").asText(null)));
                if (present) {
                    rewritten.addObject().put("op", "remove").put("path", path.textValue() + "[value eq "
                            + com.fasterxml.jackson.databind.node.TextNode.valueOf(text) + "]");
                }
            }
        }
        return copy;
    }

    private static JsonNode field(ObjectNode object, String name) {
        var names = object.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return object.get(candidate);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /**
     * Turns the SDK's schema check of a PATCH into the scimType RFC 7644 §3.12 gives each
     * problem: a read-only attribute is {@code mutability}, an attribute that does not exist
     * {@code invalidPath}, a value of the wrong type {@code invalidValue} ("not compatible with
     * the operation or attribute type"), where the SDK would answer {@code invalidSyntax} for all
     * but the first.
     */
    public static void throwIssues(SchemaChecker.Results results) throws BadRequestException {
        throwIssues(results, issue -> false);
    }

    /** As {@link #throwIssues(SchemaChecker.Results)}, ignoring the mutability issues {@code ignored} accepts. */
    public static void throwIssues(SchemaChecker.Results results, java.util.function.Predicate<String> ignored)
            throws BadRequestException {
        List<String> mutability = results.getMutabilityIssues().stream().filter(ignored.negate()).toList();
        if (!mutability.isEmpty()) {
            throw BadRequestException.mutability(String.join(", ", mutability));
        }
        if (!results.getPathIssues().isEmpty() || !results.getFilterIssues().isEmpty()) {
            List<String> issues = new ArrayList<>(results.getPathIssues());
            issues.addAll(results.getFilterIssues());
            throw BadRequestException.invalidPath(String.join(", ", issues));
        }
        if (!results.getSyntaxIssues().isEmpty()) {
            throw BadRequestException.invalidValue(String.join(", ", results.getSyntaxIssues()));
        }
    }

    private static boolean hasValueFilter(Path path) {
        for (Path.Element element : path) {
            if (element.getValueFilter() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Entra ID also sends an add or replace without a path whose value names attribute paths as
     * its keys ({@code {"name.givenName":"An","emails[type eq \"work\"].value":"an@x.org",
     * "urn:…:enterprise:2.0:User:department":"ICT"}}). No attribute name holds a dot or a bracket
     * (RFC 7643 §2.1), and a URN key that is no schema of the resource type names an extension
     * attribute, so such a key cannot mean anything else: each becomes an operation of its own on
     * that path, after the operation with the plain keys (if any remain). Only an add or a replace
     * is split: a remove without a path stays refused as noTarget (RFC 7644 §3.5.2.2).
     */
    private static List<ObjectNode> byPath(ObjectNode operation, ResourceTypeDefinition type) {
        JsonNode op = operation.path("op");
        JsonNode path = operation.get("path");
        JsonNode value = operation.get("value");
        boolean addOrReplace = op.isTextual()
                && (op.textValue().equalsIgnoreCase("add") || op.textValue().equalsIgnoreCase("replace"));
        boolean noPath = path == null || path.isNull() || path.isTextual() && path.textValue().isBlank();
        if (!addOrReplace || !noPath || value == null || !value.isObject()) {
            return List.of(operation);
        }
        ObjectNode plain = JsonUtils.getJsonNodeFactory().objectNode();
        List<ObjectNode> byPath = new ArrayList<>();
        value.fields().forEachRemaining(field -> {
            if (isPath(field.getKey(), type)) {
                byPath.add(JsonUtils.getJsonNodeFactory().objectNode().put("op", op.textValue())
                        .put("path", field.getKey()).set("value", field.getValue()));
            } else {
                plain.set(field.getKey(), field.getValue());
            }
        });
        if (byPath.isEmpty()) {
            return List.of(operation);
        }
        List<ObjectNode> all = new ArrayList<>();
        if (!plain.isEmpty()) {
            all.add(operation.deepCopy().set("value", plain));
        }
        all.addAll(byPath);
        return all;
    }

    private static boolean isPath(String key, ResourceTypeDefinition type) {
        if (key.regionMatches(true, 0, "urn:", 0, 4)) {
            return !type.getCoreSchema().getId().equalsIgnoreCase(key) && type.getSchemaExtensions().keySet().stream()
                    .noneMatch(extension -> extension.getId().equalsIgnoreCase(key));
        }
        return key.indexOf('.') >= 0 || key.indexOf('[') >= 0;
    }

    private static void normalise(ObjectNode operation, ResourceTypeDefinition type) throws BadRequestException {
        JsonNode op = operation.get("op");
        if (op == null || !op.isTextual()) {
            throw BadRequestException.invalidSyntax("Each PATCH operation needs an \"op\": add, remove or replace");
        }
        String name = op.textValue().toLowerCase(Locale.ROOT);
        operation.put("op", name);
        JsonNode pathText = operation.get("path");
        boolean hasPath = pathText != null && pathText.isTextual() && !pathText.textValue().isBlank();
        JsonNode value = operation.get("value");
        if (name.equals("remove") && !hasPath) {
            throw BadRequestException.noTarget("A remove operation needs a \"path\" naming what to remove");
        }
        if ((name.equals("add") || name.equals("replace")) && (value == null || value.isNull())) {
            throw BadRequestException.invalidValue("The " + name + " operation"
                    + (hasPath ? " on " + pathText.textValue() : "") + " needs a \"value\"");
        }
        if (value == null) {
            return;
        }
        Path path = Path.root();
        if (hasPath) {
            path = Path.fromString(pathText.textValue());
        }
        operation.set("value", coerced(value, path, type));
    }

    /** The value with the deviations above corrected, at {@code path} and below. */
    private static JsonNode coerced(JsonNode value, Path path, ResourceTypeDefinition type) {
        if (value.isTextual()) {
            AttributeDefinition definition = path.isRoot() ? null : type.getAttributeDefinition(path);
            String text = value.textValue();
            if (definition != null && definition.getType() == AttributeDefinition.Type.BOOLEAN
                    && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                return BooleanNode.valueOf(text.equalsIgnoreCase("true"));
            }
            if (definition != null && definition.getType() == AttributeDefinition.Type.COMPLEX
                    && !definition.isMultiValued() && definition.getSubAttributes() != null
                    && definition.getSubAttributes().stream().anyMatch(sub -> sub.getName().equals("value"))) {
                // Entra ID sends the enterprise "manager" as its bare id rather than {"value": id}; the
                // SDK's schema requires its "$ref" too, which for a manager is a User of this type.
                ObjectNode wrapped = JsonUtils.getJsonNodeFactory().objectNode().put("value", text);
                if (definition.getSubAttributes().stream().anyMatch(sub -> sub.getName().equals("$ref"))) {
                    wrapped.put("$ref", type.getEndpoint() + "/" + text);
                }
                return wrapped;
            }
            return value;
        }
        if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, coerced(array.get(i), path, type));
            }
            return array;
        }
        if (value.isObject()) {
            ObjectNode object = (ObjectNode) value;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, coerced(object.get(name), child(path, name, type), type));
            }
        }
        return value;
    }

    private static Path child(Path parent, String name, ResourceTypeDefinition type) {
        if (parent.isRoot() && name.toLowerCase(Locale.ROOT).startsWith("urn:")) {
            boolean schema = type.getCoreSchema().getId().equalsIgnoreCase(name) || type.getSchemaExtensions().keySet()
                    .stream().anyMatch(extension -> extension.getId().equalsIgnoreCase(name));
            if (schema) {
                return Path.root(name);
            }
            try {
                return Path.fromString(name); // an extension schema, or "urn:…:User:attribute"
            } catch (BadRequestException e) {
                return Path.root(name);
            }
        }
        return parent.attribute(name);
    }
}
