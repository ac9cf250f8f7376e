package org.toegang.core.provisioning;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.Person;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.rights.ActiveGrants;
import org.toegang.core.role.ThreeDimensionalRole;

/**
 * Who should be at an application's account store, and with which roles: the one place this
 * rule is written. A person belongs there while at least one of their grants for that
 * application counts ({@link ActiveGrants}); the account then carries exactly those grants as
 * 3D roles, one per organisation. Grants of other applications never influence the state, so no
 * other application's data can leave with it. Stateless and thread-safe.
 */
public final class ProvisioningRule {
    private ProvisioningRule() {
    }

    /**
     * The state the application {@code clientId} should hold for {@code person} at {@code now}.
     *
     * @param grants every grant of the person, of any application, status or validity
     * @return an active state with the counting rights, or an inactive one without roles; never null
     */
    public static AccountState stateAt(Person person, String clientId, Collection<Grant> grants,
                                       Collection<WorkRelation> workRelations, Instant now) {
        List<Grant> ofApplication = grants.stream().filter(grant -> grant.clientId().equals(clientId)).toList();
        List<Grant> counting = ActiveGrants.select(ofApplication, workRelations, person.legalRepresentativeOf(), now);
        if (counting.isEmpty()) {
            return AccountState.inactive(person.id(), person.username(), person.givenName(), person.familyName(),
                    person.email());
        }
        Set<String> roles = new TreeSet<>();
        counting.forEach(grant -> roles.add(ThreeDimensionalRole.of(grant.right(), grant.context().orElse(null),
                List.of(grant.organisationKey())).toString()));
        return new AccountState(person.id(), person.username(), person.givenName(), person.familyName(),
                person.email(), List.copyOf(roles), true);
    }

    /**
     * The first moment after {@code now} at which the answer of {@link #stateAt} may change without
     * any write to the directory: a validity of an active grant or of a work relation starting or
     * ending. Empty when no such moment lies ahead.
     */
    public static Optional<Instant> nextBoundary(Collection<Grant> grants, Collection<WorkRelation> workRelations,
                                                 Instant now) {
        Stream<org.toegang.core.model.Validity> validities = Stream.concat(
                grants.stream().filter(grant -> grant.status() == GrantStatus.ACTIVE).map(Grant::validity),
                workRelations.stream().map(WorkRelation::validity));
        return validities.flatMap(validity -> Stream.concat(Stream.of(validity.from()), validity.to().stream()))
                .filter(moment -> moment.isAfter(now))
                .min(Instant::compareTo);
    }
}
