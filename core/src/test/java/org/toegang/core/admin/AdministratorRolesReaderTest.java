package org.toegang.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.TargetGroup;

class AdministratorRolesReaderTest {
    @Test
    void anAdministratorOfAnOrganisationAdministersEveryOrganisationBelowIt() {
        List<Organisation> tree = List.of(
                new Organisation("OVO000001", "Top", TargetGroup.GID, Optional.empty()),
                new Organisation("OVO000002", "Child", TargetGroup.GID, Optional.of("OVO000001")),
                new Organisation("OVO000003", "Grandchild", TargetGroup.GID, Optional.of("OVO000002")),
                new Organisation("OVO000004", "Elsewhere", TargetGroup.GID, Optional.empty()));
        assertThat(AdministratorRolesReader.below(Set.of("OVO000001"), tree))
                .containsExactlyInAnyOrder("OVO000001", "OVO000002", "OVO000003");
        assertThat(AdministratorRolesReader.below(Set.of("OVO000003"), tree)).containsExactly("OVO000003");
    }
}
