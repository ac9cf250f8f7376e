package org.toegang.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The load balancer in front of the Keycloak nodes, as small as a test needs: a TCP proxy on a
 * free loopback port that sends each connection to the first node that accepts it, so that when a
 * node dies the next connection goes to the other (what a balancer's health check achieves).
 */
final class FailoverBalancer implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final ServerSocket server;
    private final List<URI> nodes;
    private final ExecutorService pipes = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "balancer");
        thread.setDaemon(true);
        return thread;
    });

    FailoverBalancer(List<URI> nodes) throws IOException {
        this.nodes = List.copyOf(nodes);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pipes.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pipes.execute(() -> forward(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void forward(Socket client) {
        for (URI node : nodes) {
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(node.getHost(), node.getPort()), CONNECT_TIMEOUT_MILLIS);
            } catch (IOException refused) {
                closeQuietly(upstream);
                continue;
            }
            pipes.execute(() -> pipe(client, upstream));
            pipe(upstream, client);
            return;
        }
        closeQuietly(client);
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pipes.shutdownNow();
    }
}
