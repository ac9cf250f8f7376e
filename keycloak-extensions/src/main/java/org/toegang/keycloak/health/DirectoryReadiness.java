package org.toegang.keycloak.health;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.toegang.core.directory.DirectoryUnavailableException;
import org.toegang.keycloak.directory.ToegangDirectoryProvider;

/**
 * {@code GET /realms/<realm>/toegang-health/ready}: whether this node can serve sign-ins and
 * tokens, which needs the directory. 200 with status {@code UP}, or 503 with {@code DOWN} when
 * the directory does not answer a read of its root DSE within 2 s ({@code Directory#check}).
 * The body has the shape of MicroProfile Health's, which Keycloak's {@code /health/ready} uses.
 *
 * <p>Why not {@code /health/ready}: Keycloak 26.7 has no way for a provider to add a check to
 * its management interface's health endpoints (keycloak/keycloak#32726), so its readiness says
 * nothing about the directory. Point the load balancer's readiness probe here instead (or at
 * both). Open without a token, like {@code /health/ready}; it tells only up or down.
 */
public final class DirectoryReadiness {
    private final KeycloakSession session;

    DirectoryReadiness(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        String status;
        try {
            session.getProvider(ToegangDirectoryProvider.class).repository().checkDirectory();
            status = "UP";
        } catch (DirectoryUnavailableException e) {
            status = "DOWN";
        }
        Map<String, Object> body = Map.of("status", status,
                "checks", List.of(Map.of("name", "Toegang directory", "status", status)));
        return Response.status("UP".equals(status) ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .header("Cache-Control", "no-store")
                .entity(body)
                .build();
    }
}
