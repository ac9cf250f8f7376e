package org.toegang.keycloak.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.GrantMarks;
import org.toegang.core.admin.Inputs;
import org.toegang.core.admin.Page;
import org.toegang.core.admin.ProvisioningTargetService;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Application;
import org.toegang.core.model.ApprovalBy;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Right;
import org.toegang.core.model.TargetGroup;
import org.toegang.core.provisioning.TargetConfig;
import org.toegang.keycloak.admin.representation.Bodies;
import org.toegang.keycloak.admin.representation.Representations;

/**
 * {@code /v1/applications}: registration (central administrator); rights and every grant of an
 * application (its owner).
 */
@Produces("application/json")
public final class ApplicationsResource {
    private final ApiCall call;
    private final Administration administration;

    ApplicationsResource(ApiCall call, Administration administration) {
        this.call = call;
        this.administration = administration;
    }

    @GET
    public Response list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return call.run(context -> Etags.json(Representations.page(Page.of(administration.registry().applications(context),
                a -> a.value().clientId(), Optional.ofNullable(cursor), Optional.ofNullable(limit)),
                Representations::application)));
    }

    @POST
    @Consumes("application/json")
    public Response register(String body) {
        return call.run(context -> {
            Bodies.ApplicationInput input = Json.read(body, Bodies.ApplicationInput.class);
            Set<TargetGroup> openTo = input.openTo() == null ? Set.of()
                    : input.openTo().stream().map(TargetGroup::fromCode).collect(Collectors.toSet());
            Application application = new Application(Inputs.text("clientId", input.clientId()),
                    Inputs.text("name", input.name()), Inputs.text("ownerOrganisationKey", input.ownerOrganisationKey()),
                    CapacityScope.fromCode(Inputs.text("capacityPer", input.capacityPer())), openTo);
            Versioned<Application> stored = administration.registry().registerApplication(context, application);
            return Etags.created(Representations.application(stored), stored.revision());
        });
    }

    @GET
    @Path("{clientId}")
    public Response get(@PathParam("clientId") String clientId) {
        return call.run(context -> {
            Versioned<Application> application = administration.registry().application(context, clientId);
            return Etags.ok(Representations.application(application), application.revision());
        });
    }

    @GET
    @Path("{clientId}/rights")
    public Response rights(@PathParam("clientId") String clientId) {
        return call.run(context -> Etags.json(new Representations.PageRep<>(administration.registry()
                .rights(context, clientId).stream().map(Representations::right).toList(), null)));
    }

    @GET
    @Path("{clientId}/rights/{name}")
    public Response right(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        return call.run(context -> {
            Versioned<Right> right = administration.registry().right(context, clientId, name);
            return Etags.ok(Representations.right(right), right.revision());
        });
    }

    /** Defines a right: creates it (201, without If-Match), or replaces it (If-Match required: 428 without, 412 stale). */
    @PUT
    @Path("{clientId}/rights/{name}")
    @Consumes("application/json")
    public Response putRight(@PathParam("clientId") String clientId, @PathParam("name") String name,
                             @HeaderParam("If-Match") String ifMatch, String body) {
        return call.run(context -> {
            Bodies.RightInput input = Json.read(body, Bodies.RightInput.class);
            boolean needsApproval = Boolean.TRUE.equals(input.needsApproval());
            if (input.maximumDays() != null && (input.maximumDays() < 1 || input.maximumDays() > 36_500)) {
                throw Problems.badRequest("maximumDays", "must be between 1 and 36500");
            }
            Right right = new Right(clientId, name, Inputs.optionalText("description", input.description()),
                    input.contextValues() == null ? List.of() : input.contextValues(), needsApproval,
                    Optional.ofNullable(input.maximumDays()).map(Duration::ofDays),
                    input.grantableBy() == null ? Set.of() : input.grantableBy(),
                    input.needsApprovalBy() == null ? ApprovalBy.OWNER : ApprovalBy.fromCode(input.needsApprovalBy()));
            Versioned<Right> stored = administration.registry().putRight(context, right, Etags.optional(ifMatch));
            return Etags.ok(Representations.right(stored), stored.revision());
        });
    }

    /** The application's provisioning target, for its owner; the credential is never returned. */
    @GET
    @Path("{clientId}/provisioning-target")
    public Response provisioningTarget(@PathParam("clientId") String clientId) {
        return call.run(context -> {
            Versioned<TargetConfig> target = administration.provisioningTargets().target(context, clientId);
            return Etags.ok(provisioningTarget(target.value()), target.revision());
        });
    }

    /** Registers the provisioning target (201, without If-Match), or replaces it (If-Match required). */
    @PUT
    @Path("{clientId}/provisioning-target")
    @Consumes("application/json")
    public Response putProvisioningTarget(@PathParam("clientId") String clientId,
                                          @HeaderParam("If-Match") String ifMatch, String body) {
        return call.run(context -> {
            Bodies.ProvisioningTargetInput input = Json.read(body, Bodies.ProvisioningTargetInput.class);
            boolean registers = ifMatch == null;
            Versioned<TargetConfig> stored = administration.provisioningTargets().put(context, clientId,
                    new ProvisioningTargetService.Input(input.baseUrl(), input.authentication(), input.tokenEndpoint(),
                            input.clientId(), input.secret(), input.scope(), input.rights(), input.groups(),
                            input.whenLastRightEnds()), Etags.optional(ifMatch));
            return registers ? Etags.created(provisioningTarget(stored.value()), stored.revision())
                    : Etags.ok(provisioningTarget(stored.value()), stored.revision());
        });
    }

    /** Ends the application's provisioning (If-Match required); the accounts at the target stay. */
    @DELETE
    @Path("{clientId}/provisioning-target")
    public Response removeProvisioningTarget(@PathParam("clientId") String clientId,
                                             @HeaderParam("If-Match") String ifMatch) {
        return call.run(context -> {
            administration.provisioningTargets().remove(context, clientId, Etags.optional(ifMatch));
            return Response.noContent().build();
        });
    }

    private static Map<String, Object> provisioningTarget(TargetConfig target) {
        Map<String, Object> body = new LinkedHashMap<>(ProvisioningTargetService.of(target));
        body.put("groups", target.groups());
        body.put("secretSet", !target.authentication().secret().isEmpty());
        return body;
    }

    // reports, audit trail and sign-in statistics of the application, for its owner
    @Path("{clientId}/reports")
    public ApplicationOversightResource.Reports reports(@PathParam("clientId") String clientId) {
        return oversight(clientId).reports();
    }

    @Path("{clientId}/audit")
    public ApplicationOversightResource.Audit audit(@PathParam("clientId") String clientId) {
        return oversight(clientId).audit();
    }

    @Path("{clientId}/sign-ins")
    public ApplicationOversightResource.SignIns signIns(@PathParam("clientId") String clientId) {
        return oversight(clientId).signIns();
    }

    private ApplicationOversightResource oversight(String clientId) {
        return new ApplicationOversightResource(call, administration.oversight(), administration.names(), clientId);
    }

    /** Every grant of the application in every organisation, for its owner; nothing else of those organisations. */
    @GET
    @Path("{clientId}/grants")
    public Response grants(@PathParam("clientId") String clientId, @QueryParam("cursor") String cursor,
                           @QueryParam("limit") Integer limit) {
        return call.run(context -> {
            Page<StoredGrant> page = Page.of(administration.registry().applicationGrants(context, clientId),
                    StoredGrant::id, Optional.ofNullable(cursor), Optional.ofNullable(limit));
            Map<String, GrantMarks> marks = administration.grants().marks(page.items(), context.now());
            DisplayNames.Names names = administration.names().ofGrants(page.items().stream().map(StoredGrant::grant).toList());
            return Etags.json(Representations.page(page, g -> Representations.grant(g, marks.get(g.id()), names)));
        });
    }
}
