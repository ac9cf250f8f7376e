package org.toegang.launcher.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of the API's OpenAPI document, as the running API serves it. */
record OpenApiDocument(JsonNode root) {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One documented operation. */
    record Operation(String method, String path, String id, String access, boolean hasBody) {
        /** The path with every {parameter} replaced by its value. */
        String resolve(Map<String, String> values) {
            String resolved = path;
            for (Map.Entry<String, String> value : values.entrySet()) {
                resolved = resolved.replace("{" + value.getKey() + "}", value.getValue());
            }
            if (resolved.contains("{")) {
                throw new AssertionError("no value for a parameter of " + path);
            }
            return resolved;
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    static OpenApiDocument of(AdminApi api) {
        AdminApi.Answer answer = api.call("GET", "/openapi.json", null, null);
        if (answer.status() != 200) {
            throw new AssertionError("no OpenAPI document: " + answer);
        }
        return new OpenApiDocument(answer.json());
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    JsonNode operation = method.getValue();
                    operations.add(new Operation(method.getKey(), path.getKey(), operation.path("operationId").asText(),
                            operation.path("x-toegang-access").asText(), operation.has("requestBody")));
                }
            }
        }
        return operations;
    }
}
