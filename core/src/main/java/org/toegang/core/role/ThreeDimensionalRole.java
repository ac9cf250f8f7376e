package org.toegang.core.role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.toegang.core.ValidationException;

/**
 * A "3D role": one right of one application, with its optional context value, held on behalf
 * of one or more organisations. It is released in the {@code <app scope>_rol_3d} claim as
 * exactly {@code <Right>[-<context>]:<key>[,<key>...]}, for example
 * {@code GeoGebruiker-editor:OVO900001} or {@code LoketGebruiker:0900000147,0900000345}.
 *
 * <p>Because {@code -}, {@code :} and {@code ,} separate the parts, a right name is a letter
 * followed by letters, digits or underscores; a context value is letters, digits or
 * underscores; an organisation key is letters, digits or hyphens (a hyphen is harmless after
 * the colon). The list of keys keeps its order and holds each key once.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ThreeDimensionalRole {

    static final String RIGHT_FIELD = "right";
    static final String CONTEXT_FIELD = "context";
    static final String KEY_FIELD = "organisationKey";
    static final String ROLE_FIELD = "role";

    private static final Pattern RIGHT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]+");

    private final String right;
    private final String context; // null when the right has no context value
    private final List<String> organisationKeys;

    private ThreeDimensionalRole(String right, String context, List<String> organisationKeys) {
        this.right = right;
        this.context = context;
        this.organisationKeys = organisationKeys;
    }

    /**
     * Makes a role. Keys given twice are kept once, at their first position.
     *
     * @param right            the right's name, e.g. {@code "GeoGebruiker"}; must not be null
     * @param context          the context value, e.g. {@code "editor"}, or null when there is none
     * @param organisationKeys the organisation keys in the order to emit them; must not be
     *                         null or empty
     * @return the role, never null
     * @throws ValidationException if the right, the context or a key breaks its rule, or there
     *         is no key
     */
    public static ThreeDimensionalRole of(String right, String context, List<String> organisationKeys) {
        if (organisationKeys == null || organisationKeys.isEmpty()) {
            throw ValidationException.invalid(KEY_FIELD, "a role needs at least one organisation key");
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String key : organisationKeys) {
            keys.add(requireKey(key));
        }
        return new ThreeDimensionalRole(requireRight(right), requireContext(context), List.copyOf(keys));
    }

    /**
     * Parses a role string tolerantly, as consumers of the claim do: whitespace around the
     * string and around each part is ignored, and so are empty keys ({@code "R:a,,b,"}).
     *
     * @param input the role string; may be null
     * @return the role, never null
     * @throws ValidationException with field {@code role} if the input is null or blank, or
     *         has no colon, an empty context after the hyphen, or no key; or with field
     *         {@code right}, {@code context} or {@code organisationKey} if a part breaks its rule
     */
    public static ThreeDimensionalRole parse(String input) {
        if (input == null || input.isBlank()) {
            throw ValidationException.missing(ROLE_FIELD);
        }
        int colon = input.indexOf(':');
        if (colon < 0) {
            throw ValidationException.invalid(ROLE_FIELD, input,
                    "has no ':' between the right and the organisation keys");
        }
        String head = input.substring(0, colon).strip();
        int hyphen = head.indexOf('-');
        String right = hyphen < 0 ? head : head.substring(0, hyphen).strip();
        String context = hyphen < 0 ? null : head.substring(hyphen + 1).strip();
        if (context != null && context.isEmpty()) {
            throw ValidationException.invalid(ROLE_FIELD, input, "has an empty context value after '-'");
        }
        List<String> keys = new ArrayList<>();
        for (String key : input.substring(colon + 1).split(",", -1)) {
            if (!key.isBlank()) {
                keys.add(key.strip());
            }
        }
        if (keys.isEmpty()) {
            throw ValidationException.invalid(ROLE_FIELD, input, "has no organisation key after ':'");
        }
        return of(right, context, keys);
    }

    static String requireRight(String right) {
        if (right == null || right.isEmpty()) {
            throw ValidationException.missing(RIGHT_FIELD);
        }
        if (!RIGHT.matcher(right).matches()) {
            throw ValidationException.invalid(RIGHT_FIELD, right,
                    "must be a letter followed by letters, digits or underscores");
        }
        return right;
    }

    static String requireContext(String context) {
        if (context != null && !CONTEXT.matcher(context).matches()) {
            throw ValidationException.invalid(CONTEXT_FIELD, context,
                    "must be letters, digits or underscores (null when there is none)");
        }
        return context;
    }

    static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw ValidationException.missing(KEY_FIELD);
        }
        if (!KEY.matcher(key).matches()) {
            throw ValidationException.invalid(KEY_FIELD, key, "must be letters, digits or hyphens");
        }
        return key;
    }

    /**
     * The right's name, e.g. {@code "GeoGebruiker"}.
     *
     * @return the name, never null
     */
    public String right() {
        return right;
    }

    /**
     * The context value that refines the right, e.g. {@code "editor"}.
     *
     * @return the value, or empty when the right has none; never null
     */
    public Optional<String> context() {
        return Optional.ofNullable(context);
    }

    /**
     * The organisation keys, in emission order, each once.
     *
     * @return an unmodifiable, non-empty list, never null
     */
    public List<String> organisationKeys() {
        return organisationKeys;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ThreeDimensionalRole that
                && right.equals(that.right)
                && Objects.equals(context, that.context)
                && organisationKeys.equals(that.organisationKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(right, context, organisationKeys);
    }

    /**
     * The claim form, exactly {@code <Right>[-<context>]:<key>[,<key>...]} with no spaces.
     *
     * @return the role string, never null
     */
    @Override
    public String toString() {
        return right + (context == null ? "" : "-" + context) + ':' + String.join(",", organisationKeys);
    }
}
