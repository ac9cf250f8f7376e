package org.toegang.core.directory;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Branch entries ({@code ou=audit}, ...) that features add to an existing directory: made on
 * first use rather than in the demo data, so a production directory loaded before the feature
 * needs no migration. Thread-safe.
 */
final class Containers {
    private final Directory directory;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Containers(Directory directory) {
        this.directory = directory;
    }

    /** The DN of {@code ou=<name>} under the base, made if it does not exist yet. */
    String ensure(String name) {
        String dn = new RDN("ou", name) + "," + directory.config().baseDn();
        if (known.contains(dn)) {
            return dn;
        }
        try {
            directory.pool().add(new Entry(dn, new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "organizationalUnit"),
                    new com.unboundid.ldap.sdk.Attribute("ou", name)));
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) {
                throw Directory.unavailable(directory.config(), e);
            }
        }
        known.add(dn);
        return dn;
    }
}
