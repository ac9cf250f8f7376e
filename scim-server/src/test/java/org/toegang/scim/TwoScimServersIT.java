package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/**
 * Two SCIM servers over one directory, as the production topology runs them behind a load
 * balancer: they keep no state of their own, so what one writes the other reads at once, version
 * (ETag) included, and a stale version sent to the other is refused without a change.
 */
class TwoScimServersIT {
    @TempDir
    Path data;

    @Test
    void aWriteThroughOneIsReadThroughTheOtherAtOnce() throws Exception {
        try (ScimTestServer server = new ScimTestServer(data, ScimLimits.DEFAULTS);
             ScimServer other = server.startAnother()) {
            String token = server.token("scim-provisioner", List.of());
            assertThat(other.baseUri().getPort()).isNotEqualTo(server.scim.baseUri().getPort());

            Reply created = server.send("POST", "Users", token, ScimServerIT.user("twin.writer", "Writer", ""), Map.of());
            assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
            String id = created.json().path("id").asText();

            Reply read = server.send(other, "GET", "Users/" + id, token, null, Map.of());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().path("userName").asText()).isEqualTo("twin.writer");
            assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));

            String patch = """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"replace","path":"name.familyName","value":"Rewritten"}]}""";
            Reply patched = server.send(other, "PATCH", "Users/" + id, token, patch, Map.of());
            assertThat(patched.status()).as(patched.json().toString()).isEqualTo(200);
            Reply again = server.send("GET", "Users/" + id, token, null, Map.of());
            assertThat(again.json().path("name").path("familyName").asText()).isEqualTo("Rewritten");
            assertThat(again.header("ETag")).isEqualTo(patched.header("ETag")).isNotEqualTo(created.header("ETag"));

            String stalePatch = patch.replace("Rewritten", "Stale");
            Reply stale = server.send(other, "PATCH", "Users/" + id, token, stalePatch,
                    Map.of("If-Match", created.header("ETag")));
            assertThat(stale.status()).isEqualTo(412);
            assertThat(server.send("GET", "Users/" + id, token, null, Map.of()).json().path("name")
                    .path("familyName").asText()).as("nothing changed").isEqualTo("Rewritten");
        }
    }
}
