package org.toegang.core.model;

import java.util.Objects;
import java.util.Optional;

/** An organisation, identified by its key in its target group's authentic source. */
public record Organisation(String key, String name, TargetGroup targetGroup, Optional<String> parentKey) {
    public Organisation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetGroup, "targetGroup");
        Objects.requireNonNull(parentKey, "parentKey");
    }
}
