package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.toegang.core.provisioning.Secret;
import org.toegang.core.provisioning.TargetConfig;

/**
 * An independent SCIM service provider built on SCIMMY ({@code src/test/node/scimmy-target.mjs}),
 * run by Node for one test class; stopped (its standard input closed, then killed) by {@link #close()}.
 */
final class ScimmyTarget implements TestTarget {
    static final Path NODE = Path.of("src/test/node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    final String token;
    private final Process process;
    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ScimmyTarget(String token) throws IOException, InterruptedException {
        this.token = token;
        if (!Files.isDirectory(NODE.resolve("node_modules/scimmy"))) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE.toFile())
                    .inheritIO().start();
            if (!install.waitFor(300, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + NODE);
            }
        }
        process = new ProcessBuilder("node", "scimmy-target.mjs", JSON.writeValueAsString(java.util.Map.of("token", token)))
                .directory(NODE.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
        if (line == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the SCIMMY target did not start");
        }
        baseUrl = URI.create("http://127.0.0.1:" + JSON.readTree(line).path("port").asInt() + "/scim/v2/");
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public TargetConfig.Authentication authentication() {
        return new TargetConfig.Bearer(Secret.of(token));
    }

    @Override
    public String secret() {
        return token;
    }

    @Override
    public boolean keepsExternalId() {
        return true;
    }

    @Override
    public List<String> groupsOf(String accountId) throws IOException, InterruptedException {
        String filter = java.net.URLEncoder.encode("members[value eq \"" + accountId + "\"]",
                StandardCharsets.UTF_8);
        HttpResponse<String> response = send("GET", "Groups?filter=" + filter + "&count=500", null);
        List<String> names = new ArrayList<>();
        JSON.readTree(response.body()).path("Resources").forEach(group -> names.add(group.path("displayName").asText()));
        return names.stream().sorted().toList();
    }

    /** Every account the target holds, read directly (not through any proxy). */
    @Override
    public java.util.Map<String, String> groupNames() throws IOException, InterruptedException {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        JSON.readTree(send("GET", "Groups?count=1000", null).body()).path("Resources")
                .forEach(group -> names.put(group.path("id").asText(), group.path("displayName").asText()));
        return names;
    }

    @Override
    public List<JsonNode> accounts() throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        int start = 1;
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl.resolve("Users?startIndex=" + start
                    + "&count=500")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode page = JSON.readTree(response.body());
            page.path("Resources").forEach(all::add);
            if (page.path("Resources").isEmpty() || all.size() >= page.path("totalResults").asInt()) {
                return all;
            }
            start += page.path("Resources").size();
        }
    }

    /** Sends one request straight to the target (not through any proxy), as another party would. */
    @Override
    public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
