package org.toegang.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.scim.ScimTestServer.Reply;
import org.toegang.scim.protocol.ScimLimits;

/**
 * RFC 9865 cursor paging over real HTTP on Users and Groups, backed by the directory's paged
 * results: with a match limit of 20, index paging of 25 people answers tooMany while a cursor
 * walks them all, each exactly once.
 */
class CursorPagingIT {
    static final int PEOPLE = 25;

    @TempDir
    static Path data;
    static ScimTestServer server;
    static String provisioner;
    static final Set<String> created = new HashSet<>();

    @BeforeAll
    static void start() throws Exception {
        server = new ScimTestServer(data, new ScimLimits(20, 20, 50, 1024 * 1024, 100));
        provisioner = server.token("scim-provisioner", List.of());
        for (int i = 0; i < PEOPLE; i++) {
            Reply reply = send("POST", "Users", ProvisioningClientsIT.entraUser("cursor." + i, "cursor-" + i));
            assertThat(reply.status()).isEqualTo(201);
            created.add(reply.json().path("id").asText());
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Reply send(String method, String path, String body) {
        return server.send(method, path, provisioner, body, Map.of());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Walks every page from the first; returns the ids in order and checks each page's form. */
    static List<String> walk(String token, String endpoint, String query, int count, List<Integer> sizes) {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        for (int pages = 0; pages < 100; pages++) {
            Reply page = server.send("GET", endpoint + "?" + query + "&count=" + count + "&cursor=" + encode(cursor), token,
                    null, Map.of());
            assertThat(page.status()).as(page.json().toString()).isEqualTo(200);
            assertThat(page.json().path("schemas").get(0).asText())
                    .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
            assertThat(page.json().path("itemsPerPage").asInt()).isEqualTo(page.json().path("Resources").size());
            assertThat(page.json().path("Resources").size()).isLessThanOrEqualTo(count);
            assertThat(page.json().has("startIndex")).isFalse();
            sizes.add(page.json().path("Resources").size());
            page.json().path("Resources").forEach(resource -> ids.add(resource.path("id").asText()));
            if (!page.json().has("nextCursor")) {
                return ids;
            }
            cursor = page.json().path("nextCursor").asText();
            assertThat(cursor).isNotBlank();
        }
        throw new AssertionError("more than 100 pages");
    }

    @Test
    void walksEveryMatchOnceWhereIndexPagingAnswersTooMany() {
        String filter = "filter=" + encode("userName sw \"cursor.\"");
        Reply index = send("GET", "Users?" + filter, null);
        assertThat(index.status()).isEqualTo(400);
        assertThat(index.json().path("scimType").asText()).isEqualTo("tooMany");
        assertThat(index.json().has("Resources")).isFalse();

        List<Integer> sizes = new ArrayList<>();
        List<String> ids = walk(provisioner, "Users", filter, 10, sizes);
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        // without a filter too: the 25 and the demo people, each once
        List<String> everyone = walk(provisioner, "Users", "attributes=userName", 7, new ArrayList<>());
        assertThat(everyone).doesNotHaveDuplicates().containsAll(created).hasSize(PEOPLE + 5);
    }

    @Test
    void walksAndTestsAFilterTheDirectoryCanOnlyWiden() {
        // which address is the work one only the shown User says: the directory finds the candidates, each is tested
        String filter = "filter=" + encode("emails[type eq \"work\" and value sw \"cursor.1\"]");
        List<String> walked = walk(provisioner, "Users", filter, 4, new ArrayList<>());
        Reply index = send("GET", "Users?" + filter + "&count=50", null);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.json().path("totalResults").asInt()).isEqualTo(11); // cursor.1 and cursor.10 to cursor.19
        List<String> indexed = new ArrayList<>();
        index.json().path("Resources").forEach(user -> indexed.add(user.path("id").asText()));
        assertThat(walked).hasSize(11).containsExactlyInAnyOrderElementsOf(indexed);
        assertThat(created).containsAll(walked);
        // widened to all 25 (more than the match limit): index paging answers tooMany, a cursor walks and tests each
        String broad = "filter=" + encode("emails[type eq \"work\"] and userName sw \"cursor.\"");
        assertThat(send("GET", "Users?" + broad, null).json().path("scimType").asText()).isEqualTo("tooMany");
        assertThat(walk(provisioner, "Users", broad, 10, new ArrayList<>())).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(created);
        assertThat(walk(provisioner, "Users", "filter=" + encode("emails[type eq \"home\"] and userName sw \"cursor.\""),
                10, new ArrayList<>())).isEmpty();
    }

    @Test
    void refusesUsedUnknownAndMixedCursorsWithoutData() {
        Reply first = send("GET", "Users?count=5&cursor=", null);
        String next = first.json().path("nextCursor").asText();
        Reply second = send("GET", "Users?count=5&cursor=" + encode(next), null);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("Resources")).hasSize(5);
        Reply reused = send("GET", "Users?count=5&cursor=" + encode(next), null);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("scimType").asText()).isEqualTo("expiredCursor");
        assertThat(reused.json().has("Resources")).isFalse();
        Reply madeUp = send("GET", "Users?count=5&cursor=bm90LWEtY3Vyc29y", null);
        assertThat(madeUp.status()).isEqualTo(400);
        assertThat(madeUp.json().path("scimType").asText()).isEqualTo("expiredCursor");
        assertThat(madeUp.json().has("Resources")).isFalse();
        Reply mixed = send("GET", "Users?count=5&cursor=&startIndex=3", null);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().has("Resources")).isFalse();
        Reply sorted = send("GET", "Users?count=5&cursor=&sortBy=userName", null);
        assertThat(sorted.status()).isEqualTo(400);
        assertThat(sorted.json().has("Resources")).isFalse();
        Reply organisations = send("GET", "Organisations?cursor=", null);
        assertThat(organisations.status()).isEqualTo(400);
    }

    @Test
    void anApplicationsClientWalksOnlyThePeopleItMaySee() {
        String application = server.token("dv_geoportaal", List.of());
        List<String> indexed = new ArrayList<>();
        server.send("GET", "Users", application, null, Map.of()).json().path("Resources")
                .forEach(user -> indexed.add(user.path("id").asText()));
        assertThat(indexed).isNotEmpty();
        List<String> walked = walk(application, "Users", "attributes=userName", 1, new ArrayList<>());
        assertThat(walked).containsExactlyInAnyOrderElementsOf(indexed).doesNotContainAnyElementsOf(created);
    }

    @Test
    void walksGroupsDerivedFirstThenPlainAndAdvertisesCursors() {
        Set<String> plain = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            Reply group = send("POST", "Groups", "{\"schemas\":[\"" + GroupsIT.GROUP + "\"],\"displayName\":\"cg-" + i + "\"}");
            assertThat(group.status()).isEqualTo(201);
            plain.add(group.json().path("id").asText());
        }
        List<Integer> sizes = new ArrayList<>();
        assertThat(walk(provisioner, "Groups", "filter=" + encode("displayName sw \"cg-\""), 3, sizes))
                .containsExactlyInAnyOrderElementsOf(plain);
        assertThat(sizes).containsExactly(3, 3, 1);
        List<String> indexed = new ArrayList<>();
        JsonNode all = send("GET", "Groups", null).json();
        all.path("Resources").forEach(group -> indexed.add(group.path("id").asText()));
        assertThat(indexed).hasSizeGreaterThan(plain.size());
        List<String> walked = walk(provisioner, "Groups", "excludedAttributes=members", 2, new ArrayList<>());
        assertThat(walked).containsExactlyElementsOf(indexed); // same order: derived by name, then plain in directory order

        JsonNode pagination = server.send("GET", "ServiceProviderConfig", null, null, Map.of()).json().path("pagination");
        assertThat(pagination.path("cursor").asBoolean()).isTrue();
        assertThat(pagination.path("index").asBoolean()).isTrue();
        assertThat(pagination.path("maxPageSize").asInt()).isEqualTo(20);
        assertThat(pagination.path("cursorTimeout").asInt()).isEqualTo(120);
    }
}
