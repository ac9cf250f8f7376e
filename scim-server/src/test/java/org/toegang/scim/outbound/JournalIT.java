package org.toegang.scim.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toegang.core.provisioning.AccountState;
import org.toegang.core.provisioning.Secret;
import org.toegang.testing.PostgresCluster;

/**
 * The journal's contract on both databases it supports, with the same tables: H2 in a file
 * (the default) and PostgreSQL (production; Debian's PostgreSQL 15 in a cluster of the test's own).
 */
class JournalIT {
    @TempDir
    static Path work;
    static PostgresCluster postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        if (PostgresCluster.installed()) {
            postgres = PostgresCluster.start();
        } else {
            System.out.println(PostgresCluster.missing() + ": the PostgreSQL journal is NOT tested in this run");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("h2"), Arguments.of("postgresql"));
    }

    static ProvisioningConfig.JournalConfig config(String database, String name) {
        if (database.equals("h2")) {
            return ProvisioningConfig.JournalConfig.embedded(work.resolve(name));
        }
        assumeTrue(postgres != null, "PostgreSQL is not installed");
        return new ProvisioningConfig.JournalConfig(postgres.jdbcUrl() + "?currentSchema=" + name, postgres.user(),
                Secret.of(""));
    }

    static AccountState state(String person, String role) {
        return new AccountState(person, "user." + person, "Given", "Family", Optional.of(person + "@example.org"),
                role == null ? List.of() : List.of(role), role != null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keepsChangesInOrderAcrossAReopenUntilDelivered(String database) throws Exception {
        ProvisioningConfig.JournalConfig config = config(database, "order_" + database);
        createSchema(database, config);
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        try (Journal journal = Journal.open(config)) {
            journal.enqueue(List.of(new Journal.Change("loket", state("p1", "A:0900000147")),
                    new Journal.Change("loket", state("p2", "A:0900000147")),
                    new Journal.Change("loket", state("p1", null))), now);
        }
        try (Journal journal = Journal.open(config)) { // as after a crash: only what was committed
            List<JournalEntry> pending = journal.pendingAfter(0, 10);
            assertThat(pending).extracting(JournalEntry::personId).containsExactly("p1", "p2", "p1");
            assertThat(pending.get(0).state()).isEqualTo(state("p1", "A:0900000147"));
            assertThat(pending.get(2).state().active()).isFalse();
            assertThat(journal.pendingAfter(pending.get(1).seq(), 10)).hasSize(1);
            assertThat(journal.account("loket", "p1").orElseThrow().queued()).isEqualTo(state("p1", null));

            journal.delivered(pending.get(0), Optional.of("target-id-1"));
            JournalAccount p1 = journal.account("loket", "p1").orElseThrow();
            assertThat(p1.targetId()).contains("target-id-1");
            assertThat(p1.delivered()).contains(state("p1", "A:0900000147"));
            assertThat(journal.pendingAfter(0, 10)).hasSize(2);
            assertThat(journal.backlog().get("loket").queued()).isEqualTo(2);
            assertThat(journal.backlog().get("loket").oldestQueued()).contains(now);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deadLettersAreListedInspectedAndReplayedUnlessSuperseded(String database) throws Exception {
        ProvisioningConfig.JournalConfig config = config(database, "dead_" + database);
        createSchema(database, config);
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        try (Journal journal = Journal.open(config)) {
            journal.enqueue(List.of(new Journal.Change("loket", state("p1", "A:0900000147")),
                    new Journal.Change("loket", state("p2", "A:0900000147"))), now);
            List<JournalEntry> pending = journal.pendingAfter(0, 10);
            journal.failed(pending.get(0).seq(), 1, now.plusSeconds(1), "HTTP 503");
            journal.dead(pending.get(0).seq(), 2, "HTTP 503 again");
            journal.dead(pending.get(1).seq(), 1, "HTTP 400 bad");
            journal.enqueue(List.of(new Journal.Change("loket", state("p2", null))), now); // newer for p2

            assertThat(journal.pendingAfter(0, 10)).extracting(JournalEntry::personId).containsExactly("p2");
            List<JournalEntry> dead = journal.deadLetters(Optional.of("loket"), 10);
            assertThat(dead).extracting(JournalEntry::personId).containsExactly("p1", "p2");
            assertThat(dead.get(0).attempts()).isEqualTo(2);
            assertThat(dead.get(0).lastError()).contains("HTTP 503 again");
            assertThat(journal.deadLetters(Optional.of("other"), 10)).isEmpty();
            assertThat(journal.entry(dead.get(1).seq())).map(JournalEntry::dead).contains(true);

            assertThat(journal.replay(dead.get(1).seq(), now)).isEqualTo(Journal.Replay.SUPERSEDED);
            assertThat(journal.replay(dead.get(0).seq(), now)).isEqualTo(Journal.Replay.QUEUED);
            assertThat(journal.replay(dead.get(0).seq(), now)).isEqualTo(Journal.Replay.UNKNOWN);
            assertThat(journal.deadLetters(Optional.empty(), 10)).isEmpty();
            List<JournalEntry> after = journal.pendingAfter(0, 10);
            assertThat(after).extracting(JournalEntry::personId).containsExactly("p2", "p1");
            assertThat(after.get(1).attempts()).isZero();
            assertThat(after.get(1).seq()).isGreaterThan(dead.get(1).seq());

            journal.recordStatus("loket", new Journal.TargetStatus(Optional.of(now), Optional.of("HTTP 503"),
                    Optional.of(now)));
            journal.recordStatus("loket", new Journal.TargetStatus(Optional.of(now.plusSeconds(5)), Optional.empty(),
                    Optional.empty()));
            assertThat(journal.targetStatus()).isEqualTo(Map.of("loket", new Journal.TargetStatus(
                    Optional.of(now.plusSeconds(5)), Optional.empty(), Optional.empty())));
        }
    }

    private static void createSchema(String database, ProvisioningConfig.JournalConfig config) throws Exception {
        if (database.equals("postgresql")) {
            try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                 var statement = connection.createStatement()) {
                String schema = config.url().substring(config.url().indexOf("currentSchema=") + "currentSchema=".length());
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
        }
    }
}
