package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.provisioning.AccountState;
import org.toegang.scim.outbound.Journal;
import org.toegang.scim.outbound.JournalEntry;
import org.toegang.scim.outbound.ProvisioningConfigFile;

/** {@code toegang provisioning ...} on a real journal (H2 in a file): status, dead letters, inspect, replay. */
class ProvisioningCommandTest {
    @TempDir
    Path folder;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Toegang.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listsInspectsAndReplaysDeadLettersAndShowsTheStatus() throws Exception {
        Path config = folder.resolve("provisioning.json");
        Files.writeString(config, """
                {"targets": [{"name": "loket", "application": "dv_loket", "baseUrl": "http://127.0.0.1:9/scim/v2",
                              "authentication": {"type": "bearer", "token": "never-shown-token"}}]}""");
        long first;
        long second;
        try (Journal journal = Journal.open(ProvisioningConfigFile.load(config).journal())) {
            AccountState an = new AccountState("p-an", "an.peeters", "An", "Peeters", Optional.empty(),
                    List.of("LoketGebruiker:0900000147"), true);
            AccountState bart = new AccountState("p-bart", "bart.claes", "Bart", "Claes", Optional.empty(),
                    List.of("LoketGebruiker:0900000147"), true);
            journal.enqueue(List.of(new Journal.Change("loket", an), new Journal.Change("loket", bart)), Instant.now());
            List<JournalEntry> pending = journal.pendingAfter(0, 10);
            first = pending.get(0).seq();
            second = pending.get(1).seq();
            journal.dead(first, 10, "create p-an: HTTP 503 overloaded");
            journal.dead(second, 1, "create p-bart: HTTP 400 invalid userName");
        }

        Run status = run("provisioning", "status", "--config", config.toString());
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("loket (dv_loket", "queued: 0, dead letters: 2").doesNotContain("never-shown-token");

        Run letters = run("provisioning", "dead-letters", "--config", config.toString());
        assertThat(letters.code()).isZero();
        assertThat(letters.out()).contains(first + "  loket  person p-an  provision after 10 tries: create p-an: HTTP 503",
                second + "  loket  person p-bart");

        Run inspect = run("provisioning", "inspect", "" + first, "--config", config.toString());
        assertThat(inspect.code()).isZero();
        assertThat(inspect.out()).contains("person: p-an", "LoketGebruiker:0900000147", "dead: true");
        Run missing = run("provisioning", "inspect", "999999", "--config", config.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();

        Run replay = run("provisioning", "replay", "" + first, "999999", "--config", config.toString());
        assertThat(replay.code()).isEqualTo(1);
        assertThat(replay.out()).contains(first + ": queued again", "999999: no such dead letter");
        assertThat(run("provisioning", "dead-letters", "--config", config.toString()).out())
                .doesNotContain("p-an").contains("p-bart");
        assertThat(run("provisioning", "status", "--config", config.toString()).out())
                .contains("queued: 1, dead letters: 1");

        Run all = run("provisioning", "replay", "--all", "--config", config.toString());
        assertThat(all.code()).isZero();
        assertThat(run("provisioning", "dead-letters", "--config", config.toString()).out()).contains("No dead letters.");
    }

    @Test
    void refusesAnInvalidConfigurationNamingTheField() throws Exception {
        Path config = folder.resolve("bad.json");
        Files.writeString(config, """
                {"targets": [{"name": "loket", "application": "dv_loket", "baseUrl": "ftp://x",
                              "authentication": {"type": "bearer", "token": "secret-token"}}]}""");
        Run status = run("provisioning", "status", "--config", config.toString());
        assertThat(status.code()).isEqualTo(2);
        assertThat(status.err()).contains("targets[0].baseUrl").doesNotContain("secret-token");
        assertThat(status.out()).isEmpty();
    }
}
