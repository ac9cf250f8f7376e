package org.toegang.core.admin;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.rights.ActiveGrants;

/**
 * How a grant stands at a moment, for display: whether it counts now ({@link ActiveGrants}, the
 * one rule), and whether an active, running grant does not count because the person's work
 * relation with its organisation has ended (it stays visible, marked).
 */
public record GrantMarks(boolean countsNow, boolean workRelationEnded) {

    public static GrantMarks of(Grant grant, Collection<WorkRelation> personsWorkRelations,
                                Set<String> personRepresents, Instant now) {
        boolean counts = !ActiveGrants.select(List.of(grant), personsWorkRelations, personRepresents, now).isEmpty();
        boolean running = grant.status() == GrantStatus.ACTIVE && grant.validity().contains(now);
        return new GrantMarks(counts, running && !counts);
    }
}
