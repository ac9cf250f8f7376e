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
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.provisioning.AccountState;
import org.toegang.core.provisioning.TargetConfig;
import org.toegang.directory.EmbeddedDirectory;

/**
 * The provisioning process killed with SIGKILL in the middle of a backlog of changes (by default
 * 500 people, 10 changes each: 5,000, already in the journal) resumes after a restart: every person
 * ends with exactly one account holding the last state, every state reached the target in order,
 * and no create took effect twice. Run once per independent SCIM service provider:
 * {@link ProvisioningCrashIT} (SCIMMY) and {@code KeycloakScimCrashIT} (Keycloak 26.7's SCIM API,
 * launcher). The target is read directly, the requests it received through the fault proxy.
 *
 * <p>Each state differs in the account's family name ({@code Stap<k>}), which every SCIM provider
 * stores (Keycloak keeps neither {@code roles} nor {@code externalId}); the last state is the
 * deactivation. A person is known at the target by its {@code userName} ({@code crash.<id>}).
 */
abstract class ProvisioningCrashContract {
    /** {@code -Dtoegang.it.crash.people=N} sets the number of people for every target (10 changes each). */
    static final String PEOPLE_PROPERTY = "toegang.it.crash.people";
    static final int CHANGES_EACH = 10;
    static final int WORKERS = 8;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /** How many people this target gets, 10 changes each: 500 (5,000 changes) unless {@link #PEOPLE_PROPERTY} says otherwise. */
    int people() {
        return Integer.getInteger(PEOPLE_PROPERTY, 500);
    }

    /**
     * Queues {@code people() * CHANGES_EACH} changes, starts the provisioning process, kills it with
     * SIGKILL once a tenth reached the target, starts it again and checks the target account by account.
     */
    void killedMidBacklogResumes(TestTarget target, TargetConfig.RightsAs rights) throws Exception {
        int count = people();
        int total = count * CHANGES_EACH;
        try (EmbeddedDirectory directory = EmbeddedDirectory.builder().dataDirectory(work.resolve("directory")).port(0)
                .fresh(true).demoData(true).start();
             FaultProxy proxy = new FaultProxy(target.baseUrl())) {
            // people the directory does not hold: the last queued state of each is the deactivation,
            // which is also what a catch-up decides for someone gone, so the backlog alone says it all
            List<String> people = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                people.add(java.util.UUID.randomUUID().toString());
            }
            Path config = work.resolve("provisioning.json");
            Files.writeString(config, """
                    {
                      "journal": {"url": "jdbc:h2:file:%s;AUTO_SERVER=TRUE", "user": "toegang"},
                      "firstRetry": "PT0.2S", "longestRetry": "PT2S", "workers": %d, "reconcileEvery": "PT0S",
                      "targets": [{"name": "loket", "application": "dv_loket", "baseUrl": "%s",
                                   "authentication": %s,
                                   "rights": "%s", "whenLastRightEnds": "deactivate", "maxAttempts": 20}]
                    }""".formatted(work.resolve("journal/journal"), WORKERS, proxy.baseUrl(),
                    authentication(target.authentication()), rights.name().toLowerCase(java.util.Locale.ROOT)));
            ProvisioningConfig parsed = ProvisioningConfigFile.load(config,
                    name -> "TARGET_SECRET".equals(name) ? target.secret() : null);
            try (Journal journal = Journal.open(parsed.journal())) {
                List<Journal.Change> backlog = new ArrayList<>();
                for (int k = 0; k < CHANGES_EACH; k++) {
                    for (String id : people) {
                        backlog.add(new Journal.Change("loket", state(id, k)));
                    }
                }
                journal.enqueue(backlog, Instant.now());
                assertThat(journal.pendingAfter(0, 100_000)).hasSize(total);
            }

            Instant begin = Instant.now();
            Process first = child(directory, config, target.secret());
            // mid-backlog: once a tenth of it reached the target
            awaitForwarded(proxy, total / 10, Duration.ofSeconds(300), first);
            assertThat(first.isAlive()).as("the provisioning process runs (it stops when the directory does not"
                    + " answer its first bind in time)").isTrue();
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            first.waitFor(10, TimeUnit.SECONDS);
            int atKill = proxy.forwarded().size();
            assertThat(atKill).as("killed in the middle").isPositive().isLessThan(total);

            Instant restart = Instant.now();
            Process second = child(directory, config, target.secret());
            try {
                Instant deadline = Instant.now().plusSeconds(900);
                // every change written at least once (counted at the proxy) before the target is read,
                // so that listing every account does not slow the target down while it catches up
                while (Instant.now().isBefore(deadline) && writes(proxy) < total) {
                    Thread.sleep(250);
                }
                while (Instant.now().isBefore(deadline) && !allFinal(target, people)) {
                    Thread.sleep(1000);
                }
                System.out.printf("%s: %d changes; %d requests in %d ms before the kill; backlog drained %d ms after"
                                + " the restart%n", getClass().getSimpleName(), total, atKill,
                        Duration.between(begin, restart).toMillis(), Duration.between(restart, Instant.now()).toMillis());
            } finally {
                second.destroy();
                second.waitFor(15, TimeUnit.SECONDS);
                second.destroyForcibly();
            }

            // the target, account by account
            Map<String, List<JsonNode>> byPerson = new HashMap<>();
            for (JsonNode account : target.accounts()) {
                byPerson.computeIfAbsent(person(account), k -> new ArrayList<>()).add(account);
            }
            assertThat(byPerson.keySet()).containsAll(people);
            for (String id : people) {
                assertThat(byPerson.get(id)).as("accounts of " + id).hasSize(1);
                JsonNode account = byPerson.get(id).get(0);
                assertThat(account.path("active").asBoolean()).as("active " + id).isFalse();
                assertThat(account.path("userName").asText()).isEqualTo(username(id));
                assertThat(account.path("name").path("familyName").asText()).as("the last named state of " + id)
                        .isEqualTo("Stap" + (CHANGES_EACH - 2));
                if (target.keepsExternalId()) {
                    assertThat(account.path("externalId").asText()).isEqualTo(id);
                }
                AccountRepresentation.rightsAttribute(new TargetConfig("t", "a", target.baseUrl(),
                                target.authentication(), rights, false, TargetConfig.Deprovision.DEACTIVATE, 1))
                        .ifPresent(attribute -> assertThat(OutboundProvisioningIT.values(account, attribute))
                                .as(attribute + " of " + id).isEmpty());
            }
            // what the target received, person by person: every state, in order; a repeat only of
            // what was in flight when the process died (at most one per worker)
            Map<String, String> personOfAccount = new HashMap<>();
            byPerson.forEach((person, accounts) -> accounts.forEach(a -> personOfAccount.put(a.path("id").asText(), person)));
            Map<String, List<Integer>> applied = new HashMap<>();
            int creates = 0;
            for (FaultProxy.Forwarded request : proxy.forwarded()) {
                if (request.status() >= 300 || request.body().isEmpty() || !request.path().contains("/Users")) {
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
            assertThat(creates).as("successful creates").isEqualTo(count);
            int repeats = 0;
            for (String id : people) {
                List<Integer> states = applied.get(id);
                assertThat(states).as("states applied for " + id).isSorted();
                assertThat(states.stream().distinct().toList()).as("every state for " + id)
                        .isEqualTo(java.util.stream.IntStream.range(0, CHANGES_EACH).boxed().toList());
                repeats += states.size() - CHANGES_EACH;
            }
            assertThat(repeats).as("states applied again after the kill").isLessThanOrEqualTo(WORKERS);
            try (Journal journal = Journal.open(parsed.journal())) {
                assertThat(journal.pendingAfter(0, 10)).isEmpty();
                assertThat(journal.deadLetters(Optional.empty(), 10)).isEmpty();
            }
        }
    }

    /** The configuration file's {@code authentication}, its secret taken from the environment. */
    static String authentication(TargetConfig.Authentication authentication) {
        if (authentication instanceof TargetConfig.ClientCredentials credentials) {
            return JSON.createObjectNode().put("type", "client_credentials")
                    .put("tokenEndpoint", credentials.tokenEndpoint().toString()).put("clientId", credentials.clientId())
                    .put("clientSecret", "${env:TARGET_SECRET}").toString();
        }
        return "{\"type\": \"bearer\", \"token\": \"${env:TARGET_SECRET}\"}";
    }

    /**
     * State k of a person: before the last, a family name and a role of its own; the last, the
     * deactivation. Every state has a mail address, which Keycloak's user profile requires.
     */
    static AccountState state(String id, int k) {
        Optional<String> mail = Optional.of(username(id) + "@example.org");
        if (k == CHANGES_EACH - 1) {
            return AccountState.inactive(id, username(id), "Test", "Stap" + k, mail);
        }
        return new AccountState(id, username(id), "Test", "Stap" + k, mail, List.of("Stap" + k + ":0900000147"), true);
    }

    /** The person an account at the target belongs to, by its {@code userName}. */
    static String person(JsonNode account) {
        String userName = account.path("userName").asText();
        return userName.startsWith("crash.") ? userName.substring("crash.".length()) : "";
    }

    static String username(String id) {
        return "crash." + id;
    }

    static int index(JsonNode user) {
        if (!user.path("active").asBoolean()) {
            return CHANGES_EACH - 1;
        }
        return Integer.parseInt(user.path("name").path("familyName").asText().substring("Stap".length()));
    }

    static boolean allFinal(TestTarget target, List<String> people) throws Exception {
        java.util.Set<String> waiting = new java.util.HashSet<>(people);
        for (JsonNode account : target.accounts()) {
            if (!account.path("active").asBoolean()) {
                waiting.remove(person(account));
            }
        }
        return waiting.isEmpty();
    }

    static Process child(EmbeddedDirectory directory, Path config, String secret) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ProvisioningProcess.class.getName(),
                directory.ldapUrl(), config.toString());
        builder.environment().put("TARGET_SECRET", secret);
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

    /** User writes the target accepted, through the proxy. */
    static long writes(FaultProxy proxy) {
        return proxy.forwarded().stream().filter(request -> request.status() < 300 && !request.body().isEmpty()
                && request.path().contains("/Users")).count();
    }

    static void awaitForwarded(FaultProxy proxy, int count, Duration longest, Process process)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(longest);
        while (proxy.forwarded().size() < count && Instant.now().isBefore(deadline) && process.isAlive()) {
            Thread.sleep(20);
        }
    }
}
