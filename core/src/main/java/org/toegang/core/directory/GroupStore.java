package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.toegang.core.ValidationException;

/**
 * Plain groups, written by provisioning clients, under {@code ou=groups} (made on first use).
 * Each is a standard {@code groupOfNames} (RFC 4519), so Keycloak's LDAP group mapper, the
 * {@code memberOf} overlay and every LDAP tool read it as it is; the auxiliary
 * {@code toegangScimGroup} adds its stable id (also its RDN, so a rename of the display name is
 * a plain modify) and externalId. {@code groupOfNames} requires at least one {@code member}: an
 * empty group holds Keycloak's own placeholder {@value #EMPTY_MEMBER}
 * ({@code LDAPConstants.EMPTY_MEMBER_ATTRIBUTE_VALUE}), which Keycloak writes and skips in the
 * same situation. Members are the DNs of people; member values that are not people (nested
 * groups added by other tools) are kept on every write and not shown. Membership changes are
 * written as value additions and deletions, so concurrent writers of different members do not
 * overwrite each other. Thread-safe.
 */
public final class GroupStore {
    /** The member an empty group holds, as Keycloak's LDAP group mapper writes it. */
    public static final String EMPTY_MEMBER = "cn=empty-membership-placeholder";
    static final String GROUP_CLASS = "groupOfNames";
    static final String SCIM_GROUP_CLASS = "toegangScimGroup";
    static final String MEMBER = "member";
    private static final String COMMON_NAME = "cn";
    private static final String CREATED = "createTimestamp";
    private static final String MODIFIED = "modifyTimestamp";

    private final Directory directory;
    private final Containers containers;
    private final DN peopleDn;

    public GroupStore(Directory directory) {
        this.directory = directory;
        this.containers = new Containers(directory);
        try {
            this.peopleDn = new DN("ou=people," + directory.config().baseDn());
        } catch (LDAPException e) {
            throw new IllegalArgumentException("base DN " + directory.config().baseDn() + " is malformed", e);
        }
    }

    /** Matches every plain group; AND it with a translated filter. */
    public static Filter groups() {
        return Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, GROUP_CLASS),
                Filter.createEqualityFilter(OBJECT_CLASS, SCIM_GROUP_CLASS));
    }

    /** The LDAP attributes a group's fields are stored in, for callers that build filters. */
    public enum GroupField {
        ID(Attributes.ID), DISPLAY_NAME(COMMON_NAME), EXTERNAL_ID(Attributes.EXTERNAL_ID), MEMBER(GroupStore.MEMBER),
        CREATED(GroupStore.CREATED), MODIFIED(GroupStore.MODIFIED);

        public final String attribute;

        GroupField(String attribute) {
            this.attribute = attribute;
        }
    }

    /** The DN a member value holds for a person, for filters on members; empty when there is no such person. */
    public Optional<String> memberDn(String personId) {
        return people(Set.of(personId)).values().stream().findFirst().map(Person::dn);
    }

    /** The group with this id; empty when there is none. */
    public Optional<StoredGroup> find(String id) {
        return entry(id).map(entry -> stored(List.of(entry), true).get(0));
    }

    /**
     * Stores a new group with a new id.
     *
     * @throws ValidationException (members.value) when a member is not a person in the directory
     */
    public StoredGroup create(GroupDraft draft) {
        String id = UUID.randomUUID().toString();
        Entry entry = new Entry(new DN(new RDN(Attributes.ID, id), dn(containers.ensure("groups"))));
        entry.addAttribute(OBJECT_CLASS, "top", GROUP_CLASS, SCIM_GROUP_CLASS);
        entry.addAttribute(Attributes.ID, id);
        entry.addAttribute(COMMON_NAME, draft.displayName());
        draft.externalId().ifPresent(value -> entry.addAttribute(Attributes.EXTERNAL_ID, value));
        Set<String> members = memberDns(draft.memberIds());
        entry.addAttribute(MEMBER, members.isEmpty() ? Set.of(EMPTY_MEMBER) : members);
        try {
            directory.pool().add(entry);
        } catch (LDAPException e) {
            throw failure(e);
        }
        return find(id).orElseThrow(() -> new DirectoryUnavailableException("group " + id + " vanished after its add", null));
    }

    /**
     * Replaces the display name, externalId and members.
     *
     * @param expectedVersion when present, the write happens only if the stored version is still this
     * @return the stored group, or empty when there is no group with this id
     * @throws StoreConflictException (stale version)
     * @throws ValidationException (members.value) when a member is not a person in the directory
     */
    public Optional<StoredGroup> replace(String id, GroupDraft draft, Optional<String> expectedVersion) {
        Optional<SearchResultEntry> current = entry(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        SearchResultEntry entry = current.get();
        if (expectedVersion.isPresent() && !expectedVersion.get().equals(PersonStore.version(entry))) {
            throw StoreConflictException.staleVersion(id);
        }
        Set<String> wanted = memberDns(draft.memberIds());
        Map<String, String> held = new LinkedHashMap<>(); // normalised DN -> value as stored
        for (String value : values(entry, MEMBER)) {
            held.put(normalised(value), value);
        }
        List<Modification> changes = new ArrayList<>();
        changes.add(new Modification(ModificationType.REPLACE, COMMON_NAME, draft.displayName()));
        changes.add(draft.externalId().map(value -> new Modification(ModificationType.REPLACE, Attributes.EXTERNAL_ID, value))
                .orElseGet(() -> new Modification(ModificationType.REPLACE, Attributes.EXTERNAL_ID)));
        Set<String> wantedNormalised = new LinkedHashSet<>();
        List<String> added = new ArrayList<>();
        for (String dn : wanted) {
            String key = normalised(dn);
            wantedNormalised.add(key);
            if (!held.containsKey(key)) {
                added.add(dn);
            }
        }
        List<String> removed = new ArrayList<>();
        boolean othersRemain = false; // members that are not people: kept
        String placeholder = normalised(EMPTY_MEMBER);
        for (Map.Entry<String, String> member : held.entrySet()) {
            if (member.getKey().equals(placeholder)) {
                continue;
            }
            if (isPerson(member.getKey()) && !wantedNormalised.contains(member.getKey())) {
                removed.add(member.getValue());
            } else if (!isPerson(member.getKey())) {
                othersRemain = true;
            }
        }
        boolean empty = wanted.isEmpty() && !othersRemain;
        if (!added.isEmpty()) {
            changes.add(new Modification(ModificationType.ADD, MEMBER, added.toArray(String[]::new)));
        }
        if (empty && !held.containsKey(placeholder)) {
            changes.add(new Modification(ModificationType.ADD, MEMBER, EMPTY_MEMBER));
        }
        if (!removed.isEmpty()) {
            changes.add(new Modification(ModificationType.DELETE, MEMBER, removed.toArray(String[]::new)));
        }
        if (!empty && held.containsKey(placeholder)) {
            changes.add(new Modification(ModificationType.DELETE, MEMBER, held.get(placeholder)));
        }
        try {
            directory.pool().modify(entry.getDN(), changes);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE || e.getResultCode() == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS) {
                throw StoreConflictException.staleVersion(id); // a concurrent writer changed the same members
            }
            throw failure(e);
        }
        return find(id);
    }

    /**
     * Deletes the group.
     *
     * @return false when there is no group with this id
     * @throws StoreConflictException (stale version)
     */
    public boolean delete(String id, Optional<String> expectedVersion) {
        Optional<SearchResultEntry> current = entry(id);
        if (current.isEmpty()) {
            return false;
        }
        if (expectedVersion.isPresent() && !expectedVersion.get().equals(PersonStore.version(current.get()))) {
            throw StoreConflictException.staleVersion(id);
        }
        try {
            directory.pool().delete(current.get().getDN());
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /**
     * The groups matching {@code filter}, in no particular order.
     *
     * @param members whether to read the members too (a list that does not show them need not)
     * @throws StoreConflictException (too many results) when more than {@code limit} match
     */
    public List<StoredGroup> search(Filter filter, int limit, boolean members) {
        SearchRequest request = new SearchRequest(base(), SearchScope.ONE,
                Filter.createANDFilter(groups(), filter), attributes(members));
        request.setSizeLimit(limit + 1);
        try {
            List<SearchResultEntry> entries = directory.pool().search(request).getSearchEntries();
            if (entries.size() > limit) {
                throw StoreConflictException.tooManyResults(limit);
            }
            return stored(entries, members);
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw StoreConflictException.tooManyResults(limit);
            }
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return List.of(); // no group was ever written
            }
            throw failure(e);
        }
    }

    /**
     * A page of the groups matching {@code filter}, in the directory's order, for a client that
     * walks them with a cursor (no limit on the number of matches).
     *
     * @param cursor empty for the first page, else the cursor the previous page named
     * @throws CursorSearches.ExpiredCursorException when the cursor is unknown, used or expired
     */
    public CursorSearches.Page<StoredGroup> page(CursorSearches cursors, Filter filter, int size,
                                                 Optional<String> cursor, boolean members) {
        CursorSearches.Page<SearchResultEntry> page = cursor.isEmpty()
                ? cursors.first(base(), SearchScope.ONE, Filter.createANDFilter(groups(), filter), size, attributes(members))
                : cursors.next(cursor.get(), size);
        return new CursorSearches.Page<>(stored(page.items(), members), page.next(), page.estimate());
    }

    /** The plain groups each of these people (by directory id and user name) belongs to. */
    public Map<String, List<StoredGroup.Reference>> groupsOf(Map<String, String> userNamesById) {
        Map<String, List<StoredGroup.Reference>> result = new HashMap<>();
        for (Map.Entry<String, String> person : userNamesById.entrySet()) {
            String dn = new DN(new RDN(UID, person.getValue()), peopleDn).toString();
            SearchRequest request = new SearchRequest(base(), SearchScope.ONE,
                    Filter.createANDFilter(groups(), Filter.createEqualityFilter(MEMBER, dn)), Attributes.ID, COMMON_NAME);
            try {
                for (SearchResultEntry entry : directory.pool().search(request).getSearchEntries()) {
                    result.computeIfAbsent(person.getKey(), key -> new ArrayList<>()).add(new StoredGroup.Reference(
                            entry.getAttributeValue(Attributes.ID), entry.getAttributeValue(COMMON_NAME)));
                }
            } catch (LDAPException e) {
                if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                    throw Directory.unavailable(directory.config(), e);
                }
            }
        }
        return result;
    }

    /**
     * Keeps memberships when a person's entry is renamed or deleted (the directory may not run a
     * referential-integrity plug-in): {@code newDn} replaces {@code oldDn}, or with null, the
     * member is removed (an emptied group gets the placeholder).
     */
    void memberMoved(String oldDn, String newDn) {
        SearchRequest request = new SearchRequest(base(), SearchScope.ONE,
                Filter.createANDFilter(groups(), Filter.createEqualityFilter(MEMBER, oldDn)), MEMBER);
        try {
            for (SearchResultEntry group : directory.pool().search(request).getSearchEntries()) {
                List<Modification> changes = new ArrayList<>();
                if (newDn != null) {
                    changes.add(new Modification(ModificationType.ADD, MEMBER, newDn));
                } else if (group.getAttribute(MEMBER).size() == 1) {
                    changes.add(new Modification(ModificationType.ADD, MEMBER, EMPTY_MEMBER));
                }
                String held = values(group, MEMBER).stream().filter(v -> normalised(v).equals(normalised(oldDn)))
                        .findFirst().orElse(oldDn);
                changes.add(new Modification(ModificationType.DELETE, MEMBER, held));
                directory.pool().modify(group.getDN(), changes);
            }
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
                throw Directory.unavailable(directory.config(), e);
            }
        }
    }

    private Optional<SearchResultEntry> entry(String id) {
        try {
            return Optional.ofNullable(directory.pool().getEntry(new DN(new RDN(Attributes.ID, id), dn(base())).toString(),
                    attributes(true)));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw Directory.unavailable(directory.config(), e);
        }
    }

    private String base() {
        return containers.ensure("groups");
    }

    private static String[] attributes(boolean members) {
        return members ? new String[] {"*", CREATED, MODIFIED} : new String[] {Attributes.ID, COMMON_NAME,
                Attributes.EXTERNAL_ID, OBJECT_CLASS, CREATED, MODIFIED};
    }

    /** A person as a member value. */
    private record Person(String id, String dn, String display) {
    }

    /** The member DNs of these people. @throws ValidationException naming the first id that is no person */
    private Set<String> memberDns(Set<String> personIds) {
        Map<String, Person> found = people(personIds);
        Set<String> dns = new LinkedHashSet<>();
        for (String id : personIds) {
            Person person = found.get(id.toLowerCase(java.util.Locale.ROOT));
            if (person == null) {
                throw ValidationException.invalid("members.value", id, "is not the id of a User");
            }
            dns.add(person.dn());
        }
        return dns;
    }

    /** The people with these ids, by lower-cased id. */
    private Map<String, Person> people(Collection<String> ids) {
        Map<String, Person> found = new HashMap<>();
        for (Filter any : AnyOf.batches(PERSON_ID, ids)) {
            search(any).forEach(person -> found.put(person.id().toLowerCase(java.util.Locale.ROOT), person));
        }
        return found;
    }

    private List<Person> search(Filter people) {
        SearchRequest request = new SearchRequest(peopleDn.toString(), SearchScope.SUB, Filter.createANDFilter(
                Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS), people), PERSON_ID, COMMON_NAME, UID);
        try {
            return directory.pool().search(request).getSearchEntries().stream()
                    .map(entry -> new Person(entry.getAttributeValue(PERSON_ID), entry.getDN(),
                            Optional.ofNullable(entry.getAttributeValue(COMMON_NAME)).orElse(entry.getAttributeValue(UID))))
                    .toList();
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /** The groups of these entries, their member DNs resolved to people in as few searches as possible. */
    private List<StoredGroup> stored(List<SearchResultEntry> entries, boolean members) {
        Map<String, Person> byDn = new HashMap<>();
        if (members) {
            List<String> uids = new ArrayList<>();
            for (SearchResultEntry entry : entries) {
                for (String value : values(entry, MEMBER)) {
                    uid(value).ifPresent(uids::add);
                }
            }
            for (Filter any : AnyOf.batches(UID, uids)) {
                search(any).forEach(person -> byDn.put(normalised(person.dn()), person));
            }
        }
        List<StoredGroup> groups = new ArrayList<>();
        for (SearchResultEntry entry : entries) {
            List<StoredGroup.Member> list = new ArrayList<>();
            for (String value : values(entry, MEMBER)) {
                Person person = byDn.get(normalised(value));
                if (person != null) {
                    list.add(new StoredGroup.Member(person.id(), person.display()));
                }
            }
            groups.add(new StoredGroup(entry.getAttributeValue(Attributes.ID), entry.getAttributeValue(COMMON_NAME),
                    Optional.ofNullable(entry.getAttributeValue(Attributes.EXTERNAL_ID)), list,
                    time(entry, CREATED), time(entry, MODIFIED).or(() -> time(entry, CREATED)),
                    members ? Optional.of(PersonStore.version(entry)) : Optional.empty()));
        }
        return groups;
    }

    /** The uid of a person's DN directly under ou=people; empty for any other DN. */
    private Optional<String> uid(String value) {
        try {
            DN dn = new DN(value);
            if (peopleDn.equals(dn.getParent()) && dn.getRDN().hasAttribute(UID)) {
                return Optional.of(dn.getRDN().getAttributeValues()[0]);
            }
        } catch (LDAPException e) {
            // not a DN: not a person
        }
        return Optional.empty();
    }

    private boolean isPerson(String normalisedDn) {
        try {
            return new DN(normalisedDn).isDescendantOf(peopleDn, false);
        } catch (LDAPException e) {
            return false;
        }
    }

    private static List<String> values(Entry entry, String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? List.of() : List.of(values);
    }

    private static String normalised(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static DN dn(String text) {
        try {
            return new DN(text);
        } catch (LDAPException e) {
            throw new IllegalStateException(text + " is not a DN", e);
        }
    }

    private static Optional<Instant> time(Entry entry, String attribute) {
        try {
            return Optional.ofNullable(entry.getAttributeValueAsDate(attribute)).map(java.util.Date::toInstant);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private RuntimeException failure(LDAPException e) {
        if (Set.of(ResultCode.INVALID_ATTRIBUTE_SYNTAX, ResultCode.CONSTRAINT_VIOLATION, ResultCode.OBJECT_CLASS_VIOLATION,
                ResultCode.INVALID_DN_SYNTAX, ResultCode.UNDEFINED_ATTRIBUTE_TYPE).contains(e.getResultCode())) {
            return ValidationException.invalid("value", "the directory refused the change ("
                    + e.getResultCode().getName() + "): " + e.getDiagnosticMessage());
        }
        return Directory.unavailable(directory.config(), e);
    }
}
