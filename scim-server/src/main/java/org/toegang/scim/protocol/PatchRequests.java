package org.toegang.scim.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a PATCH body (RFC 7644 §3.5.2) the way widely used clients send it, then lets the SDK
 * parse it. Two deviations are accepted because refusing them breaks real provisioning:
 * Microsoft Entra ID sends operation names capitalised ({@code "Replace"}) and booleans as
 * strings ({@code "value":"False"} for {@code active}); see Microsoft's "Known issues and
 * resolutions with SCIM 2.0 compliance" (flag {@code aadOptscim062020} documents the former).
 * Only strings that are exactly {@code true} or {@code false} (in any case) for attributes the
 * schema declares boolean are converted; everything else goes to the SDK unchanged.
 */
public final class PatchRequests {
    private static final String OPERATIONS = "Operations";

    private PatchRequests() {
    }

    /**
     * @throws BadRequestException invalidSyntax when the body is not a PatchOp request, invalidPath
     *         when a path does not parse
     */
    public static PatchRequest read(ObjectNode body, ResourceTypeDefinition type) throws BadRequestException {
        ObjectNode copy = body.deepCopy();
        JsonNode operations = copy.get(OPERATIONS);
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw BadRequestException.invalidSyntax("A PATCH request needs a non-empty \"Operations\" array");
        }
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw BadRequestException.invalidSyntax("Each PATCH operation must be an object");
            }
            normalise((ObjectNode) operation, type);
        }
        try {
            return JsonUtils.nodeToValue(copy, PatchRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestException.invalidSyntax("Malformed PATCH request: " + e.getMessage());
        }
    }

    private static void normalise(ObjectNode operation, ResourceTypeDefinition type) throws BadRequestException {
        JsonNode op = operation.get("op");
        if (op != null && op.isTextual()) {
            operation.put("op", op.textValue().toLowerCase(Locale.ROOT));
        }
        JsonNode value = operation.get("value");
        if (value == null) {
            return;
        }
        JsonNode pathText = operation.get("path");
        Path path = Path.root();
        if (pathText != null && pathText.isTextual() && !pathText.textValue().isBlank()) {
            path = Path.fromString(pathText.textValue());
        }
        operation.set("value", booleans(value, path, type));
    }

    /** The value with boolean-typed strings turned into booleans, at {@code path} and below. */
    private static JsonNode booleans(JsonNode value, Path path, ResourceTypeDefinition type) {
        if (value.isTextual()) {
            AttributeDefinition definition = path.isRoot() ? null : type.getAttributeDefinition(path);
            String text = value.textValue();
            if (definition != null && definition.getType() == AttributeDefinition.Type.BOOLEAN
                    && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                return BooleanNode.valueOf(text.equalsIgnoreCase("true"));
            }
            return value;
        }
        if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, booleans(array.get(i), path, type));
            }
            return array;
        }
        if (value.isObject()) {
            ObjectNode object = (ObjectNode) value;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, booleans(object.get(name), child(path, name, type), type));
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
