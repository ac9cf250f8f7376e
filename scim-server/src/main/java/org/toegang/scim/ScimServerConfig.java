package org.toegang.scim;

import java.net.URI;
import java.net.URL;
import java.util.Objects;
import java.util.Optional;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.scim.protocol.ScimLimits;

/**
 * How to run the SCIM server.
 *
 * @param baseUri where the SCIM API lives, e.g. {@code http://localhost:8090/scim/v2/}
 * @param issuer the realm's issuer, e.g. {@code http://localhost:8080/realms/toegang}
 * @param jwksUrl the realm's keys, e.g. {@code <issuer>/protocol/openid-connect/certs}
 * @param audience when present, tokens must name it in {@code aud}
 * @param provisioningRole the client id, realm role or client role allowed to write
 */
public record ScimServerConfig(URI baseUri, DirectoryConfig directory, String issuer, URL jwksUrl,
                               Optional<String> audience, String provisioningRole, ScimLimits limits) {
    public static final int DEFAULT_PORT = 8090;
    public static final String DEFAULT_PATH = "/scim/v2/";
    public static final String DEFAULT_PROVISIONING_ROLE = "scim-provisioner";

    public ScimServerConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(provisioningRole, "provisioningRole");
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
