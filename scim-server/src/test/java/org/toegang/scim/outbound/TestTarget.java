package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.toegang.core.provisioning.TargetConfig;

/**
 * An independent SCIM service provider that outbound provisioning is tested against, read by the
 * test directly (never through the fault proxy): SCIMMY ({@link ScimmyTarget}) or Keycloak 26.7's
 * own SCIM API ({@code KeycloakScimTarget} in the launcher's tests).
 */
interface TestTarget extends AutoCloseable {
    /** The SCIM base URL, ending in {@code /}. */
    URI baseUrl();

    /** How provisioning authenticates at this target. */
    TargetConfig.Authentication authentication();

    /** The credential a log line must never show. */
    String secret();

    /** Every account the target holds. */
    List<JsonNode> accounts() throws IOException, InterruptedException;

    /**
     * The display names of the Groups the account is a member of, sorted, read from the target's
     * Groups (a filter on {@code members}), not from what provisioning believes.
     */
    List<String> groupsOf(String accountId) throws IOException, InterruptedException;

    /** Sends one request straight to the target (not through any proxy), as another party would. */
    java.net.http.HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException;

    /** Every Group the target holds: id to display name. */
    java.util.Map<String, String> groupNames() throws IOException, InterruptedException;

    /**
     * Whether the target keeps the {@code externalId} it was sent; when it does not (Keycloak
     * 26.7), accounts are told apart by {@code userName}.
     */
    boolean keepsExternalId();

    @Override
    void close();
}
