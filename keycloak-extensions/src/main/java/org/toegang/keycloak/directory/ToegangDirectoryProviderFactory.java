package org.toegang.keycloak.directory;

import java.time.Duration;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderFactory;
import org.toegang.core.admin.AdminStores;
import org.toegang.core.admin.Administration;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryAuditTrail;
import org.toegang.core.directory.DirectoryChanges;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.directory.DirectoryUnavailableException;
import org.toegang.core.directory.OrganisationRosters;
import org.toegang.core.directory.RosterPrefetch;
import org.toegang.core.directory.RightsCache;

/**
 * Owns the node's one directory pool and its rights cache. Options (kc.sh):
 * {@code --spi-toegang-directory--default--url}, {@code --...--bind-dn}, {@code --...--password},
 * {@code --...--base-dn}, {@code --...--pool-size}, {@code --...--rights-cache-people} (people whose
 * rights are kept between tokens while the directory reports its changes, default 10000; 0 turns
 * keeping off), {@code --...--rights-cache-max-age} (seconds kept rights serve at most, default
 * 300) and {@code --...--roster-cache-people} (people of organisations' rosters kept between
 * listings of the administration, in all, default 100000; 0 turns keeping off; they are read ahead
 * of their first listing, {@code RosterPrefetch}), or the
 * {@code KC_SPI_TOEGANG_DIRECTORY__DEFAULT__*} environment variables.
 *
 * <p>The options are read once in {@link #init}; the pool is opened once the server has started
 * ({@link PostMigrationEvent}, in the background), so that the change feed is live and rosters
 * are read ahead before the first sign-in rather than during it, or at the first use when the
 * directory did not answer then. Not in {@link #init}: Keycloak also loads factories while it
 * builds ({@code kc.sh build}), when no directory need be reachable.
 */
public final class ToegangDirectoryProviderFactory implements ProviderFactory<ToegangDirectoryProvider> {
    public static final String PROVIDER_ID = "default";
    private static final Logger LOG = Logger.getLogger(ToegangDirectoryProviderFactory.class);

    private DirectoryConfig config;
    private int cachedPeople;
    private int rosterPeople;
    private OrganisationRosters rosters;
    private RosterPrefetch prefetch;
    private Duration cacheMaxAge;
    private volatile DirectoryRepository repository;
    private Directory directory;
    private DirectoryChanges changes;
    private KeycloakSessionFactory sessionFactory;
    private UserCacheEviction eviction;
    private volatile Administration administration;

    @Override
    public void init(Config.Scope scope) {
        config = DirectoryConfig.of(scope.get("url"), scope.get("bind-dn"), scope.get("password"),
                scope.get("base-dn"), scope.getInt("pool-size"));
        cachedPeople = scope.getInt("rights-cache-people", 10_000);
        cacheMaxAge = Duration.ofSeconds(scope.getLong("rights-cache-max-age", 300L));
        rosterPeople = scope.getInt("roster-cache-people", 100_000);
        if (cachedPeople < 0 || cacheMaxAge.isNegative() || rosterPeople < 0) {
            throw new IllegalArgumentException("toegang-directory: rights-cache-people, rights-cache-max-age and"
                    + " roster-cache-people must not be negative");
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
                    // followed also without the rights cache: Keycloak's user cache needs the reports too
                    eviction = new UserCacheEviction(sessionFactory);
                    rosters = new OrganisationRosters(rosterPeople);
                    prefetch = new RosterPrefetch(directory, rosters);
                    // the prefetch hears the feed is live after the rosters, which start keeping then
                    changes = DirectoryChanges.follow(directory, DirectoryChanges.Listener.both(cache,
                            DirectoryChanges.Listener.both(DirectoryChanges.Listener.both(rosters, prefetch), eviction)));
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
                    administration = new Administration(AdminStores.over(directory, repository, rosters, prefetch), auditTrail());
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
        sessionFactory = factory;
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                Thread connecting = new Thread(this::connectEarly, "toegang-directory-connect");
                connecting.setDaemon(true);
                connecting.start();
            }
        });
    }

    private void connectEarly() {
        try {
            repository();
        } catch (DirectoryUnavailableException e) {
            LOG.warnf("The directory did not answer at start (%s); connecting again at the first use", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (changes != null) {
            changes.close();
        }
        if (prefetch != null) {
            prefetch.close();
        }
        if (eviction != null) {
            eviction.close();
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
