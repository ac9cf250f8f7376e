package org.toegang.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on loopback in front of a directory, for tests of what happens when the directory
 * fails. It relays bytes untouched ({@link Mode#PASS}) until told to fail in one of the ways a
 * directory fails on the wire:
 * <ul>
 *   <li>{@link Mode#STOPPED}: the server process is gone: open connections are closed and new
 *       ones are refused (the port no longer listens);</li>
 *   <li>{@link Mode#REFUSING}: the server (or a firewall rule that rejects with a reset) refuses:
 *       open connections are reset, new ones are accepted and reset at once;</li>
 *   <li>{@link Mode#DROPPING}: a silent partition: connections stay open, new ones are accepted,
 *       and no byte passes in either direction.</li>
 * </ul>
 * Back to {@link Mode#PASS}, new connections relay again (those cut stay cut, as after a real
 * fault). Keeps its port across modes. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
    /** How the relay behaves. */
    public enum Mode {
        PASS, STOPPED, REFUSING, DROPPING
    }

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile ServerSocket listening;
    private volatile boolean closed;

    /** Relays loopback connections on a free port to {@code targetHost:targetPort}. */
    public FaultProxy(String targetHost, int targetPort) {
        this(targetHost, targetPort, 0);
    }

    /** Relays loopback connections on {@code port} (0: a free one) to {@code targetHost:targetPort}. */
    public FaultProxy(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = listen(port);
    }

    public int port() {
        return port;
    }

    /** {@code ldap://127.0.0.1:<port>} */
    public String ldapUrl() {
        return "ldap://127.0.0.1:" + port;
    }

    public Mode mode() {
        return mode;
    }

    /** Switches the behaviour; returns once open connections have been treated as the mode says. */
    public synchronized void set(Mode next) {
        Mode previous = mode;
        mode = next;
        switch (next) {
            case STOPPED -> {
                closeQuietly(listening);
                open.forEach(FaultProxy::closeQuietly);
            }
            case REFUSING -> open.forEach(this::reset);
            case DROPPING, PASS -> {
                // DROPPING: the relays stop passing bytes, see relay()
            }
        }
        if (previous == Mode.STOPPED && next != Mode.STOPPED && !closed) {
            listenAgain();
        }
    }

    /**
     * Takes the port back after {@link Mode#STOPPED}. While nothing listened, the kernel may have
     * given the port to a client's end of a connection (an ephemeral port, or a client that
     * connected to itself trying this one); such a connection ends within the clients' timeouts.
     */
    private void listenAgain() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                listen(port);
                return;
            } catch (UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private int listen(int wanted) {
        ServerSocket server;
        try {
            server = new ServerSocket();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
        } catch (IOException e) {
            closeQuietly(server);
            throw new UncheckedIOException("Cannot listen on port " + wanted, e);
        }
        listening = server;
        Thread acceptor = new Thread(() -> accept(server), "fault-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                switch (mode) {
                    case REFUSING -> reset(client);
                    case DROPPING -> open.add(client); // held open, never answered
                    case STOPPED -> closeQuietly(client);
                    case PASS -> connect(client);
                }
            } catch (IOException e) {
                // closed while accepting
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 2_000);
        } catch (IOException e) {
            reset(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        relay(client, upstream);
        relay(upstream, client);
    }

    private void relay(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (mode == Mode.DROPPING && !from.isClosed()) {
                        Thread.sleep(20); // the bytes are held back, as a partition holds them
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side closed or was reset
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "fault-proxy-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes with RST instead of FIN, as a refusing server or a rejecting firewall does. */
    private void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        closeQuietly(socket);
        open.remove(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // nothing to do
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(listening);
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }
}
