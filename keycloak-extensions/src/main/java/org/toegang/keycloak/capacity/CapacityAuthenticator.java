package org.toegang.keycloak.capacity;

import java.time.Instant;
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
import org.toegang.core.capacity.Capacity;
import org.toegang.core.capacity.CapacityDecision;
import org.toegang.core.capacity.CapacityNote;
import org.toegang.core.capacity.CapacityOffers;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.directory.DirectoryUnavailableException;
import org.toegang.core.model.Application;
import org.toegang.keycloak.directory.ToegangDirectoryProvider;

/**
 * The capacity step of the browser flow, after the person is known. Core decides
 * ({@link CapacityOffers#decide}: refuse, take the one capacity, or offer several, a
 * {@code login_hint} narrowing them); this step only renders the decision. The choice goes into
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
            render(context, decide(context));
        } catch (DirectoryUnavailableException e) {
            LOG.warn("capacity step: directory unavailable", e);
            context.failureChallenge(AuthenticationFlowError.INTERNAL_ERROR,
                    CapacityPages.error(context, "toegangDirectoryUnavailable", null));
        }
    }

    /** Renders core's decision; decides nothing itself. */
    private static void render(AuthenticationFlowContext context, CapacityDecision decision) {
        // Java 17: no pattern switch yet; the interface is sealed, so these are all the cases
        if (decision instanceof CapacityDecision.NotAnApplication) {
            context.success();
        } else if (decision instanceof CapacityDecision.Take take) {
            choose(context, take.application(), take.capacity());
        } else if (decision instanceof CapacityDecision.Choose choice) {
            context.challenge(CapacityPages.chooser(context, choice.capacities(), null));
        } else if (decision instanceof CapacityDecision.Refuse refuse) {
            context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED,
                    CapacityPages.refusal(context, refuse.reason().messageKey()));
        } else if (decision instanceof CapacityDecision.MalformedHint malformed) {
            context.failureChallenge(AuthenticationFlowError.INTERNAL_ERROR,
                    CapacityPages.error(context, "toegangHintMalformed", malformed.detail()));
        } else {
            throw new IllegalStateException("unknown capacity decision " + decision);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String chosen = context.getHttpRequest().getDecodedFormParameters().getFirst(CAPACITY_PARAM);
        try {
            CapacityDecision decision = decide(context);
            if (!(decision instanceof CapacityDecision.Choose choice)) {
                render(context, decision);
                return;
            }
            Optional<Capacity> capacity = choice.capacities().stream()
                    .filter(candidate -> candidate.id().equals(chosen)).findFirst();
            if (capacity.isPresent()) {
                choose(context, choice.application(), capacity.get());
            } else {
                context.challenge(CapacityPages.chooser(context, choice.capacities(), "toegangChooseOne"));
            }
        } catch (DirectoryUnavailableException e) {
            authenticate(context);
        }
    }

    private static void choose(AuthenticationFlowContext context, Application application, Capacity capacity) {
        context.getAuthenticationSession().setClientNote(ChosenCapacity.NOTE,
                CapacityNote.write(capacity, application.name()));
        context.success();
    }

    private static CapacityDecision decide(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        DirectoryRepository repository = context.getSession().getProvider(ToegangDirectoryProvider.class).repository();
        return CapacityOffers.decide(repository, authSession.getClient().getClientId(),
                context.getUser().getFirstAttribute(ChosenCapacity.PERSON_ID_ATTRIBUTE),
                authSession.getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM), Instant.now());
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
