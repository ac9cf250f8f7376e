package org.toegang.launcher.signin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.toegang.testing.ChildProcess;

/**
 * Runs the independent clients in {@code src/test/node} (headless Debian chromium through
 * playwright-core, openid-client, node-saml). Installs their locked dependencies once per JVM
 * with {@code npm ci}. Each script prints one JSON line, and runs under a time limit
 * ({@link ChildProcess}): a hung browser fails its test instead of hanging the build.
 */
final class NodeScripts {
    static final Path DIRECTORY = Path.of(System.getProperty("toegang.node.dir", "src/test/node")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean installed;

    private NodeScripts() {
    }

    static JsonNode run(String script, Map<String, ?> arguments) {
        return run(script, arguments, 300);
    }

    static JsonNode run(String script, Map<String, ?> arguments, int timeoutSeconds) {
        install();
        try {
            String output = exec(List.of("node", script, JSON.writeValueAsString(arguments)), timeoutSeconds);
            String last = output.strip().lines().reduce((first, second) -> second).orElse("");
            return JSON.readTree(last);
        } catch (IOException e) {
            throw new IllegalStateException(script + " printed no JSON", e);
        }
    }

    private static synchronized void install() {
        if (!installed && !Files.isDirectory(DIRECTORY.resolve("node_modules"))) {
            exec(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        installed = true;
    }

    private static String exec(List<String> command, int timeoutSeconds) {
        return ChildProcess.run(command, DIRECTORY, Duration.ofSeconds(timeoutSeconds));
    }
}
