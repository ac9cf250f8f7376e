package org.toegang.core.directory;

import java.util.Objects;

/**
 * How to reach the directory.
 *
 * @param url an {@code ldap://} or {@code ldaps://} URL
 * @param poolSize connections kept open; requests beyond it wait for a free one
 */
public record DirectoryConfig(String url, String bindDn, String password, String baseDn, int poolSize) {
    public static final String DEFAULT_BASE_DN = "dc=toegang,dc=local";

    public DirectoryConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(baseDn, "baseDn");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
    }

    @Override
    public String toString() {
        return "DirectoryConfig[url=" + url + ", bindDn=" + bindDn + ", baseDn=" + baseDn + ", poolSize=" + poolSize + "]";
    }
}
