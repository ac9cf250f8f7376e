package org.toegang.scim;

import java.net.URI;
import java.net.URL;
import java.util.Objects;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.scim.protocol.ScimLimits;

/**
 * How to run the SCIM server.
 *
 * @param baseUri where the SCIM API lives, e.g. {@code http://localhost:8090/scim/v2/}
 * @param issuer the realm's issuer, e.g. {@code http://localhost:8080/realms/toegang}
 * @param jwksUrl the realm's keys, e.g. {@code <issuer>/protocol/openid-connect/certs}
 * @param audience the client id of the SCIM resource client in the realm ({@value #DEFAULT_AUDIENCE}):
 *        every token must name it in {@code aud}, and only its client roles ({@code read},
 *        {@code provision}) give access; there is no way to switch the check off
 */
public record ScimServerConfig(URI baseUri, DirectoryConfig directory, String issuer, URL jwksUrl,
                               String audience, ScimLimits limits) {
    public static final int DEFAULT_PORT = 8090;
    public static final String DEFAULT_PATH = "/scim/v2/";
    /** The resource client the realm defines for the SCIM server. */
    public static final String DEFAULT_AUDIENCE = "toegang-scim";

    public ScimServerConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(audience, "audience");
        if (audience.isBlank()) {
            throw new IllegalArgumentException("the audience (the SCIM resource client's id) must not be blank");
        }
        Objects.requireNonNull(limits, "limits");
        if (!baseUri.getPath().endsWith("/")) {
            baseUri = URI.create(baseUri + "/");
        }
    }

    /** The realm's JWKS address, as Keycloak publishes it. */
    public static URL jwksOf(String issuer) {
        try {
            return URI.create(issuer + "/protocol/openid-connect/certs").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("issuer " + issuer + " is not a URL", e);
        }
    }
}
