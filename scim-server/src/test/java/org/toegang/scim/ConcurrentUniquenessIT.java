package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/**
 * Uniqueness is kept by the directory, not by a lock in one process: 30 simultaneous creates of
 * the same value, spread over two SCIM servers on one directory, make exactly one person.
 */
class ConcurrentUniquenessIT {
    static final int WRITERS = 30;
    static final String TOEGANG = ScimServerIT.TOEGANG;

    @TempDir
    static Path data;
    static ScimTestServer server;
    static ScimServer second;
    static String provisioner;

    @BeforeAll
    static void start() throws Exception {
        server = new ScimTestServer(data, ScimLimits.DEFAULTS);
        second = server.startAnother();
        provisioner = server.token("scim-provisioner", List.of());
    }

    @AfterAll
    static void stop() {
        second.close();
        server.close();
    }

    @Test
    void exactlyOneOfManySimultaneousCreatesOfOneUserNameSucceeds() throws Exception {
        race(i -> user("same.name", nationalRegisterNumber("7501010" + String.format("%02d", i)), "ext-name-" + i));
        assertThat(entries(Filter.createEqualityFilter("uid", "same.name"))).isEqualTo(1);
    }

    @Test
    void exactlyOneOfManySimultaneousCreatesOfOneNationalRegisterNumberSucceeds() throws Exception {
        String number = nationalRegisterNumber("760202123");
        race(i -> user("same.number." + i, number, "ext-number-" + i));
        assertThat(entries(Filter.createEqualityFilter("toegangNationalRegisterNumber", number))).isEqualTo(1);
    }

    @Test
    void exactlyOneOfManySimultaneousCreatesOfOneExternalIdSucceeds() throws Exception {
        race(i -> user("same.external." + i, null, "ext-same"));
        assertThat(entries(Filter.createEqualityFilter("toegangExternalId", "ext-same"))).isEqualTo(1);
    }

    @Test
    void aValueIsFreeAgainOnceItsHolderIsDeletedOrChangesIt() throws Exception {
        String number = nationalRegisterNumber("770303456");
        Reply first = server.send("POST", "Users", provisioner, user("free.again.one", number, "ext-free"), Map.of());
        assertThat(first.status()).isEqualTo(201);
        Reply taken = server.send(second, "POST", "Users", provisioner, user("free.again.two", number, "ext-free-2"), Map.of());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(entries(Filter.createEqualityFilter("uid", "free.again.two"))).isZero();
        // the holder changes externalId: the old one is free, the number is still taken
        Reply changed = server.send("PUT", "Users/" + first.json().path("id").asText(), provisioner,
                user("free.again.one", number, "ext-free-new"), Map.of());
        assertThat(changed.status()).as(changed.json().toString()).isEqualTo(200);
        assertThat(server.send(second, "POST", "Users", provisioner, user("free.again.three", null, "ext-free"), Map.of())
                .status()).isEqualTo(201);
        assertThat(server.send("DELETE", "Users/" + first.json().path("id").asText(), provisioner, null, Map.of())
                .status()).isEqualTo(204);
        assertThat(server.send(second, "POST", "Users", provisioner, user("free.again.two", number, "ext-free-2"), Map.of())
                .status()).isEqualTo(201);
    }

    /** Sends the creates at once, alternating between the two servers; checks one 201 and the rest 409 uniqueness. */
    private static void race(IntFunction<String> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < WRITERS; i++) {
                ScimServer target = i % 2 == 0 ? server.scim : second;
                String user = body.apply(i);
                replies.add(pool.submit(() -> {
                    gate.await();
                    return server.send(target, "POST", "Users", provisioner, user, Map.of());
                }));
            }
            gate.countDown();
            int created = 0;
            for (Future<Reply> future : replies) {
                Reply reply = future.get();
                if (reply.status() == 201) {
                    created++;
                } else {
                    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(409);
                    assertThat(reply.json().path("scimType").asText()).isEqualTo("uniqueness");
                }
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String user(String userName, String number, String externalId) {
        String extension = number == null ? "" : ",\"" + TOEGANG + "\":{\"nationalRegisterNumber\":\"" + number + "\"}";
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"%s",
                 "externalId":"%s","name":{"familyName":"Race"}%s}""".formatted(TOEGANG, userName, externalId, extension);
    }

    /** A valid number (born before 2000) from its first nine digits. */
    private static String nationalRegisterNumber(String nine) {
        long check = 97 - Long.parseLong(nine) % 97;
        return nine + String.format("%02d", check);
    }

    private static int entries(Filter filter) throws Exception {
        LDAPURL url = new LDAPURL(server.directory.ldapUrl());
        try (LDAPConnection ldap = new LDAPConnection(url.getHost(), url.getPort(), EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD)) {
            return ldap.search("ou=people," + EmbeddedDirectory.BASE_DN, SearchScope.SUB, filter, "1.1").getEntryCount();
        }
    }
}
