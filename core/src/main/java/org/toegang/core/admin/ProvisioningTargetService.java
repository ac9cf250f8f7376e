package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toegang.core.ValidationException;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Application;
import org.toegang.core.provisioning.Secret;
import org.toegang.core.provisioning.TargetConfig;

/**
 * The provisioning target of an application (issue: outbound provisioning, item 1): its owner
 * registers where the SCIM service provider of the application is, how the provisioner
 * authenticates there and what it sends; the SCIM server's provisioner picks it up. The
 * credential is write-only: no answer and no audit entry holds it.
 */
public final class ProvisioningTargetService {
    /** Longest credential accepted; a JWT bearer token is a few kB. */
    static final int MAX_SECRET = 8_192;

    private final AdminStores stores;
    private final Audit audit;

    ProvisioningTargetService(AdminStores stores, Audit audit) {
        this.stores = stores;
        this.audit = audit;
    }

    /**
     * What the owner writes. {@code secret} may be left out when replacing a target of the same
     * authentication type: the stored one is kept.
     */
    public record Input(String baseUrl, String authentication, String tokenEndpoint, String clientId, String secret,
                        String scope, String rights, Boolean groups, String whenLastRightEnds) {
    }

    /** The application's target, for its owner. */
    public Versioned<TargetConfig> target(AdminContext context, String clientId) {
        require(context.policy().ownsApplication(clientId), "see the provisioning target of this application");
        return stores.provisioningTargets().target(clientId)
                .orElseThrow(() -> new NotFoundException("provisioning target of " + clientId));
    }

    /**
     * Registers the application's target, or replaces it: replacing needs {@code ifMatch}, the
     * revision the caller read (428 without, 412 when stale); registering needs none.
     */
    public Versioned<TargetConfig> put(AdminContext context, String clientId, Input input, Optional<String> ifMatch) {
        require(context.policy().ownsApplication(clientId), "register the provisioning target of this application");
        Application application = stores.registry().application(clientId).map(Versioned::value)
                .orElseThrow(() -> new NotFoundException("application " + clientId));
        Optional<Versioned<TargetConfig>> current = stores.provisioningTargets().target(clientId);
        if (current.isPresent()) {
            RefusedException.requireRevision(ifMatch);
        } else if (ifMatch.isPresent()) {
            throw RefusedException.stale("If-Match", "the application has no provisioning target yet; register it without If-Match");
        }
        TargetConfig target = target(clientId, input, current.map(Versioned::value));
        Versioned<TargetConfig> stored = stores.provisioningTargets().put(target, current.isPresent(), ifMatch);
        Map<String, String> after = of(target);
        if (input.secret() != null && !input.secret().isEmpty()) {
            after.put("secret", "changed");
        }
        audit.record(context, application.ownerOrganisationKey(), clientId,
                current.isPresent() ? "provisioningTarget.change" : "provisioningTarget.create",
                "provisioningTarget/" + clientId, current.map(c -> of(c.value())).orElse(Map.of()), after);
        return stored;
    }

    /** Ends the provisioning of the application: nothing more is sent; the accounts at the target stay as they are. */
    public void remove(AdminContext context, String clientId, Optional<String> ifMatch) {
        require(context.policy().ownsApplication(clientId), "remove the provisioning target of this application");
        Versioned<TargetConfig> current = stores.provisioningTargets().target(clientId)
                .orElseThrow(() -> new NotFoundException("provisioning target of " + clientId));
        stores.provisioningTargets().remove(clientId, RefusedException.requireRevision(ifMatch));
        String owner = stores.registry().application(clientId).map(a -> a.value().ownerOrganisationKey()).orElse(null);
        audit.record(context, owner, clientId, "provisioningTarget.delete", "provisioningTarget/" + clientId,
                of(current.value()), Map.of());
    }

    private static TargetConfig target(String clientId, Input input, Optional<TargetConfig> current) {
        try {
            URI baseUrl = TargetConfig.endpoint("baseUrl", input.baseUrl(), true);
            String type = Inputs.text("authentication", input.authentication());
            Optional<Secret> given = secret(input.secret());
            TargetConfig.Authentication authentication = switch (type) {
                case "bearer" -> new TargetConfig.Bearer(given.or(() -> kept(current, type))
                        .orElseThrow(() -> ValidationException.missing("secret")));
                case "client_credentials" -> new TargetConfig.ClientCredentials(
                        TargetConfig.endpoint("tokenEndpoint", input.tokenEndpoint(), false),
                        Inputs.text("clientId", input.clientId()),
                        given.or(() -> kept(current, type)).orElseThrow(() -> ValidationException.missing("secret")),
                        Inputs.optionalText("scope", input.scope()));
                default -> throw ValidationException.invalid("authentication", type,
                        "must be \"bearer\" or \"client_credentials\"");
            };
            return new TargetConfig(clientId, clientId, baseUrl, authentication,
                    input.rights() == null ? TargetConfig.RightsAs.ROLES : TargetConfig.RightsAs.fromCode("rights", input.rights()),
                    Boolean.TRUE.equals(input.groups()),
                    input.whenLastRightEnds() == null ? TargetConfig.Deprovision.DEACTIVATE
                            : TargetConfig.Deprovision.fromCode("whenLastRightEnds", input.whenLastRightEnds()),
                    TargetConfig.DEFAULT_MAX_ATTEMPTS);
        } catch (ValidationException e) {
            throw RefusedException.invalid(List.of(RefusedException.of(e, "")));
        }
    }

    /** A credential as given: never echoed in a refusal. */
    private static Optional<Secret> secret(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > MAX_SECRET) {
            throw ValidationException.invalid("secret", "is longer than " + MAX_SECRET + " characters");
        }
        if (value.isBlank() || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ValidationException.invalid("secret", "must be printable ASCII without spaces (RFC 6750 b64token, RFC 6749 client secret)");
        }
        return Optional.of(Secret.of(value));
    }

    /** The stored credential, kept when the authentication type stays the same. */
    private static Optional<Secret> kept(Optional<TargetConfig> current, String type) {
        return current.map(TargetConfig::authentication).filter(a -> a.type().equals(type))
                .map(TargetConfig.Authentication::secret);
    }

    /** What the audit trail and the API show of a target: everything but the credential. */
    public static Map<String, String> of(TargetConfig target) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("baseUrl", target.baseUrl().toString());
        values.put("authentication", target.authentication().type());
        if (target.authentication() instanceof TargetConfig.ClientCredentials credentials) {
            values.put("tokenEndpoint", credentials.tokenEndpoint().toString());
            values.put("clientId", credentials.clientId());
            credentials.scope().ifPresent(scope -> values.put("scope", scope));
        }
        values.put("rights", target.rightsAs().code());
        values.put("groups", String.valueOf(target.groups()));
        values.put("whenLastRightEnds", target.onLastRight().code());
        return values;
    }
}
