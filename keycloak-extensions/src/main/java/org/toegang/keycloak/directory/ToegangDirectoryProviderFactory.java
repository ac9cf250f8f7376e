package org.toegang.keycloak.directory;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.core.directory.DirectoryRepository;

/**
 * Owns the node's one directory pool. Options (kc.sh): {@code --spi-toegang-directory--default--url},
 * {@code --...--bind-dn}, {@code --...--password}, {@code --...--base-dn}, {@code --...--pool-size}
 * (or the {@code KC_SPI_TOEGANG_DIRECTORY__DEFAULT__*} environment variables).
 *
 * <p>The options are read once in {@link #init}; the pool is opened at the first use, not at
 * start, because Keycloak also loads factories while it builds ({@code kc.sh build}), when no
 * directory need be reachable.
 */
public final class ToegangDirectoryProviderFactory implements ProviderFactory<ToegangDirectoryProvider> {
    public static final String PROVIDER_ID = "default";

    private DirectoryConfig config;
    private volatile DirectoryRepository repository;
    private Directory directory;

    @Override
    public void init(Config.Scope scope) {
        config = new DirectoryConfig(
                scope.get("url", "ldap://localhost:10389"),
                scope.get("bind-dn", "uid=admin,ou=system"),
                scope.get("password", "secret"),
                scope.get("base-dn", DirectoryConfig.DEFAULT_BASE_DN),
                scope.getInt("pool-size", 8));
    }

    @Override
    public ToegangDirectoryProvider create(KeycloakSession session) {
        return new ToegangDirectoryProvider(repository());
    }

    private DirectoryRepository repository() {
        DirectoryRepository current = repository;
        if (current == null) {
            synchronized (this) {
                if (repository == null) {
                    directory = Directory.connect(config);
                    repository = new DirectoryRepository(directory);
                }
                current = repository;
            }
        }
        return current;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public synchronized void close() {
        if (directory != null) {
            directory.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
