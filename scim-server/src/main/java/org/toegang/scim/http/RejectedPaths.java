package org.toegang.scim.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import com.unboundid.scim2.common.exceptions.ScimException;
import org.toegang.scim.protocol.ScimErrors;

/** Answers a request {@link RequestPathGuard} rejected with a SCIM error, before authentication. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RejectedPaths implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        String rejected = request.getHeaderString(RequestPathGuard.REJECTED);
        if (rejected != null) {
            int status = Integer.parseInt(rejected.substring(0, 3));
            request.abortWith(ScimErrors.response(new ScimException(status, null, rejected.substring(4))));
        }
    }
}
