package org.toegang.scim;

import org.toegang.testing.ChildProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.scim.protocol.ScimLimits;

/**
 * The server judged by another SCIM 2.0 implementation: SCIMMY (npm {@code scimmy}, pinned in
 * {@code src/test/node/package-lock.json}) builds the requests and validates every answer with
 * its own schema, filter and PatchOp code ({@code src/test/node/scimmy-client.mjs}).
 */
class ScimmyClientIT {
    static final Path NODE = Path.of("src/test/node").toAbsolutePath();

    @TempDir
    static Path data;
    static ScimTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ScimTestServer(data, ScimLimits.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anIndependentScimImplementationAcceptsWhatTheServerAnswers() throws Exception {
        if (!Files.isDirectory(NODE.resolve("node_modules"))) {
            exec(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        String arguments = ScimTestServer.JSON.writeValueAsString(Map.of("baseUrl", server.scim.baseUri().toString(),
                "token", server.token("scim-provisioner", List.of())));
        String output = exec(List.of("node", "scimmy-client.mjs", arguments), 120);
        JsonNode checks = ScimTestServer.JSON.readTree(output.strip().lines().reduce((a, b) -> b).orElse("{}"))
                .path("checks");

        List<String> failed = new ArrayList<>();
        checks.forEach(check -> {
            if (!check.path("ok").asBoolean()) {
                failed.add(check.path("name").asText() + ": " + check.path("detail").asText());
            }
        });
        assertThat(failed).as("checks SCIMMY failed").isEmpty();
        assertThat(checks).hasSizeGreaterThan(15);
    }

    private static String exec(List<String> command, int timeoutSeconds) {
        return ChildProcess.run(command, NODE, Duration.ofSeconds(timeoutSeconds));
    }
}
