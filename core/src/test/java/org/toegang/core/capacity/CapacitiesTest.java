package org.toegang.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toegang.core.capacity.Demo.*;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.toegang.core.model.Application;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Grant;
import org.toegang.core.model.TargetGroup;

class CapacitiesTest {

    @Test
    void oneCapacityPerOrganisationForAnApplicationChosenPerOrganisation() {
        List<Grant> els = List.of(grant("dv_geoportaal", "GeoGebruiker", "lezer", "OVO900001"),
                grant("dv_geoportaal", "GeoGebruiker", "lezer", "0900000147"));

        List<Capacity> capacities = Capacities.of(GEOPORTAAL, els, ORGANISATIONS);

        assertThat(capacities).extracting(Capacity::id).containsExactly("GID:OVO900001", "LB:0900000147");
        assertThat(Capacities.roles(capacities.get(1), els)).containsExactly("GeoGebruiker-lezer:0900000147");
    }

    @Test
    void oneCapacityPerTargetGroupJoinsTheOrganisationsInTheRole() {
        List<Grant> an = List.of(grant("dv_loket", "LoketGebruiker", null, "0900000345"),
                grant("dv_loket", "LoketGebruiker", null, "0900000147"));

        List<Capacity> capacities = Capacities.of(LOKET, an, ORGANISATIONS);

        assertThat(capacities).extracting(Capacity::id).containsExactly("LB:0900000147,0900000345");
        assertThat(capacities.get(0).organisation()).isEmpty();
        assertThat(Capacities.roles(capacities.get(0), an)).containsExactly("LoketGebruiker:0900000147,0900000345");
    }

    @Test
    void rolesOfAnotherCapacityNeverAppear() {
        List<Grant> chris = List.of(grant("dv_loket", "LoketGebruiker", null, "0900000246"),
                grant("dv_loket", "LoketGebruiker", null, "0900000147"));

        List<Capacity> capacities = Capacities.of(LOKET, chris, ORGANISATIONS);

        assertThat(capacities).extracting(Capacity::id).containsExactly("LB:0900000147", "EA:0900000246");
        assertThat(Capacities.roles(capacities.get(1), chris)).containsExactly("LoketGebruiker:0900000246");
        assertThat(capacities.get(1).organisation()).contains(DEMO_BOUW);
    }

    @Test
    void noActiveRightMeansNoCapacity() {
        assertThat(Capacities.of(GEOPORTAAL, List.of(), ORGANISATIONS)).isEmpty();
    }

    @Test
    void ignoresGrantsOfOtherApplicationsAndTargetGroupsTheApplicationIsNotOpenTo() {
        List<Grant> grants = List.of(grant("dv_loket", "LoketGebruiker", null, "0900000147"),
                grant("dv_geoportaal", "GeoGebruiker", "lezer", "0900000246"));

        assertThat(Capacities.of(GEOPORTAAL, grants, ORGANISATIONS)).isEmpty();
    }

    @Test
    void anApplicationOpenToCitizensOffersTheCitizenCapacityWithoutARight() {
        Application open = new Application("burgerloket", "Burgerloket", "OVO900001",
                CapacityScope.TARGET_GROUP, Set.of(TargetGroup.BUR, TargetGroup.LB));

        List<Capacity> capacities = Capacities.of(open, List.of(), ORGANISATIONS);

        assertThat(capacities).extracting(Capacity::id).containsExactly("BUR:");
        assertThat(Capacities.stillHeld(capacities.get(0), List.of())).isTrue();
    }

    @Test
    void aCapacityWhoseLastRightEndedIsNoLongerHeld() {
        Capacity lb = new Capacity(CapacityScope.ORGANISATION, TargetGroup.LB, List.of(DEMODORP));

        assertThat(Capacities.stillHeld(lb, List.of(grant("dv_geoportaal", "GeoGebruiker", "lezer", "0900000147"))))
                .isTrue();
        assertThat(Capacities.stillHeld(lb, List.of(grant("dv_geoportaal", "GeoGebruiker", "lezer", "OVO900001"))))
                .isFalse();
    }
}
