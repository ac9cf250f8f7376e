package org.toegang.launcher.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.toegang.launcher.AuthorizationCodeSignIn;
import org.toegang.launcher.RunningToegang;

/** Calls the delegated administration API over real HTTP, as the portal does. */
public final class AdminApi {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PORTAL = "toegang-portal";
    static final String REDIRECT = "http://127.0.0.1:9/portal/callback";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final RunningToegang toegang;

    public AdminApi(RunningToegang toegang) {
        this.toegang = toegang;
    }

    URI base() {
        return URI.create(toegang.realmUrl() + "/toegang-admin/v1");
    }

    /** A person's access token for the portal, by the authorization code flow with PKCE. */
    public String signIn(String username) {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), PORTAL, null, REDIRECT);
        AuthorizationCodeSignIn.LoginPage page = signIn.open("openid");
        HttpResponse<String> answer = signIn.submit(page, username, "Demo-Toegang-1");
        String code = signIn.code(answer).orElseThrow(() -> new AssertionError(username + " did not get a code: "
                + answer.statusCode() + " " + answer.headers().firstValue("Location").orElse(answer.body())));
        return (String) signIn.exchange(code).get("access_token");
    }

    /** One answer: status, headers and body (parsed when JSON). */
    public record Answer(int status, HttpResponse<String> response) {
        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + response.body(), e);
            }
        }

        public String body() {
            return response.body();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String etag() {
            return header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + status + " " + body()));
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    public Answer call(String method, String path, String token, Object body) {
        return call(method, path, token, body, Map.of());
    }

    public Answer call(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(300));
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        all.forEach(request::header);
        String text = body == null ? null : body instanceof String s ? s : write(body);
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
