package org.toegang.core.capacity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.TargetGroup;
import org.toegang.core.model.WorkRelation;

/**
 * As whom a person acts at an application (hoedanigheid): a target group and the organisations
 * of that group on whose behalf the person acts. Capacity per organisation holds one
 * organisation; capacity per target group holds every organisation of the group for which the
 * person holds a right; a citizen ({@link TargetGroup#BUR}) holds none.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scope         how the application lets people choose; never null
 * @param targetGroup   the chosen target group; never null
 * @param organisations the organisations, sorted by key, each once; unmodifiable, never null
 * @param primaryKey    of several organisations, the key of the person's primary one
 *                      ({@link PrimaryOrganisation}); empty when not decided; never null
 */
public record Capacity(CapacityScope scope, TargetGroup targetGroup, List<Organisation> organisations,
                       Optional<String> primaryKey) {

    /** A capacity whose primary organisation is not decided (yet). */
    public Capacity(CapacityScope scope, TargetGroup targetGroup, List<Organisation> organisations) {
        this(scope, targetGroup, organisations, Optional.empty());
    }

    public Capacity {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(targetGroup, "targetGroup");
        Objects.requireNonNull(primaryKey, "primaryKey");
        organisations = List.copyOf(organisations);
        if (primaryKey.isPresent() && organisations.stream().noneMatch(o -> o.key().equals(primaryKey.get()))) {
            throw new IllegalArgumentException("primary organisation " + primaryKey.get() + " is not in the capacity");
        }
        for (Organisation organisation : organisations) {
            if (organisation.targetGroup() != targetGroup) {
                throw new IllegalArgumentException("organisation " + organisation.key() + " is not in " + targetGroup);
            }
        }
    }

    /** The keys of the organisations, in order; never null. */
    public List<String> organisationKeys() {
        return organisations.stream().map(Organisation::key).toList();
    }

    /**
     * The organisation released as {@code vo_orgcode} and {@code vo_orgnaam}: the only one, or of
     * several the primary one ({@link PrimaryOrganisation}); empty for a citizen, and for several
     * organisations whose primary one was not decided.
     */
    public Optional<Organisation> organisation() {
        if (organisations.size() == 1) {
            return Optional.of(organisations.get(0));
        }
        return primaryKey.flatMap(key -> organisations.stream().filter(o -> o.key().equals(key)).findFirst());
    }

    /**
     * This capacity with its primary organisation decided from the person's work relations
     * ({@link PrimaryOrganisation}); the same capacity when it has fewer than two organisations.
     */
    public Capacity withPrimaryFrom(Collection<WorkRelation> relations, Instant now) {
        if (organisations.size() < 2) {
            return this;
        }
        return new Capacity(scope, targetGroup, organisations,
                PrimaryOrganisation.of(organisations, relations, now).map(Organisation::key));
    }

    /** A short stable identifier, e.g. {@code "LB:0900000147,0900000345"}, for forms and logs. */
    public String id() {
        return targetGroup.code() + ':' + String.join(",", organisationKeys());
    }
}
