package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.toegang.core.provisioning.Secret;
import org.toegang.core.provisioning.TargetConfig;

/**
 * Reads and writes the provisioning targets application owners register: one entry
 * ({@code cn=provisioning-target}) below the application's entry, named by the application's
 * client id, with revisions as {@link AdministrationStore}. The credential is stored for the
 * provisioner, who must send it; this class hands it only to callers that ask for the whole
 * target. Checks no permission and no rule. Thread-safe.
 */
public final class ProvisioningTargetStore {
    private static final String CN = "provisioning-target";

    private final Entries entries;

    public ProvisioningTargetStore(Directory directory) {
        this.entries = new Entries(directory);
    }

    /** The target registered for the application, if any. */
    public Optional<Versioned<TargetConfig>> target(String clientId) {
        return entry(clientId).map(entry -> new Versioned<>(target(entry), RevisionGuard.revisionOf(entry)));
    }

    /** Every registered target; one whose entry no longer reads as a target is left out. */
    public List<TargetConfig> targets() {
        List<TargetConfig> targets = new ArrayList<>();
        for (SearchResultEntry entry : entries.search(Filter.createEqualityFilter(OBJECT_CLASS, PROVISIONING_TARGET_CLASS))) {
            try {
                targets.add(target(entry));
            } catch (IllegalArgumentException e) {
                System.getLogger(ProvisioningTargetStore.class.getName()).log(System.Logger.Level.WARNING,
                        "The provisioning target {0} is not valid and is left out: {1}", entry.getDN(), e.getMessage());
            }
        }
        return targets;
    }

    /**
     * Stores the target of its application, new or replacing the stored one.
     *
     * @param current  the stored target, when it is a replacement
     * @param expected for a replacement, the revision it was made against
     * @throws StoreConflictException (stale) when the application is gone or the revision is not {@code expected}
     */
    public Versioned<TargetConfig> put(TargetConfig target, boolean current, Optional<String> expected) {
        List<Modification> values = values(target);
        if (current) {
            SearchResultEntry entry = entry(target.application())
                    .orElseThrow(() -> StoreConflictException.staleRevision("provisioning target"));
            return new Versioned<>(target, entries.modify(entry, expected, values, "provisioning target"));
        }
        SearchResultEntry application = entries.first(APPLICATION_CLASS, Filter.createEqualityFilter(CLIENT_ID,
                target.application())).orElseThrow(() -> StoreConflictException.staleRevision("application "
                + target.application()));
        Entry entry = new Entry(new DN(new RDN("cn", CN), parsed(application)));
        entry.addAttribute(OBJECT_CLASS, "top", PROVISIONING_TARGET_CLASS, VERSIONED_CLASS);
        entry.addAttribute("cn", CN);
        entry.addAttribute(CLIENT_ID, target.application());
        values.stream().filter(Modification::hasValue).forEach(value -> entry.addAttribute(value.getAttribute()));
        String revision = RevisionGuard.next();
        entry.addAttribute(REVISION, revision);
        entries.add(entry, "clientId", target.application());
        return new Versioned<>(target, revision);
    }

    /**
     * Removes the application's target.
     *
     * @throws StoreConflictException (stale) when it is gone or its revision is not {@code expected}
     */
    public void remove(String clientId, String expected) {
        SearchResultEntry entry = entry(clientId).orElseThrow(() -> StoreConflictException.staleRevision("provisioning target"));
        entries.delete(entry, Optional.of(expected), "provisioning target");
    }

    private static List<Modification> values(TargetConfig target) {
        List<Modification> values = new ArrayList<>();
        values.add(replace(SCIM_BASE_URL, Optional.of(target.baseUrl().toString())));
        values.add(replace(TARGET_AUTHENTICATION, Optional.of(target.authentication().type())));
        Optional<TargetConfig.ClientCredentials> credentials = target.authentication() instanceof TargetConfig.ClientCredentials c
                ? Optional.of(c) : Optional.empty();
        values.add(replace(TOKEN_ENDPOINT, credentials.map(c -> c.tokenEndpoint().toString())));
        values.add(replace(TARGET_CLIENT_ID, credentials.map(TargetConfig.ClientCredentials::clientId)));
        values.add(replace(TARGET_SCOPE, credentials.flatMap(TargetConfig.ClientCredentials::scope)));
        values.add(replace(TARGET_SECRET, Optional.of(target.authentication().secret().reveal())));
        values.add(replace(RIGHTS_AS, Optional.of(target.rightsAs().code())));
        values.add(replace(GROUP_MEMBERSHIPS, Optional.of(target.groups() ? "TRUE" : "FALSE")));
        values.add(replace(WHEN_LAST_RIGHT_ENDS, Optional.of(target.onLastRight().code())));
        return values;
    }

    private static Modification replace(String attribute, Optional<String> value) {
        return new Modification(ModificationType.REPLACE, attribute, value.stream().toArray(String[]::new));
    }

    private static TargetConfig target(Entry entry) {
        String clientId = entry.getAttributeValue(CLIENT_ID);
        Secret secret = Secret.of(Optional.ofNullable(entry.getAttributeValue(TARGET_SECRET)).orElse(""));
        TargetConfig.Authentication authentication = "client_credentials".equals(entry.getAttributeValue(TARGET_AUTHENTICATION))
                ? new TargetConfig.ClientCredentials(TargetConfig.endpoint(TOKEN_ENDPOINT,
                        entry.getAttributeValue(TOKEN_ENDPOINT), false), Optional.ofNullable(entry.getAttributeValue(TARGET_CLIENT_ID))
                        .orElse(""), secret, Optional.ofNullable(entry.getAttributeValue(TARGET_SCOPE)))
                : new TargetConfig.Bearer(secret);
        URI baseUrl = TargetConfig.endpoint(SCIM_BASE_URL, entry.getAttributeValue(SCIM_BASE_URL), true);
        return new TargetConfig(clientId, clientId, baseUrl, authentication,
                TargetConfig.RightsAs.fromCode(RIGHTS_AS, Optional.ofNullable(entry.getAttributeValue(RIGHTS_AS)).orElse("roles")),
                Boolean.TRUE.equals(entry.getAttributeValueAsBoolean(GROUP_MEMBERSHIPS)),
                TargetConfig.Deprovision.fromCode(WHEN_LAST_RIGHT_ENDS,
                        Optional.ofNullable(entry.getAttributeValue(WHEN_LAST_RIGHT_ENDS)).orElse("deactivate")),
                TargetConfig.DEFAULT_MAX_ATTEMPTS);
    }

    private Optional<SearchResultEntry> entry(String clientId) {
        return entries.first(PROVISIONING_TARGET_CLASS, Filter.createEqualityFilter(CLIENT_ID, clientId));
    }

    private static DN parsed(Entry entry) {
        try {
            return entry.getParsedDN();
        } catch (LDAPException e) {
            throw new IllegalStateException("the directory returned a malformed DN " + entry.getDN(), e);
        }
    }
}
