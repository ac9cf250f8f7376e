package org.toegang.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.keycloak.admin.AdminApiResource;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * The OpenAPI document and the running API are the same API: every documented operation exists
 * and answers (without a token: 401 as a problem document, never 404 or 405; the document itself:
 * 200), and the resource classes the API is made of declare no operation the document lacks.
 */
@ExtendWith(ToegangStackExtension.class)
class OpenApiContractIT {
    private static final List<Class<? extends java.lang.annotation.Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);

    @Test
    void everyDocumentedOperationAnswersAndNoOtherExists(RunningToegang toegang) {
        AdminApi api = new AdminApi(toegang);
        List<OpenApiDocument.Operation> documented = OpenApiDocument.of(api).operations();
        Map<String, String> anyValue = Map.of("key", "0900000147", "personId", "x", "workRelationId", "x",
                "grantId", "x", "delegationId", "x", "clientId", "dv_loket", "name", "LoketGebruiker", "type", "external",
                "requestId", "x");
        for (OpenApiDocument.Operation operation : documented) {
            AdminApi.Answer answer = api.call(operation.method().toUpperCase(), operation.resolve(anyValue), null,
                    operation.hasBody() ? "{}" : null);
            if (operation.access().equals("public")) {
                assertThat(answer.status()).as("%s", operation).isEqualTo(200);
            } else {
                assertThat(answer.status()).as("%s: %s", operation, answer).isEqualTo(401);
                assertThat(answer.header("Content-Type")).as("%s", operation).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
        Set<String> implemented = new TreeSet<>();
        collect(AdminApiResource.class, "", implemented);
        Set<String> inDocument = documented.stream().map(o -> o.method().toUpperCase() + " /" + strip(o.path()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> implementedRelative = implemented.stream()
                .map(o -> o.replaceFirst(" /v1/", " /")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(implementedRelative).as("operations of the resource classes").isEqualTo(inDocument);
        System.out.printf("OpenAPI contract: %d documented operations, %d implemented%n", inDocument.size(),
                implementedRelative.size());
    }

    /** Walks the JAX-RS resource classes: methods with an HTTP method are operations, others are sub-resource locators. */
    private static void collect(Class<?> resource, String prefix, Set<String> operations) {
        for (Method method : resource.getDeclaredMethods()) {
            Path path = method.getAnnotation(Path.class);
            String full = path == null ? prefix : prefix + "/" + strip(path.value());
            String http = HTTP_METHODS.stream().filter(method::isAnnotationPresent)
                    .map(Class::getSimpleName).findFirst().orElse(null);
            if (http != null) {
                operations.add(http + " " + full);
            } else if (path != null) {
                collect(method.getReturnType(), full, operations);
            }
        }
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
