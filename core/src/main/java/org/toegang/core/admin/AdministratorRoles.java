package org.toegang.core.admin;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The administrative roles a caller holds at one moment, as read from the directory by
 * {@link AdministratorRolesReader}. Organisation sets already include sub-organisations: who
 * administers an organisation administers the organisations below it. Immutable.
 *
 * @param personId the caller's directory id; empty for a service account or the central administrator's account
 * @param legalRepresentativeOf organisations the caller legally represents
 * @param headAdministratorOf organisations the caller heads: as legal representative or by a valid
 *        head-administrator delegation
 * @param localAdministratorOf organisation → applications a valid local-administrator delegation is
 *        limited to; an empty set means every application
 * @param ownedApplications client ids of the applications the caller administers as owner
 * @param worksFor organisations the caller has a valid work relation with
 */
public record AdministratorRoles(Optional<String> personId, boolean centralAdministrator,
                                 Set<String> legalRepresentativeOf, Set<String> headAdministratorOf,
                                 Map<String, Set<String>> localAdministratorOf, Set<String> ownedApplications,
                                 Set<String> worksFor) {
    public AdministratorRoles {
        Objects.requireNonNull(personId, "personId");
        legalRepresentativeOf = Set.copyOf(legalRepresentativeOf);
        headAdministratorOf = Set.copyOf(headAdministratorOf);
        localAdministratorOf = Map.copyOf(localAdministratorOf);
        ownedApplications = Set.copyOf(ownedApplications);
        worksFor = Set.copyOf(worksFor);
    }

    /** A caller with no role at all. */
    public static AdministratorRoles none(Optional<String> personId) {
        return new AdministratorRoles(personId, false, Set.of(), Set.of(), Map.of(), Set.of(), Set.of());
    }
}
