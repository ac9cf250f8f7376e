package org.toegang.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

import org.toegang.core.ValidationException;
import org.toegang.core.identifier.KboNumber;
import org.toegang.core.identifier.OvoCode;

/**
 * A target group (doelgroep): the kind of organisation on whose behalf a person acts, and so
 * the authentic source that identifies its organisations. The code goes into the
 * {@code vo_doelgroepcode} claim, the Dutch display name into {@code vo_doelgroepnaam}.
 */
public enum TargetGroup {

    /** Citizens, acting for themselves; they have no organisation. */
    BUR("Burger"),
    /** Flemish government entities, keyed by OVO code. */
    GID("Vlaamse Overheid"),
    /** Local governments, keyed by KBO number. */
    LB("Lokaal Bestuur"),
    /** Education institutions, keyed by institution number. */
    OV("Onderwijs"),
    /** Companies and other KBO-registered bodies, keyed by KBO number. */
    EA("Economische Actoren"),
    /** De-facto associations, which are in no register, keyed by a token we assign. */
    VER("Verenigingen");

    /** The field name used in {@link ValidationException}s about the code itself. */
    public static final String FIELD = "targetGroup";
    /** The field name used for keys that no identifier type covers (OV, VER, and BUR). */
    public static final String ORGANISATION_KEY_FIELD = "organisationKey";

    private static final Pattern INSTITUTION_NUMBER = Pattern.compile("[0-9]{1,10}");
    private static final Pattern ASSOCIATION_KEY = Pattern.compile("[A-Za-z0-9-]{1,40}");

    private final String displayName;

    TargetGroup(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The code as it appears in tokens and in the directory, e.g. {@code "LB"}.
     *
     * @return the code, never null
     */
    public String code() {
        return name();
    }

    /**
     * The Dutch name released in the {@code vo_doelgroepnaam} claim, e.g. {@code "Lokaal Bestuur"}.
     *
     * @return the name, never null
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Finds a target group by its code, ignoring case and surrounding whitespace.
     *
     * @param code the code, e.g. {@code "gid"}; may be null
     * @return the target group, never null
     * @throws ValidationException with field {@value #FIELD} if the code is null, blank or unknown
     */
    public static TargetGroup fromCode(String code) {
        if (code == null || code.isBlank()) {
            throw ValidationException.missing(FIELD);
        }
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        for (TargetGroup group : values()) {
            if (group.name().equals(normalised)) {
                return group;
            }
        }
        throw ValidationException.invalid(FIELD, code,
                "is not one of BUR, GID, LB, OV, EA, VER");
    }

    /**
     * Whether people act on behalf of organisations in this group; false only for {@link #BUR}.
     *
     * @return true if the group has organisations
     */
    public boolean hasOrganisations() {
        return this != BUR;
    }

    /**
     * Validates an organisation key against this group's authentic source and returns its
     * canonical form: an {@link OvoCode} for GID, a {@link KboNumber} for LB and EA, 1 to 10
     * digits for OV, and 1 to 40 letters, digits or hyphens for VER.
     *
     * @param raw the key as typed or received, surrounding whitespace ignored; may be null
     * @return the canonical key, never null
     * @throws ValidationException if the key is invalid for this group (field {@code ovoCode},
     *         {@code kboNumber} or {@value #ORGANISATION_KEY_FIELD}), or always for {@link #BUR},
     *         because citizens act for no organisation
     */
    public String validateOrganisationKey(String raw) {
        return switch (this) {
            case BUR -> throw ValidationException.invalid(ORGANISATION_KEY_FIELD, raw,
                    "target group BUR (citizens) has no organisations");
            case GID -> OvoCode.parse(raw).value();
            case LB, EA -> KboNumber.parse(raw).value();
            case OV -> matching(raw, INSTITUTION_NUMBER, "must be an institution number of 1 to 10 digits");
            case VER -> matching(raw, ASSOCIATION_KEY,
                    "must be 1 to 40 letters, digits or hyphens");
        };
    }

    private static String matching(String raw, Pattern pattern, String rule) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.missing(ORGANISATION_KEY_FIELD);
        }
        String key = raw.strip();
        if (!pattern.matcher(key).matches()) {
            throw ValidationException.invalid(ORGANISATION_KEY_FIELD, raw, rule);
        }
        return key;
    }
}
