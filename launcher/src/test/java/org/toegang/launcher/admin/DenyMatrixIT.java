package org.toegang.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * Every operation of the OpenAPI document × every kind of caller who must not pass: each is refused
 * with 401 or 403 (lists open to every signed-in person answer, but without the target's data), and
 * the directory, exported whole before and after, is unchanged. The operations come from the
 * document the running API serves, so a new endpoint cannot be forgotten; an operation with a body
 * needs an example below, or this test fails.
 */
@ExtendWith(ToegangStackExtension.class)
class DenyMatrixIT {
    /** Access kinds where the limited local administrator of the target organisation legitimately passes. */
    private static final Set<String> OPEN_TO_EVERY_LOCAL_ADMINISTRATOR = Set.of("organisation");
    /**
     * Access kinds open to every signed-in person by design (asking to work for an organisation):
     * not applicable to the signed-in callers, who would legitimately pass and change the directory;
     * the callers without a valid token still are refused, and its rules are tested in WorkRelationRequestApiIT.
     */
    private static final Set<String> OPEN_TO_EVERY_PERSON = Set.of("person");

    private record Caller(String name, String token, boolean authenticated, boolean limitedLocalAdministrator) {
    }

    @Test
    void everyEndpointRefusesEveryCallerOutsideItsRoleAndChangesNothing(RunningToegang toegang) throws Exception {
        AdminApi api = new AdminApi(toegang);
        ApiFixture fixture = ApiFixture.of(toegang);
        List<Caller> callers = List.of(
                new Caller("no token", null, false, false),
                new Caller("expired token", ApiFixture.expiredToken(toegang, api, "chris.wouters"), false, false),
                new Caller("token of the master realm", toegang.adminToken(), false, false),
                new Caller("person without role (dina.maes)", api.signIn("dina.maes"), true, false),
                new Caller("local administrator of another organisation (bart.claes)", api.signIn("bart.claes"), true, false),
                new Caller("local administrator limited to another application (xavier)", api.signIn("xavier.limited"), true, true),
                new Caller("delegation that has ended (yves)", api.signIn("yves.ended"), true, false),
                new Caller("application owner outside its applications (an.peeters)", api.signIn("an.peeters"), true, false));
        Map<String, String> values = Map.of("key", ApiFixture.ORG, "personId", fixture.pieter,
                "workRelationId", fixture.pieterWorkRelation, "delegationId", fixture.xavierDelegation,
                "clientId", ApiFixture.APP, "name", ApiFixture.RIGHT, "type", "external", "requestId", fixture.walterRequest);
        Map<String, Object> bodies = bodies(fixture);
        List<String> secrets = List.of(fixture.pieterGrant, fixture.pieterRequest, ApiFixture.APP, fixture.walterRequest);

        List<OpenApiDocument.Operation> operations = OpenApiDocument.of(api).operations().stream()
                .filter(operation -> !operation.access().equals("public")).toList();
        String before;
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            before = directory.export();
        }
        int cells = 0;
        int refused = 0;
        int filtered = 0;
        int notApplicable = 0;
        List<String> failures = new ArrayList<>();
        for (OpenApiDocument.Operation operation : operations) {
            Map<String, String> own = new LinkedHashMap<>(values);
            boolean aboutRequests = operation.path().startsWith("/requests") || operation.path().startsWith("/me");
            own.put("grantId", aboutRequests ? fixture.pieterRequest : fixture.pieterGrant);
            String path = operation.resolve(own);
            if (operation.hasBody() && !bodies.containsKey(operation.id())) {
                failures.add(operation + ": no example body in DenyMatrixIT");
                continue;
            }
            for (Caller caller : callers) {
                cells++;
                if (caller.limitedLocalAdministrator() && OPEN_TO_EVERY_LOCAL_ADMINISTRATOR.contains(operation.access())
                        || caller.authenticated() && OPEN_TO_EVERY_PERSON.contains(operation.access())) {
                    notApplicable++;
                    continue;
                }
                AdminApi.Answer answer = api.call(operation.method().toUpperCase(), path, caller.token(),
                        bodies.get(operation.id()), Map.of("If-Match", "\"matrix\"",
                                "Idempotency-Key", UUID.randomUUID().toString()));
                String cell = operation + " × " + caller.name() + " → " + answer.status();
                if (!caller.authenticated()) {
                    check(failures, cell, answer.status() == 401 && isProblem(answer) && noneOf(answer, secrets));
                    refused++;
                } else if (operation.access().equals("authenticated")) {
                    boolean leaks = !noneOf(answer, secrets) || (operation.path().equals("/organisations")
                            && !caller.limitedLocalAdministrator() && answer.body().contains(ApiFixture.ORG));
                    check(failures, cell + " leaks the target", answer.status() == 200 && !leaks);
                    filtered++;
                } else {
                    check(failures, cell, answer.status() == 403 && isProblem(answer) && noneOf(answer, secrets));
                    refused++;
                }
            }
        }
        String after;
        try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
            after = directory.export();
        }
        System.out.printf("Deny matrix: %d endpoints × %d callers = %d cells: %d refused (401/403), %d answered"
                        + " without the target's data, %d not applicable (the limited local administrator may use"
                        + " organisation-wide endpoints; every person may ask to work for an organisation)%n", operations.size(), callers.size(),
                operations.size() * callers.size(), refused, filtered, notApplicable);
        assertThat(failures).isEmpty();
        assertThat(after).as("the directory after the matrix").isEqualTo(before);
    }

    private static Map<String, Object> bodies(ApiFixture fixture) {
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("requestRight", Map.of("organisationKey", ApiFixture.ORG, "clientId", ApiFixture.APP,
                "right", ApiFixture.RIGHT, "reason", "matrix"));
        bodies.put("registerOrganisation", Map.of("key", "MATRIX-1", "name", "Matrix", "targetGroup", "VER"));
        bodies.put("addLegalRepresentative", Map.of("personId", fixture.pieter));
        bodies.put("addPerson", Map.of("nationalRegisterNumber", "85031212362", "givenName", "An",
                "familyName", "Peeters", "workRelationType", "external"));
        bodies.put("createWorkRelation", Map.of("personId", fixture.pieter, "type", "external"));
        bodies.put("changeWorkRelation", Map.of("validTo", "2030-01-01"));
        bodies.put("grantRight", Map.of("personId", fixture.pieter, "clientId", ApiFixture.APP,
                "right", ApiFixture.RIGHT, "reason", "matrix"));
        bodies.put("bulkChangeValidity", Map.of("changes", List.of(Map.of("grantId", fixture.pieterGrant,
                "validFrom", "2026-01-01", "validTo", "2030-01-01"))));
        bodies.put("changeGrantValidity", Map.of("validTo", "2030-01-01"));
        bodies.put("revokeGrant", Map.of("reason", "matrix"));
        bodies.put("appointAdministrator", Map.of("personId", fixture.pieter, "role", "localAdministrator"));
        bodies.put("approveRequest", Map.of("reason", "matrix"));
        bodies.put("requestWorkRelation", Map.of("organisationKey", ApiFixture.ORG, "type", "external"));
        bodies.put("approveWorkRelationRequest", Map.of("reason", "matrix"));
        bodies.put("rejectWorkRelationRequest", Map.of("reason", "matrix"));
        bodies.put("rejectRequest", Map.of("reason", "matrix"));
        bodies.put("registerApplication", Map.of("clientId", "matrix_app", "name", "Matrix",
                "ownerOrganisationKey", ApiFixture.ORG, "capacityPer", "organisation", "openTo", List.of("EA")));
        bodies.put("putRight", Map.of("description", "matrix", "needsApproval", false, "grantableBy", List.of("EA")));
        bodies.put("putProvisioningTarget", Map.of("baseUrl", "https://scim.example.org/v2", "authentication", "bearer",
                "secret", "matrix-token"));
        // oversight (feat/delegation-audit): comparisons, default rights, bulk upload (a CSV body)
        bodies.put("copyMissingRights", Map.of("from", fixture.pieter, "to", fixture.zoe));
        bodies.put("setDefaultRights", Map.of("rights", List.of(Map.of("clientId", ApiFixture.APP, "right", ApiFixture.RIGHT))));
        String csv = "grantId,personId,userName,givenName,familyName,organisationKey,clientId,right,context,validFrom,"
                + "validTo,status,countsNow,reason\r\n," + fixture.pieter + ",,,," + ApiFixture.ORG + "," + ApiFixture.APP + ","
                + ApiFixture.RIGHT + ",,2026-01-01T00:00:00Z,,active,false,matrix\r\n";
        bodies.put("previewBulkUpload", csv);
        bodies.put("applyBulkUpload", csv);
        return bodies;
    }

    private static boolean isProblem(AdminApi.Answer answer) {
        return answer.header("Content-Type").map(type -> type.startsWith("application/problem+json")).orElse(false);
    }

    private static boolean noneOf(AdminApi.Answer answer, List<String> secrets) {
        return secrets.stream().noneMatch(answer.body()::contains);
    }

    private static void check(List<String> failures, String cell, boolean ok) {
        if (!ok) {
            failures.add(cell);
        }
    }
}
