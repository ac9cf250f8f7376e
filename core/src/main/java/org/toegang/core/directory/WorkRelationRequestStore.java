package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.DECIDED_BY;
import static org.toegang.core.directory.Attributes.DECISION_REASON;
import static org.toegang.core.directory.Attributes.GRANT_STATUS;
import static org.toegang.core.directory.Attributes.ID;
import static org.toegang.core.directory.Attributes.OBJECT_CLASS;
import static org.toegang.core.directory.Attributes.ORGANISATION_KEY;
import static org.toegang.core.directory.Attributes.PERSON_ID;
import static org.toegang.core.directory.Attributes.REASON;
import static org.toegang.core.directory.Attributes.REVISION;
import static org.toegang.core.directory.Attributes.VALID_FROM;
import static org.toegang.core.directory.Attributes.VALID_TO;
import static org.toegang.core.directory.Attributes.VERSIONED_CLASS;
import static org.toegang.core.directory.Attributes.WORK_RELATION_TYPE;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.toegang.core.model.RequestStatus;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelationRequest;
import org.toegang.core.model.WorkRelationType;

/**
 * Requests for a work relation, one entry each under {@code ou=workRelationRequests} (made on first
 * use). The entry must not be a {@code toegangWorkRelation}: every search for work relations (the
 * token path, the rights cache, reports) finds that class anywhere below the base, and a request
 * gives no right before it is approved. No object class of the published schema fits a request,
 * and this feature was given no OID for a new one, so the entry is a standard
 * {@code applicationProcess} (RFC 4519, structural: {@code cn} = the id) with the standard
 * auxiliary {@code extensibleObject} (RFC 4512 section 4.3, in ApacheDS's and OpenLDAP's core
 * schema) carrying Toegang's own attribute types: {@code toegangId}, {@code toegangPersonId},
 * {@code toegangOrganisationKey}, {@code toegangWorkRelationType}, validity, the status in
 * {@code toegangGrantStatus}, the requester's {@code toegangReason}, {@code toegangDecidedBy},
 * {@code toegangDecisionReason}, and {@code seeAlso} = the DN of the work relation its approval
 * created; {@code toegangVersioned} guards changes ({@link RevisionGuard}). Checks no permission
 * and no rule. Thread-safe.
 */
public final class WorkRelationRequestStore {
    static final String CONTAINER = "workRelationRequests";
    private static final String STRUCTURAL = "applicationProcess";
    private static final String EXTENSIBLE = "extensibleObject";
    private static final String SEE_ALSO = "seeAlso";
    /** What makes an entry a request (with {@code toegangPersonId}: that person's requests). */
    static final Filter REQUEST_CLASS_FILTER = Filter.createANDFilter(
            Filter.createEqualityFilter(OBJECT_CLASS, STRUCTURAL), Filter.createEqualityFilter(OBJECT_CLASS, EXTENSIBLE));

    private final Entries entries;

    public WorkRelationRequestStore(Directory directory) {
        this.entries = new Entries(directory);
    }

    /** A stored request and the revision it was read at. */
    public Optional<Versioned<WorkRelationRequest>> request(String id) {
        return first(Filter.createEqualityFilter(ID, id));
    }

    /** The person's requests, whatever their status. */
    public List<Versioned<WorkRelationRequest>> ofPerson(String personId) {
        return search(Filter.createEqualityFilter(PERSON_ID, personId));
    }

    /** The requests for these organisations, whatever their status; none for no organisation. */
    public List<Versioned<WorkRelationRequest>> ofOrganisations(Collection<String> organisationKeys) {
        if (organisationKeys.isEmpty()) {
            return List.of();
        }
        return search(Filter.createORFilter(organisationKeys.stream()
                .map(key -> Filter.createEqualityFilter(ORGANISATION_KEY, key)).toList()));
    }

    /** Stores a new, undecided request. */
    public Versioned<WorkRelationRequest> add(String personId, String organisationKey, WorkRelationType type,
                                              Validity validity, Optional<String> reason) {
        WorkRelationRequest request = new WorkRelationRequest(UUID.randomUUID().toString(), personId, organisationKey,
                type, validity, RequestStatus.REQUESTED, reason, Optional.empty(), Optional.empty(), Optional.empty());
        entries.ensureContainer(CONTAINER);
        Entry entry = new Entry(entries.dn(ID, request.id(), CONTAINER));
        entry.addAttribute(OBJECT_CLASS, "top", STRUCTURAL, EXTENSIBLE, VERSIONED_CLASS);
        entry.addAttribute("cn", request.id());
        entry.addAttribute(ID, request.id());
        entry.addAttribute(PERSON_ID, personId);
        entry.addAttribute(ORGANISATION_KEY, organisationKey);
        entry.addAttribute(WORK_RELATION_TYPE, type.code());
        entry.addAttribute(VALID_FROM, EntryMapper.generalizedTime(validity.from()));
        validity.to().ifPresent(to -> entry.addAttribute(VALID_TO, EntryMapper.generalizedTime(to)));
        entry.addAttribute(GRANT_STATUS, request.status().code());
        reason.ifPresent(value -> entry.addAttribute(REASON, value));
        String revision = RevisionGuard.next();
        entry.addAttribute(REVISION, revision);
        entries.add(entry, "requestId", request.id());
        return new Versioned<>(request, revision);
    }

    /**
     * Moves a request to another status, guarded by the revision the caller read.
     *
     * @throws StoreConflictException (stale version) when it changed since {@code expected}
     */
    public Versioned<WorkRelationRequest> changeStatus(WorkRelationRequest current, Optional<String> expected,
                                                       RequestStatus status, Optional<String> decidedBy,
                                                       Optional<String> decisionReason) {
        SearchResultEntry entry = requiredEntry(current.id());
        List<Modification> changes = new ArrayList<>();
        changes.add(new Modification(ModificationType.REPLACE, GRANT_STATUS, status.code()));
        decidedBy.ifPresent(value -> changes.add(new Modification(ModificationType.REPLACE, DECIDED_BY, value)));
        decisionReason.ifPresent(value -> changes.add(new Modification(ModificationType.REPLACE, DECISION_REASON, value)));
        String revision = entries.modify(entry, expected, changes, "work relation request " + current.id());
        return new Versioned<>(current.decided(status, decidedBy.or(current::decidedBy),
                decisionReason.or(current::decisionReason), current.workRelationId()), revision);
    }

    /** Sets an approval back to undecided (its work relation could not be made), guarded by the approval's revision. */
    public void reopen(Versioned<WorkRelationRequest> approved) {
        SearchResultEntry entry = requiredEntry(approved.value().id());
        entries.modify(entry, Optional.of(approved.revision()), List.of(
                new Modification(ModificationType.REPLACE, GRANT_STATUS, RequestStatus.REQUESTED.code()),
                new Modification(ModificationType.REPLACE, DECIDED_BY),
                new Modification(ModificationType.REPLACE, DECISION_REASON)), "work relation request " + approved.value().id());
    }

    /** Notes the work relation an approval created; guarded by the revision the approval left. */
    public Versioned<WorkRelationRequest> linkWorkRelation(Versioned<WorkRelationRequest> approved, String workRelationId) {
        SearchResultEntry entry = requiredEntry(approved.value().id());
        DN relation = entries.dn(ID, workRelationId, "workRelations");
        String revision = entries.modify(entry, Optional.of(approved.revision()),
                List.of(new Modification(ModificationType.REPLACE, SEE_ALSO, relation.toString())),
                "work relation request " + approved.value().id());
        WorkRelationRequest r = approved.value();
        return new Versioned<>(r.decided(r.status(), r.decidedBy(), r.decisionReason(), Optional.of(workRelationId)),
                revision);
    }

    private SearchResultEntry requiredEntry(String id) {
        return entries.search(entries.container(CONTAINER), Filter.createEqualityFilter(ID, id)).stream().findFirst()
                .orElseThrow(() -> StoreConflictException.staleRevision("work relation request " + id));
    }

    private Optional<Versioned<WorkRelationRequest>> first(Filter filter) {
        return search(filter).stream().findFirst();
    }

    private List<Versioned<WorkRelationRequest>> search(Filter filter) {
        // only below the container, and only entries of this shape: nothing else can pass for a request
        Filter shape = Filter.createANDFilter(Filter.createEqualityFilter(OBJECT_CLASS, STRUCTURAL),
                Filter.createPresenceFilter(ID), filter);
        return entries.search(entries.container(CONTAINER), shape).stream()
                .map(entry -> new Versioned<>(map(entry), RevisionGuard.revisionOf(entry))).toList();
    }

    private static WorkRelationRequest map(Entry entry) {
        Optional<String> relation = Optional.ofNullable(entry.getAttributeValue(SEE_ALSO)).map(value -> {
            try {
                return new DN(value).getRDN().getAttributeValues()[0];
            } catch (LDAPException e) {
                throw new IllegalStateException(entry.getDN() + " holds a malformed seeAlso", e);
            }
        });
        return new WorkRelationRequest(entry.getAttributeValue(ID), entry.getAttributeValue(PERSON_ID),
                entry.getAttributeValue(ORGANISATION_KEY),
                WorkRelationType.fromCode(entry.getAttributeValue(WORK_RELATION_TYPE)), EntryMapper.validity(entry),
                RequestStatus.fromCode(entry.getAttributeValue(GRANT_STATUS)),
                Optional.ofNullable(entry.getAttributeValue(REASON)), Optional.ofNullable(entry.getAttributeValue(DECIDED_BY)),
                Optional.ofNullable(entry.getAttributeValue(DECISION_REASON)), relation);
    }
}
