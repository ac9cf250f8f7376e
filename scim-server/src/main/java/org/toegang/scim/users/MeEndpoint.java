package org.toegang.scim.users;

import com.unboundid.scim2.common.exceptions.NotImplementedException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import com.unboundid.scim2.server.PATCH;

/**
 * {@code /Me} (RFC 7644 §3.11): callers are clients acting for themselves (client credentials),
 * not people, so there is no "me"; the RFC asks for 501 then.
 */
@Path("Me")
public final class MeEndpoint {
    private static NotImplementedException unsupported() {
        return new NotImplementedException("/Me is not supported: SCIM callers are clients, not people");
    }

    @GET
    public void get() throws NotImplementedException {
        throw unsupported();
    }

    @POST
    public void post() throws NotImplementedException {
        throw unsupported();
    }

    @PUT
    public void put() throws NotImplementedException {
        throw unsupported();
    }

    @PATCH
    public void patch() throws NotImplementedException {
        throw unsupported();
    }

    @DELETE
    public void delete() throws NotImplementedException {
        throw unsupported();
    }
}
