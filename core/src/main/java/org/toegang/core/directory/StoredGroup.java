package org.toegang.core.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain group as the directory holds it.
 *
 * @param members the people who are members, by directory id, with their display name; empty
 *        when the group was read without its members
 * @param version changes whenever any stored value of the entry changes (an entity tag); empty
 *        when the group was read without its members, since the members are part of what it covers
 */
public record StoredGroup(String id, String displayName, Optional<String> externalId, List<Member> members,
                          Optional<Instant> created, Optional<Instant> modified, Optional<String> version) {
    public StoredGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(externalId, "externalId");
        members = List.copyOf(members);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(version, "version");
    }

    /** A member: a person's directory id and display name. */
    public record Member(String personId, String display) {
    }

    /** A group a person belongs to: the group's id and display name. */
    public record Reference(String id, String displayName) {
    }
}
