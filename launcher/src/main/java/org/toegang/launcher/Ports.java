package org.toegang.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks that the ports Toegang is about to listen on are free, before anything starts. */
final class Ports {
    private Ports() {
    }

    /**
     * Checks each port by binding it briefly on {@code host}.
     *
     * @param portsByOption the port each option asks for, keyed by the option's name and what it is
     *     for (e.g. {@code "--http-port (Keycloak)"}), in the order to report
     * @throws StartupException naming the first port that is taken, or two options that ask for the same port
     */
    static void requireFree(String host, Map<String, Integer> portsByOption) {
        Map<Integer, String> seen = new LinkedHashMap<>();
        portsByOption.forEach((option, port) -> {
            String other = seen.putIfAbsent(port, option);
            if (other != null) {
                throw new StartupException("Port " + port + " is asked for twice: by " + other + " and by " + option
                        + ". Give each its own port.");
            }
        });
        portsByOption.forEach((option, port) -> {
            if (!isFree(host, port)) {
                throw new StartupException("Port " + port + " on " + host + " is already in use, so " + option
                        + " cannot listen there. Stop what uses it, or choose another port with "
                        + option.split(" ")[0] + ".");
            }
        });
    }

    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that is free on {@code host} now (another process may still take it before it is used). */
    static int free(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }
}
