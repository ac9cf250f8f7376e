package org.toegang.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.toegang.directory.FaultProxy;
import org.toegang.directory.SearchCountingProxy;

/**
 * The stack the end-to-end tests share: one directory and one Keycloak per test JVM, on free
 * ports, in {@code target/it}. Get it as a parameter of a test or lifecycle method in a class
 * annotated {@code @ExtendWith(ToegangStackExtension.class)}.
 */
public final class RunningToegang implements AutoCloseable {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final ToegangStack stack;
    private final SearchCountingProxy providerSearches;
    private final FaultProxy directoryFaults;
    private final HttpClient http = HttpClient.newHttpClient();

    RunningToegang(ToegangStack stack, SearchCountingProxy providerSearches, FaultProxy directoryFaults) {
        this.stack = stack;
        this.providerSearches = providerSearches;
        this.directoryFaults = directoryFaults;
    }

    /**
     * The relay in front of the directory that both our providers (behind {@link #providerSearches})
     * and Keycloak's LDAP federation pass. A test that makes it fail sets it back to
     * {@link FaultProxy.Mode#PASS} before it ends, and waits until the stack has recovered.
     */
    public FaultProxy directoryFaults() {
        return directoryFaults;
    }

    /**
     * Counts the LDAP searches of our providers (capacity step, token mappers, refresh check); not
     * those of Keycloak's LDAP federation. Shared by the tests of this JVM, which run one at a time.
     */
    public SearchCountingProxy providerSearches() {
        return providerSearches;
    }

    public ToegangStack stack() {
        return stack;
    }

    /** e.g. {@code http://localhost:41234} */
    public URI keycloakUrl() {
        return stack.keycloakUrl();
    }

    /** The {@code toegang} realm's URL, which is its tokens' issuer. */
    public URI realmUrl() {
        return stack.realmUrl();
    }

    public int httpPort() {
        return stack.settings().httpPort();
    }

    public int managementPort() {
        return stack.settings().managementPort();
    }

    public int ldapPort() {
        return stack.settings().ldapPort();
    }

    public DirectoryAccess directory() {
        return stack.directory();
    }

    public Path keycloakLog() {
        return stack.keycloakLog();
    }

    /** A fresh access token of Keycloak's bootstrap administrator (master realm, {@code admin-cli}). */
    public String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USERNAME
                + "&password=" + KeycloakServer.ADMIN_PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(keycloakUrl().resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("No admin token: " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("No admin token", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /**
     * Keycloak's log lines that match, waiting up to five seconds for at least one: Keycloak
     * writes an event's line just after it answers the request that caused it.
     */
    public List<String> awaitLogLines(Predicate<String> matching) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (true) {
            List<String> found = logLines().stream().filter(matching).toList();
            if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    /** All of Keycloak's log so far. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(keycloakLog(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Duration startTimeout() {
        return Duration.ofSeconds(Long.getLong("toegang.it.startTimeoutSeconds", 420));
    }

    @Override
    public void close() {
        stack.close();
        providerSearches.close();
        directoryFaults.close();
    }
}
