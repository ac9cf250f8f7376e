package org.toegang.scim.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.core.provisioning.TargetConfig;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * {@link ProvisioningCrashContract} against Keycloak 26.7's own SCIM API, in a realm of its own
 * ({@code scim-crash}) on the tests' shared Keycloak, removed again afterwards. Keycloak keeps no
 * {@code roles}, so rights are not sent ({@code "rights": "none"}); the family name tells the states apart.
 */
@ExtendWith(ToegangStackExtension.class)
class KeycloakScimCrashIT extends ProvisioningCrashContract {
    /**
     * 100 people (1,000 changes) in the build: the full 5,000 took 707 s here (Keycloak's start
     * included) on the shared, loaded machine, beyond the build's budget; {@code
     * -Dtoegang.it.crash.people=500} runs them.
     */
    @Override
    int people() {
        return Integer.getInteger(PEOPLE_PROPERTY, 100);
    }

    @Test
    void aProcessKilledMidBacklogResumesWithNothingLostAndNothingAppliedTwice(RunningToegang toegang) throws Exception {
        try (KeycloakScimTarget target = KeycloakScimTarget.create(toegang, "scim-crash")) {
            killedMidBacklogResumes(target, TargetConfig.RightsAs.NONE);
        }
    }
}
