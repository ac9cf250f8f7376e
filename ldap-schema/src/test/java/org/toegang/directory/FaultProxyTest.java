package org.toegang.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FaultProxyTest {

    /**
     * While the proxy is stopped its port is free, and the kernel may hand it to a client's end of
     * a connection; the proxy waits for it to be released instead of failing to listen again.
     */
    @Test
    void listensAgainOnItsPortOnceAClientThatTookItMeanwhileLetsGo() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             FaultProxy proxy = new FaultProxy("127.0.0.1", target.getLocalPort())) {
            CompletableFuture.runAsync(() -> acceptOne(target));
            proxy.set(FaultProxy.Mode.STOPPED);
            Socket taker = take(proxy.port());

            CompletableFuture<Void> healed = CompletableFuture.runAsync(() -> proxy.set(FaultProxy.Mode.PASS));
            Thread.sleep(300);
            assertThat(healed).as("waits while the port is taken").isNotDone();
            taker.close();
            healed.get(10, TimeUnit.SECONDS);

            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                client.getOutputStream().write(42);
                assertThat(client.getInputStream().read()).as("relayed to the target and back").isEqualTo(42);
            }
        }
    }

    /** Binds a client socket to the port, once the stopped proxy's socket is really closed (its acceptor lets go). */
    private static Socket take(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            Socket taker = new Socket();
            try {
                taker.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return taker;
            } catch (BindException e) {
                taker.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private static void acceptOne(ServerSocket target) {
        try (Socket connection = target.accept()) {
            connection.getOutputStream().write(connection.getInputStream().read());
        } catch (IOException e) {
            // the test fails on its own assertions
        }
    }
}
