package org.toegang.core.directory;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Person;
import org.toegang.core.model.WorkRelation;

/**
 * One person with every grant and work relation they have, of any status or validity, as one read
 * of the directory found them; and the entryUUIDs (lower case) of those entries, so that a later
 * report of a deleted entry can be traced back to the person.
 */
public record PersonRights(Person person, List<Grant> grants, List<WorkRelation> workRelations,
                           Set<String> entryUuids) {
    public PersonRights {
        Objects.requireNonNull(person, "person");
        grants = List.copyOf(grants);
        workRelations = List.copyOf(workRelations);
        entryUuids = Set.copyOf(entryUuids);
    }
}
