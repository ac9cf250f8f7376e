package org.toegang.scim.outbound;

import org.junit.jupiter.api.Test;
import org.toegang.core.provisioning.TargetConfig;

/** {@link ProvisioningCrashContract} against SCIMMY, rights also as {@code roles}. */
class ProvisioningCrashIT extends ProvisioningCrashContract {
    @Test
    void aProcessKilledMidBacklogResumesWithNothingLostAndNothingAppliedTwice() throws Exception {
        try (ScimmyTarget target = new ScimmyTarget("crash-" + java.util.UUID.randomUUID())) {
            killedMidBacklogResumes(target, TargetConfig.RightsAs.ROLES);
        }
    }
}
