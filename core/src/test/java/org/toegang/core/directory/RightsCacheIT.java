package org.toegang.core.directory;

import java.nio.file.Path;
import org.toegang.directory.EmbeddedDirectory;

/** The rights cache on the embedded ApacheDS, which reports its changes by persistent search. */
class RightsCacheIT extends RightsCacheContract {
    private EmbeddedDirectory embedded;

    @Override
    AutoCloseable startServer(Path data) {
        embedded = EmbeddedDirectory.builder().dataDirectory(data).port(0).start();
        return embedded;
    }

    @Override
    String serverUrl() {
        return embedded.ldapUrl();
    }

    @Override
    String adminDn() {
        return EmbeddedDirectory.ADMIN_DN;
    }

    @Override
    String adminPassword() {
        return EmbeddedDirectory.ADMIN_PASSWORD;
    }
}
