package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.toegang.core.admin.GrantService.GrantDraft;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.directory.GrantEntries;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.Right;
import org.toegang.core.model.Validity;
import org.toegang.core.rights.ActiveGrants;

/**
 * Compares the rights two people hold on behalf of one organisation, and copies what the second
 * lacks in one call: all or nothing, and only the rights the caller may grant (the others are
 * listed as not copyable, with the reason). Thread-safe.
 */
public final class RightsComparison {
    private final AdminStores stores;
    private final GrantService grants;
    private final GrantEntries entries;
    private final Audit audit;

    public RightsComparison(AdminStores stores, GrantService grants, GrantEntries entries, AuditTrail trail) {
        this.stores = stores;
        this.grants = grants;
        this.entries = entries;
        this.audit = new Audit(trail);
    }

    /** A right one person holds and the other lacks, and whether the caller may copy it. */
    public record Missing(Grant source, boolean copyable, Optional<String> reason) {
    }

    /** What {@code from} holds (counting now) in the organisation that {@code to} does not. */
    public List<Missing> compare(AdminContext context, String organisationKey, String from, String to) {
        require(context.policy().mayManagePeopleOf(organisationKey), "compare the people of this organisation");
        List<Grant> source = counting(context, organisationKey, from);
        Set<String> held = stores.administration().grantsOfPerson(to).stream().map(StoredGrant::grant)
                .filter(grant -> grant.organisationKey().equals(organisationKey))
                .filter(grant -> grant.status() == GrantStatus.ACTIVE || grant.status() == GrantStatus.REQUESTED)
                .filter(grant -> grant.validity().to().map(end -> end.isAfter(context.now())).orElse(true))
                .map(RightsComparison::key).collect(Collectors.toSet());
        List<Missing> missing = new ArrayList<>();
        for (Grant grant : source) {
            if (held.contains(key(grant))) {
                continue;
            }
            if (!context.policy().mayGrant(organisationKey, grant.clientId())) {
                missing.add(new Missing(grant, false, Optional.of("the caller may not grant rights of "
                        + grant.clientId() + " for this organisation")));
                continue;
            }
            Optional<String> refusal = refusal(context, organisationKey, draft(grant, to, context));
            missing.add(new Missing(grant, refusal.isEmpty(), refusal));
        }
        return missing;
    }

    /**
     * Grants {@code to} every copyable missing right, from now until the source grant's end; all or
     * nothing: if any grant fails, those made are removed again and nothing is recorded.
     *
     * @return the grants made (requests where the right needs approval)
     */
    public List<StoredGrant> copyMissing(AdminContext context, String organisationKey, String from, String to) {
        List<Missing> missing = compare(context, organisationKey, from, to);
        List<StoredGrant> made = new ArrayList<>();
        try {
            for (Missing item : missing) {
                if (!item.copyable()) {
                    continue;
                }
                GrantDraft draft = draft(item.source(), to, context);
                Right right = grants.checked(context, organisationKey, draft);
                GrantStatus status = right.needsApproval() ? GrantStatus.REQUESTED : GrantStatus.ACTIVE;
                made.add(stores.administration().addGrant(to, draft.clientId(), draft.right(), organisationKey,
                        draft.context(), draft.validity(), status, draft.reason(), context.caller().personId()));
            }
        } catch (RuntimeException failure) {
            made.forEach(grant -> entries.undoCreation(grant.id()));
            throw failure;
        }
        for (StoredGrant grant : made) {
            audit.record(context, organisationKey, grant.grant().clientId(),
                    grant.grant().status() == GrantStatus.ACTIVE ? "grant.copy" : "request.copy",
                    "grant/" + grant.id(), Map.of(), Audit.of(grant.grant()));
        }
        return made;
    }

    private List<Grant> counting(AdminContext context, String organisationKey, String personId) {
        var person = stores.repository().findPerson(personId)
                .orElseThrow(() -> RefusedException.invalid("from", "is not a person in the directory"));
        List<Grant> all = stores.administration().grantsOfPerson(personId).stream().map(StoredGrant::grant)
                .filter(grant -> grant.organisationKey().equals(organisationKey)).toList();
        return ActiveGrants.select(all, stores.repository().workRelationsOf(personId), person.legalRepresentativeOf(),
                context.now());
    }

    private Optional<String> refusal(AdminContext context, String organisationKey, GrantDraft draft) {
        try {
            grants.checked(context, organisationKey, draft);
            return Optional.empty();
        } catch (RefusedException e) {
            return Optional.of(e.getMessage());
        } catch (NotFoundException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static GrantDraft draft(Grant source, String to, AdminContext context) {
        Validity validity = new Validity(context.now(), source.validity().to());
        return new GrantDraft(to, source.clientId(), source.right(), source.context(), validity,
                Optional.of("copied from person " + source.personId()));
    }

    private static String key(Grant grant) {
        return grant.clientId() + "\u0000" + grant.right() + "\u0000" + grant.context().orElse("");
    }
}
