package org.toegang.core.capacity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.toegang.core.ValidationException;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.model.Application;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Organisation;

/**
 * The capacity step's rule: which capacities to offer a person at an application, or why to
 * refuse. Stateless and thread-safe.
 */
public final class CapacityOffers {

    private CapacityOffers() {
    }

    /**
     * Reads what the decision needs from the directory (the application, the person's active
     * grants and work relations in one search or none while the rights cache holds them, the
     * organisations they name) and decides.
     *
     * @param repository the directory; never null
     * @param clientId   the requesting client's id (OIDC client id or SAML entity id); may be null
     * @param personId   the signed-in person's directory id; null when the account is not in the directory
     * @param loginHint  the application's {@code login_hint}; null or blank when none
     * @param now        the moment of sign-in; never null
     * @return the decision; never null
     * @throws org.toegang.core.directory.DirectoryUnavailableException when the directory cannot answer
     */
    public static CapacityDecision decide(DirectoryRepository repository, String clientId, String personId,
                                          String loginHint, Instant now) {
        Optional<Application> application = ApplicationClients.applicationOf(clientId)
                .flatMap(repository::findApplication);
        if (application.isEmpty()) {
            return new CapacityDecision.NotAnApplication();
        }
        if (personId == null) {
            return new CapacityDecision.Refuse(CapacityDecision.Reason.NOT_IN_DIRECTORY);
        }
        DirectoryRepository.ActiveRights rights = repository.activeRights(personId, application.get().clientId(), now);
        List<Organisation> organisations = repository.organisations(
                rights.grants().stream().map(Grant::organisationKey).distinct().toList());
        List<Capacity> held = Capacities.of(application.get(), rights.grants(), organisations).stream()
                .map(capacity -> capacity.withPrimaryFrom(rights.workRelations(), now))
                .toList();
        return decide(application.get(), held, loginHint);
    }

    /**
     * Decides from the capacities the person holds at the application: a hint narrows them (never
     * widens); none left refuses, one is taken, several are offered.
     *
     * @param application the requesting application; never null
     * @param held      the person's capacities ({@link Capacities#of}); never null
     * @param loginHint the application's {@code login_hint}; null or blank when none
     * @return {@link CapacityDecision.Refuse}, {@link CapacityDecision.MalformedHint},
     *         {@link CapacityDecision.Take} or {@link CapacityDecision.Choose}; never null
     */
    public static CapacityDecision decide(Application application, List<Capacity> held, String loginHint) {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(held, "held");
        List<Capacity> offered = held;
        CapacityDecision.Reason none = CapacityDecision.Reason.NO_RIGHT;
        if (loginHint != null && !loginHint.isBlank()) {
            try {
                offered = LoginHint.parse(loginHint).select(held);
            } catch (ValidationException e) {
                return new CapacityDecision.MalformedHint(e.getMessage());
            }
            none = CapacityDecision.Reason.FOREIGN_HINT;
        }
        if (offered.isEmpty()) {
            return new CapacityDecision.Refuse(none);
        }
        return offered.size() == 1
                ? new CapacityDecision.Take(application, offered.get(0))
                : new CapacityDecision.Choose(application, offered);
    }
}
