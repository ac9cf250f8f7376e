package org.toegang.scim.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;
import com.unboundid.scim2.server.utils.SchemaChecker;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.toegang.core.directory.CursorSearches;
import org.toegang.core.directory.GroupDraft;
import org.toegang.core.directory.GroupStore;
import org.toegang.core.directory.StoredGroup;
import org.toegang.scim.auth.Caller;
import org.toegang.scim.protocol.ETags;
import org.toegang.scim.protocol.ListQuery;
import org.toegang.scim.protocol.PatchRequests;
import org.toegang.scim.protocol.ScimLimits;
import org.toegang.scim.users.UserService;

/**
 * Groups for one caller at a time: the derived rights groups (read-only; an application's
 * client sees its own application's only) and, for provisioning clients, the plain groups they
 * write. A write to a derived group is refused with 400 {@code mutability}. Thread-safe.
 */
public final class GroupService {
    private final GroupStore store;
    private final RightsGroups derived;
    private final ScimLimits limits;
    private final Clock clock;
    private final ResourceTypeDefinition type;

    public GroupService(GroupStore store, RightsGroups derived, ScimLimits limits, Clock clock,
                        ResourceTypeDefinition type) {
        this.store = store;
        this.derived = derived;
        this.limits = limits;
        this.clock = clock;
        this.type = type;
    }

    /** One page of groups, with the total that matched. */
    public record Page(int totalResults, List<GroupResource> groups) {
    }

    /**
     * The groups the caller may see that match the query: the derived ones first, by name, then
     * the plain ones, unless the query sorts.
     *
     * @param users the Users endpoint with a trailing slash
     * @param withMembers false when the answer will not show members, so they need not be read
     */
    public Page list(Caller caller, ListQuery query, URI users, boolean withMembers) throws ScimException {
        com.unboundid.ldap.sdk.Filter ldap = query.filter() == null ? GroupFilterTranslator.TRUE
                : GroupFilterTranslator.translate(query.filter(), limits.maxFilterOperators(), store::memberDn);
        List<GroupResource> matches = new ArrayList<>();
        SchemaAwareFilterEvaluator evaluator = new SchemaAwareFilterEvaluator(type);
        for (GroupResource group : derived.all(caller.application(), clock.instant(), users)) {
            if (query.filter() == null || query.filter().visit(evaluator, group.asGenericScimResource().getObjectNode())) {
                matches.add(group);
            }
        }
        if (caller.provisioner()) {
            for (StoredGroup group : store.search(ldap, limits.maxMatches(), withMembers)) {
                matches.add(GroupMapper.toScim(group, users));
            }
        }
        return new Page(matches.size(), query.page(matches, type));
    }

    /**
     * A page walked with a cursor (RFC 9865): first the derived groups that match (held in
     * memory, so their cursor is their position, {@code d<n>}), then the plain groups over the
     * directory's paged results (the cursor of an open search), with no limit on the matches.
     */
    public CursorSearches.Page<GroupResource> page(Caller caller, ListQuery query, URI users, boolean withMembers,
                                                   CursorSearches cursors) throws ScimException {
        com.unboundid.ldap.sdk.Filter ldap = query.filter() == null ? GroupFilterTranslator.TRUE
                : GroupFilterTranslator.translate(query.filter(), limits.maxFilterOperators(), store::memberDn);
        String cursor = query.cursor();
        List<GroupResource> page = new ArrayList<>();
        if (query.count() == 0) {
            return new CursorSearches.Page<>(page, Optional.empty(), OptionalInt.empty());
        }
        if (cursor.isEmpty() || derivedCursor(cursor)) {
            int from = cursor.isEmpty() ? 0 : position(cursor);
            List<GroupResource> matches = new ArrayList<>();
            SchemaAwareFilterEvaluator evaluator = new SchemaAwareFilterEvaluator(type);
            for (GroupResource group : derived.all(caller.application(), clock.instant(), users)) {
                if (query.filter() == null || query.filter().visit(evaluator, group.asGenericScimResource().getObjectNode())) {
                    matches.add(group);
                }
            }
            int to = Math.min(matches.size(), from + query.count());
            page.addAll(matches.subList(Math.min(from, to), to));
            boolean plainFollow = caller.provisioner();
            if (to < matches.size() || (page.size() == query.count() && plainFollow)) {
                return new CursorSearches.Page<>(page, Optional.of(DERIVED + to), OptionalInt.empty());
            }
            if (!plainFollow) {
                return new CursorSearches.Page<>(page, Optional.empty(), OptionalInt.empty());
            }
            CursorSearches.Page<StoredGroup> plain = store.page(cursors, ldap, query.count() - page.size(),
                    Optional.empty(), withMembers);
            plain.items().forEach(group -> page.add(GroupMapper.toScim(group, users)));
            return new CursorSearches.Page<>(page, plain.next(), OptionalInt.empty());
        }
        if (!caller.provisioner()) {
            throw BadRequestException.invalidValue("Unknown cursor " + cursor);
        }
        CursorSearches.Page<StoredGroup> plain = store.page(cursors, ldap, query.count(), Optional.of(cursor), withMembers);
        plain.items().forEach(group -> page.add(GroupMapper.toScim(group, users)));
        return new CursorSearches.Page<>(page, plain.next(), OptionalInt.empty());
    }

    /**
     * What begins a cursor into the derived groups (then their position). A cursor into the plain
     * groups ({@code CursorSearches}, base64url) never holds a dot; with a bare {@code d}, one plain
     * cursor in 64 began the same way and was refused as unknown.
     */
    private static final String DERIVED = "d.";

    static boolean derivedCursor(String cursor) {
        return cursor.startsWith(DERIVED);
    }

    private static int position(String cursor) throws BadRequestException {
        try {
            return Math.max(0, Integer.parseInt(cursor.substring(DERIVED.length())));
        } catch (NumberFormatException e) {
            throw new BadRequestException("The cursor " + cursor + " is not one this server made",
                    org.toegang.scim.protocol.CursorResponse.EXPIRED_CURSOR);
        }
    }

    /** The group, if the caller may see it. */
    public GroupResource get(Caller caller, String id, URI users) throws ScimException {
        if (caller.provisioner()) {
            Optional<StoredGroup> plain = store.find(id);
            if (plain.isPresent()) {
                return GroupMapper.toScim(plain.get(), users);
            }
        }
        for (GroupResource group : derived.all(caller.application(), clock.instant(), users)) {
            if (group.getId().equals(id)) {
                return group;
            }
        }
        throw notFound(id);
    }

    public GroupResource create(Caller caller, ObjectNode body, URI users) throws ScimException {
        requireProvisioner(caller);
        UserService.requireBody(body);
        SchemaChecker checker = new SchemaChecker(type);
        ObjectNode writable = withReferences(checker.removeReadOnlyAttributes(body.deepCopy()), users);
        checker.checkCreate(writable).throwSchemaExceptions();
        return GroupMapper.toScim(store.create(GroupMapper.toDraft(new GenericScimResource(writable))), users);
    }

    public GroupResource replace(Caller caller, String id, ObjectNode body, String ifMatch, URI users)
            throws ScimException {
        StoredGroup current = writable(caller, id, users);
        UserService.requireBody(body);
        ETags.requireMatch(ifMatch, current.version().orElseThrow());
        SchemaChecker checker = new SchemaChecker(type);
        ObjectNode writable = withReferences(checker.removeReadOnlyAttributes(body.deepCopy()), users);
        // Checked as a new group: the SDK's replace check treats members.value (immutable per member,
        // RFC 7643 §4.2) as if the list of members could not change.
        checker.checkCreate(writable).throwSchemaExceptions();
        return store(id, GroupMapper.toDraft(new GenericScimResource(writable)), ifMatch, users);
    }

    /** RFC 7644 §3.5.2, with the member dialects of Entra ID and Okta ({@link PatchRequests#removalsByValue}). */
    public GroupResource patch(Caller caller, String id, ObjectNode body, String ifMatch, URI users)
            throws ScimException {
        StoredGroup current = writable(caller, id, users);
        ETags.requireMatch(ifMatch, current.version().orElseThrow());
        GenericScimResource resource = GroupMapper.toScim(current, users).asGenericScimResource();
        ObjectNode rewritten = PatchRequests.removalsByValue(withoutOwnId(body, id), resource.getObjectNode());
        if (rewritten != null && rewritten.path("Operations").isEmpty() && !body.path("Operations").isEmpty()) {
            return GroupMapper.toScim(current, users); // only removals of members that are not members
        }
        PatchRequest patch = PatchRequests.read(withReferences(rewritten, users), type);
        PatchRequest effective = PatchRequests.effective(patch, resource.getObjectNode());
        // members.value is immutable within one member (RFC 7643 §4.2); the SDK reads that as "the
        // members cannot be replaced", which every client's membership replace would break.
        PatchRequests.throwIssues(new SchemaChecker(type).checkModify(effective, resource.getObjectNode()),
                issue -> issue.contains("members[") && issue.contains("immutable"));
        ObjectNode before = resource.getObjectNode().deepCopy();
        effective.apply(resource);
        if (resource.getObjectNode().equals(before)) {
            return GroupMapper.toScim(current, users);
        }
        return store(id, GroupMapper.toDraft(resource), ifMatch, users);
    }

    public void delete(Caller caller, String id, String ifMatch, URI users) throws ScimException {
        StoredGroup current = writable(caller, id, users);
        ETags.requireMatch(ifMatch, current.version().orElseThrow());
        if (!store.delete(id, ETags.requiredVersion(ifMatch))) {
            throw notFound(id);
        }
    }

    /**
     * Okta and Entra ID send a replace without path whose value repeats the group's own id; that
     * changes nothing, so it is dropped rather than refused as a write to the read-only id. Another
     * id stays, and is refused ({@code mutability}).
     */
    private static ObjectNode withoutOwnId(ObjectNode body, String id) {
        if (body == null) {
            return null;
        }
        ObjectNode copy = body.deepCopy();
        for (com.fasterxml.jackson.databind.JsonNode operation : copy.path("Operations")) {
            com.fasterxml.jackson.databind.JsonNode value = operation.get("value");
            if (!operation.has("path") && value != null && value.isObject() && id.equals(value.path("id").asText(null))) {
                ((ObjectNode) value).remove("id");
            }
        }
        return copy;
    }

    /**
     * Completes each member a client sent with its {@code $ref}: the SDK's Group schema requires
     * it, RFC 7643 §4.2 does not, and Entra ID, Okta and most clients send only {@code value}.
     * Works on a Group body and on a PatchOp body (operation values on {@code members}, and
     * {@code members} inside a value without path).
     */
    static ObjectNode withReferences(ObjectNode body, URI users) {
        if (body == null) {
            return null;
        }
        addReferences(body.get("members"), users);
        for (com.fasterxml.jackson.databind.JsonNode operation : body.path("Operations")) {
            String path = operation.path("path").asText("").toLowerCase(java.util.Locale.ROOT);
            com.fasterxml.jackson.databind.JsonNode value = operation.get("value");
            if (path.startsWith("members")) {
                addReferences(value, users);
            } else if (path.isEmpty() && value != null && value.isObject()) {
                addReferences(value.get("members"), users);
            }
        }
        return body;
    }

    private static void addReferences(com.fasterxml.jackson.databind.JsonNode members, URI users) {
        if (members == null) {
            return;
        }
        for (com.fasterxml.jackson.databind.JsonNode member : members.isArray() ? members
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(members)) {
            if (member.isObject() && member.path("value").isTextual() && !member.has("$ref")) {
                ((ObjectNode) member).put("$ref", users.resolve(member.path("value").textValue()).toString());
            }
        }
    }

    private GroupResource store(String id, GroupDraft draft, String ifMatch, URI users) throws ScimException {
        // Members are written as value changes; a version is required only when the client asked for one.
        return GroupMapper.toScim(store.replace(id, draft, ETags.requiredVersion(ifMatch)).orElseThrow(() -> notFound(id)),
                users);
    }

    /** The plain group a provisioning client may change; a derived one is refused, naming where rights are granted. */
    private StoredGroup writable(Caller caller, String id, URI users) throws ScimException {
        requireProvisioner(caller);
        Optional<StoredGroup> plain = store.find(id);
        if (plain.isPresent()) {
            return plain.get();
        }
        get(caller, id, users); // 404 for a group that does not exist
        throw BadRequestException.mutability("Group " + id + " is derived from grants (application, right and "
                + "organisation) and cannot be changed over SCIM; rights are granted and revoked by the "
                + "organisation's local administrators through Toegang's delegated administration");
    }

    private static void requireProvisioner(Caller caller) throws ForbiddenException {
        if (!caller.provisioner()) {
            throw new ForbiddenException("Client " + caller.clientId() + " may read but not write; writing needs the "
                    + "client role toegang-scim provision");
        }
    }

    private static ResourceNotFoundException notFound(String id) {
        return new ResourceNotFoundException("No Group with id " + id);
    }
}
