package org.toegang.core.directory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.toegang.directory.OpenLdapServer;

/**
 * The production topology's directory: changes are written to the OpenLDAP provider, while the
 * rights cache (and every search) reads a replica that follows it by syncrepl. The replica's own
 * {@code syncprov} overlay reports what it receives, so a grant revoked on the provider is gone
 * from the cache that listens to the replica (every test of {@link RightsCacheContract}).
 */
class RightsCacheReplicaIT extends RightsCacheContract {
    private OpenLdapServer provider;
    private OpenLdapServer replica;

    @BeforeAll
    static void needsSlapd() {
        assumeTrue(OpenLdapServer.installed() || "true".equals(System.getenv("CI")),
                "slapd is not installed (apt-get install slapd ldap-utils); replication not checked");
    }

    @Override
    AutoCloseable startServer(Path data) {
        provider = OpenLdapServer.start(data.resolve("provider"), RightsCacheOpenLdapIT.SHIPPED_FORMS, true);
        replica = OpenLdapServer.startReplica(data.resolve("replica"), RightsCacheOpenLdapIT.SHIPPED_FORMS,
                provider.ldapUrl());
        awaitCopy();
        return () -> {
            replica.close();
            provider.close();
        };
    }

    /** The replica has the demo data once An's loket grant, among the last entries, has arrived. */
    private void awaitCopy() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (com.unboundid.ldap.sdk.LDAPConnection connection = new com.unboundid.ldap.sdk.LDAPConnection(
                    "127.0.0.1", replica.port(), OpenLdapServer.ADMIN_DN, OpenLdapServer.ADMIN_PASSWORD)) {
                if (connection.getEntry("toegangId=da15b97a-8f92-4b0c-ae8d-1de5f208d68b,ou=grants,"
                        + org.toegang.directory.EmbeddedDirectory.BASE_DN) != null
                        && connection.getEntry("toegangId=570ee140-a824-4f91-a656-902489ebdbae,ou=workRelations,"
                        + org.toegang.directory.EmbeddedDirectory.BASE_DN) != null) {
                    return;
                }
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                // not answering yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the replica did not receive the provider's data within 30 s");
    }

    @Override
    String serverUrl() {
        return replica.ldapUrl();
    }

    @Override
    String writeUrl() {
        return provider.ldapUrl();
    }

    @Override
    String adminDn() {
        return OpenLdapServer.ADMIN_DN;
    }

    @Override
    String adminPassword() {
        return OpenLdapServer.ADMIN_PASSWORD;
    }
}
