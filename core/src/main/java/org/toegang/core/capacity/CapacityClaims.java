package org.toegang.core.capacity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of scope {@code vo} (DOMAIN.md, "Token contents"), the same names in OIDC and
 * SAML. Stateless and thread-safe.
 */
public final class CapacityClaims {
    public static final String ID = "vo_id";
    public static final String TARGET_GROUP_CODE = "vo_doelgroepcode";
    public static final String TARGET_GROUP_NAME = "vo_doelgroepnaam";
    public static final String ORGANISATION_CODE = "vo_orgcode";
    public static final String ORGANISATION_NAME = "vo_orgnaam";
    /** Suffix of the per-application rights claim, {@code <application>_rol_3d}. */
    public static final String ROLES_SUFFIX = "_rol_3d";

    private CapacityClaims() {
    }

    /**
     * The {@code vo} claims: the person's id, and the chosen capacity's target group and, when it
     * names exactly one organisation, that organisation.
     *
     * @param personId the person's directory id, or null when unknown (then no {@code vo_id})
     * @param capacity the chosen capacity, or null when none was chosen (then only {@code vo_id})
     * @return the claims in a stable order; never null
     */
    public static Map<String, String> vo(String personId, Capacity capacity) {
        Map<String, String> claims = new LinkedHashMap<>();
        if (personId != null) {
            claims.put(ID, personId);
        }
        if (capacity != null) {
            claims.put(TARGET_GROUP_CODE, capacity.targetGroup().code());
            claims.put(TARGET_GROUP_NAME, capacity.targetGroup().displayName());
            capacity.organisation().ifPresent(organisation -> {
                claims.put(ORGANISATION_CODE, organisation.key());
                claims.put(ORGANISATION_NAME, organisation.name());
            });
        }
        return claims;
    }

    /** The name of an application's rights claim, e.g. {@code dv_loket_rol_3d}. */
    public static String rolesClaim(String clientId) {
        return clientId + ROLES_SUFFIX;
    }
}
