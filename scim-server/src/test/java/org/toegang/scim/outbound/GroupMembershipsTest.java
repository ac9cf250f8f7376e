package org.toegang.scim.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupMembershipsTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "LoketGebruiker:0900000147, true",
            "GeoGebruiker-editor:OVO900001, true",
            "Helpdesk, false",
            "LoketGebruiker:0900000147:extra, false",
            "'Loket Gebruiker:0900000147', false",
            ":0900000147, false",
            "LoketGebruiker:, false"
    })
    void onlyGroupsNamedLikeAThreeDimensionalRoleAreToegangs(String name, boolean ours) {
        assertThat(GroupMemberships.ours(name)).isEqualTo(ours);
    }
}
