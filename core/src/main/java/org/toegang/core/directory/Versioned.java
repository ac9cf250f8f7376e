package org.toegang.core.directory;

import java.util.Objects;

/**
 * A value as stored, with the revision that guards changes to its entry (an entity tag). A write
 * that names a revision succeeds only while the entry still has it ({@link AdministrationStore}).
 */
public record Versioned<T>(T value, String revision) {
    public Versioned {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(revision, "revision");
    }
}
