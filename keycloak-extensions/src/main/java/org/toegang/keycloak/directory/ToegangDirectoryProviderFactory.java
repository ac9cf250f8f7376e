package org.toegang.keycloak.directory;

import java.time.Duration;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;
import org.toegang.core.admin.AdminStores;
import org.toegang.core.admin.Administration;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryAuditTrail;
import org.toegang.core.directory.DirectoryChanges;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.directory.RightsCache;

/**
 * Owns the node's one directory pool and its rights cache. Options (kc.sh):
 * {@code --spi-toegang-directory--default--url}, {@code --...--bind-dn}, {@code --...--password},
 * {@code --...--base-dn}, {@code --...--pool-size}, {@code --...--rights-cache-people} (people whose
 * rights are kept between tokens while the directory reports its changes, default 10000; 0 turns
 * keeping off) and {@code --...--rights-cache-max-age} (seconds kept rights serve at most, default
 * 300), or the {@code KC_SPI_TOEGANG_DIRECTORY__DEFAULT__*} environment variables.
 *
 * <p>The options are read once in {@link #init}; the pool is opened at the first use, not at
 * start, because Keycloak also loads factories while it builds ({@code kc.sh build}), when no
 * directory need be reachable.
 */
public final class ToegangDirectoryProviderFactory implements ProviderFactory<ToegangDirectoryProvider> {
    public static final String PROVIDER_ID = "default";

    private DirectoryConfig config;
    private int cachedPeople;
    private Duration cacheMaxAge;
    private volatile DirectoryRepository repository;
    private Directory directory;
    private DirectoryChanges changes;
    private volatile Administration administration;

    @Override
    public void init(Config.Scope scope) {
        config = new DirectoryConfig(
                scope.get("url", "ldap://localhost:10389"),
                scope.get("bind-dn", "uid=admin,ou=system"),
                scope.get("password", "secret"),
                scope.get("base-dn", DirectoryConfig.DEFAULT_BASE_DN),
                scope.getInt("pool-size", 8));
        cachedPeople = scope.getInt("rights-cache-people", 10_000);
        cacheMaxAge = Duration.ofSeconds(scope.getLong("rights-cache-max-age", 300L));
        if (cachedPeople < 0 || cacheMaxAge.isNegative()) {
            throw new IllegalArgumentException("toegang-directory: rights-cache-people and rights-cache-max-age"
                    + " must not be negative");
        }
    }

    @Override
    public ToegangDirectoryProvider create(KeycloakSession session) {
        return new ToegangDirectoryProvider(repository(), this::administration);
    }

    private DirectoryRepository repository() {
        DirectoryRepository current = repository;
        if (current == null) {
            synchronized (this) {
                if (repository == null) {
                    directory = Directory.connect(config);
                    RightsCache cache = new RightsCache(cachedPeople, cacheMaxAge);
                    if (cachedPeople > 0) {
                        changes = DirectoryChanges.follow(directory, cache);
                    }
                    repository = new DirectoryRepository(directory, cache);
                }
                current = repository;
            }
        }
        return current;
    }

    /** The node's administration, over the same pool and repository as the sign-in providers. */
    private Administration administration() {
        Administration current = administration;
        if (current == null) {
            DirectoryRepository repository = repository();
            synchronized (this) {
                if (administration == null) {
                    administration = new Administration(AdminStores.over(directory, repository), auditTrail());
                }
                current = administration;
            }
        }
        return current;
    }

    /** Where the administration records its changes: the directory's audit trail, which SCIM writes too. */
    private AuditTrail auditTrail() {
        return new DirectoryAuditTrail(directory);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public synchronized void close() {
        if (changes != null) {
            changes.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
