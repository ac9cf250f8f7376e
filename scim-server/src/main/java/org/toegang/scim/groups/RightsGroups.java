package org.toegang.scim.groups;

import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Meta;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.toegang.core.directory.RightsQuery;
import org.toegang.core.model.Grant;

/**
 * The derived rights groups: one per application, right (with its context value) and
 * organisation, whose members are the people for whom that right counts now. Their id is a
 * name-based UUID of their name, so it is the same on every server and after every restart.
 */
public final class RightsGroups {
    private final RightsQuery rights;

    public RightsGroups(RightsQuery rights) {
        this.rights = rights;
    }

    /** {@code <application> <3D role>}, e.g. {@code dv_geoportaal GeoGebruiker-editor:OVO900001}. */
    public static String name(Grant grant) {
        return grant.clientId() + " " + grant.toThreeDimensionalRole();
    }

    /** The id of the group a grant makes its holder a member of. */
    public static String id(Grant grant) {
        return id(name(grant));
    }

    static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Every derived group the application (empty: every application) has now, sorted by name. */
    List<GroupResource> all(Optional<String> application, Instant now, URI users) {
        Map<String, List<Grant>> byGroup = new TreeMap<>();
        rights.activeGrantsByPerson(application, now).values().forEach(grants -> grants
                .forEach(grant -> byGroup.computeIfAbsent(name(grant), key -> new ArrayList<>()).add(grant)));
        List<GroupResource> groups = new ArrayList<>();
        byGroup.forEach((name, grants) -> {
            GroupResource group = new GroupResource();
            group.setId(id(name));
            group.setDisplayName(name);
            group.setMembers(grants.stream().map(Grant::personId).distinct().sorted()
                    .map(person -> new Member().setValue(person).setType("User").setRef(users.resolve(person)))
                    .toList());
            Meta meta = new Meta();
            meta.setResourceType("Group");
            group.setMeta(meta);
            groups.add(group);
        });
        return groups;
    }
}
