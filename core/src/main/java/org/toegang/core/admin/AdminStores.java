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

/** The directory access the administration needs, over one pool. */
public record AdminStores(Directory directory, DirectoryRepository repository, AdministrationStore administration, RegistryStore registry,
                          PersonStore people, IdempotencyStore idempotency,
                          ProvisioningTargetStore provisioningTargets, OrganisationRosters rosters) {
    public AdminStores {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(administration, "administration");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(provisioningTargets, "provisioningTargets");
        Objects.requireNonNull(rosters, "rosters");
    }

    /** Every store over {@code directory}, reading through {@code repository} (which may keep a rights cache). */
    public static AdminStores over(Directory directory, DirectoryRepository repository) {
        return over(directory, repository, OrganisationRosters.none());
    }

    /** As {@link #over(Directory, DirectoryRepository)}, keeping organisations' rosters in {@code rosters}. */
    public static AdminStores over(Directory directory, DirectoryRepository repository, OrganisationRosters rosters) {
        return new AdminStores(directory, repository, new AdministrationStore(directory), new RegistryStore(directory),
                new PersonStore(directory), new IdempotencyStore(directory), new ProvisioningTargetStore(directory),
                rosters);
    }
}
