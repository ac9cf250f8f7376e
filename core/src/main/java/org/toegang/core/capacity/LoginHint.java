package org.toegang.core.capacity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.toegang.core.ValidationException;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.TargetGroup;

/**
 * Targeted sign-in: an application names the capacity in {@code login_hint} as base64 of
 * {@code {"cap_hint":"LB","code_hint":"0900000147"}} ({@code code_hint} optional). A hint only
 * ever narrows the person's own capacities; it never adds one. Toegang reads every
 * {@code login_hint} this way (the contract of the reference system), not as a user name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param targetGroup      the hinted target group; never null
 * @param organisationKey  the hinted organisation's canonical key, if any; never null
 */
public record LoginHint(TargetGroup targetGroup, Optional<String> organisationKey) {

    /** The field named in every {@link ValidationException} about the hint. */
    public static final String FIELD = "login_hint";

    private static final ObjectMapper JSON = new ObjectMapper();

    public LoginHint {
        Objects.requireNonNull(targetGroup, "targetGroup");
        Objects.requireNonNull(organisationKey, "organisationKey");
    }

    /**
     * Parses a hint.
     *
     * @param raw the {@code login_hint} value; may be null
     * @return the hint, never null
     * @throws ValidationException with field {@value #FIELD} if the value is missing, not base64,
     *         not a JSON object, has no string {@code cap_hint}, names an unknown target group, or
     *         a {@code code_hint} that is not a valid key in that group
     */
    public static LoginHint parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.missing(FIELD);
        }
        byte[] bytes;
        try {
            bytes = decode(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.invalid(FIELD, raw, "is not base64");
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw ValidationException.invalid(FIELD, raw, "is not base64 of a JSON object");
        }
        if (json == null || !json.isObject()) {
            throw ValidationException.invalid(FIELD, raw, "is not base64 of a JSON object");
        }
        JsonNode cap = json.get("cap_hint");
        if (cap == null || !cap.isTextual()) {
            throw ValidationException.invalid(FIELD, raw, "has no cap_hint text");
        }
        TargetGroup group;
        try {
            group = TargetGroup.fromCode(cap.asText());
        } catch (ValidationException e) {
            throw ValidationException.invalid(FIELD, cap.asText(),
                    "cap_hint is not a known target group (BUR, GID, LB, OV, EA, VER)");
        }
        JsonNode code = json.get("code_hint");
        if (code == null || code.isNull() || (code.isTextual() && code.asText().isBlank())) {
            return new LoginHint(group, Optional.empty());
        }
        if (!code.isTextual()) {
            throw ValidationException.invalid(FIELD, raw, "code_hint is not text");
        }
        try {
            return new LoginHint(group, Optional.of(group.validateOrganisationKey(code.asText())));
        } catch (ValidationException e) {
            throw ValidationException.invalid(FIELD, code.asText(), "code_hint is not a valid key in " + group.code());
        }
    }

    /** Standard or URL-safe alphabet, padded or not; throws IllegalArgumentException otherwise. */
    private static byte[] decode(String value) {
        String unpadded = value.replace('-', '+').replace('_', '/').replaceAll("=+$", "");
        return Base64.getDecoder().decode(unpadded + "=".repeat((4 - unpadded.length() % 4) % 4));
    }

    /**
     * The person's capacities this hint names. With a {@code code_hint}, a capacity per target
     * group that holds the organisation is narrowed to it; a capacity per organisation must be
     * that organisation. Never returns a capacity the person does not hold.
     *
     * @param held the person's capacities ({@link Capacities#of}); never null
     * @return the matching capacities; empty when the hint is foreign to the person; never null
     */
    public List<Capacity> select(List<Capacity> held) {
        return held.stream()
                .filter(capacity -> capacity.targetGroup() == targetGroup)
                .filter(capacity -> organisationKey.isEmpty()
                        || capacity.organisationKeys().contains(organisationKey.get()))
                .map(capacity -> organisationKey.isEmpty() || capacity.scope() == CapacityScope.ORGANISATION
                        ? capacity
                        : new Capacity(capacity.scope(), capacity.targetGroup(), capacity.organisations().stream()
                                .filter(organisation -> organisation.key().equals(organisationKey.get()))
                                .toList()))
                .toList();
    }

    /** The base64 form applications send; for tests and documentation. */
    public static String encode(String capHint, String codeHint) {
        String json = codeHint == null
                ? JSON.createObjectNode().put("cap_hint", capHint).toString()
                : JSON.createObjectNode().put("cap_hint", capHint).put("code_hint", codeHint).toString();
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
