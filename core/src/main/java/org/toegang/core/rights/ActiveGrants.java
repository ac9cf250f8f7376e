package org.toegang.core.rights;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.WorkRelation;

/**
 * The rule for which grants count at a moment, the one place it is written: the grant is active,
 * its validity contains the moment, and the person then works for the grant's organisation (a
 * valid work relation) or is its legal representative, who needs no work relation to act for it.
 */
public final class ActiveGrants {
    private ActiveGrants() {
    }

    /** The grants that count at {@code now}, in the order given; never null. */
    public static List<Grant> select(Collection<Grant> grants, Collection<WorkRelation> workRelations,
                                     Set<String> legalRepresentativeOf, Instant now) {
        Set<String> actsFor = workRelations.stream()
                .filter(relation -> relation.validity().contains(now))
                .map(WorkRelation::organisationKey)
                .collect(Collectors.toSet());
        return grants.stream()
                .filter(grant -> grant.status() == GrantStatus.ACTIVE)
                .filter(grant -> grant.validity().contains(now))
                .filter(grant -> actsFor.contains(grant.organisationKey())
                        || legalRepresentativeOf.contains(grant.organisationKey()))
                .toList();
    }
}
