package org.toegang.launcher.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;

/** What the refresh benchmark borrows from the sign-in tests: the browser, the directory, the JWKS. */
public final class BenchSupport {
    private final String base;
    private final DirectoryGrants grants;
    private final Tokens tokens;

    public BenchSupport(String base, String ldapUrl) {
        this(base, ldapUrl, "uid=admin,ou=system", "secret");
    }

    /** Writes the grants to the directory at {@code ldapUrl} bound as {@code bindDn}. */
    public BenchSupport(String base, String ldapUrl, String bindDn, String password) {
        this.base = base;
        this.grants = new DirectoryGrants(ldapUrl, bindDn, password);
        this.tokens = new Tokens(java.net.URI.create(base + "/realms/toegang"));
    }

    /** Adds {@code count} active grants (rights BenchRecht01...) for 0900000147; returns their ids. */
    public List<String> addGrants(String personId, String clientId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(grants.add(personId, clientId, String.format("BenchRecht%02d", i), "0900000147"));
        }
        return ids;
    }

    /** Sets a grant's status straight in the directory, as an administrator's change would land. */
    public void setStatus(String grantId, String status) {
        grants.setStatus(grantId, status);
    }

    public void deleteGrants(List<String> ids) {
        ids.forEach(grants::delete);
    }

    /** Signs in through the browser; returns the refresh token. */
    public String signIn(String user, String client, String scope) {
        JsonNode result = NodeScripts.run("signin.mjs", Map.of("base", base, "realm", "toegang", "clientId", client,
                "secret", client + "-demo-secret", "username", user, "password", "Demo-Toegang-1", "scope", scope));
        if (!result.path("tokens").has("refresh_token")) {
            throw new IllegalStateException("sign-in failed: " + result);
        }
        return result.path("tokens").path("refresh_token").asText();
    }

    /** A claim of a token response's verified access token. */
    public Object claim(JsonNode tokenResponse, String name) {
        JWTClaimsSet claims = tokens.verify(tokenResponse.path("access_token").asText());
        return claims.getClaim(name);
    }
}
