package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.directory.DemoPeople;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.directory.OpenLdapServer;
import org.toegang.directory.SearchCountingProxy;

/**
 * The rights cache on Debian's OpenLDAP with the shipped syncprov overlay, which reports its
 * changes by RFC 4533 content synchronisation (OpenLDAP offers no persistent search); and,
 * without the overlay, a directory that reports nothing, where every question searches.
 */
class RightsCacheOpenLdapIT extends RightsCacheContract {
    static final Path SHIPPED_FORMS = Path.of("../ldap-schema/openldap");
    private OpenLdapServer slapd;

    @BeforeAll
    static void needsSlapd() {
        assumeTrue(OpenLdapServer.installed() || "true".equals(System.getenv("CI")),
                "slapd is not installed (apt-get install slapd ldap-utils); the cache on OpenLDAP not checked");
    }

    @Override
    AutoCloseable startServer(Path data) {
        slapd = OpenLdapServer.start(data, SHIPPED_FORMS, true);
        return slapd;
    }

    @Override
    String serverUrl() {
        return slapd.ldapUrl();
    }

    @Override
    String adminDn() {
        return OpenLdapServer.ADMIN_DN;
    }

    @Override
    String adminPassword() {
        return OpenLdapServer.ADMIN_PASSWORD;
    }

    @Test
    void withoutTheOverlayNothingIsKeptAndEveryQuestionSearches(@TempDir Path plain) throws Exception {
        RightsCache plainCache = new RightsCache(100, Duration.ofMinutes(5));
        try (OpenLdapServer withoutSyncprov = OpenLdapServer.start(plain, SHIPPED_FORMS, false);
             SearchCountingProxy counted = new SearchCountingProxy(withoutSyncprov.ldapUrl());
             Directory directory = Directory.connect(new DirectoryConfig(counted.ldapUrl(), OpenLdapServer.ADMIN_DN,
                     OpenLdapServer.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 2));
             DirectoryChanges refused = DirectoryChanges.follow(directory, plainCache)) {
            DirectoryRepository plainRepository = new DirectoryRepository(directory, plainCache);
            Thread.sleep(2_000); // both ways asked and refused, and longer than a persistent search's grace
            assertThat(plainCache.isLive()).isFalse();
            counted.reset();
            assertThat(plainRepository.activeGrants(DemoPeople.AN_PEETERS, "dv_loket", Instant.now())).hasSize(2);
            assertThat(plainRepository.activeGrants(DemoPeople.AN_PEETERS, "dv_loket", Instant.now())).hasSize(2);
            assertThat(counted.searches()).isEqualTo(2);
        }
    }
}
