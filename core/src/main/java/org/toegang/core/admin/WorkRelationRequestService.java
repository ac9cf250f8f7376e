package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toegang.core.directory.Versioned;
import org.toegang.core.directory.WorkRelationRequestStore;
import org.toegang.core.model.RequestStatus;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationRequest;
import org.toegang.core.model.WorkRelationType;

/**
 * A person asks to work for an organisation; the organisation's head and local administrators
 * approve (the work relation is created, with its type's default rights) or reject it with a
 * reason; a decided request stays decided; the person may withdraw it before. Nobody decides a
 * request that concerns themselves ({@link AdministrationPolicy#mayDecide(WorkRelationRequest)}).
 */
public final class WorkRelationRequestService {
    private final AdminStores stores;
    private final WorkRelationRequestStore requests;
    private final PeopleService people;
    private final Audit audit;

    WorkRelationRequestService(AdminStores stores, PeopleService people, Audit audit) {
        this.stores = stores;
        this.requests = new WorkRelationRequestStore(stores.directory());
        this.people = people;
        this.audit = audit;
    }

    /**
     * The caller asks to work for the organisation.
     *
     * @throws RefusedException naming {@code organisationKey} when it is not registered (422), when
     *         the caller works for it already or has a request for it waiting (409)
     */
    public Versioned<WorkRelationRequest> request(AdminContext context, String organisationKey, WorkRelationType type,
                                                  Validity validity, Optional<String> reason) {
        String self = context.policy().requirePerson();
        require(context.policy().mayRequestWorkRelation(self), "ask to work for an organisation");
        if (stores.registry().organisation(organisationKey).isEmpty()) {
            throw RefusedException.invalid("organisationKey", "is not a registered organisation");
        }
        boolean works = stores.repository().workRelationsOf(self).stream().anyMatch(relation ->
                relation.organisationKey().equals(organisationKey) && overlaps(relation.validity(), validity, context.now()));
        if (works) {
            throw RefusedException.conflict("organisationKey", "you already have a work relation with this organisation"
                    + " in that period");
        }
        boolean waiting = requests.ofPerson(self).stream().map(Versioned::value).anyMatch(request ->
                request.organisationKey().equals(organisationKey) && request.status() == RequestStatus.REQUESTED);
        if (waiting) {
            throw RefusedException.conflict("organisationKey", "a request of yours for this organisation is waiting");
        }
        if (validity.to().map(to -> !to.isAfter(context.now())).orElse(false)) {
            throw RefusedException.invalid("validTo", "must be in the future");
        }
        Versioned<WorkRelationRequest> stored = requests.add(self, organisationKey, type, validity, reason);
        audit.record(context, organisationKey, null, "workRelationRequest.create",
                "workRelationRequest/" + stored.value().id(), Map.of(), values(stored.value()));
        return stored;
    }

    /** The requests for one organisation, for its administrators; optionally of one status. */
    public List<Versioned<WorkRelationRequest>> ofOrganisation(AdminContext context, String organisationKey,
                                                               Optional<RequestStatus> status) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the work-relation requests of this organisation");
        return requests.ofOrganisations(List.of(organisationKey)).stream()
                .filter(request -> status.map(s -> request.value().status() == s).orElse(true)).toList();
    }

    /** The caller's own requests. */
    public List<Versioned<WorkRelationRequest>> own(AdminContext context) {
        return context.policy().personId().map(requests::ofPerson).orElse(List.of());
    }

    /** One of the caller's own requests; another person's is refused here (administrators read it under its organisation). */
    public Versioned<WorkRelationRequest> own(AdminContext context, String id) {
        context.policy().requirePerson();
        Versioned<WorkRelationRequest> found = requests.request(id)
                .orElseThrow(() -> new NotFoundException("work-relation request " + id));
        require(context.policy().isSelf(found.value().personId()), "see another person's request here");
        return found;
    }

    /**
     * One request, for whoever may see it; {@code organisationKey}, when given, must be the request's
     * (a request of another organisation is not found there).
     */
    public Versioned<WorkRelationRequest> get(AdminContext context, Optional<String> organisationKey, String id) {
        organisationKey.ifPresent(key -> require(context.policy().mayManagePeopleOf(key),
                "see the work-relation requests of this organisation"));
        return requests.request(id)
                .filter(found -> organisationKey.map(found.value().organisationKey()::equals).orElse(true))
                .filter(found -> context.policy().maySeeWorkRelationRequest(found.value()))
                .orElseThrow(() -> new NotFoundException("work-relation request " + id));
    }

    /** Approves (the work relation is created) or rejects a request of the organisation, with a reason; {@code ifMatch} is required (428). */
    public Versioned<WorkRelationRequest> decide(AdminContext context, String organisationKey, String id,
                                                 Optional<String> ifMatch, boolean approve, String reason) {
        Versioned<WorkRelationRequest> current = get(context, Optional.of(organisationKey), id);
        require(context.policy().mayDecide(current.value()), "decide this request");
        String why = Inputs.text("reason", reason);
        if (current.value().status() != RequestStatus.REQUESTED) {
            throw RefusedException.conflict("status", "the request was already decided: it is "
                    + current.value().status().code());
        }
        RefusedException.requireRevision(ifMatch);
        Versioned<WorkRelationRequest> decided = requests.changeStatus(current.value(), ifMatch,
                approve ? RequestStatus.APPROVED : RequestStatus.REJECTED, context.caller().personId(), Optional.of(why));
        if (approve) {
            decided = createWorkRelation(context, current, decided);
        }
        audit.record(context, organisationKey, null, approve ? "workRelationRequest.approve" : "workRelationRequest.reject",
                "workRelationRequest/" + id, values(current.value()), values(decided.value()));
        return decided;
    }

    /** The requester takes an undecided request back; {@code ifMatch} is required (428). */
    public Versioned<WorkRelationRequest> withdraw(AdminContext context, String id, Optional<String> ifMatch) {
        Versioned<WorkRelationRequest> current = requests.request(id)
                .filter(found -> context.policy().isSelf(found.value().personId())).orElse(null);
        require(current != null && context.policy().mayWithdraw(current.value()), "withdraw this request");
        RefusedException.requireRevision(ifMatch);
        Versioned<WorkRelationRequest> withdrawn = requests.changeStatus(current.value(), ifMatch,
                RequestStatus.WITHDRAWN, Optional.empty(), Optional.empty());
        audit.record(context, current.value().organisationKey(), null, "workRelationRequest.withdraw",
                "workRelationRequest/" + id, values(current.value()), values(withdrawn.value()));
        return withdrawn;
    }

    /**
     * The approval's work relation: the requested type and period, starting no earlier than the
     * decision (a request does not date a work relation back). The status changed first, guarded, so
     * two administrators approving at once create one work relation; if creating it fails, the
     * status is set back (guarded by the revision the approval left) and the failure passes on.
     */
    private Versioned<WorkRelationRequest> createWorkRelation(AdminContext context, Versioned<WorkRelationRequest> current,
                                                              Versioned<WorkRelationRequest> approved) {
        WorkRelationRequest request = current.value();
        Instant from = request.validity().from().isBefore(context.now()) ? context.now() : request.validity().from();
        Versioned<WorkRelation> relation;
        try {
            if (request.validity().to().map(to -> !to.isAfter(from)).orElse(false)) {
                throw RefusedException.conflict("validTo", "the requested period has ended; reject the request");
            }
            relation = people.createWorkRelation(context, request.organisationKey(), request.personId(), request.type(),
                    new Validity(from, request.validity().to()));
        } catch (RuntimeException e) {
            requests.reopen(approved);
            throw e;
        }
        return requests.linkWorkRelation(approved, relation.value().id());
    }

    private static boolean overlaps(Validity existing, Validity asked, Instant now) {
        Instant askedFrom = asked.from().isBefore(now) ? now : asked.from();
        boolean startsBeforeAskedEnds = asked.to().map(existing.from()::isBefore).orElse(true);
        boolean endsAfterAskedStarts = existing.to().map(to -> to.isAfter(askedFrom)).orElse(true);
        return startsBeforeAskedEnds && endsAfterAskedStarts;
    }

    private static Map<String, String> values(WorkRelationRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("personId", request.personId());
        values.put("organisationKey", request.organisationKey());
        values.put("type", request.type().code());
        values.put("validFrom", request.validity().from().toString());
        request.validity().to().ifPresent(v -> values.put("validTo", v.toString()));
        values.put("status", request.status().code());
        request.reason().ifPresent(v -> values.put("reason", v));
        request.decidedBy().ifPresent(v -> values.put("decidedBy", v));
        request.workRelationId().ifPresent(v -> values.put("workRelationId", v));
        return values;
    }
}
