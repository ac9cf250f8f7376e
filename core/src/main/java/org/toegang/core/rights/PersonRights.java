package org.toegang.core.rights;

import java.util.List;
import java.util.Objects;
import org.toegang.core.capacity.Capacities;
import org.toegang.core.capacity.Capacity;
import org.toegang.core.model.Grant;

/**
 * What a person may do at one application at one moment: whether they are active, and the grants
 * that count ({@link ActiveGrants}). A person deactivated in the directory ({@code toegangActive:
 * FALSE}, SCIM {@code active: false}) or no longer in it is not active: they hold no grant and no
 * capacity, not even a citizen's, so no further token may be issued to them.
 *
 * @param active whether the person entry exists and is not deactivated
 * @param grants the grants that count; empty when not active; unmodifiable, never null
 */
public record PersonRights(boolean active, List<Grant> grants) {
    /** A person who is deactivated or gone. */
    public static final PersonRights DEACTIVATED = new PersonRights(false, List.of());

    public PersonRights {
        grants = List.copyOf(Objects.requireNonNull(grants, "grants"));
        if (!active && !grants.isEmpty()) {
            throw new IllegalArgumentException("a person who is not active holds no grant");
        }
    }

    /** Whether the person may still act in {@code capacity}: active, and the capacity still held. */
    public boolean holds(Capacity capacity) {
        return active && Capacities.stillHeld(capacity, grants);
    }
}
