package org.toegang.keycloak.directory;

import java.util.function.Supplier;
import org.keycloak.provider.Provider;
import org.toegang.core.admin.Administration;
import org.toegang.core.directory.DirectoryRepository;

/** Per-session access to the node's shared directory pool. Cheap; holds no connection itself. */
public final class ToegangDirectoryProvider implements Provider {
    private final DirectoryRepository repository;
    private final Supplier<Administration> administration;

    ToegangDirectoryProvider(DirectoryRepository repository, Supplier<Administration> administration) {
        this.repository = repository;
        this.administration = administration;
    }

    /** Delegated administration over the node's pool; never null. */
    public Administration administration() {
        return administration.get();
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
