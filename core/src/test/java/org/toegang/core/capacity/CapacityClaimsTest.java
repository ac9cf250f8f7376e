package org.toegang.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toegang.core.capacity.Demo.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.TargetGroup;

class CapacityClaimsTest {

    @Test
    void aCapacityOfOneOrganisationNamesIt() {
        Capacity ea = new Capacity(CapacityScope.TARGET_GROUP, TargetGroup.EA, List.of(DEMO_BOUW));

        assertThat(CapacityClaims.vo("id-1", ea)).containsExactly(
                org.assertj.core.api.Assertions.entry("vo_id", "id-1"),
                org.assertj.core.api.Assertions.entry("vo_doelgroepcode", "EA"),
                org.assertj.core.api.Assertions.entry("vo_doelgroepnaam", "Economische Actoren"),
                org.assertj.core.api.Assertions.entry("vo_orgcode", "0900000246"),
                org.assertj.core.api.Assertions.entry("vo_orgnaam", "Demo Bouw NV"));
    }

    @Test
    void aCapacityOfSeveralOrganisationsNamesOnlyTheTargetGroup() {
        Capacity lb = new Capacity(CapacityScope.TARGET_GROUP, TargetGroup.LB, List.of(DEMODORP, VOORBEELDSTAD));

        assertThat(CapacityClaims.vo("id-1", lb)).containsOnlyKeys("vo_id", "vo_doelgroepcode", "vo_doelgroepnaam");
        assertThat(CapacityClaims.vo(null, null)).isEmpty();
        assertThat(CapacityClaims.rolesClaim("dv_loket")).isEqualTo("dv_loket_rol_3d");
    }
}
