package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.directory.EmbeddedDirectory;

/** Claims left behind by a writer that crashed: kept within the grace period, taken over after it. */
class UniqueClaimsIT {

    @TempDir
    static Path data;
    static EmbeddedDirectory embedded;
    static Directory directory;

    @BeforeAll
    static void start() {
        embedded = EmbeddedDirectory.builder().dataDirectory(data).port(0).fresh(true).demoData(true).start();
        directory = Directory.connect(new DirectoryConfig(embedded.ldapUrl(), EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 2));
    }

    @AfterAll
    static void stop() {
        directory.close();
        embedded.close();
    }

    static PersonDraft draft(String username, String externalId) {
        return new PersonDraft(username, "", "Claim", Optional.empty(), Optional.empty(), Optional.empty(), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(externalId), true);
    }

    /** A claim as a writer leaves it when it crashes before writing the person. */
    static void leaveClaim(PersonStore store, String externalId) throws Exception {
        UniqueClaims claims = new UniqueClaims(directory, new com.unboundid.ldap.sdk.DN("ou=people,"
                + EmbeddedDirectory.BASE_DN), Clock.systemUTC(), UniqueClaims.GRACE);
        claims.claim(UniqueClaims.Field.EXTERNAL_ID, externalId, "crashed-writer");
        Entry claim = directory.pool().getEntry(claims.dnFor(UniqueClaims.Field.EXTERNAL_ID, externalId).toString());
        assertThat(claim).isNotNull();
    }

    @Test
    void aFreshClaimOfACrashedWriterBlocksTheValueDuringTheGracePeriod() throws Exception {
        PersonStore store = new PersonStore(directory);
        leaveClaim(store, "ext-fresh");
        assertThatThrownBy(() -> store.create(draft("claim.fresh", "ext-fresh")))
                .isInstanceOf(StoreConflictException.class).hasMessageContaining("externalId");
        assertThat(store.search(com.unboundid.ldap.sdk.Filter.createEqualityFilter("uid", "claim.fresh"), 5)).isEmpty();
    }

    @Test
    void anAbandonedClaimIsTakenOverOnceTheGracePeriodIsOver() throws Exception {
        PersonStore store = new PersonStore(directory, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)),
                UniqueClaims.GRACE);
        leaveClaim(store, "ext-abandoned");
        StoredPerson created = store.create(draft("claim.abandoned", "ext-abandoned"));
        assertThat(created.externalId()).contains("ext-abandoned");
        // the value is now really held: a second writer is refused
        assertThatThrownBy(() -> store.create(draft("claim.second", "ext-abandoned")))
                .isInstanceOf(StoreConflictException.class);
    }

    @Test
    void aValueHeldByAPersonWithoutAClaimIsStillUnique() {
        // demo people were written without claims; An holds 85031212362
        PersonStore store = new PersonStore(directory);
        PersonDraft copy = new PersonDraft("claim.copy", "", "Copy", Optional.empty(), Optional.empty(),
                Optional.of("85031212362"), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), true);
        assertThatThrownBy(() -> store.create(copy)).isInstanceOf(StoreConflictException.class)
                .hasMessageContaining("nationalRegisterNumber");
        assertThat(store.search(com.unboundid.ldap.sdk.Filter.createEqualityFilter("uid", "claim.copy"), 5)).isEmpty();
    }
}
