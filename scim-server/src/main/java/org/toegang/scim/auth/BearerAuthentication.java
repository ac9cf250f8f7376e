package org.toegang.scim.auth;

import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;
import org.toegang.scim.protocol.ScimErrors;

/**
 * Lets a request in only with a valid bearer token (RFC 6750) that carries a role of the SCIM
 * resource client, and makes the {@link Caller} the request's principal: 401 {@code invalid_token}
 * for a token that does not verify, 403 {@code insufficient_scope} for one without such a role
 * (RFC 6750 §3.1). Discovery endpoints describe the server, not its data, and stay open
 * so that clients can learn how to authenticate (RFC 7644 §4).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthentication implements ContainerRequestFilter {
    private static final Set<String> OPEN = Set.of("serviceproviderconfig", "schemas", "resourcetypes");

    private final TokenVerifier verifier;

    public BearerAuthentication(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String first = path.startsWith("/") ? path.substring(1) : path;
        first = (first.contains("/") ? first.substring(0, first.indexOf('/')) : first).toLowerCase(java.util.Locale.ROOT);
        if ("GET".equals(request.getMethod()) && OPEN.contains(first)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(refused(
                    new UnauthorizedException("A bearer token issued by the toegang realm is required"), null));
            return;
        }
        try {
            Caller caller = verifier.verify(header.substring(7).strip());
            boolean secure = request.getSecurityContext().isSecure();
            request.setSecurityContext(new SecurityContext() {
                @Override
                public Principal getUserPrincipal() {
                    return caller;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return Caller.PROVISION.equals(role) ? caller.provisioner() : Caller.READ.equals(role);
                }

                @Override
                public boolean isSecure() {
                    return secure;
                }

                @Override
                public String getAuthenticationScheme() {
                    return "Bearer";
                }
            });
        } catch (TokenVerifier.InvalidTokenException e) {
            request.abortWith(refused(new UnauthorizedException(e.getMessage()), "invalid_token"));
        } catch (TokenVerifier.InsufficientScopeException e) {
            request.abortWith(refused(new ForbiddenException(e.getMessage()), "insufficient_scope"));
        }
    }

    /** The SCIM error, with the RFC 6750 §3 challenge (and its error code, when the client sent a token). */
    private static Response refused(ScimException scim, String error) {
        Response response = ScimErrors.response(scim);
        String challenge = "Bearer realm=\"toegang\"" + (error == null ? "" : ", error=\"" + error + "\"");
        return Response.fromResponse(response).header("WWW-Authenticate", null).header("WWW-Authenticate", challenge).build();
    }
}
