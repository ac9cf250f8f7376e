package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.toegang.directory.DemoData;

/**
 * Sign-ins at {@code dv_loket} (capacity per target group: An has one, LB, so no chooser) and the
 * token endpoint's answers, for the security and fault tests.
 */
final class LoketSessions {
    static final String CLIENT = "dv_loket";
    static final String SECRET = "dv_loket-demo-secret";
    static final String SCOPE = "openid vo dv_loket";
    static final String REDIRECT = "http://localhost:4711/callback";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoketSessions() {
    }

    /** Signs the person in with the demo password; the token response's fields. */
    static Map<String, Object> signIn(RunningToegang toegang, String username) {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), CLIENT, SECRET, REDIRECT);
        HttpResponse<String> afterLogin = signIn.submit(signIn.open(SCOPE), username, DemoData.PASSWORD);
        String code = signIn.code(afterLogin).orElseThrow(() -> new AssertionError(
                "no code for " + username + ": " + afterLogin.statusCode() + " " + afterLogin.body()));
        return signIn.exchange(code);
    }

    /** A refresh_token grant: the JSON answer, error or not, with the HTTP status in "status". */
    static JsonNode refresh(RunningToegang toegang, String refreshToken) {
        return post(toegang.realmUrl() + "/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", CLIENT, "client_secret", SECRET));
    }

    /** RFC 7662 introspection of a token, as the token's own client. */
    static JsonNode introspect(RunningToegang toegang, String token) {
        return post(toegang.realmUrl() + "/protocol/openid-connect/token/introspect", Map.of("token", token,
                "client_id", CLIENT, "client_secret", SECRET));
    }

    static JsonNode post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            ObjectNode json;
            try {
                json = (ObjectNode) JSON.readTree(response.body());
            } catch (IOException | ClassCastException e) {
                json = JSON.createObjectNode().put("body", response.body());
            }
            json.put("status", response.statusCode());
            ObjectNode answer = json;
            response.headers().firstValue("Retry-After").ifPresent(value -> answer.put("retryAfter", value));
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(Map<String, Object> tokens, String field) {
        Object value = tokens.get(field);
        assertThat(value).as("%s in %s", field, tokens.keySet()).isInstanceOf(String.class);
        return (String) value;
    }
}
