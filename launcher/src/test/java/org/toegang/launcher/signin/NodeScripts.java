package org.toegang.launcher.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the independent clients in {@code src/test/node} (headless Debian chromium through
 * playwright-core, openid-client, node-saml). Installs their locked dependencies once per JVM
 * with {@code npm ci}. Each script prints one JSON line.
 */
final class NodeScripts {
    static final Path DIRECTORY = Path.of(System.getProperty("toegang.node.dir", "src/test/node")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean installed;

    private NodeScripts() {
    }

    static JsonNode run(String script, Map<String, ?> arguments) {
        install();
        try {
            String output = exec(List.of("node", script, JSON.writeValueAsString(arguments)), 300);
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
        try {
            Path log = Files.createTempFile("toegang-node", ".log");
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(DIRECTORY.toFile())
                    .redirectErrorStream(false)
                    .redirectError(log.toFile())
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed: "
                        + new String(out, StandardCharsets.UTF_8) + Files.readString(log));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
