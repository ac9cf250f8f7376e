package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.Right;

/**
 * Requests: a person asks for a right; whoever may decide it (the policy) approves or rejects it
 * with a reason; a decided request stays decided; the requester may withdraw it before.
 */
public final class RequestService {
    private final AdminStores stores;
    private final GrantService grants;
    private final Audit audit;

    RequestService(AdminStores stores, GrantService grants, Audit audit) {
        this.stores = stores;
        this.grants = grants;
        this.audit = audit;
    }

    /** The open requests the caller may decide. */
    public List<StoredGrant> inbox(AdminContext context) {
        return stores.administration().openRequests().stream()
                .filter(request -> rightOf(request).map(right -> context.policy().mayDecide(request.grant(), right))
                        .orElse(false))
                .toList();
    }

    /**
     * One request (a grant that is or was a request: requested, rejected, withdrawn, or decided), for
     * whoever may see it: its person, whoever may decide it or grant it, its application's owner.
     */
    public StoredGrant get(AdminContext context, String grantId) {
        StoredGrant found = stores.administration().grant(grantId)
                .filter(g -> g.grant().status() == GrantStatus.REQUESTED || g.grant().status() == GrantStatus.REJECTED
                        || g.grant().status() == GrantStatus.WITHDRAWN || g.grant().decidedBy().isPresent())
                .orElseThrow(() -> new NotFoundException("request " + grantId));
        boolean visible = rightOf(found).map(right -> context.policy().maySeeRequest(found.grant(), right))
                .orElseGet(() -> context.policy().maySeeGrant(found.grant()));
        require(visible, "see this request");
        return found;
    }

    /** The caller asks for a right for themselves, on behalf of an organisation they work for. */
    public StoredGrant request(AdminContext context, String organisationKey, GrantService.GrantDraft draft) {
        String self = context.policy().requirePerson();
        require(context.policy().mayRequestFor(draft.personId(), organisationKey) && self.equals(draft.personId()),
                "request a right on behalf of this organisation");
        grants.checked(context, organisationKey, draft);
        StoredGrant stored = stores.administration().addGrant(self, draft.clientId(), draft.right(), organisationKey,
                draft.context(), draft.validity(), GrantStatus.REQUESTED, draft.reason(), Optional.of(self));
        audit.record(context, organisationKey, draft.clientId(), "request.create", "grant/" + stored.id(),
                Map.of(), Audit.of(stored.grant()));
        return stored;
    }

    /** Approves (the grant becomes active) or rejects a request, with a reason; {@code ifMatch} is required (428). */
    public StoredGrant decide(AdminContext context, String grantId, Optional<String> ifMatch, boolean approve,
                              String reason) {
        StoredGrant request = stores.administration().grant(grantId)
                .orElseThrow(() -> new NotFoundException("request " + grantId));
        Right right = rightOf(request).orElseThrow(() -> new NotFoundException("request " + grantId));
        require(context.policy().mayDecide(request.grant(), right), "decide this request");
        String why = Inputs.text("reason", reason);
        if (request.grant().status() != GrantStatus.REQUESTED) {
            throw RefusedException.conflict("status", "the request was already decided: it is "
                    + request.grant().status().code());
        }
        RefusedException.requireRevision(ifMatch);
        StoredGrant decided = stores.administration().changeGrantStatus(request, ifMatch,
                approve ? GrantStatus.ACTIVE : GrantStatus.REJECTED, context.caller().personId(), Optional.of(why));
        audit.record(context, request.grant().organisationKey(), request.grant().clientId(),
                approve ? "request.approve" : "request.reject", "grant/" + grantId,
                Audit.of(request.grant()), Audit.of(decided.grant()));
        return decided;
    }

    /** The requester takes an undecided request back; {@code ifMatch} is required (428). */
    public StoredGrant withdraw(AdminContext context, String grantId, Optional<String> ifMatch) {
        StoredGrant request = stores.administration().grant(grantId)
                .filter(found -> context.policy().isSelf(found.grant().personId())
                        || found.grant().grantedBy().map(context.policy()::isSelf).orElse(false))
                .orElse(null);
        require(request != null && context.policy().mayWithdraw(request.grant()), "withdraw this request");
        RefusedException.requireRevision(ifMatch);
        StoredGrant withdrawn = stores.administration().changeGrantStatus(request, ifMatch, GrantStatus.WITHDRAWN,
                Optional.empty(), Optional.empty());
        audit.record(context, request.grant().organisationKey(), request.grant().clientId(), "request.withdraw",
                "grant/" + grantId, Audit.of(request.grant()), Audit.of(withdrawn.grant()));
        return withdrawn;
    }

    private Optional<Right> rightOf(StoredGrant grant) {
        return stores.registry().right(grant.grant().clientId(), grant.grant().right()).map(Versioned::value);
    }
}
