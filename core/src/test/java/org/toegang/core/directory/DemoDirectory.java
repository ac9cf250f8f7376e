package org.toegang.core.directory;

import java.nio.file.Path;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.directory.SearchCountingProxy;

/**
 * The embedded directory with the demo data, reached through a search-counting proxy, and a
 * repository over it: what core's integration tests run against.
 */
public final class DemoDirectory implements AutoCloseable {
    private final EmbeddedDirectory embedded;
    private final SearchCountingProxy proxy;
    private final Directory directory;
    private final DirectoryRepository repository;

    private DemoDirectory(Path data) {
        embedded = EmbeddedDirectory.builder().dataDirectory(data).port(0).start();
        proxy = new SearchCountingProxy(embedded.ldapUrl());
        directory = Directory.connect(new DirectoryConfig(proxy.ldapUrl(), EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 4));
        repository = new DirectoryRepository(directory);
    }

    public static DemoDirectory start(Path data) {
        return new DemoDirectory(data);
    }

    public EmbeddedDirectory embedded() {
        return embedded;
    }

    public SearchCountingProxy proxy() {
        return proxy;
    }

    public Directory directory() {
        return directory;
    }

    public DirectoryRepository repository() {
        return repository;
    }

    @Override
    public void close() {
        directory.close();
        proxy.close();
        embedded.close();
    }
}
