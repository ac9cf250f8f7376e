package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ReadOnlyEntry;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.PostReadRequestControl;
import com.unboundid.ldap.sdk.controls.PostReadResponseControl;
import com.unboundid.util.StaticUtils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, replaces, deletes and searches people in the directory ({@code ou=people}). The
 * entry's DN is {@code uid=<user name>}, so the directory itself guarantees that a user name is
 * taken once, also between two concurrent writers. Filters reach the directory only as
 * {@link Filter} objects built with the SDK's factories, which escape every value (RFC 4515).
 * Thread-safe; share one instance.
 */
public final class PersonStore {
    static final String COMMON_NAME = "cn";
    static final String TITLE = "title";
    static final String EMPLOYEE_NUMBER = "employeeNumber";
    static final String ORGANIZATION = "o";
    static final String DEPARTMENT = "departmentNumber";
    static final String SCIM_ATTRIBUTES = "toegangScimAttributes";
    static final String USER_TYPE = "employeeType";
    static final String PREFERRED_LANGUAGE = "preferredLanguage";
    static final String LABELED_URI = "labeledURI";
    static final String TELEPHONE_NUMBER = "telephoneNumber";
    static final String MOBILE = "mobile";
    /** RFC 4523 certificates are transferred with the binary option (§2.1), which OpenLDAP insists on. */
    static final String USER_CERTIFICATE = "userCertificate;binary";
    private static final String CREATED = "createTimestamp";
    private static final String MODIFIED = "modifyTimestamp";
    private static final String[] REQUESTED = {"*", CREATED, MODIFIED};
    private static final List<String> OBJECT_CLASSES =
            List.of("top", "person", "organizationalPerson", "inetOrgPerson", PERSON_CLASS, SCIM_PERSON_CLASS,
                    SCIM_MAIL_PERSON_CLASS);

    private static final System.Logger LOG = System.getLogger(PersonStore.class.getName());

    private final Directory directory;
    private final DN peopleDn;
    private final UniqueClaims claims;
    private final GroupStore groups;

    public PersonStore(Directory directory) {
        this(directory, java.time.Clock.systemUTC(), UniqueClaims.GRACE);
    }

    /** @param grace how long a claim must be unchanged before it may be taken over ({@link UniqueClaims}) */
    PersonStore(Directory directory, java.time.Clock clock, java.time.Duration grace) {
        this.directory = directory;
        try {
            this.peopleDn = new DN("ou=people," + directory.config().baseDn());
        } catch (LDAPException e) {
            throw new IllegalArgumentException("base DN " + directory.config().baseDn() + " is malformed", e);
        }
        this.claims = new UniqueClaims(directory, peopleDn, clock, grace);
        this.groups = new GroupStore(directory);
    }

    /** The person with this directory id; empty when there is none. */
    public Optional<StoredPerson> find(String personId) {
        return entry(personId).map(PersonStore::stored);
    }

    /**
     * Stores a new person with a new directory id. All or nothing: the unique values are
     * claimed first ({@link UniqueClaims}) and released again when the person cannot be written.
     *
     * @throws StoreConflictException (uniqueness) when the user name, national register number
     *         or externalId is taken, also by a concurrent writer in another process
     * @throws org.toegang.core.ValidationException when the directory refuses a value
     */
    public StoredPerson create(PersonDraft draft) {
        String id = UUID.randomUUID().toString();
        Entry entry = new Entry(dnFor(draft.username()));
        entry.addAttribute(OBJECT_CLASS, OBJECT_CLASSES);
        entry.addAttribute(PERSON_ID, id);
        for (Attribute attribute : attributes(draft)) {
            if (attribute.hasValue()) {
                entry.addAttribute(attribute);
            }
        }
        List<Claim> taken = claim(List.of(), unique(draft), id);
        AddRequest add = new AddRequest(entry);
        // RFC 4527: the directory's own timestamps with the add itself (non-critical: ApacheDS ignores it)
        add.addControl(new PostReadRequestControl(false, CREATED, MODIFIED));
        LDAPResult result;
        try {
            result = directory.pool().add(add);
        } catch (LDAPException e) {
            release(taken, id);
            if (e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                throw StoreConflictException.uniqueness("userName", draft.username());
            }
            throw failure(e);
        } catch (RuntimeException e) {
            release(taken, id);
            throw e;
        }
        // Answer from what was written rather than read it back: one round trip per create.
        Optional<ReadOnlyEntry> written = postRead(result);
        Instant now = Instant.now();
        return stored(entry, written.flatMap(read -> time(read, CREATED)).or(() -> Optional.of(now)),
                written.flatMap(read -> time(read, MODIFIED)).or(() -> Optional.of(now)));
    }

    /** The entry as the post-read control returned it, where the directory offers that control. */
    private static Optional<ReadOnlyEntry> postRead(LDAPResult result) {
        try {
            return Optional.ofNullable(PostReadResponseControl.get(result)).map(PostReadResponseControl::getEntry);
        } catch (LDAPException e) {
            return Optional.empty(); // a malformed response control: the server's clock will do
        }
    }

    /**
     * Replaces every value a {@link PersonDraft} carries; renames the entry when the user name
     * changes. All or nothing: new unique values are claimed first; a rename (which fails alone
     * when the new name is taken) comes before the modify, and is undone if the modify fails.
     *
     * @param expectedVersion when present, the write happens only if the stored version is still this
     * @return the stored person, or empty when there is no person with this id
     * @throws StoreConflictException (uniqueness, stale version)
     * @throws org.toegang.core.ValidationException when the directory refuses a value
     */
    public Optional<StoredPerson> replace(String personId, PersonDraft draft, Optional<String> expectedVersion) {
        Optional<SearchResultEntry> current = entry(personId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        SearchResultEntry entry = current.get();
        requireVersion(entry, personId, expectedVersion);
        List<Claim> before = held(entry);
        List<Claim> after = unique(draft);
        List<Claim> taken = claim(before, after, personId);
        String oldName = entry.getAttributeValue(UID);
        String dn = entry.getDN();
        boolean renamed = false;
        try {
            // Same name but for letter case: the DN stays (uid matches case-insensitively), the value changes.
            if (!draft.username().equalsIgnoreCase(oldName)) {
                DN newDn = dnFor(draft.username());
                directory.pool().modifyDN(new ModifyDNRequest(dn, newDn.getRDNString(), true));
                dn = newDn.toString();
                renamed = true;
            }
            List<Modification> changes = new ArrayList<>();
            for (String objectClass : List.of(SCIM_PERSON_CLASS, SCIM_MAIL_PERSON_CLASS)) {
                if (!entry.hasObjectClass(objectClass)) {
                    changes.add(new Modification(ModificationType.ADD, OBJECT_CLASS, objectClass));
                }
            }
            for (Attribute attribute : attributes(draft)) {
                changes.add(new Modification(ModificationType.REPLACE, attribute.getName(), attribute.getValueByteArrays()));
            }
            directory.pool().modify(dn, changes);
        } catch (LDAPException e) {
            if (renamed) {
                undoRename(dn, oldName);
            }
            release(taken, personId);
            if (e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                throw StoreConflictException.uniqueness("userName", draft.username());
            }
            throw failure(e);
        }
        List<Claim> given = new ArrayList<>(before);
        given.removeAll(after);
        release(given, personId);
        if (renamed) {
            groups.memberMoved(entry.getDN(), dn); // plain groups hold the person's DN
        }
        return find(personId);
    }

    /**
     * Deletes the person with everything that hangs on them (grants, work relations, delegations,
     * and their requests for a work relation, decided or not: nobody could decide or see a request
     * of a person who is gone).
     *
     * @return false when there is no person with this id
     * @throws StoreConflictException (stale version)
     */
    public boolean delete(String personId, Optional<String> expectedVersion) {
        Optional<SearchResultEntry> current = entry(personId);
        if (current.isEmpty()) {
            return false;
        }
        requireVersion(current.get(), personId, expectedVersion);
        try {
            Filter dependants = Filter.createANDFilter(Filter.createEqualityFilter(PERSON_ID, personId),
                    Filter.createORFilter(Filter.createEqualityFilter(OBJECT_CLASS, GRANT_CLASS),
                            Filter.createEqualityFilter(OBJECT_CLASS, WORK_RELATION_CLASS),
                            Filter.createEqualityFilter(OBJECT_CLASS, DELEGATION_CLASS),
                            WorkRelationRequestStore.REQUEST_CLASS_FILTER));
            for (SearchResultEntry dependant : directory.pool().search(new SearchRequest(directory.config().baseDn(),
                    SearchScope.SUB, dependants, "1.1")).getSearchEntries()) {
                directory.pool().delete(dependant.getDN());
            }
            directory.pool().delete(current.get().getDN());
            groups.memberMoved(current.get().getDN(), null);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw Directory.unavailable(directory.config(), e);
        }
        release(held(current.get()), personId);
        return true;
    }

    /**
     * The people matching {@code filter}, in no particular order.
     *
     * @param limit the most entries the caller accepts
     * @throws StoreConflictException (too many results) when more than {@code limit} match
     */
    public List<StoredPerson> search(Filter filter, int limit) {
        Filter people = Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS), filter);
        SearchRequest request = new SearchRequest(peopleDn.toString(), SearchScope.SUB, people, REQUESTED);
        request.setSizeLimit(limit + 1);
        try {
            List<SearchResultEntry> entries = directory.pool().search(request).getSearchEntries();
            if (entries.size() > limit) {
                throw StoreConflictException.tooManyResults(limit);
            }
            return entries.stream().map(PersonStore::stored).toList();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw StoreConflictException.tooManyResults(limit);
            }
            throw failure(e);
        } catch (LDAPException e) {
            throw failure(e);
        }
    }

    /**
     * A page of the people matching {@code filter}, in the directory's order, for a client that
     * walks them with a cursor (no limit on the number of matches).
     *
     * @param cursor empty for the first page, else the cursor the previous page named
     * @throws CursorSearches.ExpiredCursorException when the cursor is unknown, used or expired
     */
    public CursorSearches.Page<StoredPerson> page(CursorSearches cursors, Filter filter, int size,
                                                  Optional<String> cursor) {
        Filter people = Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS), filter);
        return (cursor.isEmpty() ? cursors.first(peopleDn.toString(), SearchScope.SUB, people, size, REQUESTED)
                : cursors.next(cursor.get(), size)).map(PersonStore::stored);
    }

    /** The LDAP attribute a person's field is stored in, for callers that build filters. */
    public static String attributeFor(PersonField field) {
        return field.attributes.get(0);
    }

    /** Every LDAP attribute a person's field may be stored in; a filter matches when one of them does. */
    public static List<String> attributesFor(PersonField field) {
        return field.attributes;
    }

    /** The fields of a person that searches may filter on, and where each is stored. */
    public enum PersonField {
        ID(PERSON_ID), USERNAME(UID), GIVEN_NAME(Attributes.GIVEN_NAME), FAMILY_NAME(SURNAME),
        DISPLAY_NAME(COMMON_NAME), EMAIL(MAIL, INTERNATIONAL_MAIL, OTHER_MAIL), NATIONAL_REGISTER_NUMBER(Attributes.NATIONAL_REGISTER_NUMBER),
        LEGAL_REPRESENTATIVE_OF(Attributes.LEGAL_REPRESENTATIVE_OF), TITLE(PersonStore.TITLE),
        EMPLOYEE_NUMBER(PersonStore.EMPLOYEE_NUMBER), ORGANIZATION(PersonStore.ORGANIZATION),
        DEPARTMENT(PersonStore.DEPARTMENT), CREATED(PersonStore.CREATED), MODIFIED(PersonStore.MODIFIED),
        EXTERNAL_ID(Attributes.EXTERNAL_ID), USER_TYPE(PersonStore.USER_TYPE),
        PREFERRED_LANGUAGE(PersonStore.PREFERRED_LANGUAGE), PROFILE_URL(LABELED_URI),
        PHONE_NUMBER(TELEPHONE_NUMBER, MOBILE);

        private final List<String> attributes;

        PersonField(String... attributes) {
            this.attributes = List.of(attributes);
        }

        public String attribute() {
            return attributes.get(0);
        }
    }

    /**
     * Matches the people who are active, or those who are deactivated. Only a deactivation is
     * stored ({@code toegangActive: FALSE}); an absent value means active, so people created
     * before the attribute existed stay active. Keycloak's federation filter is the same rule.
     */
    public static Filter activeFilter(boolean active) {
        Filter deactivated = Filter.createEqualityFilter(ACTIVE, "FALSE");
        return active ? Filter.createNOTFilter(deactivated) : deactivated;
    }

    /** Encodes a moment as the directory's GeneralizedTime, for filters on {@link PersonField#CREATED}. */
    public static String generalizedTime(Instant moment) {
        return EntryMapper.generalizedTime(moment);
    }

    private Optional<SearchResultEntry> entry(String personId) {
        Filter filter = Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS),
                Filter.createEqualityFilter(PERSON_ID, personId));
        try {
            SearchResultEntry entry = directory.pool().searchForEntry(
                    new SearchRequest(peopleDn.toString(), SearchScope.SUB, filter, REQUESTED));
            return Optional.ofNullable(entry);
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }

    /** A unique value of a person. */
    private record Claim(UniqueClaims.Field field, String value) {
    }

    private static List<Claim> unique(PersonDraft draft) {
        List<Claim> claims = new ArrayList<>();
        draft.nationalRegisterNumber().ifPresent(v -> claims.add(new Claim(UniqueClaims.Field.NATIONAL_REGISTER_NUMBER, v)));
        draft.externalId().ifPresent(v -> claims.add(new Claim(UniqueClaims.Field.EXTERNAL_ID, v)));
        return claims;
    }

    private static List<Claim> held(Entry entry) {
        List<Claim> claims = new ArrayList<>();
        for (UniqueClaims.Field field : UniqueClaims.Field.values()) {
            String value = entry.getAttributeValue(field.attribute);
            if (value != null) {
                claims.add(new Claim(field, value));
            }
        }
        return claims;
    }

    /** Claims what {@code wanted} holds beyond {@code held}; all or none. */
    private List<Claim> claim(List<Claim> held, List<Claim> wanted, String personId) {
        List<Claim> taken = new ArrayList<>();
        try {
            for (Claim claim : wanted) {
                if (!held.contains(claim)) {
                    claims.claim(claim.field(), claim.value(), personId);
                    taken.add(claim);
                }
            }
            return taken;
        } catch (RuntimeException e) {
            release(taken, personId);
            throw e;
        }
    }

    private void release(List<Claim> taken, String personId) {
        for (Claim claim : taken) {
            try {
                claims.release(claim.field(), claim.value(), personId);
            } catch (RuntimeException e) {
                // Left behind, it is taken over after the grace period (UniqueClaims).
                LOG.log(System.Logger.Level.WARNING, "could not release the claim on {0} of {1}: {2}",
                        claim.field(), personId, e.getMessage());
            }
        }
    }

    private void undoRename(String dn, String oldName) {
        try {
            directory.pool().modifyDN(new ModifyDNRequest(dn, dnFor(oldName).getRDNString(), true));
        } catch (LDAPException e) {
            LOG.log(System.Logger.Level.ERROR, "a failed change left {0} renamed; rename it back to uid={1}: {2}",
                    dn, oldName, e.getMessage());
        }
    }

    /**
     * A refusal caused by the values (syntax, schema, size) is the writer's mistake, told as
     * such; anything else means the directory is not working.
     */
    private RuntimeException failure(LDAPException e) {
        if (REFUSALS.contains(e.getResultCode())) {
            return org.toegang.core.ValidationException.invalid("value", "the directory refused the change ("
                    + e.getResultCode().getName() + "): " + e.getDiagnosticMessage());
        }
        return Directory.unavailable(directory.config(), e);
    }

    private static final java.util.Set<ResultCode> REFUSALS = java.util.Set.of(ResultCode.INVALID_ATTRIBUTE_SYNTAX,
            ResultCode.CONSTRAINT_VIOLATION, ResultCode.OBJECT_CLASS_VIOLATION, ResultCode.INVALID_DN_SYNTAX,
            ResultCode.NAMING_VIOLATION, ResultCode.UNDEFINED_ATTRIBUTE_TYPE, ResultCode.ATTRIBUTE_OR_VALUE_EXISTS,
            ResultCode.INAPPROPRIATE_MATCHING, ResultCode.NOT_ALLOWED_ON_RDN, ResultCode.FILTER_ERROR);

    private static void requireVersion(Entry entry, String personId, Optional<String> expectedVersion) {
        if (expectedVersion.isPresent() && !expectedVersion.get().equals(version(entry))) {
            throw StoreConflictException.staleVersion(personId);
        }
    }

    private DN dnFor(String username) {
        return new DN(new RDN(UID, username), peopleDn);
    }

    private static List<Attribute> attributes(PersonDraft draft) {
        return List.of(
                new Attribute(UID, draft.username()),
                new Attribute(COMMON_NAME, draft.commonName()),
                optional(Attributes.GIVEN_NAME, draft.givenName().isEmpty() ? Optional.empty() : Optional.of(draft.givenName())),
                new Attribute(SURNAME, draft.familyName()),
                // mail is an IA5String (RFC 4524): an internationalised address (RFC 6531) goes next to it
                optional(MAIL, draft.email().filter(PersonStore::ascii)),
                optional(INTERNATIONAL_MAIL, draft.email().filter(mail -> !ascii(mail))),
                optional(NATIONAL_REGISTER_NUMBER, draft.nationalRegisterNumber()),
                new Attribute(LEGAL_REPRESENTATIVE_OF, draft.legalRepresentativeOf()),
                optional(TITLE, draft.title()),
                optional(EMPLOYEE_NUMBER, draft.employeeNumber()),
                optional(ORGANIZATION, draft.organization()),
                optional(DEPARTMENT, draft.department()),
                optional(EXTERNAL_ID, draft.externalId()),
                optional(ACTIVE, draft.active() ? Optional.empty() : Optional.of("FALSE")),
                optional(SCIM_ATTRIBUTES, draft.extras().attributes()),
                optional(USER_TYPE, draft.extras().userType()),
                optional(PREFERRED_LANGUAGE, draft.extras().preferredLanguage()),
                optional(LABELED_URI, draft.extras().profileUrl()),
                new Attribute(TELEPHONE_NUMBER, draft.extras().telephoneNumbers()),
                new Attribute(MOBILE, draft.extras().mobileNumbers()),
                new Attribute(OTHER_MAIL, draft.extras().otherMails()),
                new Attribute(USER_CERTIFICATE, draft.extras().derCertificates()));
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static Attribute optional(String name, Optional<String> value) {
        return value.map(v -> new Attribute(name, v)).orElseGet(() -> new Attribute(name));
    }

    private static StoredPerson stored(Entry entry) {
        return stored(entry, time(entry, CREATED), time(entry, MODIFIED));
    }

    private static StoredPerson stored(Entry entry, Optional<Instant> created, Optional<Instant> modified) {
        return new StoredPerson(EntryMapper.person(entry),
                Optional.ofNullable(entry.getAttributeValue(COMMON_NAME)).orElse(entry.getAttributeValue(UID)),
                Optional.ofNullable(entry.getAttributeValue(TITLE)),
                Optional.ofNullable(entry.getAttributeValue(EMPLOYEE_NUMBER)),
                Optional.ofNullable(entry.getAttributeValue(ORGANIZATION)),
                Optional.ofNullable(entry.getAttributeValue(DEPARTMENT)),
                created, modified, Optional.ofNullable(entry.getAttributeValue(EXTERNAL_ID)),
                !"FALSE".equalsIgnoreCase(entry.getAttributeValue(ACTIVE)), version(entry), extras(entry));
    }

    private static PersonExtras extras(Entry entry) {
        List<String> certificates = certificates(entry);
        if (!entry.hasAttribute(SCIM_ATTRIBUTES) && !entry.hasAttribute(USER_TYPE) && !entry.hasAttribute(PREFERRED_LANGUAGE)
                && !entry.hasAttribute(LABELED_URI) && !entry.hasAttribute(TELEPHONE_NUMBER) && !entry.hasAttribute(MOBILE)
                && !entry.hasAttribute(OTHER_MAIL) && certificates.isEmpty()) {
            return PersonExtras.NONE;
        }
        return new PersonExtras(Optional.ofNullable(entry.getAttributeValue(SCIM_ATTRIBUTES)),
                Optional.ofNullable(entry.getAttributeValue(USER_TYPE)),
                Optional.ofNullable(entry.getAttributeValue(PREFERRED_LANGUAGE)),
                Optional.ofNullable(entry.getAttributeValue(LABELED_URI)), values(entry, TELEPHONE_NUMBER),
                values(entry, MOBILE), values(entry, OTHER_MAIL), certificates);
    }

    /** The certificates, base64; a directory may answer with or without the binary option. */
    private static List<String> certificates(Entry entry) {
        List<String> certificates = new ArrayList<>();
        for (Attribute attribute : entry.getAttributesWithOptions("userCertificate", null)) {
            for (byte[] der : attribute.getValueByteArrays()) {
                certificates.add(Base64.getEncoder().encodeToString(der));
            }
        }
        return certificates;
    }

    private static List<String> values(Entry entry, String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? List.of() : List.of(values);
    }

    private static Optional<Instant> time(Entry entry, String attribute) {
        String value = entry.getAttributeValue(attribute);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StaticUtils.decodeGeneralizedTime(value).toInstant());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A digest of every user attribute, names and values sorted, so it is the same for the same
     * stored content whatever the order the server returns it in, and needs no server support.
     */
    static String version(Entry entry) {
        List<String> lines = new ArrayList<>();
        for (Attribute attribute : entry.getAttributes()) {
            String name = attribute.getBaseName().toLowerCase(Locale.ROOT);
            if (name.equals(CREATED.toLowerCase(Locale.ROOT)) || name.equals(MODIFIED.toLowerCase(Locale.ROOT))
                    || name.equals("entryuuid") || name.equals("userpassword")) {
                continue;
            }
            String[] values = attribute.getValues();
            Arrays.sort(values);
            lines.add(name + "=" + String.join("\u0000", values));
        }
        lines.sort(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
