package org.toegang.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * Values crafted to break LDAP filters or DNs, in every path parameter and in the text fields:
 * stored exactly or refused with a problem naming the field, never a wider search, never a 5xx.
 */
@ExtendWith(ToegangStackExtension.class)
class HostileValuesIT {
    static final List<String> HOSTILE = List.of("*", ")(", "*)(toegangId=*", "\\", "a\\2a", "\u0000", ",", "+", "=",
            "uid=x,ou=people", "x".repeat(2_000), "Ζωή 日本語 Ölçü");
    /** Statuses that refuse without data; 200 only where the answer is an empty list. */
    static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 422);

    @Test
    void hostilePathParametersAreRefusedAndNeverWidenASearch(RunningToegang toegang) {
        AdminApi api = new AdminApi(toegang);
        ApiFixture fixture = ApiFixture.of(toegang);
        String chris = api.signIn("chris.wouters");
        String central = api.signIn("central.admin");
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (OpenApiDocument.Operation operation : OpenApiDocument.of(api).operations()) {
            if (!operation.method().equals("get") || !operation.path().contains("{")) {
                continue;
            }
            for (String parameter : List.of("key", "personId", "workRelationId", "grantId", "delegationId", "clientId",
                    "name", "requestId")) {
                if (!operation.path().contains("{" + parameter + "}")) {
                    continue;
                }
                for (String hostile : HOSTILE) {
                    Map<String, String> values = new HashMap<>(Map.of("key", ApiFixture.ORG, "personId", fixture.pieter,
                            "workRelationId", fixture.pieterWorkRelation, "grantId", fixture.pieterGrant,
                            "delegationId", fixture.xavierDelegation, "clientId", ApiFixture.APP));
                    values.put("name", ApiFixture.RIGHT);
                    values.put("requestId", fixture.walterRequest);
                    values.put(parameter, URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20"));
                    String token = parameter.equals("key") || parameter.equals("clientId") ? central : chris;
                    AdminApi.Answer answer = api.call("GET", operation.resolve(values), token, null);
                    calls++;
                    boolean emptyList = answer.status() == 200 && answer.json().path("items").isEmpty();
                    if (!(REFUSALS.contains(answer.status()) || emptyList)) {
                        failures.add(operation + " " + parameter + "=" + shortly(hostile) + " → " + answer.status());
                    }
                }
            }
        }
        System.out.printf("Hostile path parameters: %d calls%n", calls);
        assertThat(failures).isEmpty();
    }

    @Test
    void hostileSearchValuesFindNothingMore(RunningToegang toegang) {
        AdminApi api = new AdminApi(toegang);
        String bart = api.signIn("bart.claes");
        for (String hostile : HOSTILE) {
            for (String field : List.of("name", "nationalRegisterNumber", "email")) {
                AdminApi.Answer answer = api.call("GET", "/organisations/0900000147/people?" + field + "="
                        + URLEncoder.encode(hostile, StandardCharsets.UTF_8), bart, null);
                assertThat(answer.status()).as("%s=%s: %s", field, shortly(hostile), answer).isIn(200, 422, 400);
                if (answer.status() == 200) {
                    assertThat(answer.json().path("items")).as("%s=%s", field, shortly(hostile)).isEmpty();
                } else if (answer.status() == 422) {
                    assertThat(answer.json().path("errors").findValuesAsText("field")).contains(field);
                } else {
                    // 400: refused by the HTTP layer before the API (a NUL in the query), with no data
                    assertThat(answer.body()).doesNotContain("items");
                }
            }
        }
    }

    @Test
    void hostileTextIsStoredExactlyOrRefusedNamingTheField(RunningToegang toegang) {
        AdminApi api = new AdminApi(toegang);
        ApiFixture fixture = ApiFixture.of(toegang);
        String zoe = api.signIn("zoe.local");
        String central = api.signIn("central.admin");
        int i = 0;
        for (String hostile : HOSTILE) {
            i++;
            AdminApi.Answer grant = api.call("POST", "/organisations/" + ApiFixture.ORG + "/grants", zoe,
                    Map.of("personId", fixture.pieter, "clientId", ApiFixture.APP, "right", ApiFixture.RIGHT,
                            "reason", hostile));
            AdminApi.Answer organisation = api.call("POST", "/organisations", central,
                    Map.of("key", "HOSTILE-" + i, "name", hostile, "targetGroup", "VER"));
            for (AdminApi.Answer[] pair : new AdminApi.Answer[][] {{grant}, {organisation}}) {
                AdminApi.Answer answer = pair[0];
                String field = answer == grant ? "reason" : "name";
                if (hostile.indexOf('\u0000') >= 0 || hostile.length() > 500) {
                    assertThat(answer.status()).as("%s %s", field, answer).isEqualTo(422);
                    assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly(field);
                } else {
                    assertThat(answer.status()).as("%s %s", field, answer).isEqualTo(201);
                    assertThat(answer.json().path(field).asText()).isEqualTo(hostile.strip());
                }
            }
            if (grant.status() == 201) {
                AdminApi.Answer read = api.call("GET", "/organisations/" + ApiFixture.ORG + "/grants/"
                        + grant.json().path("id").asText(), zoe, null);
                assertThat(read.json().path("reason").asText()).isEqualTo(hostile.strip());
                AdminApi.Answer org = api.call("GET", "/organisations/HOSTILE-" + i, central, null);
                assertThat(org.json().path("name").asText()).isEqualTo(hostile.strip());
            }
        }
        AdminApi.Answer badKey = api.call("POST", "/organisations", central, Map.of("key", "*)(x", "name", "x",
                "targetGroup", "VER"));
        assertThat(badKey.status()).isEqualTo(422);
        assertThat(badKey.json().path("errors").findValuesAsText("field")).containsExactly("organisationKey");
    }

    private static String shortly(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value.replace("\u0000", "\\0");
    }
}
