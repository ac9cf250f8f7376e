package org.toegang.scim.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.provisioning.AccountState;
import org.toegang.directory.EmbeddedDirectory;

/**
 * The provisioning process killed with SIGKILL in the middle of a backlog of 5,000 changes (500
 * people, 10 changes each, already in the journal; drained in seconds on an idle machine) resumes after a restart: every person ends with
 * exactly one account holding the last state, every state reached the target in order, and no
 * create took effect twice.
 */
class ProvisioningCrashIT {
    /** 500 people by default (5,000 changes); {@code -Dtoegang.it.crash.people=N} scales it for a busy machine. */
    static final int PEOPLE = Integer.getInteger("toegang.it.crash.people", 500);
    static final int CHANGES_EACH = 10;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void aProcessKilledMidBacklogResumesWithNothingLostAndNothingAppliedTwice() throws Exception {
        String token = "crash-" + java.util.UUID.randomUUID();
        try (EmbeddedDirectory directory = EmbeddedDirectory.builder().dataDirectory(work.resolve("directory")).port(0)
                .fresh(true).demoData(true).start();
             ScimmyTarget target = new ScimmyTarget(token);
             FaultProxy proxy = new FaultProxy(target.baseUrl())) {
            // people the directory no longer holds: the last queued state of each is the deactivation,
            // which is also what a catch-up decides for someone gone, so the backlog alone says it all
            List<String> people = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                people.add(java.util.UUID.randomUUID().toString());
            }
            Path config = work.resolve("provisioning.json");
            Files.writeString(config, """
                    {
                      "journal": {"url": "jdbc:h2:file:%s;AUTO_SERVER=TRUE", "user": "toegang"},
                      "firstRetry": "PT0.2S", "longestRetry": "PT2S", "workers": 8, "reconcileEvery": "PT0S",
                      "targets": [{"name": "loket", "application": "dv_loket", "baseUrl": "%s",
                                   "authentication": {"type": "bearer", "token": "${env:LOKET_TOKEN}"},
                                   "rights": "roles", "whenLastRightEnds": "deactivate", "maxAttempts": 20}]
                    }""".formatted(work.resolve("journal/journal"), proxy.baseUrl()));
            ProvisioningConfig parsed = ProvisioningConfigFile.load(config, name -> "LOKET_TOKEN".equals(name) ? token : null);
            try (Journal journal = Journal.open(parsed.journal())) {
                List<Journal.Change> backlog = new ArrayList<>();
                for (int k = 0; k < CHANGES_EACH; k++) {
                    for (String id : people) {
                        backlog.add(new Journal.Change("loket", state(id, k)));
                    }
                }
                journal.enqueue(backlog, Instant.now());
                assertThat(journal.pendingAfter(0, 100_000)).hasSize(PEOPLE * CHANGES_EACH);
            }

            Process first = child(directory, config, token);
            // mid-backlog: once a tenth of it reached the target
            awaitForwarded(proxy, PEOPLE * CHANGES_EACH / 10, Duration.ofSeconds(120));
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            first.waitFor(10, TimeUnit.SECONDS);
            int atKill = proxy.forwarded().size();
            assertThat(atKill).as("killed in the middle").isPositive().isLessThan(PEOPLE * CHANGES_EACH);

            Instant restart = Instant.now();
            Process second = child(directory, config, token);
            try {
                Instant deadline = Instant.now().plusSeconds(300);
                while (Instant.now().isBefore(deadline) && !allFinal(target, people)) {
                    Thread.sleep(500);
                }
                System.out.println("backlog drained " + java.time.Duration.between(restart, Instant.now()).toMillis()
                        + " ms after the restart; " + atKill + " requests before the kill");
            } finally {
                second.destroy();
                second.waitFor(15, TimeUnit.SECONDS);
                second.destroyForcibly();
            }

            // the target, account by account
            Map<String, List<JsonNode>> byPerson = new HashMap<>();
            for (JsonNode account : target.accounts()) {
                byPerson.computeIfAbsent(account.path("externalId").asText(), k -> new ArrayList<>()).add(account);
            }
            assertThat(byPerson.keySet()).containsAll(people);
            for (String id : people) {
                assertThat(byPerson.get(id)).as("accounts of " + id).hasSize(1);
                JsonNode account = byPerson.get(id).get(0);
                assertThat(account.path("active").asBoolean()).isFalse();
                assertThat(account.path("userName").asText()).isEqualTo(username(id));
                assertThat(OutboundProvisioningIT.values(account, "roles")).isEmpty();
            }
            // what the target received, person by person: every state, in order; a repeat only of
            // what was in flight when the process died (at most one per worker)
            Map<String, String> personOfAccount = new HashMap<>();
            byPerson.forEach((person, accounts) -> accounts.forEach(a -> personOfAccount.put(a.path("id").asText(), person)));
            Map<String, List<Integer>> applied = new HashMap<>();
            int creates = 0;
            for (FaultProxy.Forwarded request : proxy.forwarded()) {
                if (request.status() >= 300 || request.body().isEmpty()) {
                    continue;
                }
                JsonNode body = JSON.readTree(request.body());
                String person = request.method().equals("PATCH")
                        ? personOfAccount.get(request.path().substring(request.path().lastIndexOf('/') + 1))
                        : body.path("externalId").asText();
                if (!people.contains(person)) {
                    continue; // the demo data's people, whom the catch-up adds
                }
                if (request.method().equals("POST")) {
                    creates++;
                }
                applied.computeIfAbsent(person, k -> new ArrayList<>())
                        .add(request.method().equals("PATCH") ? CHANGES_EACH - 1 : index(body));
            }
            assertThat(creates).as("successful creates").isEqualTo(PEOPLE);
            int repeats = 0;
            for (String id : people) {
                List<Integer> states = applied.get(id);
                assertThat(states).as("states applied for " + id).isSorted();
                assertThat(states.stream().distinct().toList()).as("every state for " + id)
                        .isEqualTo(java.util.stream.IntStream.range(0, CHANGES_EACH).boxed().toList());
                repeats += states.size() - CHANGES_EACH;
            }
            assertThat(repeats).as("states applied again after the kill").isLessThanOrEqualTo(8);
            try (Journal journal = Journal.open(parsed.journal())) {
                assertThat(journal.pendingAfter(0, 10)).isEmpty();
                assertThat(journal.deadLetters(Optional.empty(), 10)).isEmpty();
            }
        }
    }

    /** State k of a person: before the last, a role of its own; the last, the deactivation. */
    static AccountState state(String id, int k) {
        if (k == CHANGES_EACH - 1) {
            return AccountState.inactive(id, username(id), "Test", "Crash", Optional.empty());
        }
        return new AccountState(id, username(id), "Test", "Crash", Optional.empty(), List.of("Stap" + k + ":0900000147"),
                true);
    }

    static String username(String id) {
        return "crash." + id;
    }

    static int index(JsonNode user) {
        if (!user.path("active").asBoolean()) {
            return CHANGES_EACH - 1;
        }
        String role = user.path("roles").path(0).path("value").asText();
        return Integer.parseInt(role.substring(4, role.indexOf(':')));
    }

    static boolean allFinal(ScimmyTarget target, List<String> people) throws Exception {
        List<JsonNode> accounts = target.accounts();
        long done = accounts.stream().filter(account -> people.contains(account.path("externalId").asText())
                && index(account) == CHANGES_EACH - 1).count();
        return done >= people.size();
    }

    static Process child(EmbeddedDirectory directory, Path config, String token) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ProvisioningProcess.class.getName(),
                directory.ldapUrl(), config.toString());
        builder.environment().put("LOKET_TOKEN", token);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains("started") || line.contains("Exception")) {
                        System.out.println("[child] " + line);
                    }
                }
            } catch (java.io.IOException e) {
                // the child died
            }
        });
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    static void awaitForwarded(FaultProxy proxy, int count, Duration longest) throws InterruptedException {
        Instant deadline = Instant.now().plus(longest);
        while (proxy.forwarded().size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }
}
