package org.toegang.core.capacity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.toegang.core.model.Application;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.TargetGroup;
import org.toegang.core.role.RoleAssignment;
import org.toegang.core.role.ThreeDimensionalRole;
import org.toegang.core.role.ThreeDimensionalRoles;

/**
 * The capacity rules: in which capacities a person may act at an application, and which 3D
 * roles a capacity releases. Stateless and thread-safe.
 */
public final class Capacities {

    private static final Comparator<Organisation> BY_KEY = Comparator.comparing(Organisation::key);

    private Capacities() {
    }

    /**
     * The capacities a person may choose at an application: one per organisation or per target
     * group (as the application is configured), built from the organisations of the person's
     * active grants for that application and limited to the target groups the application is
     * open to. A capacity needs at least one active right; only an application open to
     * citizens also offers the citizen capacity ({@link TargetGroup#BUR}), which needs none.
     *
     * @param application   the requesting application; never null
     * @param activeGrants  the person's grants that count now ({@code ActiveGrants}), any application
     * @param organisations the organisations the grants name (others are ignored); never null
     * @return the capacities, by target group then organisation key; unmodifiable, never null
     */
    public static List<Capacity> of(Application application, Collection<Grant> activeGrants,
                                    Collection<Organisation> organisations) {
        Objects.requireNonNull(application, "application");
        Map<String, Organisation> byKey = organisations.stream()
                .collect(Collectors.toMap(Organisation::key, Function.identity(), (a, b) -> a));
        Map<TargetGroup, List<Organisation>> byGroup = new TreeMap<>();
        activeGrants.stream()
                .filter(grant -> grant.clientId().equals(application.clientId()))
                .map(grant -> byKey.get(grant.organisationKey()))
                .filter(Objects::nonNull)
                .filter(organisation -> application.openTo().contains(organisation.targetGroup()))
                .distinct()
                .sorted(BY_KEY)
                .forEach(organisation -> byGroup.computeIfAbsent(organisation.targetGroup(),
                        ignored -> new ArrayList<>()).add(organisation));

        List<Capacity> capacities = new ArrayList<>();
        if (application.isOpenToCitizens()) {
            capacities.add(new Capacity(application.capacityPer(), TargetGroup.BUR, List.of()));
        }
        byGroup.forEach((group, members) -> {
            if (application.capacityPer() == CapacityScope.TARGET_GROUP) {
                capacities.add(new Capacity(CapacityScope.TARGET_GROUP, group, members));
            } else {
                members.forEach(member -> capacities.add(
                        new Capacity(CapacityScope.ORGANISATION, group, List.of(member))));
            }
        });
        return List.copyOf(capacities);
    }

    /**
     * The 3D roles the capacity releases: those of the active grants held on behalf of the
     * capacity's organisations, in the form of the capacity's scope; nothing else.
     *
     * @param capacity     the chosen capacity; never null
     * @param activeGrants the person's grants for the application that count now; never null
     * @return the roles in claim form, sorted; unmodifiable, never null
     */
    public static List<String> roles(Capacity capacity, Collection<Grant> activeGrants) {
        List<String> keys = capacity.organisationKeys();
        List<RoleAssignment> assignments = activeGrants.stream()
                .filter(grant -> keys.contains(grant.organisationKey()))
                .map(Grant::toRoleAssignment)
                .toList();
        List<ThreeDimensionalRole> roles = capacity.scope() == CapacityScope.TARGET_GROUP
                ? ThreeDimensionalRoles.perTargetGroup(assignments)
                : ThreeDimensionalRoles.perOrganisation(assignments);
        return roles.stream().map(ThreeDimensionalRole::toString).toList();
    }

    /**
     * Whether the person may still act in this capacity: a citizen capacity always, any other
     * only while it releases at least one role. A refresh is refused when this is false.
     */
    public static boolean stillHeld(Capacity capacity, Collection<Grant> activeGrants) {
        return capacity.targetGroup() == TargetGroup.BUR || !roles(capacity, activeGrants).isEmpty();
    }
}
