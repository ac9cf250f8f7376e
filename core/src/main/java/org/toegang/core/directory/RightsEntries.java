package org.toegang.core.directory;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.toegang.core.model.Grant;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.rights.ActiveGrants;
import org.toegang.core.rights.PersonRights;

/**
 * What the rights rule reads for one person at one application, as one search found it: the
 * candidate grants, the work relations, the organisations the person legally represents, and the
 * entryUUIDs (lower case) of the entries they came from.
 *
 * @param identified whether every entry carried its entryUUID; only then can a change report be
 *                   matched to them, so only then may they be kept
 * @param personActive whether the person entry was found and is not deactivated
 *                     ({@link EntryMapper#active}); a person who is not holds no grant that counts
 */
record RightsEntries(List<Grant> grants, List<WorkRelation> workRelations, Set<String> legalRepresentativeOf,
                     Set<String> entryUuids, boolean identified, boolean personActive) {

    /** For entries of an active person. */
    RightsEntries(List<Grant> grants, List<WorkRelation> workRelations, Set<String> legalRepresentativeOf,
                  Set<String> entryUuids, boolean identified) {
        this(grants, workRelations, legalRepresentativeOf, entryUuids, identified, true);
    }

    RightsEntries {
        grants = List.copyOf(grants);
        workRelations = List.copyOf(workRelations);
        legalRepresentativeOf = Set.copyOf(legalRepresentativeOf);
        entryUuids = Set.copyOf(entryUuids);
    }

    /** The grants that count at {@code moment} ({@link ActiveGrants}); none for a deactivated person. */
    List<Grant> activeAt(Instant moment) {
        return rightsAt(moment).grants();
    }

    /** Whether the person is active, and the grants that count at {@code moment}. */
    PersonRights rightsAt(Instant moment) {
        return personActive
                ? new PersonRights(true, ActiveGrants.select(grants, workRelations, legalRepresentativeOf, moment))
                : PersonRights.DEACTIVATED;
    }
}
