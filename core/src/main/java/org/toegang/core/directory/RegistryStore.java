package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.toegang.core.model.Application;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.core.model.Right;
import org.toegang.core.model.TargetGroup;

/**
 * Reads and writes what the central administrator registers (organisations, applications, legal
 * representatives) and what application owners define (rights), with revisions as
 * {@link AdministrationStore}. Checks no permission and no rule. Thread-safe.
 */
public final class RegistryStore {
    private static final String ORGANISATIONS = "organisations";
    private static final String APPLICATIONS = "applications";

    private final Entries entries;

    public RegistryStore(Directory directory) {
        this.entries = new Entries(directory);
    }

    public Optional<Versioned<Organisation>> organisation(String key) {
        return entries.first(ORGANISATION_CLASS, Filter.createEqualityFilter(ORGANISATION_KEY, key))
                .map(entry -> versioned(EntryMapper.organisation(entry), entry));
    }

    public List<Versioned<Organisation>> organisations() {
        return entries.search(Filter.createEqualityFilter(OBJECT_CLASS, ORGANISATION_CLASS)).stream()
                .map(entry -> versioned(EntryMapper.organisation(entry), entry)).toList();
    }

    /** @throws StoreConflictException (uniqueness, {@code key}) when the key is registered */
    public Versioned<Organisation> addOrganisation(Organisation organisation) {
        Entry entry = new Entry(entries.dn(ORGANISATION_KEY, organisation.key(), ORGANISATIONS));
        entry.addAttribute(OBJECT_CLASS, "top", ORGANISATION_CLASS, VERSIONED_CLASS);
        entry.addAttribute(ORGANISATION_KEY, organisation.key());
        entry.addAttribute(ORGANISATION_NAME, organisation.name());
        entry.addAttribute(TARGET_GROUP, organisation.targetGroup().code());
        organisation.parentKey().ifPresent(parent -> entry.addAttribute(PARENT_ORGANISATION, parent));
        String revision = RevisionGuard.next();
        entry.addAttribute(REVISION, revision);
        entries.add(entry, "key", organisation.key());
        return new Versioned<>(organisation, revision);
    }

    public Optional<Versioned<Application>> application(String clientId) {
        return applicationEntry(clientId).map(entry -> versioned(EntryMapper.application(entry), entry));
    }

    public List<Versioned<Application>> applications() {
        return entries.search(Filter.createEqualityFilter(OBJECT_CLASS, APPLICATION_CLASS)).stream()
                .map(entry -> versioned(EntryMapper.application(entry), entry)).toList();
    }

    /** @throws StoreConflictException (uniqueness, {@code clientId}) when the client id is registered */
    public Versioned<Application> addApplication(Application application) {
        Entry entry = new Entry(entries.dn(CLIENT_ID, application.clientId(), APPLICATIONS));
        entry.addAttribute(OBJECT_CLASS, "top", APPLICATION_CLASS, VERSIONED_CLASS);
        entry.addAttribute(CLIENT_ID, application.clientId());
        entry.addAttribute("cn", application.name());
        entry.addAttribute(OWNER_ORGANISATION, application.ownerOrganisationKey());
        entry.addAttribute(CAPACITY_PER, application.capacityPer().code());
        if (!application.openTo().isEmpty()) {
            entry.addAttribute(OPEN_TO, application.openTo().stream().map(TargetGroup::code).toList());
        }
        String revision = RevisionGuard.next();
        entry.addAttribute(REVISION, revision);
        entries.add(entry, "clientId", application.clientId());
        return new Versioned<>(application, revision);
    }

    public Optional<Versioned<Right>> right(String clientId, String name) {
        return entries.first(RIGHT_CLASS, Filter.createANDFilter(Filter.createEqualityFilter(CLIENT_ID, clientId),
                Filter.createEqualityFilter(RIGHT_NAME, name))).map(entry -> versioned(EntryMapper.right(entry), entry));
    }

    public List<Versioned<Right>> rights(String clientId) {
        return entries.search(Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, RIGHT_CLASS),
                        Filter.createEqualityFilter(CLIENT_ID, clientId))).stream()
                .map(entry -> versioned(EntryMapper.right(entry), entry)).toList();
    }

    /**
     * Stores a right below its application, new or replacing the stored one.
     *
     * @param expected for a replacement, the revision it was made against
     */
    public Versioned<Right> putRight(Right right, Optional<Versioned<Right>> current, Optional<String> expected) {
        List<Modification> values = new ArrayList<>();
        values.add(new Modification(ModificationType.REPLACE, "description", right.description().stream().toList().toArray(String[]::new)));
        values.add(new Modification(ModificationType.REPLACE, CONTEXT_VALUE, right.contextValues().toArray(String[]::new)));
        values.add(new Modification(ModificationType.REPLACE, NEEDS_APPROVAL, right.needsApproval() ? "TRUE" : "FALSE"));
        values.add(new Modification(ModificationType.REPLACE, MAXIMUM_DURATION,
                right.maximumDuration().map(d -> String.valueOf(d.toDays())).stream().toArray(String[]::new)));
        values.add(new Modification(ModificationType.REPLACE, GRANTABLE_BY, right.grantableBy().toArray(String[]::new)));
        values.add(new Modification(ModificationType.REPLACE, NEEDS_APPROVAL_BY, right.approvalBy().code()));
        if (current.isPresent()) {
            SearchResultEntry entry = entries.first(RIGHT_CLASS, Filter.createANDFilter(
                    Filter.createEqualityFilter(CLIENT_ID, right.clientId()),
                    Filter.createEqualityFilter(RIGHT_NAME, right.name())))
                    .orElseThrow(() -> StoreConflictException.staleRevision("right " + right.name()));
            String revision = entries.modify(entry, expected, values, "right " + right.name());
            return new Versioned<>(right, revision);
        }
        SearchResultEntry application = applicationEntry(right.clientId())
                .orElseThrow(() -> StoreConflictException.staleRevision("application " + right.clientId()));
        Entry entry = new Entry(new DN(new RDN(RIGHT_NAME, right.name()), parsed(application)));
        entry.addAttribute(OBJECT_CLASS, "top", RIGHT_CLASS, VERSIONED_CLASS);
        entry.addAttribute(CLIENT_ID, right.clientId());
        entry.addAttribute(RIGHT_NAME, right.name());
        for (Modification value : values) {
            if (value.hasValue()) {
                entry.addAttribute(value.getAttribute());
            }
        }
        String revision = RevisionGuard.next();
        entry.addAttribute(REVISION, revision);
        entries.add(entry, "name", right.name());
        return new Versioned<>(right, revision);
    }

    // --- people

    public Optional<Person> personByNationalRegisterNumber(String number) {
        return entries.first(PERSON_CLASS, Filter.createEqualityFilter(NATIONAL_REGISTER_NUMBER, number))
                .map(EntryMapper::person);
    }

    /** The people with these directory ids that exist. */
    public List<Person> people(java.util.Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        List<Person> found = new ArrayList<>();
        for (Filter any : AnyOf.batches(PERSON_ID, personIds)) {
            entries.search(Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS), any))
                    .forEach(entry -> found.add(EntryMapper.person(entry)));
        }
        return found;
    }

    /** The people who legally represent the organisation. */
    public List<Person> legalRepresentatives(String organisationKey) {
        return entries.search(Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, PERSON_CLASS),
                Filter.createEqualityFilter(LEGAL_REPRESENTATIVE_OF, organisationKey))).stream()
                .map(EntryMapper::person).toList();
    }

    /** Adds or removes the organisation from the person's legal representation. */
    public void setLegalRepresentative(String personId, String organisationKey, boolean represents) {
        SearchResultEntry entry = entries.first(PERSON_CLASS, Filter.createEqualityFilter(PERSON_ID, personId))
                .orElseThrow(() -> StoreConflictException.staleRevision("person " + personId));
        boolean holds = entry.hasAttributeValue(LEGAL_REPRESENTATIVE_OF, organisationKey);
        if (holds == represents) {
            return;
        }
        entries.modify(entry, Optional.empty(), List.of(new Modification(
                represents ? ModificationType.ADD : ModificationType.DELETE, LEGAL_REPRESENTATIVE_OF, organisationKey)),
                "person " + personId);
    }

    private Optional<SearchResultEntry> applicationEntry(String clientId) {
        return entries.first(APPLICATION_CLASS, Filter.createEqualityFilter(CLIENT_ID, clientId));
    }

    private static DN parsed(Entry entry) {
        try {
            return entry.getParsedDN();
        } catch (com.unboundid.ldap.sdk.LDAPException e) {
            throw new IllegalStateException("the directory returned a malformed DN " + entry.getDN(), e);
        }
    }

    private static <T> Versioned<T> versioned(T value, Entry entry) {
        return new Versioned<>(value, RevisionGuard.revisionOf(entry));
    }
}
