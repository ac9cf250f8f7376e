package org.toegang.core.role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the 3D roles of a token from the active assignments of one person for one
 * application, in the two forms an application can be configured for.
 *
 * <p>The output order is deterministic, so the same grants always give the same claim: by
 * right, then by context value (absent first), then by organisation keys, all by plain
 * {@link String} order. Duplicate assignments give one role. Filtering the assignments to the
 * requesting application and to the chosen capacity is the caller's job.
 *
 * <p>Stateless and thread-safe.
 */
public final class ThreeDimensionalRoles {

    /** Right, then context with absent first; the order of the map keys below. */
    private static final Comparator<RightAndContext> RIGHT_THEN_CONTEXT =
            Comparator.comparing(RightAndContext::right)
                    .thenComparing(RightAndContext::context, Comparator.nullsFirst(Comparator.naturalOrder()));

    private ThreeDimensionalRoles() {
    }

    /**
     * One role per distinct (right, context, organisation), each with a single key: the form
     * for an application whose capacity is chosen per organisation, e.g.
     * {@code GeoGebruiker-editor:OVO900001}.
     *
     * @param assignments the active assignments; must not be null nor contain null
     * @return the roles, sorted and without duplicates; unmodifiable, never null
     * @throws NullPointerException if {@code assignments} is or contains null
     */
    public static List<ThreeDimensionalRole> perOrganisation(Collection<RoleAssignment> assignments) {
        List<ThreeDimensionalRole> roles = new ArrayList<>();
        grouped(assignments).forEach((rightAndContext, keys) -> keys.forEach(key ->
                roles.add(rightAndContext.roleFor(List.of(key)))));
        return List.copyOf(roles);
    }

    /**
     * One role per distinct (right, context), joining the keys of every organisation with
     * commas in sorted order: the form for an application whose capacity is chosen per
     * target group, e.g. {@code LoketGebruiker:0900000147,0900000345}.
     *
     * @param assignments the active assignments within the chosen target group; must not be
     *                    null nor contain null
     * @return the roles, sorted and without duplicates; unmodifiable, never null
     * @throws NullPointerException if {@code assignments} is or contains null
     */
    public static List<ThreeDimensionalRole> perTargetGroup(Collection<RoleAssignment> assignments) {
        List<ThreeDimensionalRole> roles = new ArrayList<>();
        grouped(assignments).forEach((rightAndContext, keys) ->
                roles.add(rightAndContext.roleFor(List.copyOf(keys))));
        return List.copyOf(roles);
    }

    private static Map<RightAndContext, SortedSet<String>> grouped(Collection<RoleAssignment> assignments) {
        Objects.requireNonNull(assignments, "assignments");
        Map<RightAndContext, SortedSet<String>> keysByRight = new TreeMap<>(RIGHT_THEN_CONTEXT);
        for (RoleAssignment assignment : assignments) {
            Objects.requireNonNull(assignment, "assignment");
            keysByRight.computeIfAbsent(new RightAndContext(assignment.right(), assignment.context()),
                    ignored -> new TreeSet<>()).add(assignment.organisationKey());
        }
        return keysByRight;
    }

    private record RightAndContext(String right, String context) {

        ThreeDimensionalRole roleFor(List<String> keys) {
            return ThreeDimensionalRole.of(right, context, keys);
        }
    }
}
