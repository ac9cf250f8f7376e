package org.toegang.keycloak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

class AuditRecordsTest {

    @Test
    void writesASuccessfulLoginAsOneLineOfFields() {
        Event event = login("an.peeters", null);

        assertThat(AuditRecords.of(event)).isEqualTo(
                "audit=login type=LOGIN outcome=success realm=toegang client=dv_geoportaal user=f:toegang-ldap:42"
                        + " session=s-1 ip=127.0.0.1 event=e-1 auth_method=openid-connect"
                        + " redirect_uri=http://localhost:8000/cb username=an.peeters");
        assertThat(AuditRecords.failed(event)).isFalse();
    }

    @Test
    void countsARefreshInsteadOfWritingItButKeepsSignInsAndFailures() {
        Event refresh = login("an.peeters", null);
        refresh.setType(EventType.REFRESH_TOKEN);
        Event failedRefresh = login("an.peeters", "invalid_token");
        failedRefresh.setType(EventType.REFRESH_TOKEN_ERROR);
        Event codeToToken = login("an.peeters", null);
        codeToToken.setType(EventType.CODE_TO_TOKEN);

        assertThat(AuditRecords.isRoutine(refresh)).isTrue();
        assertThat(AuditRecords.isRoutine(failedRefresh)).isFalse();
        assertThat(AuditRecords.isRoutine(login("an.peeters", null))).isFalse();
        assertThat(AuditRecords.isRoutine(codeToToken)).as("the end of a sign-in").isFalse();
    }

    @Test
    void writesAFailedLoginWithItsError() {
        Event event = login("an.peeters", "invalid_user_credentials");
        event.setType(EventType.LOGIN_ERROR);

        assertThat(AuditRecords.of(event))
                .startsWith("audit=login type=LOGIN_ERROR outcome=failure error=invalid_user_credentials realm=toegang");
        assertThat(AuditRecords.failed(event)).isTrue();
    }

    @Test
    void leavesOutDetailsWhoseKeySuggestsASecret() {
        Event event = login("an.peeters", null);
        Map<String, String> details = new LinkedHashMap<>(event.getDetails());
        details.put("password", "Demo-Toegang-1");
        details.put("client_secret", "dv_geoportaal-demo-secret");
        details.put("refresh_token_id", "r-1");
        details.put("code", "abc");
        event.setDetails(details);

        assertThat(AuditRecords.of(event))
                .doesNotContain("Demo-Toegang-1", "demo-secret", "r-1", "code=abc")
                .contains("username=an.peeters");
    }

    @Test
    void cannotBeSplitIntoTwoRecordsByAUserName() {
        Event event = login("x\naudit=login type=LOGIN outcome=success", "user_not_found");

        String line = AuditRecords.of(event);

        assertThat(line).doesNotContain("\n")
                .contains("username=\"x\\naudit=login type=LOGIN outcome=success\"");
    }

    @Test
    void writesWhoChangedWhatButNeverTheRepresentation() {
        AdminEvent event = new AdminEvent();
        event.setId("a-1");
        event.setRealmName("toegang");
        event.setOperationType(OperationType.UPDATE);
        event.setResourceType(ResourceType.CLIENT);
        event.setResourcePath("clients/1234");
        event.setRepresentation("{\"secret\":\"dv_geoportaal-demo-secret\"}");
        AuthDetails actor = new AuthDetails();
        actor.setRealmName("master");
        actor.setClientId("c-1");
        actor.setUserId("u-1");
        actor.setIpAddress("127.0.0.1");
        event.setAuthDetails(actor);

        assertThat(AuditRecords.of(event, ActorNames.NONE)).isEqualTo(
                "audit=admin operation=UPDATE resource=CLIENT path=clients/1234 outcome=success realm=toegang"
                        + " actor_realm=master actor_client=c-1 actor_user=u-1 ip=127.0.0.1 event=a-1");
    }

    @Test
    void namesTheActorsClientAndUserWhenTheyAreKnown() {
        AdminEvent event = new AdminEvent();
        event.setRealmId("r-toegang");
        event.setOperationType(OperationType.DELETE);
        event.setResourceType(ResourceType.CLIENT_SCOPE);
        AuthDetails actor = new AuthDetails();
        actor.setRealmId("r-master");
        actor.setClientId("c-1");
        actor.setUserId("u-1");
        event.setAuthDetails(actor);
        ActorNames names = new ActorNames() {
            @Override
            public String clientId(String realmId, String clientInternalId) {
                return realmId.equals("r-master") && clientInternalId.equals("c-1") ? "admin-cli" : null;
            }

            @Override
            public String username(String realmId, String userId) {
                return realmId.equals("r-master") && userId.equals("u-1") ? "admin" : null;
            }
        };

        assertThat(AuditRecords.of(event, names))
                .contains("actor_realm=r-master actor_client=admin-cli actor_user=u-1 actor_username=admin");
    }

    private static Event login(String username, String error) {
        Event event = new Event();
        event.setId("e-1");
        event.setType(EventType.LOGIN);
        event.setRealmName("toegang");
        event.setClientId("dv_geoportaal");
        event.setUserId("f:toegang-ldap:42");
        event.setSessionId("s-1");
        event.setIpAddress("127.0.0.1");
        event.setError(error);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("auth_method", "openid-connect");
        details.put("redirect_uri", "http://localhost:8000/cb");
        event.setDetails(details);
        return event;
    }
}
