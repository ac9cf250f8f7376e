package org.toegang.keycloak.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.toegang.core.admin.Administration;

/**
 * The delegated administration API, version 1, at {@code /realms/{realm}/toegang-admin/v1}. Each
 * entity has its sub-resource; every method authenticates and asks core's policy before anything
 * else ({@link ApiCall}). The OpenAPI document is public.
 */
public final class AdminApiResource {
    static final String OPENAPI_RESOURCE = "/org/toegang/keycloak/admin/openapi.json";

    private final ApiCall call;
    private final Administration administration;
    private final String openApi;

    AdminApiResource(KeycloakSession session, Administration administration, String openApi) {
        this.call = new ApiCall(session, administration);
        this.administration = administration;
        this.openApi = openApi;
    }

    @GET
    @Path("v1/openapi.json")
    @Produces("application/json")
    public Response openApi() {
        return Response.ok(openApi, "application/json").build();
    }

    @Path("v1/me")
    public MeResource me() {
        return new MeResource(call, administration);
    }

    @Path("v1/organisations")
    public OrganisationsResource organisations() {
        return new OrganisationsResource(call, administration);
    }

    @Path("v1/requests")
    public RequestsResource requests() {
        return new RequestsResource(call, administration);
    }

    @Path("v1/applications")
    public ApplicationsResource applications() {
        return new ApplicationsResource(call, administration);
    }
}
