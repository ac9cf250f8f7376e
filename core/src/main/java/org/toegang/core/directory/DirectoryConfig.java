package org.toegang.core.directory;

import java.util.Objects;

/**
 * How to reach the directory. The defaults here are the only ones: the launcher, the Keycloak
 * provider ({@code --spi-toegang-directory--default--*}) and the SCIM server
 * ({@code TOEGANG_LDAP_*}) all fall back to them, so the three never disagree about where the
 * directory is when nothing is configured.
 *
 * @param url an {@code ldap://} or {@code ldaps://} URL
 * @param poolSize connections kept open; requests beyond it wait for a free one
 */
public record DirectoryConfig(String url, String bindDn, String password, String baseDn, int poolSize) {
    public static final String DEFAULT_BASE_DN = "dc=toegang,dc=local";
    /** The embedded directory of {@code toegang up} on its default port. */
    public static final String DEFAULT_URL = "ldap://localhost:10389";
    /** The embedded directory's administrator (ApacheDS's {@code uid=admin,ou=system}). */
    public static final String DEFAULT_BIND_DN = "uid=admin,ou=system";
    /** The embedded directory's administrator password: a demo default, replace it in production. */
    public static final String DEFAULT_PASSWORD = "secret";
    public static final int DEFAULT_POOL_SIZE = 8;

    /** The defaults for everything not given: {@code null} means "not configured". */
    public static DirectoryConfig of(String url, String bindDn, String password, String baseDn, Integer poolSize) {
        return new DirectoryConfig(orDefault(url, DEFAULT_URL), orDefault(bindDn, DEFAULT_BIND_DN),
                orDefault(password, DEFAULT_PASSWORD), orDefault(baseDn, DEFAULT_BASE_DN),
                poolSize == null ? DEFAULT_POOL_SIZE : poolSize);
    }

    /** This configuration with another URL and account, e.g. a read replica's. */
    public DirectoryConfig withServer(String otherUrl, String otherBindDn, String otherPassword) {
        return new DirectoryConfig(otherUrl, otherBindDn, otherPassword, baseDn, poolSize);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

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
