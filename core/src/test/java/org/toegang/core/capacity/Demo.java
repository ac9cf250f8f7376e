package org.toegang.core.capacity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.toegang.core.model.Application;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.TargetGroup;
import org.toegang.core.model.Validity;

/** The demo applications and organisations of CONTRACT.md, as values. */
final class Demo {
    static final Organisation DEPARTEMENT = org("OVO900001", "Departement Demo", TargetGroup.GID);
    static final Organisation DEMODORP = org("0900000147", "Gemeente Demodorp", TargetGroup.LB);
    static final Organisation VOORBEELDSTAD = org("0900000345", "Gemeente Voorbeeldstad", TargetGroup.LB);
    static final Organisation DEMO_BOUW = org("0900000246", "Demo Bouw NV", TargetGroup.EA);
    static final List<Organisation> ORGANISATIONS = List.of(DEPARTEMENT, DEMODORP, VOORBEELDSTAD, DEMO_BOUW);

    static final Application GEOPORTAAL = new Application("dv_geoportaal", "Geoportaal", "OVO900001",
            CapacityScope.ORGANISATION, Set.of(TargetGroup.GID, TargetGroup.LB));
    static final Application LOKET = new Application("dv_loket", "Loket", "OVO900001",
            CapacityScope.TARGET_GROUP, Set.of(TargetGroup.LB, TargetGroup.EA));

    private Demo() {
    }

    static Organisation org(String key, String name, TargetGroup group) {
        return new Organisation(key, name, group, Optional.empty());
    }

    static Grant grant(String clientId, String right, String context, String organisationKey) {
        return new Grant(clientId + right + organisationKey, "p1", clientId, right, organisationKey,
                Optional.ofNullable(context), Validity.openEnded(Instant.EPOCH), GrantStatus.ACTIVE,
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
