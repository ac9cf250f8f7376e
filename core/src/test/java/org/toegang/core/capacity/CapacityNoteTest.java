package org.toegang.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toegang.core.capacity.Demo.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.TargetGroup;

class CapacityNoteTest {

    @Test
    void aCapacitySurvivesTheSessionNote() {
        Capacity an = new Capacity(CapacityScope.TARGET_GROUP, TargetGroup.LB, List.of(DEMODORP, VOORBEELDSTAD));

        assertThat(CapacityNote.read(CapacityNote.write(an))).contains(an);
    }

    @Test
    void anUnreadableNoteMeansNoCapacity() {
        assertThat(CapacityNote.read(null)).isEmpty();
        assertThat(CapacityNote.read("{not json")).isEmpty();
        assertThat(CapacityNote.read("{\"scope\":\"organisation\",\"targetGroup\":\"NOPE\"}")).isEmpty();
    }

    @Test
    void aSamlEntityIdNamesItsApplication() {
        assertThat(ApplicationClients.applicationOf("urn:toegang:sp:dv_loket")).contains("dv_loket");
        assertThat(ApplicationClients.applicationOf("dv_geoportaal")).contains("dv_geoportaal");
        assertThat(ApplicationClients.applicationOf(" ")).isEmpty();
    }
}
