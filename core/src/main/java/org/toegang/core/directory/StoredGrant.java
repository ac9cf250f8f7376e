package org.toegang.core.directory;

import java.util.Objects;
import java.util.Optional;
import org.toegang.core.model.Grant;

/**
 * A grant as stored: the grant, why its request was approved or rejected, and its revision.
 */
public record StoredGrant(Grant grant, Optional<String> decisionReason, String revision) {
    public StoredGrant {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(decisionReason, "decisionReason");
        Objects.requireNonNull(revision, "revision");
    }

    public String id() {
        return grant.id();
    }
}
