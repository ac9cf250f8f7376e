package org.toegang.keycloak.capacity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.toegang.core.ValidationException;
import org.toegang.core.capacity.ApplicationClients;
import org.toegang.core.capacity.Capacities;
import org.toegang.core.capacity.Capacity;
import org.toegang.core.capacity.CapacityNote;
import org.toegang.core.capacity.LoginHint;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.directory.DirectoryUnavailableException;
import org.toegang.core.model.Application;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Organisation;
import org.toegang.keycloak.directory.ToegangDirectoryProvider;

/**
 * The capacity step of the browser flow, after the person is known. It asks core for the
 * person's capacities at the requesting application, narrows them by a {@code login_hint}, and
 * then refuses (none), continues (one) or shows the chooser (several). The choice goes into
 * the client-session note {@value ChosenCapacity#NOTE}, which every token of that client
 * session reads. Clients that are no Toegang application (the account console) pass through.
 *
 * <p>To switch capacity an application starts a new authorization request for the same client
 * (without {@code login_hint}, or with another); the step runs again, also on single sign-on.
 */
final class CapacityAuthenticator implements Authenticator {
    static final String CAPACITY_PARAM = "capacity";
    private static final Logger LOG = Logger.getLogger(CapacityAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        try {
            Offer offer = offer(context);
            if (offer == null) {
                context.success();
            } else if (offer.refusalKey != null) {
                context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED,
                        CapacityPages.refusal(context, offer.refusalKey));
            } else if (offer.capacities.size() == 1) {
                choose(context, offer.capacities.get(0));
            } else {
                context.challenge(CapacityPages.chooser(context, offer.capacities, null));
            }
        } catch (ValidationException e) {
            context.failureChallenge(AuthenticationFlowError.INTERNAL_ERROR,
                    CapacityPages.error(context, "toegangHintMalformed", e.getMessage()));
        } catch (DirectoryUnavailableException e) {
            LOG.warn("capacity step: directory unavailable", e);
            context.failureChallenge(AuthenticationFlowError.INTERNAL_ERROR,
                    CapacityPages.error(context, "toegangDirectoryUnavailable", null));
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String chosen = context.getHttpRequest().getDecodedFormParameters().getFirst(CAPACITY_PARAM);
        try {
            Offer offer = offer(context);
            if (offer == null || offer.refusalKey != null) {
                authenticate(context);
                return;
            }
            Optional<Capacity> capacity = offer.capacities.stream()
                    .filter(candidate -> candidate.id().equals(chosen)).findFirst();
            if (capacity.isPresent()) {
                choose(context, capacity.get());
            } else {
                context.challenge(CapacityPages.chooser(context, offer.capacities, "toegangChooseOne"));
            }
        } catch (ValidationException | DirectoryUnavailableException e) {
            authenticate(context);
        }
    }

    private static void choose(AuthenticationFlowContext context, Capacity capacity) {
        context.getAuthenticationSession().setClientNote(ChosenCapacity.NOTE, CapacityNote.write(capacity));
        context.success();
    }

    /** What the person may choose here; null when the client is no Toegang application. */
    private static Offer offer(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<String> clientId = ApplicationClients.applicationOf(authSession.getClient().getClientId());
        DirectoryRepository repository = context.getSession().getProvider(ToegangDirectoryProvider.class).repository();
        Optional<Application> application = clientId.flatMap(repository::findApplication);
        if (application.isEmpty()) {
            return null;
        }
        String personId = context.getUser().getFirstAttribute(ChosenCapacity.PERSON_ID_ATTRIBUTE);
        if (personId == null) {
            return Offer.refused("toegangRefusedNotInDirectory");
        }
        List<Grant> grants = repository.activeGrants(personId, application.get().clientId(), Instant.now());
        List<Organisation> organisations = repository.organisations(
                grants.stream().map(Grant::organisationKey).distinct().toList());
        List<Capacity> capacities = Capacities.of(application.get(), grants, organisations);

        String hint = authSession.getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM);
        if (hint != null && !hint.isBlank()) {
            List<Capacity> hinted = LoginHint.parse(hint).select(capacities);
            return hinted.isEmpty() ? Offer.refused("toegangRefusedForeignHint") : new Offer(hinted, null);
        }
        return capacities.isEmpty() ? Offer.refused("toegangRefusedNoRight") : new Offer(capacities, null);
    }

    private record Offer(List<Capacity> capacities, String refusalKey) {
        static Offer refused(String key) {
            return new Offer(List.of(), key);
        }
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
