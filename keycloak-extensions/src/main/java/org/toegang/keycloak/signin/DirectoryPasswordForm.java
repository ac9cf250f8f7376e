package org.toegang.keycloak.signin;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.validation.Validation;
import org.toegang.core.directory.DirectoryUnavailableException;
import org.toegang.core.signin.TypedUsername;
import org.toegang.keycloak.directory.ToegangDirectoryProvider;

/**
 * Keycloak's username and password form, with two differences for a directory-backed realm:
 * <ul>
 *   <li>the typed name must be exactly the username of the account the directory found, apart
 *       from letter case ({@link TypedUsername}); otherwise it is an unknown user, before any
 *       password check, because the directory's string preparation matches look-alikes
 *       ({@code an.peeters} followed by U+200B found An);</li>
 *   <li>when the directory cannot answer (stopped, refusing, silent past the federation's read
 *       timeout) the person gets the theme's "temporarily unavailable, try again in a moment"
 *       page with status 503, not "invalid username or password" (Keycloak's user storage turns
 *       a failed lookup into "no such user") nor Keycloak's generic error.</li>
 * </ul>
 */
final class DirectoryPasswordForm extends UsernamePasswordForm {
    static final String UNAVAILABLE_KEY = "toegangDirectoryUnavailable";
    private static final Logger LOG = Logger.getLogger(DirectoryPasswordForm.class);

    DirectoryPasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        try {
            super.action(context);
        } catch (RuntimeException e) {
            if (!DirectoryFault.causedBy(e)) {
                throw e;
            }
            LOG.warnf("sign-in: the directory did not answer Keycloak's LDAP federation: %s", DirectoryFault.describe(e));
            context.challenge(unavailable(context));
        }
    }

    /**
     * Keycloak's user storage logs a failed LDAP lookup and answers "no such user" (its federated
     * lookups are time-bound and swallow errors), so an unknown user may be a directory that did
     * not answer: then the person gets the "temporarily unavailable" page, not "invalid username".
     */
    @Override
    public void testInvalidUser(AuthenticationFlowContext context, UserModel user) {
        if (user == null && directoryDown(context)) {
            context.getEvent().detail("reason", "directory unavailable").error(Errors.USER_NOT_FOUND);
            context.challenge(unavailable(context));
            return;
        }
        super.testInvalidUser(context, user);
    }

    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user,
                                    MultivaluedMap<String, String> inputData, boolean clearUser) {
        String typed = inputData.getFirst(AuthenticationManager.FORM_USERNAME);
        // Keycloak trims the name before it looks the person up; the rule sees the same name
        String name = typed == null ? null : typed.trim();
        boolean names = TypedUsername.names(name, user.getUsername())
                || context.getRealm().isLoginWithEmailAllowed() && TypedUsername.names(name, user.getEmail());
        if (!names) {
            context.getEvent().detail("reason", "typed username is not exactly the account's").error(Errors.USER_NOT_FOUND);
            Response challenge = challenge(context, getDefaultChallengeMessage(context), Validation.FIELD_USERNAME);
            context.failureChallenge(AuthenticationFlowError.INVALID_USER, challenge);
            return false;
        }
        boolean valid = super.validatePassword(context, user, inputData, clearUser);
        // the federation checks the password by a search and a bind; when they fail it says "invalid"
        if (!valid && directoryDown(context)) {
            context.challenge(unavailable(context));
        }
        return valid;
    }

    /** Whether the directory fails to answer now (a root DSE read within 2 s). */
    private static boolean directoryDown(AuthenticationFlowContext context) {
        try {
            context.getSession().getProvider(ToegangDirectoryProvider.class).repository().checkDirectory();
            return false;
        } catch (DirectoryUnavailableException e) {
            LOG.warnf("sign-in: %s", e.getMessage());
            return true;
        }
    }

    /**
     * The theme's page; ModelException and its causes never reach the person. Shown as a plain
     * challenge, not a failure: a failure makes Keycloak count it against the typed name, which
     * looks the person up in the directory again (and waits for it once more), and a directory
     * that does not answer is no wrong password.
     */
    static Response unavailable(AuthenticationFlowContext context) {
        return context.form()
                .setStatus(Response.Status.SERVICE_UNAVAILABLE)
                .setAttribute("reasonKey", UNAVAILABLE_KEY)
                .createForm("toegang-error.ftl");
    }

    /** Tells a failure to reach the directory from other failures. */
    static final class DirectoryFault {
        private DirectoryFault() {
        }

        static boolean causedBy(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof javax.naming.NamingException && !(cause instanceof javax.naming.AuthenticationException)
                        || cause instanceof java.net.SocketTimeoutException
                        || cause instanceof java.net.ConnectException) {
                    return failure instanceof ModelException || cause != failure;
                }
            }
            return false;
        }

        static String describe(Throwable failure) {
            StringBuilder text = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                text.append(text.length() == 0 ? "" : " <- ").append(cause.getClass().getSimpleName())
                        .append(": ").append(cause.getMessage());
            }
            return text.toString();
        }
    }
}
