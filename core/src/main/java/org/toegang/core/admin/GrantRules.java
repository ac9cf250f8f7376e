package org.toegang.core.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.toegang.core.admin.RefusedException.FieldError;
import org.toegang.core.model.Application;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.core.model.Right;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;

/**
 * The rules a grant must satisfy whoever makes it, each refusal naming its field:
 * <ul>
 *   <li>{@code context}: a value the right defines, required when it defines any, absent otherwise;</li>
 *   <li>{@code validTo}: after {@code validFrom}, and within the right's maximum validity (then required);</li>
 *   <li>{@code organisationKey}: an organisation whose key or target group the right is grantable to
 *       and the application is open to;</li>
 *   <li>{@code personId}: a person with a work relation with the organisation valid now, unless they
 *       are its legal representative.</li>
 * </ul>
 * Stateless.
 */
public final class GrantRules {
    private GrantRules() {
    }

    /** Every rule broken, each as a field error under {@code prefix}; empty when the grant may be made. */
    public static List<FieldError> check(String prefix, Person person, Collection<WorkRelation> workRelations,
                                         Organisation organisation, Application application, Right right,
                                         Optional<String> context, Validity validity, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        checkContext(prefix, right, context).ifPresent(errors::add);
        checkValidity(prefix, right, validity).ifPresent(errors::add);
        boolean grantable = right.grantableBy().contains(organisation.key())
                || right.grantableBy().contains(organisation.targetGroup().code());
        if (!grantable || !application.openTo().contains(organisation.targetGroup())) {
            errors.add(new FieldError(prefix + "organisationKey", "the right " + right.name()
                    + " may not be received by organisation " + organisation.key() + " (target group "
                    + organisation.targetGroup().code() + ")"));
        }
        boolean works = workRelations.stream().anyMatch(relation -> relation.organisationKey().equals(organisation.key())
                && relation.validity().contains(now));
        if (!works && !person.legalRepresentativeOf().contains(organisation.key())) {
            errors.add(new FieldError(prefix + "personId", "the person has no valid work relation with organisation "
                    + organisation.key() + " and is not its legal representative"));
        }
        return errors;
    }

    /** The validity rule alone, for changes of validity. */
    public static Optional<FieldError> checkValidity(String prefix, Right right, Validity validity) {
        if (right.maximumDuration().isEmpty()) {
            return Optional.empty();
        }
        Duration maximum = right.maximumDuration().get();
        if (validity.to().isEmpty()) {
            return Optional.of(new FieldError(prefix + "validTo", "is required: the right " + right.name()
                    + " runs at most " + maximum.toDays() + " days"));
        }
        if (Duration.between(validity.from(), validity.to().get()).compareTo(maximum) > 0) {
            return Optional.of(new FieldError(prefix + "validTo", "exceeds the right's maximum validity of "
                    + maximum.toDays() + " days"));
        }
        return Optional.empty();
    }

    private static Optional<FieldError> checkContext(String prefix, Right right, Optional<String> context) {
        if (right.contextValues().isEmpty()) {
            return context.map(value -> new FieldError(prefix + "context", "the right " + right.name()
                    + " defines no context values"));
        }
        if (context.isEmpty()) {
            return Optional.of(new FieldError(prefix + "context", "is required: one of " + right.contextValues()));
        }
        if (!right.contextValues().contains(context.get())) {
            return Optional.of(new FieldError(prefix + "context", "is not a context value the right " + right.name()
                    + " defines; expected one of " + right.contextValues()));
        }
        return Optional.empty();
    }
}
