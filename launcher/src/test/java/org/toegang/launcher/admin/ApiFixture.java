package org.toegang.launcher.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.toegang.launcher.RunningToegang;

/**
 * The people, delegations and application the refusal tests aim at, written once into the shared
 * directory: organisation 0900000246 (Chris is its legal representative) with an employee,
 * Pieter, who holds a grant of and a pending request for the test application {@code it_other},
 * owned by 0900000345 (nobody of the demo administers it); Xavier, local administrator of
 * 0900000246 limited to dv_geoportaal; Yves, whose local administration of 0900000246 ended
 * yesterday; Zoë, local administrator of 0900000246 for every application; Walter, who asks to work
 * for 0900000246 (an undecided work-relation request).
 */
final class ApiFixture {
    static final String ORG = "0900000246";
    static final String APP = "it_other";
    static final String RIGHT = "OtherRight";
    static final String APPROVAL_RIGHT = "OtherApproval";

    private static ApiFixture made;

    final String pieter;
    final String pieterWorkRelation;
    final String pieterGrant;
    final String pieterRequest;
    final String xavier;
    final String xavierDelegation;
    final String yves;
    final String zoe;
    final String walter;
    final String walterRequest;

    private ApiFixture(DirectoryFixture directory) {
        directory.application(APP, "0900000345", "EA");
        directory.right(APP, RIGHT, false, "EA");
        directory.right(APP, APPROVAL_RIGHT, true, "EA");
        pieter = directory.person("pieter.test", "Pieter", "Test");
        pieterWorkRelation = directory.workRelation(pieter, ORG, DirectoryFixture.daysFromNow(-30));
        pieterGrant = directory.grant(pieter, APP, RIGHT, ORG, "active");
        pieterRequest = directory.grant(pieter, APP, APPROVAL_RIGHT, ORG, "requested");
        xavier = directory.person("xavier.limited", "Xavier", "Limited");
        xavierDelegation = directory.delegation(xavier, ORG, "localAdministrator", DirectoryFixture.daysFromNow(-10), null,
                "dv_geoportaal");
        yves = directory.person("yves.ended", "Yves", "Ended");
        directory.delegation(yves, ORG, "localAdministrator", DirectoryFixture.daysFromNow(-10),
                DirectoryFixture.daysFromNow(-1));
        zoe = directory.person("zoe.local", "Zoë", "Local");
        directory.workRelation(zoe, ORG, DirectoryFixture.daysFromNow(-30));
        directory.delegation(zoe, ORG, "localAdministrator", DirectoryFixture.daysFromNow(-10), null);
        walter = directory.person("walter.asks", "Walter", "Asks");
        walterRequest = directory.workRelationRequest(walter, ORG);
    }

    /** The fixture, written at the first call of the test JVM. */
    static synchronized ApiFixture of(RunningToegang toegang) {
        if (made == null) {
            try (DirectoryFixture directory = new DirectoryFixture(toegang.directory())) {
                made = new ApiFixture(directory);
            }
        }
        return made;
    }

    /** An access token of the portal that has expired: the portal's token lifespan is set to 1 s for one sign-in. */
    static String expiredToken(RunningToegang toegang, AdminApi api, String username) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = toegang.adminToken();
        URI clients = URI.create(toegang.keycloakUrl() + "/admin/realms/toegang/clients?clientId=" + AdminApi.PORTAL);
        JsonNode client = AdminApi.JSON.readTree(http.send(HttpRequest.newBuilder(clients)
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body()).get(0);
        URI one = URI.create(toegang.keycloakUrl() + "/admin/realms/toegang/clients/" + client.path("id").asText());
        setLifespan(http, admin, one, (ObjectNode) client, "1");
        try {
            String token = api.signIn(username);
            Thread.sleep(2_500);
            return token;
        } finally {
            // the realm's own lifespan, so the portal behaves as before
            setLifespan(http, admin, one, (ObjectNode) client, "300");
        }
    }

    private static void setLifespan(HttpClient http, String admin, URI client, ObjectNode representation, String seconds)
            throws IOException, InterruptedException {
        ((ObjectNode) representation.with("attributes")).put("access.token.lifespan", seconds);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(client).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(representation.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("cannot set the portal's token lifespan: " + response.statusCode() + " " + response.body());
        }
    }
}
