package org.toegang.core.capacity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.TargetGroup;

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
 */
public record Capacity(CapacityScope scope, TargetGroup targetGroup, List<Organisation> organisations) {

    public Capacity {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(targetGroup, "targetGroup");
        organisations = List.copyOf(organisations);
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
     * The single organisation of this capacity, released as {@code vo_orgcode} and
     * {@code vo_orgnaam}; empty for a citizen and for a target-group capacity of several
     * organisations, because one claim cannot name several organisations.
     */
    public Optional<Organisation> organisation() {
        return organisations.size() == 1 ? Optional.of(organisations.get(0)) : Optional.empty();
    }

    /** A short stable identifier, e.g. {@code "LB:0900000147,0900000345"}, for forms and logs. */
    public String id() {
        return targetGroup.code() + ':' + String.join(",", organisationKeys());
    }
}
