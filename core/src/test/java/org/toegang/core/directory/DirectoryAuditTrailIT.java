package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.audit.AuditEntry;
import org.toegang.directory.EmbeddedDirectory;

/** The audit trail kept in the embedded directory: stored, read back per scope, paged, purged, durable. */
class DirectoryAuditTrailIT {
    @TempDir
    static Path data;
    static DemoDirectory demo;
    static DirectoryAuditTrail trail;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start(data);
        trail = new DirectoryAuditTrail(demo.directory());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static AuditEntry entry(String organisation, String clientId, String action, Instant at) {
        return AuditEntry.builder().at(at).actor(AuditEntry.Actor.person("p-1", "toegang-portal"))
                .role("localAdministrator").organisationKey(organisation).clientId(clientId).action(action)
                .target("grant/g-" + action).before(Map.of("status", "requested")).after(Map.of("status", "active"))
                .build();
    }

    @Test
    void anEntryReadsBackWholeInItsOrganisationAndApplicationOnly() {
        AuditEntry written = entry("ORG-A1", "app_a1", "grant.create", Instant.parse("2026-01-02T03:04:05.678Z"));
        trail.record(written);
        assertThat(trail.forOrganisation("ORG-A1", Optional.empty(), Optional.empty(), 10)).containsExactly(written);
        assertThat(trail.forApplication("app_a1", Optional.empty(), Optional.empty(), 10)).containsExactly(written);
        assertThat(trail.forOrganisation("ORG-OTHER", Optional.empty(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void valuesThatWouldBreakAFilterNeitherWidenNorFail() {
        trail.record(entry("ORG*)(x=1", "app\\,=+", "grant.revoke", Instant.now()));
        assertThat(trail.forOrganisation("ORG*", Optional.empty(), Optional.empty(), 10)).isEmpty();
        assertThat(trail.forOrganisation("*", Optional.empty(), Optional.empty(), 10)).isEmpty();
        assertThat(trail.forOrganisation("ORG*)(x=1", Optional.empty(), Optional.empty(), 10)).hasSize(1);
        assertThat(trail.forApplication("app\\,=+", Optional.empty(), Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void pagesNewestFirstWithTheLastIdAsCursor() {
        Instant start = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 0; i < 7; i++) {
            trail.record(entry("ORG-PAGE", "app_page", "change." + i, start.plusSeconds(i)));
        }
        List<AuditEntry> first = trail.forOrganisation("ORG-PAGE", Optional.empty(), Optional.empty(), 3);
        assertThat(first).extracting(AuditEntry::action).containsExactly("change.6", "change.5", "change.4");
        List<AuditEntry> second = trail.forOrganisation("ORG-PAGE", Optional.empty(),
                Optional.of(first.get(2).id()), 3);
        assertThat(second).extracting(AuditEntry::action).containsExactly("change.3", "change.2", "change.1");
        assertThat(trail.forOrganisation("ORG-PAGE", Optional.of(start.plusSeconds(5)), Optional.empty(), 10))
                .extracting(AuditEntry::action).containsExactly("change.6", "change.5");
    }

    @Test
    void retentionDeletesOnlyWhatIsOlder() {
        Instant now = Instant.now();
        trail.record(entry("ORG-RET", "app_ret", "old", now.minus(Duration.ofDays(400))));
        trail.record(entry("ORG-RET", "app_ret", "new", now.minus(Duration.ofDays(1))));
        assertThat(trail.applyRetention(Duration.ofDays(365))).isGreaterThanOrEqualTo(1);
        assertThat(trail.forOrganisation("ORG-RET", Optional.empty(), Optional.empty(), 10))
                .extracting(AuditEntry::action).containsExactly("new");
    }

    @Test
    void entriesSurviveARestartOfTheDirectory(@TempDir Path own) {
        AuditEntry written = entry("ORG-DUR", "app_dur", "durable", Instant.now());
        try (DemoDirectory first = DemoDirectory.start(own)) {
            new DirectoryAuditTrail(first.directory()).record(written);
        }
        try (DemoDirectory second = DemoDirectory.start(own)) {
            assertThat(new DirectoryAuditTrail(second.directory())
                    .forOrganisation("ORG-DUR", Optional.empty(), Optional.empty(), 10)).containsExactly(written);
        }
    }
}
