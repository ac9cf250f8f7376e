package org.toegang.core.capacity;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.toegang.core.model.Organisation;
import org.toegang.core.model.WorkRelation;

/**
 * Which one of several organisations names a person's capacity per target group in
 * {@code vo_orgcode} and {@code vo_orgnaam}: the person's primary organisation in that group.
 * Stateless and thread-safe.
 *
 * <p>The one rule, applied to the organisations of the capacity and the person's work relations
 * valid at the moment of sign-in:
 * <ol>
 *   <li>an organisation with a relation marked primary ({@code toegangPrimary: TRUE}) comes first;</li>
 *   <li>then the one whose valid relation runs longest (earliest start);</li>
 *   <li>then the one with the smallest key (also for organisations the person serves without a
 *       work relation, e.g. as legal representative, which come after those with one).</li>
 * </ol>
 */
public final class PrimaryOrganisation {

    private PrimaryOrganisation() {
    }

    /**
     * The primary organisation among {@code organisations}.
     *
     * @param organisations the capacity's organisations; never null
     * @param relations     the person's work relations, any organisation, any validity; never null
     * @param now           the moment that decides which relations count; never null
     * @return the primary organisation; empty only when {@code organisations} is empty; never null
     */
    public static Optional<Organisation> of(List<Organisation> organisations, Collection<WorkRelation> relations,
                                            Instant now) {
        Objects.requireNonNull(now, "now");
        List<WorkRelation> valid = relations.stream().filter(relation -> relation.validity().contains(now)).toList();
        return organisations.stream().min(Comparator
                .comparing((Organisation organisation) -> !marked(organisation, valid))
                .thenComparing(organisation -> since(organisation, valid), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Organisation::key));
    }

    private static boolean marked(Organisation organisation, List<WorkRelation> valid) {
        return valid.stream().anyMatch(relation -> relation.primary()
                && relation.organisationKey().equals(organisation.key()));
    }

    /** The start of the organisation's longest-running valid relation; null when it has none. */
    private static Instant since(Organisation organisation, List<WorkRelation> valid) {
        return valid.stream().filter(relation -> relation.organisationKey().equals(organisation.key()))
                .map(relation -> relation.validity().from())
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
