package org.toegang.launcher;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A relying party signing one person in the way an application does: the authorization code flow
 * with PKCE S256 (RFC 7636), through {@link Browser}, then the code exchanged at the token
 * endpoint. One instance is one sign-in attempt. Public for the tests of other packages (SCIM).
 */
public final class AuthorizationCodeSignIn {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Browser browser = new Browser();
    private final URI realmUrl;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final String verifier = random();
    private final String state = random();
    private final String nonce = random();
    private boolean pkce = true;

    /** @param clientSecret null for a public client */
    public AuthorizationCodeSignIn(URI realmUrl, String clientId, String clientSecret, String redirectUri) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** This sign-in without PKCE, as a confidential client that never sends it; returns this. */
    public AuthorizationCodeSignIn withoutPkce() {
        pkce = false;
        return this;
    }

    /** The page Keycloak shows for the authorization request. */
    public LoginPage open(String scope) {
        return open(scope, Map.of());
    }

    /** The page Keycloak shows for the authorization request with further parameters ({@code ui_locales}, ...). */
    public LoginPage open(String scope, Map<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("scope", scope);
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("nonce", nonce);
        if (pkce) {
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
        }
        URI authorization = URI.create(endpoint("auth") + "?" + Browser.form(query));
        HttpResponse<String> response = browser.get(authorization);
        if (response.statusCode() != 200) {
            throw new AssertionError("The authorization request got " + response.statusCode() + ": " + response.body());
        }
        return new LoginPage(response);
    }

    /** Fills in and posts the login form. */
    public HttpResponse<String> submit(LoginPage page, String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("credentialId", "");
        return browser.postForm(page.formAction(), fields);
    }

    /** Chooses a capacity on the chooser page (the response to the login form) and posts it. */
    public HttpResponse<String> choose(HttpResponse<String> chooserPage, String capacity) {
        Document document = Jsoup.parse(chooserPage.body(), chooserPage.uri().toString());
        Element form = document.selectFirst("form#toegang-capacity");
        if (form == null) {
            throw new AssertionError("No capacity chooser in: " + chooserPage.body());
        }
        return browser.postForm(URI.create(form.absUrl("action")), Map.of("capacity", capacity));
    }

    /** The authorization code, when the response sends the browser back to the application with one. */
    public Optional<String> code(HttpResponse<String> response) {
        Optional<String> location = response.headers().firstValue("Location");
        if (response.statusCode() != 302 || location.isEmpty() || !location.get().startsWith(redirectUri)) {
            return Optional.empty();
        }
        Map<String, String> parameters = queryParameters(URI.create(location.get()));
        if (!state.equals(parameters.get("state"))) {
            throw new AssertionError("The state came back changed: " + location.get());
        }
        return Optional.ofNullable(parameters.get("code"));
    }

    /** The raw answer to the authorization request (a redirect with an error, for instance). */
    public HttpResponse<String> openRaw(String scope) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("scope", scope);
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        if (pkce) {
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
        }
        return browser.get(URI.create(endpoint("auth") + "?" + Browser.form(query)));
    }

    /** Exchanges the code, with the PKCE verifier, for the token response's fields. */
    public Map<String, Object> exchange(String code) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirectUri);
        if (pkce) {
            fields.put("code_verifier", verifier);
        }
        fields.put("client_id", clientId);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint("token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(fields)));
        if (clientSecret != null) {
            String basic = Browser.encode(clientId) + ":" + Browser.encode(clientSecret);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = browser.send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("The token request got " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new AssertionError("The token response is not JSON: " + response.body(), e);
        }
    }

    String nonce() {
        return nonce;
    }

    private String endpoint(String name) {
        return realmUrl + "/protocol/openid-connect/" + name;
    }

    private static Map<String, String> queryParameters(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak's login page, parsed. */
    public static final class LoginPage {
        private final HttpResponse<String> response;
        private final Document document;

        LoginPage(HttpResponse<String> response) {
            this.response = response;
            this.document = Jsoup.parse(response.body(), response.uri().toString());
        }

        static boolean isLoginPage(HttpResponse<String> response) {
            return response.statusCode() == 200 && new LoginPage(response).form().isPresent();
        }

        Optional<Element> form() {
            return Optional.ofNullable(document.selectFirst("form#kc-form-login"));
        }

        URI formAction() {
            Element form = form().orElseThrow(() -> new AssertionError("No login form in: " + response.body()));
            return URI.create(form.absUrl("action"));
        }

        /** The error shown to the person, if any (the login theme's error text next to the fields). */
        Optional<String> error() {
            Element error = document.selectFirst("#input-error, .kc-feedback-text, [data-error]");
            return Optional.ofNullable(error).map(Element::text).filter(text -> !text.isBlank());
        }

        Document document() {
            return document;
        }
    }
}
