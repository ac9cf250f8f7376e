package org.toegang.keycloak.capacity;

import java.util.stream.Collectors;

import org.toegang.core.capacity.Capacity;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Organisation;

/** A capacity as the chooser page shows it; getters because FreeMarker reads bean properties. */
public final class CapacityOption {
    private final Capacity capacity;

    CapacityOption(Capacity capacity) {
        this.capacity = capacity;
    }

    public String getId() {
        return capacity.id();
    }

    public String getTargetGroupCode() {
        return capacity.targetGroup().code();
    }

    public String getTargetGroupName() {
        return capacity.targetGroup().displayName();
    }

    /** e.g. "Gemeente Demodorp (0900000147), Gemeente Voorbeeldstad (0900000345)". */
    public String getOrganisations() {
        return capacity.organisations().stream()
                .map(organisation -> organisation.name() + " (" + organisation.key() + ")")
                .collect(Collectors.joining(", "));
    }

    /** Whether the capacity is one organisation (the row then names it), not a whole target group. */
    public boolean isPerOrganisation() {
        return capacity.scope() == CapacityScope.ORGANISATION && capacity.organisations().size() == 1;
    }

    /** The name of the capacity's only organisation; empty when it has none or several. */
    public String getOrganisationName() {
        return capacity.organisations().size() == 1 ? capacity.organisations().get(0).name() : "";
    }

    public String getOrganisationKeys() {
        return capacity.organisations().stream().map(Organisation::key).collect(Collectors.joining(", "));
    }
}
