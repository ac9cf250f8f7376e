package org.toegang.core.role;

import java.util.Optional;

/**
 * One active grant, reduced to what a 3D role needs: the right, its optional context value and
 * the key of the organisation on whose behalf it is held. Whether the grant is active, and for
 * which application, is decided before an assignment is made.
 *
 * <p>The parts follow the rules of {@link ThreeDimensionalRole}; they are checked here, so an
 * invalid grant fails where it is read rather than when a token is built.
 *
 * @param right           the right's name, e.g. {@code "LoketGebruiker"}; never null
 * @param context         the context value, e.g. {@code "lezer"}, or null when the right has none
 * @param organisationKey the canonical organisation key, e.g. {@code "0900000147"}; never null
 */
public record RoleAssignment(String right, String context, String organisationKey) {

    /**
     * @throws org.toegang.core.ValidationException with field {@code right}, {@code context} or
     *         {@code organisationKey} if that part is missing or breaks its rule
     */
    public RoleAssignment {
        ThreeDimensionalRole.requireRight(right);
        ThreeDimensionalRole.requireContext(context);
        ThreeDimensionalRole.requireKey(organisationKey);
    }

    /**
     * The context value as an {@link Optional}.
     *
     * @return the context value, or empty when there is none; never null
     */
    public Optional<String> contextValue() {
        return Optional.ofNullable(context);
    }
}
