package org.toegang.core.model;

import java.util.Objects;
import java.util.Set;

/** An application that trusts Toegang, named by its OIDC client id. */
public record Application(String clientId, String name, String ownerOrganisationKey, CapacityScope capacityPer,
                          Set<TargetGroup> openTo) {
    public Application {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerOrganisationKey, "ownerOrganisationKey");
        Objects.requireNonNull(capacityPer, "capacityPer");
        openTo = Set.copyOf(openTo);
    }

    /** Citizens act as themselves: an application open to them needs no right to be entered. */
    public boolean isOpenToCitizens() {
        return openTo.contains(TargetGroup.BUR);
    }
}
