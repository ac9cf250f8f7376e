package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/**
 * Under normal load the embedded directory's log stays quiet. A provisioning load once made
 * ApacheDS write 330,000 warnings {@code MSG_13202_AT_IS_NULL} ("The attributeType is null"):
 * after a restart its RDN index read every RDN from disk without the schema
 * ({@code SchemaAwareJdbmPartition} says why). So this loads people, restarts the directory on
 * the same files, and loads again (creates, reads by id and by filter, PATCHes), while it reads
 * the directory's log: ApacheDS logs through SLF4J's simple binding to {@code System.err}.
 */
class DirectoryLogIT {
    private static final int PEOPLE = 20;

    @TempDir
    Path data;

    @Test
    void aLoadOfCreatesReadsAndPatchesAfterARestartLeavesNoAttributeTypeWarningsInTheDirectoryLog() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new Tee(original, log), true, StandardCharsets.UTF_8));
        try {
            try (ScimTestServer first = new ScimTestServer(data, ScimLimits.DEFAULTS)) {
                load(first, "before");
            }
            try (ScimTestServer restarted = ScimTestServer.reopen(data, ScimLimits.DEFAULTS)) {
                load(restarted, "after");
                // what the first server wrote is read back from disk
                Reply earlier = restarted.send("GET", "Users?filter=" + URLEncoder.encode("userName sw \"before.\"",
                        StandardCharsets.UTF_8) + "&count=200", restarted.token("scim-provisioner", List.of()), null, Map.of());
                assertThat(earlier.json().path("totalResults").asInt()).isEqualTo(PEOPLE);
            }
        } finally {
            System.setErr(original);
        }
        String written = log.toString(StandardCharsets.UTF_8);
        // the capture hears ApacheDS: it warns at each start that the admin password is the default one
        assertThat(written).contains("org.apache.directory.server.core.DefaultDirectoryService");
        assertThat(written.lines().filter(line -> line.contains("MSG_13202") || line.contains("The attributeType is null")))
                .as("warnings MSG_13202_AT_IS_NULL in the directory's log").isEmpty();
    }

    private static void load(ScimTestServer server, String prefix) {
        String token = server.token("scim-provisioner", List.of());
        for (int i = 0; i < PEOPLE; i++) {
            String userName = prefix + "." + i;
            Reply created = server.send("POST", "Users", token, """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                     "name":{"givenName":"Log","familyName":"Family%d"},"displayName":"Log %d",
                     "emails":[{"value":"%s@log.example","type":"work","primary":true}]}"""
                    .formatted(userName, i, i, userName), Map.of());
            assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
            String id = created.json().path("id").asText();
            assertThat(server.send("GET", "Users/" + id, token, null, Map.of()).status()).isEqualTo(200);
            Reply found = server.send("GET", "Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"",
                    StandardCharsets.UTF_8), token, null, Map.of());
            assertThat(found.json().path("totalResults").asInt()).isEqualTo(1);
            Reply patched = server.send("PATCH", "Users/" + id, token, ProvisioningClientsIT.patch(
                    "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Patched " + i + "\"}]"), Map.of());
            assertThat(patched.status()).as(patched.json().toString()).isEqualTo(200);
        }
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final PrintStream first;
        private final OutputStream second;

        Tee(PrintStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            second.write(b);
            first.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            second.write(bytes, offset, length);
            first.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            first.flush();
        }
    }
}
