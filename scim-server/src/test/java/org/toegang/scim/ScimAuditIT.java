package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.audit.AuditEntry;
import org.toegang.core.audit.PersonChanges;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryAuditTrail;
import org.toegang.core.directory.DirectoryConfig;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/** Every SCIM write of a user leaves exactly one audit entry in the directory; refused writes leave none. */
class ScimAuditIT {
    @TempDir
    static Path data;
    static ScimTestServer server;
    static Directory directory;
    static DirectoryAuditTrail trail;
    static String provisioner;

    @BeforeAll
    static void start() throws Exception {
        server = new ScimTestServer(data, new ScimLimits(200, 10_000, 20, 64 * 1024, 10));
        provisioner = server.token("scim-provisioner", List.of());
        directory = Directory.connect(new DirectoryConfig(server.directory.ldapUrl(), EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 2));
        trail = new DirectoryAuditTrail(directory);
    }

    @AfterAll
    static void stop() {
        directory.close();
        server.close();
    }

    @Test
    void createReplacePatchAndDeleteEachLeaveOneEntryWithBeforeAndAfter() {
        Reply created = server.send("POST", "Users", provisioner, ScimServerIT.user("audit.person", "Before", ""), Map.of());
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        Reply replaced = server.send("PUT", "Users/" + id, provisioner, ScimServerIT.user("audit.person", "After", ""),
                Map.of("If-Match", created.header("ETag")));
        assertThat(replaced.status()).isEqualTo(200);
        Reply stale = server.send("PUT", "Users/" + id, provisioner, ScimServerIT.user("audit.person", "Stale", ""),
                Map.of("If-Match", created.header("ETag")));
        assertThat(stale.status()).isEqualTo(412);
        Reply patched = server.send("PATCH", "Users/" + id, provisioner, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"replace","path":"name.givenName","value":"Patched"}]}""", Map.of());
        assertThat(patched.status()).isEqualTo(200);
        String reader = server.token("dv_geoportaal", List.of());
        assertThat(server.send("DELETE", "Users/" + id, reader, null, Map.of()).status()).isEqualTo(403);
        assertThat(server.send("DELETE", "Users/" + id, provisioner, null, Map.of()).status()).isEqualTo(204);

        List<AuditEntry> history = trail.forTarget("person/" + id, 10);
        assertThat(history).extracting(AuditEntry::action)
                .containsExactly("person.delete", "person.patch", "person.replace", "person.create");
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.actor().clientId()).contains("scim-provisioner");
            assertThat(entry.role()).isEqualTo(PersonChanges.SCIM_ROLE);
        });
        AuditEntry replace = history.get(2);
        assertThat(replace.before()).containsEntry("familyName", "Before");
        assertThat(replace.after()).containsEntry("familyName", "After");
        assertThat(history.get(1).after()).containsEntry("givenName", "Patched");
        assertThat(history.get(0).after()).isEmpty();
        assertThat(history.get(3).before()).isEmpty();
    }
}
