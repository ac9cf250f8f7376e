package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.toegang.core.provisioning.TargetConfig;

/**
 * The {@code Authorization} header for one target: a fixed bearer token, or an access token from
 * the OAuth 2 client credentials grant (RFC 6749 section 4.4), kept until shortly before it expires
 * and fetched again after the target answered 401. Thread-safe. Never logs nor puts a credential
 * into an exception message.
 */
final class TargetAuthenticator {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A token this close to its end is fetched anew, so that it does not expire on the way. */
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final TargetConfig.Authentication authentication;
    private final HttpClient http;
    private final Clock clock;
    private String accessToken;
    private Instant expires = Instant.MIN;

    TargetAuthenticator(TargetConfig.Authentication authentication, HttpClient http, Clock clock) {
        this.authentication = authentication;
        this.http = http;
        this.clock = clock;
    }

    /** The header value, e.g. {@code Bearer ...}. */
    synchronized String header() throws DeliveryFailure {
        if (authentication instanceof TargetConfig.Bearer bearer) {
            return "Bearer " + bearer.token().reveal();
        }
        if (accessToken == null || !clock.instant().isBefore(expires)) {
            fetch((TargetConfig.ClientCredentials) authentication);
        }
        return "Bearer " + accessToken;
    }

    /** The target refused the token: fetch a new one next time (a fixed token stays). */
    synchronized void refused() {
        accessToken = null;
    }

    private void fetch(TargetConfig.ClientCredentials credentials) throws DeliveryFailure {
        String what = "token request to " + credentials.tokenEndpoint();
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        credentials.scope().ifPresent(scope -> form.append("&scope=").append(encode(scope)));
        // RFC 6749 section 2.3.1: client_secret_basic, the method every server must support
        String basic = Base64.getEncoder().encodeToString((encode(credentials.clientId()) + ":"
                + encode(credentials.clientSecret().reveal())).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(credentials.tokenEndpoint())
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryFailure.noAnswer(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.noAnswer(what, e);
        }
        if (response.statusCode() != 200) {
            // the error body of a token endpoint names the error, never the secret (RFC 6749 section 5.2)
            throw DeliveryFailure.answered(what, response.statusCode() == 401 ? 401 : response.statusCode(),
                    errorOf(response.body()), TargetClient.retryAfter(response, clock));
        }
        try {
            JsonNode token = JSON.readTree(response.body());
            String value = token.path("access_token").asText("");
            if (value.isEmpty()) {
                throw DeliveryFailure.answered(what, 502, "answer without access_token", java.util.Optional.empty());
            }
            accessToken = value;
            long lifetime = token.path("expires_in").asLong(60);
            expires = clock.instant().plusSeconds(lifetime).minus(EARLY);
        } catch (IOException e) {
            throw DeliveryFailure.answered(what, 502, "answer is not JSON", java.util.Optional.empty());
        }
    }

    private static String errorOf(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            return error.path("error").asText("") + " " + error.path("error_description").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
