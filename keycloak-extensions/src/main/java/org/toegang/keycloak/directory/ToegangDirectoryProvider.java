package org.toegang.keycloak.directory;

import org.keycloak.provider.Provider;
import org.toegang.core.directory.DirectoryRepository;

/** Per-session access to the node's shared directory pool. Cheap; holds no connection itself. */
public final class ToegangDirectoryProvider implements Provider {
    private final DirectoryRepository repository;

    ToegangDirectoryProvider(DirectoryRepository repository) {
        this.repository = repository;
    }

    /** The repository over the node's pool; never null. */
    public DirectoryRepository repository() {
        return repository;
    }

    @Override
    public void close() {
        // the pool belongs to the factory
    }
}
