package org.toegang.scim.outbound;

import java.nio.file.Path;
import java.time.Clock;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.directory.EmbeddedDirectory;

/**
 * Outbound provisioning alone in a JVM of its own, for the crash test: {@code <ldap url> <config file>}.
 * Prints {@code started} once running, then runs until killed.
 */
public final class ProvisioningProcess {
    private ProvisioningProcess() {
    }

    /**
     * Connects, trying again for up to a minute: on a loaded build machine the first bind of a
     * fresh JVM has missed the client's response timeout, and the test is about the crash, not that.
     */
    private static Directory connect(DirectoryConfig config) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return Directory.connect(config);
            } catch (org.toegang.core.directory.DirectoryUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                System.out.println("directory not answering yet, trying again: " + e.getMessage());
                Thread.sleep(1000);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Directory directory = connect(new DirectoryConfig(args[0], EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 4));
        OutboundProvisioning provisioning = OutboundProvisioning.start(ProvisioningConfigFile.load(Path.of(args[1])),
                directory, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            provisioning.close();
            directory.close();
        }));
        System.out.println("started");
        System.out.flush();
        Thread.currentThread().join();
    }
}
