package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.toegang.core.provisioning.TargetConfig;

/**
 * The calls provisioning makes at one target's SCIM service provider (RFC 7644), over plain
 * {@code java.net.http}: the SDK's resource and message types give the bodies, and this class
 * sees every status and header, so it can honour {@code Retry-After} and tell a conflict from a
 * failure ({@link DeliveryFailure}). Thread-safe.
 */
public final class TargetClient {
    private static final String SCIM_JSON = "application/scim+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int PAGE = 100;

    private final TargetConfig target;
    private final HttpClient http;
    private final TargetAuthenticator authenticator;
    private final Clock clock;

    public TargetClient(TargetConfig target, HttpClient http, Clock clock) {
        this.target = target;
        this.http = http;
        this.clock = clock;
        this.authenticator = new TargetAuthenticator(target.authentication(), http, clock);
    }

    /** An HTTP client fit for targets: HTTP/1.1, a connect timeout, no redirects followed. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public TargetConfig target() {
        return target;
    }

    /** POST /Users; answers the new account's id. A 409 comes back as a {@link DeliveryFailure#conflict()}. */
    public String create(ObjectNode user) throws DeliveryFailure {
        JsonNode created = send("POST", "Users", user, "create " + user.path("externalId").asText());
        String id = created.path("id").asText("");
        if (id.isEmpty()) {
            throw DeliveryFailure.answered("create", 502, "the created account has no id", Optional.empty());
        }
        return id;
    }

    /**
     * PUT /Users/{id}: the whole account as it should be (idempotent). The body repeats the
     * {@code id}: RFC 7643 section 3.1 lets a service provider ignore it, and Keycloak 26.7
     * refuses a replacement without it ("Invalid reference to resource").
     */
    public void replace(String id, ObjectNode user) throws DeliveryFailure {
        ObjectNode body = user.deepCopy();
        body.put("id", id);
        send("PUT", "Users/" + segment(id), body, "replace " + user.path("externalId").asText());
    }

    /**
     * PATCH /Users/{id}: {@code active=false}, and the rights attribute removed, since a person
     * without a right of the application must not show any there.
     */
    public void deactivate(String id, Optional<String> rightsAttribute) throws DeliveryFailure {
        List<PatchOperation> operations = new ArrayList<>();
        operations.add(PatchOperation.replace(Path.root().attribute("active"), JsonUtils.valueToNode(false)));
        rightsAttribute.ifPresent(attribute -> operations.add(PatchOperation.remove(Path.root().attribute(attribute))));
        PatchRequest patch = new PatchRequest(operations);
        send("PATCH", "Users/" + segment(id), JsonUtils.valueToNode(patch), "deactivate " + id);
    }

    /** DELETE /Users/{id}; an account that is gone already counts as deleted. */
    public void delete(String id) throws DeliveryFailure {
        try {
            send("DELETE", "Users/" + segment(id), null, "delete " + id);
        } catch (DeliveryFailure failure) {
            if (!failure.notFound()) {
                throw failure;
            }
        }
    }

    /** The id of the account whose {@code externalId} is {@code externalId}, or else whose {@code userName} is {@code userName}. */
    public Optional<String> find(String externalId, String userName) throws DeliveryFailure {
        Optional<String> byExternalId = first(filter("externalId", externalId));
        if (byExternalId.isPresent()) {
            return byExternalId;
        }
        return first(filter("userName", userName));
    }

    private Optional<String> first(Filter filter) throws DeliveryFailure {
        JsonNode list = send("GET", "Users?filter=" + URLEncoder.encode(filter.toString(), StandardCharsets.UTF_8)
                + "&count=2", null, "search " + filter);
        JsonNode resources = list.path("Resources");
        return resources.isArray() && !resources.isEmpty()
                ? Optional.of(resources.get(0).path("id").asText()) : Optional.empty();
    }

    /** The id of the Group whose {@code displayName} is {@code displayName}, if the target holds one. */
    public Optional<String> findGroup(String displayName) throws DeliveryFailure {
        JsonNode list = send("GET", "Groups?filter=" + URLEncoder.encode(filter("displayName", displayName).toString(),
                StandardCharsets.UTF_8) + "&count=2", null, "search group " + displayName);
        for (JsonNode group : list.path("Resources")) {
            // a target that ignores the filter answers every group: take only the one asked for
            if (displayName.equals(group.path("displayName").asText())) {
                return Optional.of(group.path("id").asText());
            }
        }
        return Optional.empty();
    }

    /** POST /Groups without members; answers the new Group's id. A 409 is a {@link DeliveryFailure#conflict()}. */
    public String createGroup(String displayName) throws DeliveryFailure {
        ObjectNode group = JsonUtils.getJsonNodeFactory().objectNode();
        group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        group.put("displayName", displayName);
        String id = send("POST", "Groups", group, "create group " + displayName).path("id").asText("");
        if (id.isEmpty()) {
            throw DeliveryFailure.answered("create group", 502, "the created group has no id", Optional.empty());
        }
        return id;
    }

    /**
     * The Groups the account is a member of: Group id to display name. Asked with a filter on the
     * Groups' {@code members} (RFC 7644 section 3.4.2.2) rather than read from the User's
     * {@code groups}, which some targets (Keycloak 26.7) never return.
     */
    public java.util.Map<String, String> groupsOf(String userId) throws DeliveryFailure {
        String memberFilter;
        try {
            memberFilter = "members[value eq " + JsonUtils.getObjectWriter().writeValueAsString(userId) + "]";
        } catch (IOException e) {
            throw new IllegalArgumentException("not a member filter for " + userId, e);
        }
        java.util.Map<String, String> groups = new java.util.TreeMap<>();
        int start = 1;
        while (true) {
            JsonNode page = send("GET", "Groups?filter=" + URLEncoder.encode(memberFilter, StandardCharsets.UTF_8)
                    + "&startIndex=" + start + "&count=" + PAGE, null, "read groups of " + userId);
            JsonNode resources = page.path("Resources");
            resources.forEach(group -> groups.put(group.path("id").asText(), group.path("displayName").asText("")));
            start += resources.size();
            if (resources.isEmpty() || start > page.path("totalResults").asInt(0)) {
                return groups;
            }
        }
    }

    /** PATCH /Groups/{id}: adds the account as a member (adding a member twice changes nothing). */
    public void addMember(String groupId, String userId) throws DeliveryFailure {
        ObjectNode member = JsonUtils.getJsonNodeFactory().objectNode().put("value", userId);
        PatchRequest patch = new PatchRequest(List.of(PatchOperation.add(Path.root().attribute("members"),
                JsonUtils.getJsonNodeFactory().arrayNode().add(member))));
        send("PATCH", "Groups/" + segment(groupId), JsonUtils.valueToNode(patch), "add member " + userId);
    }

    /** PATCH /Groups/{id}: removes the account from the Group's members (RFC 7644 section 3.5.2.2, a value filter). */
    public void removeMember(String groupId, String userId) throws DeliveryFailure {
        PatchRequest patch;
        try {
            patch = new PatchRequest(List.of(PatchOperation.remove(Path.fromString(
                    "members[value eq " + JsonUtils.getObjectWriter().writeValueAsString(userId) + "]"))));
        } catch (IOException | BadRequestException e) {
            throw new IllegalArgumentException("not a member path for " + userId, e);
        }
        send("PATCH", "Groups/" + segment(groupId), JsonUtils.valueToNode(patch), "remove member " + userId);
    }

    /** Every account the target holds, page by page (RFC 7644 section 3.4.2.4). */
    public List<ObjectNode> listUsers() throws DeliveryFailure {
        List<ObjectNode> users = new ArrayList<>();
        int start = 1;
        while (true) {
            JsonNode page = send("GET", "Users?startIndex=" + start + "&count=" + PAGE, null, "list accounts");
            JsonNode resources = page.path("Resources");
            resources.forEach(resource -> users.add((ObjectNode) resource));
            int total = page.path("totalResults").asInt(users.size());
            if (resources.isEmpty() || users.size() >= total) {
                return users;
            }
            start += resources.size();
        }
    }

    private JsonNode send(String method, String path, JsonNode body, String what) throws DeliveryFailure {
        HttpResponse<String> response = exchange(method, path, body, what);
        if (response.statusCode() == 401) {
            authenticator.refused(); // an access token may have been revoked or expired early: one more try
            response = exchange(method, path, body, what);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (response.body() == null || response.body().isBlank()) {
                return JsonUtils.getJsonNodeFactory().objectNode();
            }
            try {
                return JsonUtils.getObjectReader().readTree(response.body());
            } catch (IOException e) {
                throw DeliveryFailure.answered(what, 502, "the answer is not JSON", Optional.empty());
            }
        }
        throw DeliveryFailure.answered(what, status, detail(response.body()), scimType(response.body()),
                retryAfter(response, clock));
    }

    private HttpResponse<String> exchange(String method, String path, JsonNode body, String what)
            throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.baseUrl().resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", SCIM_JSON + ", application/json")
                .header("Authorization", authenticator.header());
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", SCIM_JSON).method(method,
                        HttpRequest.BodyPublishers.ofString(JsonUtils.getObjectWriter().writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryFailure.noAnswer(what + " at " + target.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.noAnswer(what + " at " + target.name(), e);
        }
    }

    private static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode error = JsonUtils.getObjectReader().readTree(body);
            return error.path("detail").asText(error.path("scimType").asText(""));
        } catch (IOException e) {
            return "";
        }
    }

    private static String scimType(String body) {
        try {
            return body == null || body.isBlank() ? "" : JsonUtils.getObjectReader().readTree(body).path("scimType").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    /** RFC 9110 section 10.2.3: seconds or an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response, Clock clock) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private static Filter filter(String attribute, String value) {
        try {
            return Filter.eq(attribute, value); // the SDK quotes and escapes the value
        } catch (BadRequestException e) {
            throw new IllegalArgumentException(attribute + " is not a filterable attribute", e);
        }
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
