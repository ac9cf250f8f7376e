package org.toegang.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.Person;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationType;

class ProvisioningRuleTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Person AN = new Person("p-an", "an.peeters", "An", "Peeters", Optional.of("an@example.org"),
            Optional.empty(), Set.of());
    static final WorkRelation AT_DEMODORP = new WorkRelation("w1", "p-an", "0900000147",
            WorkRelationType.values()[0], Validity.openEnded(NOW.minusSeconds(86_400)));

    static Grant grant(String id, String clientId, String right, String context, Validity validity, GrantStatus status) {
        return new Grant(id, "p-an", clientId, right, "0900000147", Optional.ofNullable(context), validity, status,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void carriesOnlyTheCountingRightsOfTheOneApplication() {
        List<Grant> grants = List.of(
                grant("g1", "dv_loket", "LoketGebruiker", null, Validity.openEnded(NOW.minusSeconds(10)), GrantStatus.ACTIVE),
                grant("g2", "dv_geoportaal", "GeoGebruiker", "editor", Validity.openEnded(NOW.minusSeconds(10)), GrantStatus.ACTIVE),
                grant("g3", "dv_loket", "LoketBeheerder", null, Validity.openEnded(NOW.minusSeconds(10)), GrantStatus.REVOKED));

        AccountState loket = ProvisioningRule.stateAt(AN, "dv_loket", grants, List.of(AT_DEMODORP), NOW);

        assertThat(loket.active()).isTrue();
        assertThat(loket.roles()).containsExactly("LoketGebruiker:0900000147");
        assertThat(loket.personId()).isEqualTo("p-an");
    }

    @Test
    void isInactiveWithoutRolesWhenTheLastRightStopsCounting() {
        List<Grant> grants = List.of(grant("g1", "dv_loket", "LoketGebruiker", null,
                Validity.between(NOW.minusSeconds(100), NOW), GrantStatus.ACTIVE));

        AccountState state = ProvisioningRule.stateAt(AN, "dv_loket", grants, List.of(AT_DEMODORP), NOW);

        assertThat(state.active()).isFalse();
        assertThat(state.roles()).isEmpty();
    }

    @Test
    void aGrantWithoutAValidWorkRelationDoesNotCount() {
        List<Grant> grants = List.of(grant("g1", "dv_loket", "LoketGebruiker", null,
                Validity.openEnded(NOW.minusSeconds(100)), GrantStatus.ACTIVE));

        assertThat(ProvisioningRule.stateAt(AN, "dv_loket", grants, List.of(), NOW).active()).isFalse();
    }

    @Test
    void theNextBoundaryIsTheFirstStartOrEndAfterNow() {
        List<Grant> grants = List.of(
                grant("g1", "dv_loket", "LoketGebruiker", null, Validity.between(NOW.minusSeconds(100), NOW.plusSeconds(50)), GrantStatus.ACTIVE),
                grant("g2", "dv_loket", "LoketBeheerder", null, Validity.openEnded(NOW.plusSeconds(30)), GrantStatus.ACTIVE),
                grant("g3", "dv_loket", "LoketBeheerder", null, Validity.openEnded(NOW.plusSeconds(5)), GrantStatus.REVOKED));
        WorkRelation ending = new WorkRelation("w2", "p-an", "0900000147", WorkRelationType.values()[0],
                Validity.between(NOW.minusSeconds(100), NOW.plusSeconds(40)));

        assertThat(ProvisioningRule.nextBoundary(grants, List.of(ending), NOW)).contains(NOW.plusSeconds(30));
        assertThat(ProvisioningRule.nextBoundary(grants, List.of(), NOW.plusSeconds(50))).isEmpty();
    }
}
