package org.toegang.core.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.model.ApprovalBy;
import org.toegang.core.model.DelegationRole;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.RequestStatus;
import org.toegang.core.model.Right;
import org.toegang.core.model.WorkRelationRequest;

/**
 * Who may do what in delegated administration: every permission rule of the administration API,
 * in one place, over the roles a caller holds at the moment of the request. Deny by default: a
 * method answers true only for the roles it names.
 *
 * <ul>
 *   <li><b>Central administrator</b> (realm role): registers organisations and applications and
 *       sets legal representatives; nothing else, in particular no grants.</li>
 *   <li><b>Head administrator</b> of an organisation (its legal representatives and whoever they
 *       appoint): everything a local administrator may, for every application, and appoints or
 *       removes local administrators. Only a legal representative appoints head administrators.</li>
 *   <li><b>Local administrator</b>: the organisation's people, work relations and grants; grants
 *       only of the applications the delegation is limited to, if it is limited.</li>
 *   <li><b>Application owner</b> (head or application administrators of the owner organisation,
 *       or the application's own service account): defines the application's rights and sees every
 *       grant of it in every organisation, nothing else of those organisations.</li>
 *   <li><b>Person</b>: their own data; requests rights on behalf of organisations they work for
 *       or represent; asks to work for an organisation (a work-relation request, decided by that
 *       organisation's head and local administrators); withdraws their own requests.</li>
 * </ul>
 * Nobody decides a request they made or that concerns themselves. Immutable and thread-safe.
 */
public final class AdministrationPolicy {
    private final AdministratorRoles roles;

    public AdministrationPolicy(AdministratorRoles roles) {
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    public AdministratorRoles roles() {
        return roles;
    }

    /** Registering organisations and applications, setting legal representatives. */
    public boolean mayRegister() {
        return roles.centralAdministrator();
    }

    /** Seeing an organisation's name and place: its administrators, its people, the central administrator. */
    public boolean maySeeOrganisation(String organisationKey) {
        return roles.centralAdministrator() || administers(organisationKey)
                || roles.worksFor().contains(organisationKey) || roles.legalRepresentativeOf().contains(organisationKey);
    }

    /** Seeing and managing the organisation's people and work relations: its head and local administrators. */
    public boolean mayManagePeopleOf(String organisationKey) {
        return administers(organisationKey);
    }

    /** Granting, revoking and changing grants of one application for the organisation. */
    public boolean mayGrant(String organisationKey, String clientId) {
        if (roles.headAdministratorOf().contains(organisationKey)) {
            return true;
        }
        Set<String> limitedTo = roles.localAdministratorOf().get(organisationKey);
        return limitedTo != null && (limitedTo.isEmpty() || limitedTo.contains(clientId));
    }

    /** Appointing or removing an administrator of the organisation in this role. */
    public boolean mayAppoint(String organisationKey, DelegationRole role) {
        return switch (role) {
            case HEAD_ADMINISTRATOR -> roles.legalRepresentativeOf().contains(organisationKey);
            case LOCAL_ADMINISTRATOR, APPLICATION_ADMINISTRATOR -> roles.headAdministratorOf().contains(organisationKey);
        };
    }

    /** Defining the application's rights and seeing every grant of it: its owner. */
    public boolean ownsApplication(String clientId) {
        return roles.ownedApplications().contains(clientId);
    }

    /** Seeing an application's registration: its owner and the central administrator. */
    public boolean maySeeApplication(String clientId) {
        return roles.centralAdministrator() || ownsApplication(clientId);
    }

    /** Seeing one grant: its person, who may grant it, its application's owner. */
    public boolean maySeeGrant(Grant grant) {
        return isSelf(grant.personId()) || mayGrant(grant.organisationKey(), grant.clientId())
                || ownsApplication(grant.clientId());
    }

    /** Asking for a right for oneself, on behalf of an organisation one works for or represents. */
    public boolean mayRequestFor(String personId, String organisationKey) {
        return isSelf(personId) && (roles.worksFor().contains(organisationKey)
                || roles.legalRepresentativeOf().contains(organisationKey));
    }

    /** Withdrawing a request: only the person who made it, while it is undecided. */
    public boolean mayWithdraw(Grant request) {
        return request.status() == GrantStatus.REQUESTED
                && request.grantedBy().map(this::isSelf).orElse(isSelf(request.personId()));
    }

    /**
     * Deciding a request: for a right that needs approval, the approver the right names (its owner,
     * or a head administrator of the receiving organisation); for another right, whoever may grant
     * it; never for a request one made or that concerns oneself.
     */
    public boolean mayDecide(Grant request, Right right) {
        if (isSelf(request.personId()) || request.grantedBy().map(this::isSelf).orElse(false)) {
            return false;
        }
        if (!right.needsApproval()) {
            return mayGrant(request.organisationKey(), request.clientId());
        }
        return right.approvalBy() == ApprovalBy.OWNER ? ownsApplication(request.clientId())
                : roles.headAdministratorOf().contains(request.organisationKey());
    }

    /** Asking to work for an organisation: every signed-in person, for themselves only. */
    public boolean mayRequestWorkRelation(String personId) {
        return isSelf(personId);
    }

    /** Seeing a work-relation request: the person it concerns, and whoever manages the organisation's people. */
    public boolean maySeeWorkRelationRequest(WorkRelationRequest request) {
        return isSelf(request.personId()) || mayManagePeopleOf(request.organisationKey());
    }

    /**
     * Deciding a work-relation request: the organisation's head and local administrators (they create
     * work relations anyway), never for a request that concerns oneself.
     */
    public boolean mayDecide(WorkRelationRequest request) {
        return !isSelf(request.personId()) && mayDecideWorkRelationRequestsOf(request.organisationKey());
    }

    /** Deciding the organisation's work-relation requests (except one's own): whoever manages its people. */
    public boolean mayDecideWorkRelationRequestsOf(String organisationKey) {
        return mayManagePeopleOf(organisationKey);
    }

    /** Withdrawing a work-relation request: only its person, while it is undecided. */
    public boolean mayWithdraw(WorkRelationRequest request) {
        return request.status() == RequestStatus.REQUESTED && isSelf(request.personId());
    }

    /** Seeing one grant request: whoever may see the grant, and whoever may decide it. */
    public boolean maySeeRequest(Grant request, Right right) {
        return maySeeGrant(request) || mayDecide(request, right);
    }

    // --- what the caller may do, as GET /me/permissions tells the portal: derived from the rules above only

    /** The caller's roles in the organisation: legalRepresentative, headAdministrator, localAdministrator, employee. */
    public List<String> rolesIn(String organisationKey) {
        List<String> names = new ArrayList<>();
        add(names, roles.legalRepresentativeOf().contains(organisationKey), "legalRepresentative");
        add(names, roles.headAdministratorOf().contains(organisationKey), "headAdministrator");
        add(names, roles.localAdministratorOf().containsKey(organisationKey), "localAdministrator");
        add(names, roles.worksFor().contains(organisationKey), "employee");
        return names;
    }

    /**
     * What the caller may do for the organisation: see, managePeople (people, work relations,
     * reports, audit trail, default rights, bulk upload), decideWorkRelationRequests, grant (for at
     * least one of {@code clientIds}), appointHeadAdministrator, appointLocalAdministrator,
     * appointApplicationAdministrator, requestRight.
     */
    public List<String> organisationActions(String organisationKey, Collection<String> clientIds) {
        List<String> names = new ArrayList<>();
        add(names, maySeeOrganisation(organisationKey), "see");
        add(names, mayManagePeopleOf(organisationKey), "managePeople");
        add(names, mayDecideWorkRelationRequestsOf(organisationKey), "decideWorkRelationRequests");
        add(names, !grantable(organisationKey, clientIds).isEmpty(), "grant");
        add(names, mayAppoint(organisationKey, DelegationRole.HEAD_ADMINISTRATOR), "appointHeadAdministrator");
        add(names, mayAppoint(organisationKey, DelegationRole.LOCAL_ADMINISTRATOR), "appointLocalAdministrator");
        add(names, mayAppoint(organisationKey, DelegationRole.APPLICATION_ADMINISTRATOR), "appointApplicationAdministrator");
        add(names, personId().map(self -> mayRequestFor(self, organisationKey)).orElse(false), "requestRight");
        return names;
    }

    /** The applications among {@code clientIds} whose rights the caller may grant for the organisation. */
    public List<String> grantable(String organisationKey, Collection<String> clientIds) {
        return clientIds.stream().filter(clientId -> mayGrant(organisationKey, clientId)).sorted().toList();
    }

    /** What the caller may do for the application: defineRights, seeGrants, seeReports, seeAudit, seeSignIns, decideRequests, manageProvisioning (the owner); see. */
    public List<String> applicationActions(String clientId) {
        List<String> names = new ArrayList<>();
        add(names, maySeeApplication(clientId), "see");
        if (ownsApplication(clientId)) {
            names.addAll(List.of("defineRights", "seeGrants", "seeReports", "seeAudit", "seeSignIns", "decideRequests",
                    "manageProvisioning"));
        }
        return names;
    }

    /** What the caller may do beyond organisations and applications: register (central administrator), requestWorkRelation. */
    public List<String> generalActions() {
        List<String> names = new ArrayList<>();
        add(names, mayRegister(), "registerOrganisations");
        add(names, mayRegister(), "registerApplications");
        add(names, mayRegister(), "setLegalRepresentatives");
        add(names, personId().map(this::mayRequestWorkRelation).orElse(false), "requestWorkRelation");
        return names;
    }

    private static void add(List<String> names, boolean allowed, String name) {
        if (allowed) {
            names.add(name);
        }
    }

    /** Whether the caller is this person. */
    public boolean isSelf(String personId) {
        return roles.personId().map(personId::equals).orElse(false);
    }

    /** The caller's directory id, or a refusal when the caller is no person (a service account). */
    public String requirePerson() {
        return roles.personId().orElseThrow(() -> deny("this action needs a signed-in person"));
    }

    /** Throws {@link AccessDeniedException} naming the action unless {@code allowed}. */
    public static void require(boolean allowed, String action) {
        if (!allowed) {
            throw deny("the caller may not " + action);
        }
    }

    private static AccessDeniedException deny(String message) {
        return new AccessDeniedException(message);
    }

    private boolean administers(String organisationKey) {
        return roles.headAdministratorOf().contains(organisationKey)
                || roles.localAdministratorOf().containsKey(organisationKey);
    }

    /** The roles, as the API reports them to the caller. */
    public Optional<String> personId() {
        return roles.personId();
    }
}
