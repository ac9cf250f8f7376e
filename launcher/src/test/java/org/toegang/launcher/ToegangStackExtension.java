package org.toegang.launcher;

import java.nio.file.Path;
import org.toegang.directory.FaultProxy;
import org.toegang.directory.SearchCountingProxy;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the directory and Keycloak once per test JVM, on the first test that asks for a
 * {@link RunningToegang}, and stops them when the JVM's tests are done (the root context's store
 * closes it). Free ports and a home under {@code target/it}, so the tests run beside a
 * {@code toegang up} without touching it.
 *
 * <p>Our providers reach the directory through a {@link SearchCountingProxy}, so tests can count
 * on the wire the searches a token costs ({@link RunningToegang#providerSearches()}); Keycloak's
 * own LDAP federation does not pass it and is not counted. Both pass a {@link FaultProxy} in
 * front of the directory ({@link RunningToegang#directoryFaults()}), which relays untouched
 * unless a fault test makes it fail; such a test sets it back to {@code PASS} when done.
 *
 * <p>A failed start is kept too: the next test class reports the same failure instead of waiting
 * for another start.
 */
public final class ToegangStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ToegangStackExtension.class);
    private static final String HOST = "127.0.0.1";
    /** Read by {@link ToegangStack}: the directory URL our providers use, when set. */
    private static final String PROVIDERS_LDAP_URL = "toegang.providers.ldap-url";
    /** Read by {@link RealmDefinition}: the directory URL of Keycloak's LDAP federation, when set. */
    private static final String FEDERATION_LDAP_URL = RealmDefinition.FEDERATION_LDAP_URL;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningToegang.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Started.class, key -> Started.attempt(false), Started.class)
                .get();
    }

    /**
     * Starts the tests' stack (with Keycloak's {@code scim-api} feature) and its SCIM server for a
     * program rather than a test, such as a benchmark; the caller closes it.
     */
    public static RunningToegang startForProgram() {
        return Started.attempt(true).get();
    }

    /** The outcome of the one start attempt; closing it stops the stack. */
    private record Started(RunningToegang running, RuntimeException failure) implements AutoCloseable {
        /** @param withScim whether the stack runs its SCIM server too (the tests start their own) */
        static Started attempt(boolean withScim) {
            int ldapPort = ListeningPorts.free(HOST);
            StackSettings.Builder builder = StackSettings.builder();
            if (withScim) {
                builder.scimPort(ListeningPorts.free(HOST));
            }
            StackSettings settings = builder
                    .dataDirectory(Path.of(System.getProperty("toegang.it.work", "target/it")))
                    .host(HOST)
                    .httpPort(ListeningPorts.free(HOST))
                    .managementPort(ListeningPorts.free(HOST))
                    .ldapPort(ldapPort)
                    .fresh(true)
                    .startTimeout(RunningToegang.startTimeout())
                    .build();
            ToegangStack stack = ToegangStack.create(settings, line -> System.out.println("[toegang] " + line));
            // The proxies connect to the directory only when a client connects, so they may start first.
            FaultProxy faults = new FaultProxy(HOST, ldapPort);
            SearchCountingProxy providerSearches = new SearchCountingProxy(faults.ldapUrl());
            // Also stop it if the JVM is ended before JUnit closes the store.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                providerSearches.close();
                faults.close();
            }, "toegang-it-stop"));
            // ToegangStack reads the property only while it starts: clear it again, so that another
            // stack in this JVM (a launcher run in a test) is not pointed at this directory.
            System.setProperty(PROVIDERS_LDAP_URL, providerSearches.ldapUrl());
            System.setProperty(FEDERATION_LDAP_URL, faults.ldapUrl());
            // Keycloak's own SCIM API, a target of the outbound provisioning tests (KeycloakScimProvisioningIT);
            // it answers only in realms whose scimApiEnabled is on, which the toegang realm's is not
            System.setProperty(KeycloakServer.FEATURES_PROPERTY, "scim-api");
            try {
                return new Started(new RunningToegang(stack.start(), providerSearches, faults), null);
            } catch (RuntimeException e) {
                providerSearches.close();
                faults.close();
                return new Started(null, e);
            } finally {
                System.clearProperty(PROVIDERS_LDAP_URL);
                System.clearProperty(FEDERATION_LDAP_URL);
                System.clearProperty(KeycloakServer.FEATURES_PROPERTY);
            }
        }

        RunningToegang get() {
            if (failure != null) {
                throw new IllegalStateException("The Toegang stack did not start: " + failure.getMessage(), failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
