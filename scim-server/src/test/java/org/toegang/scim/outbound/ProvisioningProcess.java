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

    public static void main(String[] args) throws InterruptedException {
        Directory directory = Directory.connect(new DirectoryConfig(args[0], EmbeddedDirectory.ADMIN_DN,
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
