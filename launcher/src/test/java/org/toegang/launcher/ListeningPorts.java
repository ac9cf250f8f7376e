package org.toegang.launcher;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts a while after choosing them (Keycloak takes half a minute to
 * start). The port the kernel hands out for a bind to 0 comes from its ephemeral range (32768 to
 * 60999 on Linux), from which every outgoing connection made meanwhile draws its local port too,
 * so such a port can be taken by the time the server binds it ("cannot listen"). These come from
 * below that range, each handed out once per test run.
 */
final class ListeningPorts {
    private static final int LOWEST = 20_000;
    private static final int FIRST_EPHEMERAL = 32_768;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private ListeningPorts() {
    }

    /** A port that is free on {@code host} now and outside the ephemeral range. */
    static int free(String host) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, FIRST_EPHEMERAL);
            if (!GIVEN.contains(port) && Ports.isFree(host, port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port from " + LOWEST + " to " + (FIRST_EPHEMERAL - 1) + " on " + host);
    }
}
