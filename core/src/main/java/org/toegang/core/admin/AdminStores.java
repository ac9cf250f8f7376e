package org.toegang.core.admin;

import java.util.Objects;
import org.toegang.core.directory.AdministrationStore;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.directory.IdempotencyStore;
import org.toegang.core.directory.OrganisationRosters;
import org.toegang.core.directory.PersonStore;
import org.toegang.core.directory.ProvisioningTargetStore;
import org.toegang.core.directory.RegistryStore;
import org.toegang.core.directory.RosterPrefetch;

/** The directory access the administration needs, over one pool. */
public record AdminStores(Directory directory, DirectoryRepository repository, AdministrationStore administration, RegistryStore registry,
                          PersonStore people, IdempotencyStore idempotency,
                          ProvisioningTargetStore provisioningTargets, OrganisationRosters rosters,
                          RosterPrefetch prefetch) {
    public AdminStores {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(administration, "administration");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(provisioningTargets, "provisioningTargets");
        Objects.requireNonNull(rosters, "rosters");
        Objects.requireNonNull(prefetch, "prefetch");
    }

    /** Every store over {@code directory}, reading through {@code repository} (which may keep a rights cache). */
    public static AdminStores over(Directory directory, DirectoryRepository repository) {
        OrganisationRosters none = OrganisationRosters.none();
        return over(directory, repository, none, new RosterPrefetch(directory, none));
    }

    /**
     * As {@link #over(Directory, DirectoryRepository)}, keeping organisations' rosters in
     * {@code rosters}, which {@code prefetch} reads ahead of their listings.
     */
    public static AdminStores over(Directory directory, DirectoryRepository repository, OrganisationRosters rosters,
                                   RosterPrefetch prefetch) {
        return new AdminStores(directory, repository, new AdministrationStore(directory), new RegistryStore(directory),
                new PersonStore(directory), new IdempotencyStore(directory), new ProvisioningTargetStore(directory),
                rosters, prefetch);
    }
}
