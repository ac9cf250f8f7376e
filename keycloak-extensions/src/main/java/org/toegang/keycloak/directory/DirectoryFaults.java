package org.toegang.keycloak.directory;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.toegang.core.directory.DirectoryUnavailableException;

/**
 * What the token endpoint answers when the directory cannot: a standard OAuth error, 503
 * {@code temporarily_unavailable} (RFC 6749 section 4.1.2.1 names the code; a 5xx says "try
 * again", unlike the 400 {@code invalid_grant} that tells an application to sign the person in
 * again), with {@code Retry-After}. Never a token without its rights, never {@code unknown_error}.
 */
public final class DirectoryFaults {
    /** Seconds after which trying again makes sense; the directory's timeouts are about 2 s. */
    public static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(DirectoryFaults.class);

    private DirectoryFaults() {
    }

    /** The exception to throw from a token's mapper or check; Keycloak sends its response as is. */
    public static WebApplicationException temporarilyUnavailable(DirectoryUnavailableException cause) {
        LOG.warnf("token refused, directory unavailable: %s", cause.getMessage());
        Response response = Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .header("Cache-Control", "no-store")
                .entity(Map.of("error", OAuthErrorException.TEMPORARILY_UNAVAILABLE,
                        "error_description", "The directory is temporarily unavailable; try again in a moment."))
                .build();
        // the message is the error code too, for Keycloak's own error handler should it map this
        return new WebApplicationException(OAuthErrorException.TEMPORARILY_UNAVAILABLE, cause, response);
    }
}
