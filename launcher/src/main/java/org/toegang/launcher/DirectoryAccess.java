package org.toegang.launcher;

import java.util.Objects;
import org.toegang.core.directory.DirectoryConfig;

/**
 * How Keycloak and the other parts reach the directory: its URL and the account they bind as.
 *
 * @param url an {@code ldap://} or {@code ldaps://} URL, e.g. {@code ldap://127.0.0.1:10389}
 * @param bindDn the DN to bind as
 * @param password that DN's password; never printed
 */
public record DirectoryAccess(String url, String bindDn, String password) {
    public DirectoryAccess {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(password, "password");
    }

    /** Core's form, with the shared defaults for the rest (base DN, pool size): how every part connects. */
    public DirectoryConfig config() {
        return DirectoryConfig.of(url, bindDn, password, null, null);
    }

    @Override
    public String toString() {
        return "DirectoryAccess[" + url + " as " + bindDn + "]";
    }
}
