package org.toegang.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toegang.core.capacity.Demo.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.TargetGroup;

class CapacityOffersTest {
    private static final Capacity GID = new Capacity(CapacityScope.ORGANISATION, TargetGroup.GID, List.of(DEPARTEMENT));
    private static final Capacity LB = new Capacity(CapacityScope.ORGANISATION, TargetGroup.LB, List.of(DEMODORP));

    @Test
    void severalCapacitiesAreOfferedInOrder() {
        assertThat(CapacityOffers.decide(GEOPORTAAL, List.of(GID, LB), null))
                .isEqualTo(new CapacityDecision.Choose(GEOPORTAAL, List.of(GID, LB)));
    }

    @Test
    void oneCapacityIsTakenWithoutAChooser() {
        assertThat(CapacityOffers.decide(GEOPORTAAL, List.of(GID), " ")).isEqualTo(new CapacityDecision.Take(GEOPORTAAL, GID));
    }

    @Test
    void noCapacityIsRefusedForWantOfARight() {
        assertThat(CapacityOffers.decide(GEOPORTAAL, List.of(), null))
                .isEqualTo(new CapacityDecision.Refuse(CapacityDecision.Reason.NO_RIGHT));
    }

    @Test
    void aHintNarrowsToTheCapacityItNames() {
        assertThat(CapacityOffers.decide(GEOPORTAAL, List.of(GID, LB), LoginHint.encode("LB", "0900000147")))
                .isEqualTo(new CapacityDecision.Take(GEOPORTAAL, LB));
    }

    @Test
    void aHintForACapacityThePersonLacksIsRefusedNotWidened() {
        CapacityDecision decision = CapacityOffers.decide(GEOPORTAAL, List.of(GID), LoginHint.encode("LB", "0900000147"));

        assertThat(decision).isEqualTo(new CapacityDecision.Refuse(CapacityDecision.Reason.FOREIGN_HINT));
        assertThat(((CapacityDecision.Refuse) decision).reason().messageKey()).isEqualTo("toegangRefusedForeignHint");
    }

    @Test
    void anUnreadableHintIsReportedWithItsField() {
        CapacityDecision decision = CapacityOffers.decide(GEOPORTAAL, List.of(GID, LB), "%%%nope");

        assertThat(decision).isInstanceOf(CapacityDecision.MalformedHint.class);
        assertThat(((CapacityDecision.MalformedHint) decision).detail()).contains("login_hint");
    }
}
