package org.toegang.launcher;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryUnavailableException;

/**
 * A directory Toegang does not run itself. Before anything starts, it is checked the way Keycloak
 * and the SCIM server will use it (core's {@link Directory}: connect, then bind), so a wrong URL or
 * password is one clear line at start rather than failed sign-ins later.
 */
final class ExternalDirectory {
    private ExternalDirectory() {
    }

    /** @throws StartupException when the URL is malformed, the server does not answer, or the bind fails */
    static void requireReachable(DirectoryAccess access) {
        parse(access.url());
        try (Directory directory = Directory.connect(access.config())) {
            directory.config(); // connected and bound: nothing more to check
        } catch (DirectoryUnavailableException e) {
            String hint = e.getMessage().contains("refused the bind") ? " (check --ldap-bind-dn and --ldap-password)" : "";
            throw new StartupException(e.getMessage() + hint, e);
        }
    }

    static LDAPURL parse(String url) {
        try {
            LDAPURL parsed = new LDAPURL(url);
            if (!parsed.hostProvided()) {
                throw new StartupException("--ldap-url " + url + " names no host; write it as ldap://host:port.");
            }
            return parsed;
        } catch (LDAPException e) {
            throw new StartupException("--ldap-url " + url + " is not an LDAP URL; write it as ldap://host:port.", e);
        }
    }
}
