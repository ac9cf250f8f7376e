package org.toegang.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toegang.core.capacity.Demo.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.TargetGroup;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationType;

class PrimaryOrganisationTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final List<Organisation> LB = List.of(DEMODORP, VOORBEELDSTAD);

    private static WorkRelation relation(Organisation organisation, int daysAgo, boolean primary) {
        return new WorkRelation("r-" + organisation.key() + daysAgo, "an", organisation.key(), WorkRelationType.EXTERNAL,
                Validity.openEnded(NOW.minus(daysAgo, ChronoUnit.DAYS)), primary);
    }

    @Test
    void aRelationMarkedPrimaryWinsOverALongerRunningOne() {
        var relations = List.of(relation(DEMODORP, 900, false), relation(VOORBEELDSTAD, 10, true));

        assertThat(PrimaryOrganisation.of(LB, relations, NOW)).contains(VOORBEELDSTAD);
    }

    @Test
    void withoutAMarkTheLongestRunningRelationWins() {
        var relations = List.of(relation(DEMODORP, 100, false), relation(VOORBEELDSTAD, 101, false));

        assertThat(PrimaryOrganisation.of(LB, relations, NOW)).contains(VOORBEELDSTAD);
    }

    @Test
    void aTieGoesToTheSmallestKey() {
        var relations = List.of(relation(VOORBEELDSTAD, 100, false), relation(DEMODORP, 100, false));

        assertThat(PrimaryOrganisation.of(LB, relations, NOW)).contains(DEMODORP);
    }

    @Test
    void aMarkOnARelationThatHasEndedDoesNotCount() {
        WorkRelation ended = new WorkRelation("old", "an", VOORBEELDSTAD.key(), WorkRelationType.EXTERNAL,
                Validity.between(NOW.minus(400, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS)), true);
        var relations = List.of(ended, relation(VOORBEELDSTAD, 5, false), relation(DEMODORP, 50, false));

        assertThat(PrimaryOrganisation.of(LB, relations, NOW)).contains(DEMODORP);
    }

    @Test
    void organisationsWithoutAWorkRelationComeAfterThoseWithOne() {
        var relations = List.of(relation(VOORBEELDSTAD, 1, false));

        assertThat(PrimaryOrganisation.of(LB, relations, NOW)).contains(VOORBEELDSTAD);
        assertThat(PrimaryOrganisation.of(LB, List.of(), NOW)).contains(DEMODORP);
        assertThat(PrimaryOrganisation.of(List.of(), relations, NOW)).isEmpty();
    }

    @Test
    void aCapacityPerTargetGroupReleasesItsPrimaryOrganisationAsVoOrgcode() {
        Capacity an = new Capacity(CapacityScope.TARGET_GROUP, TargetGroup.LB, LB)
                .withPrimaryFrom(List.of(relation(DEMODORP, 100, false), relation(VOORBEELDSTAD, 100, true)), NOW);

        assertThat(an.id()).isEqualTo("LB:0900000147,0900000345");
        assertThat(CapacityClaims.vo("id-1", "an@x", an))
                .containsEntry("vo_orgcode", "0900000345").containsEntry("vo_orgnaam", "Gemeente Voorbeeldstad")
                .containsEntry("vo_email", "an@x");
        assertThat(CapacityNote.read(CapacityNote.write(an, "Loket"))).contains(an);
        assertThat(CapacityNote.applicationName(CapacityNote.write(an, "Loket"))).contains("Loket");
    }
}
