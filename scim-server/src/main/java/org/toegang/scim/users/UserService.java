package org.toegang.scim.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.toegang.core.audit.PersonChanges;
import com.unboundid.scim2.common.types.Group;
import org.toegang.core.directory.CursorSearches;
import org.toegang.core.directory.GroupStore;
import org.toegang.core.directory.PersonDraft;
import org.toegang.core.directory.StoredGroup;
import org.toegang.scim.groups.RightsGroups;
import org.toegang.core.directory.PersonStore;
import org.toegang.core.directory.RightsQuery;
import org.toegang.core.directory.StoredPerson;
import org.toegang.core.model.Grant;
import org.toegang.core.model.WorkRelation;
import org.toegang.scim.auth.Caller;
import org.toegang.scim.protocol.ETags;
import org.toegang.scim.protocol.ListQuery;
import org.toegang.scim.protocol.PatchRequests;
import org.toegang.scim.protocol.ScimLimits;

/**
 * Users over the directory, for one caller at a time: an application's client sees only the
 * people holding one of its active rights, with only those rights (core decides which); a
 * provisioning client sees everyone with all their rights and work relations, and alone may write.
 * Thread-safe.
 */
public final class UserService {
    private static final int ID_FILTER_LIMIT = 1_000;

    private final PersonStore store;
    private final RightsQuery rights;
    private final ScimLimits limits;
    private final Clock clock;
    private final ResourceTypeDefinition type;
    private final PersonChanges audit;
    private final GroupStore groups;

    /** @param groups the plain groups, which a User's {@code groups} lists next to the derived rights groups */
    public UserService(PersonStore store, RightsQuery rights, ScimLimits limits, Clock clock,
                       ResourceTypeDefinition type, PersonChanges audit, GroupStore groups) {
        this.store = store;
        this.groups = groups;
        this.audit = audit;
        this.rights = rights;
        this.limits = limits;
        this.clock = clock;
        this.type = type;
    }

    /** A page of the users the caller may see that match the query, with the total count. */
    public Page list(Caller caller, ListQuery query) throws ScimException {
        UserFilterTranslator.Translation translation = translation(caller, query);
        com.unboundid.ldap.sdk.Filter ldap = translation.directory();
        if (query.sortBy() != null) {
            // sorting reveals the order of values as a filter reveals the values: readable ones only
            UserSchema.requireReadable(null, query.sortBy(), caller.provisioner());
        }
        Instant now = clock.instant();
        Map<String, List<Grant>> visible = null;
        if (caller.application().isPresent()) {
            visible = rights.activeGrantsByPerson(caller.application(), now);
            if (visible.isEmpty()) {
                return new Page(0, query.startIndex(), List.of());
            }
            if (visible.size() <= ID_FILTER_LIMIT) {
                // Let the directory do the need-to-know cut, so the match limit counts visible people only.
                ldap = com.unboundid.ldap.sdk.Filter.createANDFilter(ldap, com.unboundid.ldap.sdk.Filter.createORFilter(
                        visible.keySet().stream().map(id -> com.unboundid.ldap.sdk.Filter.createEqualityFilter(
                                PersonStore.attributeFor(PersonStore.PersonField.ID), id)).toList()));
            }
        }
        List<StoredPerson> matches = store.search(ldap, limits.maxMatches());
        if (visible != null) {
            Map<String, List<Grant>> allowed = visible;
            matches = matches.stream().filter(person -> allowed.containsKey(person.id())).toList();
        }
        // Sorting and testing need only what every person has, so the rights are looked up for the page alone.
        List<UserResource> bare = new ArrayList<>();
        ShownUserFilter shown = translation.testEach() ? new ShownUserFilter(query.filter()) : null;
        for (StoredPerson person : matches) {
            UserResource user = bare(caller, person);
            if (shown == null || shown.matches(user)) {
                bare.add(user);
            }
        }
        List<UserResource> page = query.page(bare, type);
        Map<String, StoredPerson> byId = matches.stream()
                .collect(Collectors.toMap(StoredPerson::id, person -> person, (a, b) -> a));
        List<StoredPerson> people = page.stream().map(user -> byId.get(user.getId())).toList();
        return new Page(bare.size(), query.startIndex(), view(caller, people, visible, now));
    }

    /** How the query's filter reaches the directory (no filter: everyone, exactly). */
    private UserFilterTranslator.Translation translation(Caller caller, ListQuery query) throws ScimException {
        return query.filter() == null ? new UserFilterTranslator.Translation(UserFilterTranslator.TRUE, false)
                : UserFilterTranslator.translate(query.filter(), limits.maxFilterOperators(), caller.provisioner());
    }

    /** The person as the caller is shown them, without rights and groups (which filters and sorting do not use). */
    private static UserResource bare(Caller caller, StoredPerson person) {
        return UserMapper.toScim(person, List.of(), caller.provisioner() ? List.of() : null);
    }

    /**
     * A page of the users the caller may see that match the query, walked with a cursor (RFC
     * 9865) over the directory's paged results, so no limit on the number of matches applies. An
     * application's client whose application has more than {@value #ID_FILTER_LIMIT} holders gets
     * the others cut from each page, so a page may hold fewer than {@code count}.
     */
    public CursorSearches.Page<UserResource> page(Caller caller, ListQuery query, CursorSearches cursors)
            throws ScimException {
        UserFilterTranslator.Translation translation = translation(caller, query);
        com.unboundid.ldap.sdk.Filter ldap = translation.directory();
        Instant now = clock.instant();
        if (query.count() == 0) {
            return new CursorSearches.Page<>(List.of(), Optional.empty(), java.util.OptionalInt.empty());
        }
        Map<String, List<Grant>> visible = null;
        if (caller.application().isPresent()) {
            visible = rights.activeGrantsByPerson(caller.application(), now);
            if (visible.isEmpty()) {
                return new CursorSearches.Page<>(List.of(), Optional.empty(), java.util.OptionalInt.of(0));
            }
            if (visible.size() <= ID_FILTER_LIMIT) {
                ldap = com.unboundid.ldap.sdk.Filter.createANDFilter(ldap, com.unboundid.ldap.sdk.Filter.createORFilter(
                        visible.keySet().stream().map(id -> com.unboundid.ldap.sdk.Filter.createEqualityFilter(
                                PersonStore.attributeFor(PersonStore.PersonField.ID), id)).toList()));
            }
        }
        CursorSearches.Page<StoredPerson> page = store.page(cursors, ldap, query.count(),
                query.cursor().isEmpty() ? Optional.empty() : Optional.of(query.cursor()));
        Map<String, List<Grant>> allowed = visible;
        List<StoredPerson> people = allowed == null ? page.items()
                : page.items().stream().filter(person -> allowed.containsKey(person.id())).toList();
        if (!translation.testEach()) {
            return new CursorSearches.Page<>(view(caller, people, visible, now), page.next(), page.estimate());
        }
        // the directory's estimate counts what its widened filter finds, so none is given
        ShownUserFilter shown = new ShownUserFilter(query.filter());
        List<StoredPerson> matching = new ArrayList<>();
        for (StoredPerson person : people) {
            if (shown.matches(bare(caller, person))) {
                matching.add(person);
            }
        }
        return new CursorSearches.Page<>(view(caller, matching, visible, now), page.next(), java.util.OptionalInt.empty());
    }

    /** The user, if the caller may see them. */
    public UserResource get(Caller caller, String id) throws ScimException {
        StoredPerson person = store.find(id).orElseThrow(() -> notFound(id));
        List<UserResource> view = view(caller, List.of(person), null, clock.instant());
        if (view.isEmpty()) {
            throw notFound(id); // need-to-know: a person the caller may not see does not exist for it
        }
        return view.get(0);
    }

    public UserResource create(Caller caller, ObjectNode body) throws ScimException {
        requireProvisioner(caller);
        requireBody(body);
        SchemaChecker checker = new SchemaChecker(type);
        ObjectNode writable = checker.removeReadOnlyAttributes(body.deepCopy());
        checker.checkCreate(writable).throwSchemaExceptions();
        PersonDraft draft = UserMapper.toDraft(new GenericScimResource(writable));
        return UserMapper.toScim(audit.created(caller.clientId(), store.create(draft)), List.of(), List.of());
    }

    public UserResource replace(Caller caller, String id, ObjectNode body, String ifMatch) throws ScimException {
        requireProvisioner(caller);
        requireBody(body);
        StoredPerson current = store.find(id).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, current.version());
        SchemaChecker checker = new SchemaChecker(type);
        ObjectNode writable = checker.removeReadOnlyAttributes(body.deepCopy());
        ObjectNode currentNode = full(current).asGenericScimResource().getObjectNode();
        checker.checkReplace(writable, currentNode).throwSchemaExceptions();
        PersonDraft draft = UserMapper.toDraft(new GenericScimResource(writable));
        return store(caller, "person.replace", current, draft);
    }

    public UserResource patch(Caller caller, String id, PatchRequest patch, String ifMatch) throws ScimException {
        requireProvisioner(caller);
        StoredPerson current = store.find(id).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, current.version());
        GenericScimResource resource = full(current).asGenericScimResource();
        PatchRequest effective = PatchRequests.effective(patch, resource.getObjectNode());
        PatchRequests.throwIssues(new SchemaChecker(type).checkModify(effective, resource.getObjectNode()));
        ObjectNode before = resource.getObjectNode().deepCopy();
        effective.apply(resource);
        if (resource.getObjectNode().equals(before)) {
            return full(current); // nothing changes: no write, so meta.lastModified and the version stay
        }
        return store(caller, "person.patch", current, UserMapper.toDraft(resource));
    }

    public void delete(Caller caller, String id, String ifMatch) throws ScimException {
        requireProvisioner(caller);
        StoredPerson current = store.find(id).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, current.version());
        if (!store.delete(id, Optional.of(current.version()))) {
            throw notFound(id);
        }
        audit.deleted(caller.clientId(), current);
    }

    private UserResource store(Caller caller, String action, StoredPerson current, PersonDraft draft)
            throws ScimException {
        // The version read above guards the write too: a change in between answers 412, not a lost update.
        String id = current.id();
        StoredPerson stored = store.replace(id, draft, Optional.of(current.version())).orElseThrow(() -> notFound(id));
        return full(audit.changed(caller.clientId(), action, current, stored));
    }

    private UserResource full(StoredPerson person) {
        return view(new Caller("-", "-", true), List.of(person), null, clock.instant()).get(0);
    }

    private List<UserResource> view(Caller caller, List<StoredPerson> people, Map<String, List<Grant>> visible,
                                    Instant now) {
        Collection<String> ids = people.stream().map(StoredPerson::id).toList();
        List<UserResource> users = new ArrayList<>();
        if (caller.application().isPresent()) {
            Map<String, List<Grant>> grants = visible != null ? visible
                    : rights.activeGrantsOf(ids, caller.application(), now);
            for (StoredPerson person : people) {
                List<Grant> own = grants.get(person.id());
                if (own != null && !own.isEmpty()) {
                    UserResource user = UserMapper.toScim(person, own, null);
                    // an application's client sees the derived groups of its own rights, not plain groups
                    setGroups(user, own, List.of());
                    users.add(user);
                }
            }
            return users;
        }
        Map<String, List<Grant>> grants = ids.isEmpty() ? Map.of() : rights.allGrantsOf(ids);
        Map<String, List<WorkRelation>> relations = ids.isEmpty() ? Map.of() : rights.workRelationsOf(ids);
        Map<String, List<Grant>> active = ids.isEmpty() ? Map.of() : rights.activeGrantsOf(ids, Optional.empty(), now);
        Map<String, List<StoredGroup.Reference>> plain = ids.isEmpty() ? Map.of() : groups.groupsOf(people.stream()
                .collect(Collectors.toMap(StoredPerson::id, person -> person.person().username(), (a, b) -> a)));
        for (StoredPerson person : people) {
            UserResource user = UserMapper.toScim(person, grants.getOrDefault(person.id(), List.of()),
                    relations.getOrDefault(person.id(), List.of()));
            setGroups(user, active.getOrDefault(person.id(), List.of()), plain.getOrDefault(person.id(), List.of()));
            users.add(user);
        }
        return users;
    }

    /**
     * A User's {@code groups} (read-only, RFC 7643 §4.1.2): the derived group of each right that
     * counts now, then the plain groups; {@code type} is {@code direct} for both.
     */
    private static void setGroups(UserResource user, List<Grant> active, List<StoredGroup.Reference> plain) {
        Map<String, Group> byId = new java.util.LinkedHashMap<>();
        active.stream().sorted(java.util.Comparator.comparing(RightsGroups::name)).forEach(grant -> byId.putIfAbsent(
                RightsGroups.id(grant), new Group().setValue(RightsGroups.id(grant)).setDisplay(RightsGroups.name(grant))
                        .setType("direct")));
        plain.stream().sorted(java.util.Comparator.comparing(StoredGroup.Reference::displayName)).forEach(group ->
                byId.putIfAbsent(group.id(), new Group().setValue(group.id()).setDisplay(group.displayName())
                        .setType("direct")));
        if (!byId.isEmpty()) {
            user.setGroups(List.copyOf(byId.values()));
        }
    }

    private static void requireProvisioner(Caller caller) throws ForbiddenException {
        if (!caller.provisioner()) {
            throw new ForbiddenException("Client " + caller.clientId() + " may read but not write; writing needs the "
                    + "client role toegang-scim provision");
        }
    }

    /** Jersey hands over null for an empty or {@code null} body. */
    public static void requireBody(Object body) throws BadRequestException {
        if (body == null) {
            throw BadRequestException.invalidSyntax("The request needs a JSON object as its body");
        }
    }

    private static ResourceNotFoundException notFound(String id) {
        return new ResourceNotFoundException("No User with id " + id);
    }

    /** One page of a list: the total that matched and the users on the page. */
    public record Page(int totalResults, int startIndex, List<UserResource> users) {
    }
}
