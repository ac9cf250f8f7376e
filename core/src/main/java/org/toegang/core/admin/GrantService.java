package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.toegang.core.admin.RefusedException.FieldError;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Application;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.core.model.Right;
import org.toegang.core.model.Validity;

/**
 * Grants of an organisation: list, grant (a request when the right needs approval), change
 * validity, revoke. Every method checks the policy first, then the rules ({@link GrantRules}).
 */
public final class GrantService {
    /** The most people whose grants one listing reads: two pages of people. */
    public static final int MOST_PEOPLE = 100;
    private final AdminStores stores;
    private final Audit audit;

    GrantService(AdminStores stores, Audit audit) {
        this.stores = stores;
        this.audit = audit;
    }

    /** What to grant. */
    public record GrantDraft(String personId, String clientId, String right, Optional<String> context,
                             Validity validity, Optional<String> reason) {
    }

    /** The organisation's grants the caller may grant (a limited local administrator: of their applications only). */
    public List<StoredGrant> list(AdminContext context, String organisationKey) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the grants of this organisation");
        return visible(context, organisationKey, stores.administration().grantsOfOrganisation(organisationKey));
    }

    /**
     * These people's grants in the organisation that the caller may grant: searched by person
     * ({@link org.toegang.core.directory.AnyOf}), not by organisation, so that a page of people of
     * an organisation of 10,000 reads only its own grants.
     *
     * @throws RefusedException naming {@code personId} for more than {@value #MOST_PEOPLE} people, or an empty id
     */
    public List<StoredGrant> listOfPeople(AdminContext context, String organisationKey, Collection<String> personIds) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the grants of this organisation");
        if (personIds.size() > MOST_PEOPLE) {
            throw RefusedException.invalid("personId", "at most " + MOST_PEOPLE + " people at a time");
        }
        if (personIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw RefusedException.invalid("personId", "must not be empty");
        }
        return visible(context, organisationKey, stores.administration().grantsOfPeople(organisationKey, personIds));
    }

    /** Of these grants, those made for the organisation of applications the caller may grant there. */
    private static List<StoredGrant> visible(AdminContext context, String organisationKey, List<StoredGrant> grants) {
        return grants.stream().filter(grant -> grant.grant().organisationKey().equals(organisationKey))
                .filter(grant -> context.policy().mayGrant(organisationKey, grant.grant().clientId())).toList();
    }

    public StoredGrant get(AdminContext context, String organisationKey, String grantId) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the grants of this organisation");
        StoredGrant grant = stores.administration().grant(grantId)
                .filter(found -> found.grant().organisationKey().equals(organisationKey))
                .orElseThrow(() -> new NotFoundException("grant " + grantId));
        // the refusal names no value of the grant: the caller may not see it
        require(context.policy().mayGrant(organisationKey, grant.grant().clientId()), "see this grant");
        return grant;
    }

    /** Grants a right; a right that needs approval becomes a request for its approver. */
    public StoredGrant grant(AdminContext context, String organisationKey, GrantDraft draft) {
        require(context.policy().mayGrant(organisationKey, draft.clientId()),
                "grant rights of this application for this organisation");
        Right right = checked(context, organisationKey, draft);
        GrantStatus status = right.needsApproval() ? GrantStatus.REQUESTED : GrantStatus.ACTIVE;
        StoredGrant stored = stores.administration().addGrant(draft.personId(), draft.clientId(), draft.right(),
                organisationKey, draft.context(), draft.validity(), status, draft.reason(), context.caller().personId());
        audit.record(context, organisationKey, draft.clientId(), status == GrantStatus.ACTIVE ? "grant.create" : "request.create",
                "grant/" + stored.id(), java.util.Map.of(), Audit.of(stored.grant()));
        return stored;
    }

    /**
     * How each grant stands now ({@link GrantMarks}), reading, per organisation, the work relations
     * of the grants' people and the legal representatives once.
     */
    public java.util.Map<String, GrantMarks> marks(List<StoredGrant> grants, java.time.Instant now) {
        java.util.Map<String, GrantMarks> marks = new java.util.HashMap<>();
        java.util.Map<String, List<StoredGrant>> byOrganisation = grants.stream()
                .collect(java.util.stream.Collectors.groupingBy(g -> g.grant().organisationKey()));
        byOrganisation.forEach((key, ofOrganisation) -> {
            // only the work relations of the people on this page (one search), never the whole organisation's
            List<org.toegang.core.model.WorkRelation> relations = stores.administration().workRelationsOfPeople(key,
                    ofOrganisation.stream().map(g -> g.grant().personId()).toList()).stream().map(Versioned::value).toList();
            java.util.Set<String> representatives = new java.util.HashSet<>();
            stores.registry().legalRepresentatives(key).forEach(p -> representatives.add(p.id()));
            for (StoredGrant grant : ofOrganisation) {
                String personId = grant.grant().personId();
                marks.put(grant.id(), GrantMarks.of(grant.grant(),
                        relations.stream().filter(r -> r.personId().equals(personId)).toList(),
                        representatives.contains(personId) ? java.util.Set.of(key) : java.util.Set.of(), now));
            }
        });
        return marks;
    }

    /** The rights the caller may grant for the organisation: of applications open to its target group. */
    public List<Versioned<Right>> grantableRights(AdminContext context, String organisationKey) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the rights grantable for this organisation");
        Organisation organisation = stores.registry().organisation(organisationKey).map(Versioned::value)
                .orElseThrow(() -> new NotFoundException("organisation " + organisationKey));
        List<Versioned<Right>> rights = new ArrayList<>();
        for (Versioned<Application> application : stores.registry().applications()) {
            String clientId = application.value().clientId();
            if (application.value().openTo().contains(organisation.targetGroup())
                    && context.policy().mayGrant(organisationKey, clientId)) {
                stores.registry().rights(clientId).stream()
                        .filter(right -> right.value().grantableBy().contains(organisationKey)
                                || right.value().grantableBy().contains(organisation.targetGroup().code()))
                        .forEach(rights::add);
            }
        }
        return rights;
    }

    /** The rules for a new grant or request; returns the right. */
    Right checked(AdminContext context, String organisationKey, GrantDraft draft) {
        Organisation organisation = stores.registry().organisation(organisationKey).map(Versioned::value)
                .orElseThrow(() -> new NotFoundException("organisation " + organisationKey));
        Application application = stores.registry().application(draft.clientId()).map(Versioned::value)
                .orElseThrow(() -> RefusedException.invalid("clientId", "is not a registered application"));
        Right right = stores.registry().right(draft.clientId(), draft.right()).map(Versioned::value)
                .orElseThrow(() -> RefusedException.invalid("right", "is not a right of application " + draft.clientId()));
        Person person = stores.repository().findPerson(draft.personId())
                .orElseThrow(() -> RefusedException.invalid("personId", "is not a person in the directory"));
        List<FieldError> errors = GrantRules.check("", person, stores.repository().workRelationsOf(person.id()),
                organisation, application, right, draft.context(), draft.validity(), context.now());
        if (!errors.isEmpty()) {
            throw RefusedException.invalid(errors);
        }
        return right;
    }

    public StoredGrant changeValidity(AdminContext context, String organisationKey, String grantId,
                                      Optional<String> ifMatch, Validity validity) {
        StoredGrant current = get(context, organisationKey, grantId);
        require(context.policy().mayGrant(organisationKey, current.grant().clientId()), "change this grant");
        requireChangeable(current);
        checkValidity("", current, validity).ifPresent(error -> {
            throw RefusedException.invalid(List.of(error));
        });
        StoredGrant changed = stores.administration().changeGrantValidity(current, ifMatch, validity);
        audit.record(context, organisationKey, current.grant().clientId(), "grant.validity", "grant/" + grantId,
                Audit.of(current.grant()), Audit.of(changed.grant()));
        return changed;
    }

    public StoredGrant revoke(AdminContext context, String organisationKey, String grantId, Optional<String> ifMatch,
                              Optional<String> reason) {
        StoredGrant current = get(context, organisationKey, grantId);
        require(context.policy().mayGrant(organisationKey, current.grant().clientId()), "revoke this grant");
        if (current.grant().status() != GrantStatus.ACTIVE) {
            throw RefusedException.conflict("status", "only an active grant can be revoked; this one is "
                    + current.grant().status().code());
        }
        StoredGrant changed = stores.administration().changeGrantStatus(current, ifMatch, GrantStatus.REVOKED,
                context.caller().personId(), reason);
        audit.record(context, organisationKey, current.grant().clientId(), "grant.revoke", "grant/" + grantId,
                Audit.of(current.grant()), Audit.of(changed.grant()));
        return changed;
    }

    Optional<FieldError> checkValidity(String prefix, StoredGrant grant, Validity validity) {
        Right right = stores.registry().right(grant.grant().clientId(), grant.grant().right()).map(Versioned::value)
                .orElseThrow(() -> RefusedException.conflict(prefix + "right", "the grant's right no longer exists"));
        return GrantRules.checkValidity(prefix, right, validity);
    }

    static void requireChangeable(StoredGrant grant) {
        GrantStatus status = grant.grant().status();
        if (status != GrantStatus.ACTIVE && status != GrantStatus.REQUESTED) {
            throw RefusedException.conflict("status", "a " + status.code() + " grant cannot be changed");
        }
    }

    /** For the bulk change: the rules of one item, without changing anything. */
    List<FieldError> validateChange(AdminContext context, String organisationKey, String prefix, StoredGrant current,
                                    Validity validity) {
        List<FieldError> errors = new ArrayList<>();
        require(context.policy().mayGrant(organisationKey, current.grant().clientId()),
                "change the grant at " + prefix + "grantId");
        GrantStatus status = current.grant().status();
        if (status != GrantStatus.ACTIVE && status != GrantStatus.REQUESTED) {
            errors.add(new FieldError(prefix + "grantId", "a " + status.code() + " grant cannot be changed"));
        }
        checkValidity(prefix, current, validity).ifPresent(errors::add);
        return errors;
    }
}
