package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.toegang.core.model.Delegation;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;

/**
 * Reads and writes what organisations administer: grants, work relations and delegations, each
 * with its revision ({@link RevisionGuard}). Every change names the revision it was made against,
 * so that a concurrent change is refused rather than lost. This class checks no permission and no
 * rule: callers ({@code org.toegang.core.admin.Administration}) do that first. Thread-safe.
 */
public final class AdministrationStore {
    private static final String GRANTS = "grants";
    private static final String WORK_RELATIONS = "workRelations";
    private static final String DELEGATIONS = "delegations";

    private final Entries entries;

    public AdministrationStore(Directory directory) {
        this.entries = new Entries(directory);
    }

    // --- grants

    public Optional<StoredGrant> grant(String id) {
        return entry(GRANT_CLASS, id).map(AdministrationStore::storedGrant);
    }

    /** Every grant of the organisation, whatever its status. */
    public List<StoredGrant> grantsOfOrganisation(String organisationKey) {
        return grants(Filter.createEqualityFilter(ORGANISATION_KEY, organisationKey));
    }

    /** Every grant of the application, in every organisation. */
    public List<StoredGrant> grantsOfApplication(String clientId) {
        return grants(Filter.createEqualityFilter(CLIENT_ID, clientId));
    }

    public List<StoredGrant> grantsOfPerson(String personId) {
        return grants(Filter.createEqualityFilter(PERSON_ID, personId));
    }

    /** The organisation's grants of the given people only, searched by their ids ({@link AnyOf}). */
    public List<StoredGrant> grantsOfPeople(String organisationKey, java.util.Collection<String> personIds) {
        List<StoredGrant> found = new ArrayList<>();
        for (Filter any : AnyOf.batches(PERSON_ID, personIds)) {
            found.addAll(grants(Filter.createANDFilter(Filter.createEqualityFilter(ORGANISATION_KEY, organisationKey), any)));
        }
        return found;
    }

    /** Every undecided request. */
    public List<StoredGrant> openRequests() {
        return grants(Filter.createEqualityFilter(GRANT_STATUS, GrantStatus.REQUESTED.code()));
    }

    /** Stores a new grant (or request) with a new id; returns it as stored. */
    public StoredGrant addGrant(String personId, String clientId, String right, String organisationKey,
                                Optional<String> context, Validity validity, GrantStatus status,
                                Optional<String> reason, Optional<String> grantedBy) {
        Grant grant = new Grant(UUID.randomUUID().toString(), personId, clientId, right, organisationKey, context,
                validity, status, reason, grantedBy, Optional.empty());
        Entry entry = new Entry(entries.dn(ID, grant.id(), GRANTS));
        entry.addAttribute(OBJECT_CLASS, "top", GRANT_CLASS, VERSIONED_CLASS);
        entry.addAttribute(ID, grant.id());
        entry.addAttribute(PERSON_ID, personId);
        entry.addAttribute(CLIENT_ID, clientId);
        entry.addAttribute(RIGHT_NAME, right);
        entry.addAttribute(ORGANISATION_KEY, organisationKey);
        context.ifPresent(value -> entry.addAttribute(CONTEXT_VALUE, value));
        addValidity(entry, validity);
        entry.addAttribute(GRANT_STATUS, status.code());
        reason.ifPresent(value -> entry.addAttribute(REASON, value));
        grantedBy.ifPresent(value -> entry.addAttribute(GRANTED_BY, value));
        String revision = RevisionGuard.next();
        entry.addAttribute(REVISION, revision);
        entries.add(entry, "grant", grant.id());
        return new StoredGrant(grant, Optional.empty(), revision);
    }

    /**
     * Changes a grant's validity.
     *
     * @throws StoreConflictException (stale version) when its revision is no longer {@code expected}
     */
    public StoredGrant changeGrantValidity(StoredGrant current, Optional<String> expected, Validity validity) {
        Grant g = current.grant();
        Grant changed = new Grant(g.id(), g.personId(), g.clientId(), g.right(), g.organisationKey(), g.context(),
                validity, g.status(), g.reason(), g.grantedBy(), g.decidedBy());
        return new StoredGrant(changed, current.decisionReason(),
                changeGrant(current, expected, validityChanges(validity)));
    }

    /** Moves a grant to a status, with who decided and why (both optional). */
    public StoredGrant changeGrantStatus(StoredGrant current, Optional<String> expected, GrantStatus status,
                                         Optional<String> decidedBy, Optional<String> decisionReason) {
        List<Modification> changes = new ArrayList<>();
        changes.add(new Modification(ModificationType.REPLACE, GRANT_STATUS, status.code()));
        decidedBy.ifPresent(value -> changes.add(new Modification(ModificationType.REPLACE, DECIDED_BY, value)));
        decisionReason.ifPresent(value -> changes.add(new Modification(ModificationType.REPLACE, DECISION_REASON, value)));
        Grant g = current.grant();
        Grant changed = new Grant(g.id(), g.personId(), g.clientId(), g.right(), g.organisationKey(), g.context(),
                g.validity(), status, g.reason(), g.grantedBy(), decidedBy.or(g::decidedBy));
        return new StoredGrant(changed, decisionReason.or(current::decisionReason),
                changeGrant(current, expected, changes));
    }

    /** Applies a guarded change to a grant's entry; returns the new revision. The modify is the only write. */
    private String changeGrant(StoredGrant current, Optional<String> expected, List<Modification> changes) {
        SearchResultEntry entry = requiredEntry(GRANT_CLASS, current.id(), "grant");
        return entries.modify(entry, expected, changes, "grant " + current.id());
    }

    // --- work relations

    public Optional<Versioned<WorkRelation>> workRelation(String id) {
        return entry(WORK_RELATION_CLASS, id).map(entry -> versioned(EntryMapper.workRelation(entry), entry));
    }

    public List<Versioned<WorkRelation>> workRelationsOfOrganisation(String organisationKey) {
        return entries.search(Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, WORK_RELATION_CLASS),
                        Filter.createEqualityFilter(ORGANISATION_KEY, organisationKey))).stream()
                .map(entry -> versioned(EntryMapper.workRelation(entry), entry)).toList();
    }

    /**
     * The organisation's work relations of the given people only, searched by their ids ({@link AnyOf}):
     * what a page of 50 grants needs, without reading an organisation of 10,000.
     */
    public List<Versioned<WorkRelation>> workRelationsOfPeople(String organisationKey, java.util.Collection<String> personIds) {
        List<Versioned<WorkRelation>> found = new ArrayList<>();
        for (Filter any : AnyOf.batches(PERSON_ID, personIds)) {
            entries.search(Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, WORK_RELATION_CLASS),
                            Filter.createEqualityFilter(ORGANISATION_KEY, organisationKey), any))
                    .forEach(entry -> found.add(versioned(EntryMapper.workRelation(entry), entry)));
        }
        return found;
    }

    public Versioned<WorkRelation> addWorkRelation(String personId, String organisationKey,
                                                   org.toegang.core.model.WorkRelationType type, Validity validity) {
        WorkRelation relation = new WorkRelation(UUID.randomUUID().toString(), personId, organisationKey, type, validity);
        Entry entry = new Entry(entries.dn(ID, relation.id(), WORK_RELATIONS));
        entry.addAttribute(OBJECT_CLASS, "top", WORK_RELATION_CLASS, VERSIONED_CLASS);
        entry.addAttribute(ID, relation.id());
        entry.addAttribute(PERSON_ID, personId);
        entry.addAttribute(ORGANISATION_KEY, organisationKey);
        entry.addAttribute(WORK_RELATION_TYPE, type.code());
        addValidity(entry, validity);
        String revision = RevisionGuard.next();
        entry.addAttribute(REVISION, revision);
        entries.add(entry, "workRelation", relation.id());
        return new Versioned<>(relation, revision);
    }

    /** Changes a work relation's type and validity; ending one is a change of its validity. */
    public Versioned<WorkRelation> changeWorkRelation(WorkRelation current, Optional<String> expected,
                                                      org.toegang.core.model.WorkRelationType type, Validity validity) {
        SearchResultEntry entry = requiredEntry(WORK_RELATION_CLASS, current.id(), "workRelation");
        List<Modification> changes = new ArrayList<>(validityChanges(validity));
        changes.add(new Modification(ModificationType.REPLACE, WORK_RELATION_TYPE, type.code()));
        entries.modify(entry, expected, changes, "work relation " + current.id());
        return workRelation(current.id()).orElseThrow();
    }

    // --- delegations

    public Optional<Versioned<Delegation>> delegation(String id) {
        return entry(DELEGATION_CLASS, id).map(entry -> versioned(EntryMapper.delegation(entry), entry));
    }

    public List<Versioned<Delegation>> delegationsOfOrganisation(String organisationKey) {
        return entries.search(Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, DELEGATION_CLASS),
                        Filter.createEqualityFilter(ORGANISATION_KEY, organisationKey))).stream()
                .map(entry -> versioned(EntryMapper.delegation(entry), entry)).toList();
    }

    public Versioned<Delegation> addDelegation(String personId, String organisationKey,
                                               org.toegang.core.model.DelegationRole role,
                                               java.util.Set<String> limitedTo, Validity validity) {
        Delegation delegation = new Delegation(UUID.randomUUID().toString(), personId, organisationKey, role,
                limitedTo, Optional.of(validity));
        Entry entry = new Entry(entries.dn(ID, delegation.id(), DELEGATIONS));
        entry.addAttribute(OBJECT_CLASS, "top", DELEGATION_CLASS, VERSIONED_CLASS);
        entry.addAttribute(ID, delegation.id());
        entry.addAttribute(PERSON_ID, personId);
        entry.addAttribute(ORGANISATION_KEY, organisationKey);
        entry.addAttribute(DELEGATION_ROLE, role.code());
        if (!limitedTo.isEmpty()) {
            entry.addAttribute(LIMITED_TO_CLIENT_ID, limitedTo);
        }
        addValidity(entry, validity);
        String revision = RevisionGuard.next();
        entry.addAttribute(REVISION, revision);
        entries.add(entry, "delegation", delegation.id());
        return new Versioned<>(delegation, revision);
    }

    /** Removes a delegation; the audit trail keeps what it was. */
    public void removeDelegation(Delegation current, Optional<String> expected) {
        SearchResultEntry entry = requiredEntry(DELEGATION_CLASS, current.id(), "delegation");
        entries.delete(entry, expected, "delegation " + current.id());
    }

    // --- shared

    private List<StoredGrant> grants(Filter filter) {
        return entries.search(Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, GRANT_CLASS), filter))
                .stream().map(AdministrationStore::storedGrant).toList();
    }

    private Optional<SearchResultEntry> entry(String objectClass, String id) {
        return entries.first(objectClass, Filter.createEqualityFilter(ID, id));
    }

    private SearchResultEntry requiredEntry(String objectClass, String id, String what) {
        return entry(objectClass, id).orElseThrow(() -> StoreConflictException.staleRevision(what + " " + id));
    }

    private static StoredGrant storedGrant(Entry entry) {
        return new StoredGrant(EntryMapper.grant(entry), Optional.ofNullable(entry.getAttributeValue(DECISION_REASON)),
                RevisionGuard.revisionOf(entry));
    }

    private static <T> Versioned<T> versioned(T value, Entry entry) {
        return new Versioned<>(value, RevisionGuard.revisionOf(entry));
    }

    private static void addValidity(Entry entry, Validity validity) {
        entry.addAttribute(VALID_FROM, EntryMapper.generalizedTime(validity.from()));
        validity.to().ifPresent(to -> entry.addAttribute(VALID_TO, EntryMapper.generalizedTime(to)));
    }

    private static List<Modification> validityChanges(Validity validity) {
        List<Modification> changes = new ArrayList<>();
        changes.add(new Modification(ModificationType.REPLACE, VALID_FROM, EntryMapper.generalizedTime(validity.from())));
        changes.add(validity.to()
                .map(to -> new Modification(ModificationType.REPLACE, VALID_TO, EntryMapper.generalizedTime(to)))
                .orElseGet(() -> new Modification(ModificationType.REPLACE, VALID_TO)));
        return changes;
    }
}
