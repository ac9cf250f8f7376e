package org.toegang.core.admin;

import java.time.Instant;
import org.toegang.core.audit.AuditTrail;

/**
 * Delegated administration, the entry point: makes the context of a request (the caller's roles
 * read from the directory at that moment) and hands out the services, each of which checks the
 * {@link AdministrationPolicy} before anything else. Thread-safe; one per node.
 */
public final class Administration {
    private final AdministratorRolesReader roles;
    private final RegistryService registry;
    private final PeopleService people;
    private final GrantService grants;
    private final BulkValidityChange bulk;
    private final RequestService requests;
    private final DelegationService delegations;
    private final SelfService self;
    private final org.toegang.core.directory.IdempotencyStore idempotency;
    private final Oversight oversight;
    private final WorkRelationRequestService workRelationRequests;
    private final DisplayNames names;
    private final ProvisioningTargetService provisioningTargets;

    public Administration(AdminStores stores, AuditTrail trail) {
        Audit audit = new Audit(trail);
        this.roles = new AdministratorRolesReader(stores.repository());
        this.registry = new RegistryService(stores, audit);
        this.grants = new GrantService(stores, audit);
        this.oversight = new Oversight(stores, grants, trail);
        // a new work relation receives its type's default rights (DefaultRightsService)
        this.people = new PeopleService(stores, audit, oversight.defaults()::grantFor);
        this.bulk = new BulkValidityChange(stores, grants, audit);
        this.requests = new RequestService(stores, grants, audit);
        this.delegations = new DelegationService(stores, audit);
        this.self = new SelfService(stores);
        this.idempotency = stores.idempotency();
        this.workRelationRequests = new WorkRelationRequestService(stores, people, audit);
        this.names = new DisplayNames(stores);
        this.provisioningTargets = new ProvisioningTargetService(stores, audit);
    }

    /** The context of one request made by {@code caller} at {@code now}. */
    public AdminContext context(Caller caller, Instant now) {
        return new AdminContext(caller, new AdministrationPolicy(roles.read(caller, now)), now);
    }

    public RegistryService registry() {
        return registry;
    }

    public PeopleService people() {
        return people;
    }

    public GrantService grants() {
        return grants;
    }

    public BulkValidityChange bulk() {
        return bulk;
    }

    public RequestService requests() {
        return requests;
    }

    public DelegationService delegations() {
        return delegations;
    }

    public SelfService self() {
        return self;
    }

    /** A person's requests to work for an organisation, and their decision. */
    public WorkRelationRequestService workRelationRequests() {
        return workRelationRequests;
    }

    /** Where each application's people are provisioned over SCIM, registered by its owner. */
    public ProvisioningTargetService provisioningTargets() {
        return provisioningTargets;
    }

    /** Names of people, organisations and applications, for lists. */
    public DisplayNames names() {
        return names;
    }

    /** Reports, audit trail, comparison and copy, default rights, bulk upload, sign-in statistics. */
    public Oversight oversight() {
        return oversight;
    }

    /** Where outcomes of requests with an {@code Idempotency-Key} are kept. */
    public org.toegang.core.directory.IdempotencyStore idempotency() {
        return idempotency;
    }
}
