package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/**
 * The findings of probing the server as an attacker and a careless client would (issue 11): each
 * test reproduces one and checks the status and that no data leaked and nothing was written.
 */
class ProbeFindingsIT {
    static final String TOEGANG = ScimServerIT.TOEGANG;
    static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @TempDir
    static Path data;
    static ScimTestServer server;
    static String provisioner;
    static String geo;

    @BeforeAll
    static void start() throws Exception {
        // The default limits: a 1 MiB body lets a 100 kB value reach the service.
        server = new ScimTestServer(data, ScimLimits.DEFAULTS);
    }

    /** Fresh tokens for each test: they live 5 minutes, and on a busy machine the class takes longer. */
    @org.junit.jupiter.api.BeforeEach
    void tokens() {
        provisioner = server.token("scim-provisioner", List.of());
        geo = server.token("dv_geoportaal", List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Reply get(String path, String token) {
        return server.send("GET", path, token, null, Map.of());
    }

    static String filter(String filter) {
        return "Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    static int total(String filter, String token) {
        Reply reply = get(filter(filter), token);
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
        return reply.json().path("totalResults").asInt();
    }

    static JsonNode person(String userName) {
        JsonNode found = get(filter("userName eq \"" + userName + "\""), provisioner).json().path("Resources");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static Reply create(String body) {
        return server.send("POST", "Users", provisioner, body, Map.of());
    }

    static String user(String userName, String extra) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"familyName":"Probe"}%s}""".formatted(userName, extra);
    }

    // (a) need-to-know: a caller filters and sorts only on what it may read

    @ParameterizedTest
    @ValueSource(strings = {TOEGANG + ":nationalRegisterNumber sw \"850312\"", TOEGANG + ":nationalRegisterNumber pr",
            "externalId pr", TOEGANG + ":legalRepresentativeOf pr", "userName eq \"an.peeters\" and not (externalId pr)",
            "emails[value pr] and " + TOEGANG + ":nationalRegisterNumber eq \"85031212362\""})
    void anApplicationCannotFilterOnWhatItMayNotRead(String hidden) {
        Reply reply = get(filter(hidden), geo);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(reply.json().has("Resources")).isFalse();
        assertThat(reply.json().path("totalResults").isMissingNode()).isTrue();
        // indistinguishable from an attribute that does not exist
        Reply unknown = get(filter("shoeSize pr"), geo);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asText().replaceAll("(?i)urn:\\S+|externalId|emails\\S*", "X"))
                .doesNotContainIgnoringCase("not supported").doesNotContainIgnoringCase("permission")
                .doesNotContainIgnoringCase("need-to-know");
        // the provisioning client, who may read the number, still can
        assertThat(total(TOEGANG + ":nationalRegisterNumber sw \"850312\"", provisioner)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {TOEGANG + ":nationalRegisterNumber", "externalId", TOEGANG + ":legalRepresentativeOf"})
    void anApplicationCannotSortOnWhatItMayNotRead(String hidden) {
        Reply reply = get("Users?sortBy=" + URLEncoder.encode(hidden, StandardCharsets.UTF_8), geo);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(reply.json().has("Resources")).isFalse();
    }

    // (b) every write is all or nothing

    @Test
    void aChangeTheDirectoryRefusesLeavesNothingBehind() {
        Reply created = create(user("half.applied", ",\"displayName\":\"Half\""));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        // a value the directory's schema refuses (mail is IA5String): the rename must not stay
        Reply patched = server.send("PATCH", "Users/" + id, provisioner, """
                {"schemas":["%s"],"Operations":[
                  {"op":"replace","path":"userName","value":"renamed.half"},
                  {"op":"replace","path":"emails","value":[{"value":"a\\u0000b@example.org","type":"work"}]}]}"""
                .formatted(PATCH), Map.of());
        assertThat(patched.status()).as(patched.json().toString()).isEqualTo(400);
        assertThat(patched.json().path("detail").asText()).contains("emails");
        JsonNode after = get("Users/" + id, provisioner).json();
        assertThat(after.path("userName").asText()).isEqualTo("half.applied");
        assertThat(after.path("meta").path("version").asText()).isEqualTo(created.json().path("meta").path("version").asText());
        assertThat(total("userName eq \"renamed.half\"", provisioner)).isZero();
    }

    // (c) client input is a client error, or is stored where legitimate

    @Test
    void storesAnInternationalisedEmailAddress() {
        Reply created = create(user("intl.mail", ",\"emails\":[{\"value\":\"jösé@bücher.example\",\"type\":\"work\"}]"));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        JsonNode read = get("Users/" + created.json().path("id").asText(), provisioner).json();
        assertThat(read.path("emails").get(0).path("value").asText()).isEqualTo("jösé@bücher.example");
        assertThat(total("emails.value eq \"jösé@bücher.example\"", provisioner)).isEqualTo(1);
    }

    @Test
    void refusesAnOverlongDisplayNameWithADetail() {
        Reply reply = create(user("long.name", ",\"displayName\":\"" + "x".repeat(100_000) + "\""));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(reply.json().path("detail").asText()).contains("displayName");
        assertThat(total("userName eq \"long.name\"", provisioner)).isZero();
    }

    @Test
    void refusesACharacterOutsideTheBmpInAUserNameWithADetail() {
        Reply reply = create(user("smile\uD83D\uDE00", ""));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(reply.json().path("detail").asText()).contains("userName");
        assertThat(total("userName sw \"smile\"", provisioner)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"name.familyName co \"\uD83D\uDE00\"", "userName eq \"a\uD83D\uDE00\"",
            "displayName sw \"\uD83D\uDE00\"", "emails.value ew \"\uD83D\uDE00\""})
    void aFilterValueOutsideTheBmpMatchesNothingInsteadOfFailing(String filter) {
        assertThat(total(filter, provisioner)).isZero();
        assertThat(total("not (" + filter + ")", provisioner)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anOrderingFilterValueOutsideTheBmpIsAClientError() {
        Reply reply = get(filter("title gt \"\uD83D\uDE00\""), provisioner);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(reply.json().has("Resources")).isFalse();
    }

    // (d) no 500s, always a SCIM error document

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"text\""})
    void refusesAnEmptyOrNonObjectBody(String body) {
        for (String method : List.of("POST:Users", "POST:Bulk", "PUT:Users/x", "PATCH:Users/x")) {
            String[] target = method.split(":");
            Reply reply = server.send(target[0], target[1], provisioner, body, Map.of());
            assertThat(reply.status()).as(method + " " + reply.json()).isEqualTo(400);
            assertThat(reply.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Users/a%2Fb", "Users/a%5Cb", "Users/a%00b", "Users/a%zzb", "Users/a%C3%28b", "Users/%", "Users/a%2",
            "Users?filter=userName%20eq%20%22a%zz%22", "Users?filter=userName%20eq%20%22%C3%28%22"})
    void answersMalformedPathsWithAScimError(String path) throws IOException {
        RawReply reply = raw(path);
        assertThat(reply.status()).as(path + " " + reply.body()).isBetween(400, 404);
        assertThat(reply.contentType()).startsWith("application/scim+json");
        JsonNode json = ScimTestServer.JSON.readTree(reply.body());
        assertThat(json.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(json.path("status").asText()).isEqualTo(String.valueOf(reply.status()));
        assertThat(json.has("Resources")).isFalse();
    }

    // (e) a case change of one's own user name; a repeated bulkId

    @Test
    void changesOnlyTheLetterCaseOfAUserName() {
        String id = create(user("case.change", "")).json().path("id").asText();
        Reply renamed = server.send("PATCH", "Users/" + id, provisioner, """
                {"schemas":["%s"],"Operations":[{"op":"replace","path":"userName","value":"Case.Change"}]}"""
                .formatted(PATCH), Map.of());
        assertThat(renamed.status()).as(renamed.json().toString()).isEqualTo(200);
        assertThat(get("Users/" + id, provisioner).json().path("userName").asText()).isEqualTo("Case.Change");
        Reply put = server.send("PUT", "Users/" + id, provisioner, user("CASE.CHANGE", ""), Map.of());
        assertThat(put.status()).as(put.json().toString()).isEqualTo(200);
        assertThat(get("Users/" + id, provisioner).json().path("userName").asText()).isEqualTo("CASE.CHANGE");
    }

    @Test
    void refusesABulkRequestThatRepeatsABulkId() {
        Reply bulk = server.send("POST", "Bulk", provisioner, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                  {"method":"POST","path":"/Users","bulkId":"same","data":%s},
                  {"method":"POST","path":"/Users","bulkId":"same","data":%s}]}"""
                .formatted(user("bulk.twice.one", ""), user("bulk.twice.two", "")), Map.of());
        assertThat(bulk.status()).isEqualTo(400);
        assertThat(bulk.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(bulk.json().path("detail").asText()).contains("same");
        assertThat(total("userName sw \"bulk.twice\"", provisioner)).isZero();
    }

    record RawReply(int status, String contentType, String body) {
    }

    /** A request with a path the JDK's client would refuse to send, straight over a socket. */
    static RawReply raw(String path) throws IOException {
        java.net.URI base = server.scim.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + base.getPath() + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + provisioner + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String text = bytes.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            String body = text.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new RawReply(status, type, body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        String rest = chunked;
        while (true) {
            int line = rest.indexOf("\r\n");
            int size = Integer.parseInt(rest.substring(0, line).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            byte[] bytes = rest.substring(line + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(bytes, 0, size, StandardCharsets.UTF_8);
            out.append(chunk);
            rest = rest.substring(line + 2 + chunk.length() + 2);
        }
    }
}
