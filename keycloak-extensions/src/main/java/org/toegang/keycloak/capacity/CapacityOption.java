package org.toegang.keycloak.capacity;

import java.util.stream.Collectors;

import org.toegang.core.capacity.Capacity;
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

    public String getOrganisationKeys() {
        return capacity.organisations().stream().map(Organisation::key).collect(Collectors.joining(", "));
    }
}
