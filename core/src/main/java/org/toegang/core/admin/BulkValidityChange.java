package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.admin.RefusedException.FieldError;
import org.toegang.core.directory.StoreConflictException;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.model.Validity;

/**
 * Changes the validity of up to {@value #MAX_CHANGES} grants of one organisation, all or nothing.
 * The directory (ApacheDS) has no transaction over several entries, so:
 * <ol>
 *   <li>every item is read and checked against the policy and the rules before anything is
 *       written; one refusal refuses the whole call, naming each refused item;</li>
 *   <li>the changes are applied in order, each a guarded modify: the directory compares, atomically
 *       at that write, the item's {@code ifMatch} revision, or else the revision validated in step 1,
 *       so a grant changed in between fails the call (a pre-check of {@code ifMatch} would only
 *       repeat what the write does and could not hold until the write);</li>
 *   <li>when a write fails, the changes already applied are undone in reverse order (compensation),
 *       each guarded by the revision our own write left, so a change someone made in between is
 *       never overwritten; what could not be undone is reported, never hidden.</li>
 * </ol>
 * Audit entries are written after every change stood: exactly one per grant changed.
 */
public final class BulkValidityChange {
    public static final int MAX_CHANGES = 1000;

    private final AdminStores stores;
    private final GrantService grants;
    private final Audit audit;

    BulkValidityChange(AdminStores stores, GrantService grants, Audit audit) {
        this.stores = stores;
        this.grants = grants;
        this.audit = audit;
    }

    /** One item: which grant, the revision it was read at (optional), its new validity. */
    public record Change(String grantId, Optional<String> ifMatch, Validity validity) {
    }

    /** Thrown when a write failed and not every applied change could be undone. */
    public static final class CompensationFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompensationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The permission to make bulk changes in the organisation at all; each item is checked again. */
    public void requireAllowed(AdminContext context, String organisationKey) {
        require(context.policy().mayManagePeopleOf(organisationKey), "change grants of this organisation");
    }

    /** Applies every change or none; returns the changed grants in the order given. */
    public List<StoredGrant> apply(AdminContext context, String organisationKey, List<Change> changes) {
        require(context.policy().mayManagePeopleOf(organisationKey), "change grants of this organisation");
        if (changes.isEmpty() || changes.size() > MAX_CHANGES) {
            throw RefusedException.invalid("changes", "must hold 1 to " + MAX_CHANGES + " changes");
        }
        Map<String, StoredGrant> current = new HashMap<>();
        for (StoredGrant grant : stores.administration().grantsOfOrganisation(organisationKey)) {
            current.put(grant.id(), grant);
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            String prefix = "changes[" + i + "].";
            Change change = changes.get(i);
            StoredGrant grant = current.get(change.grantId());
            if (!seen.add(change.grantId())) {
                errors.add(new FieldError(prefix + "grantId", "appears more than once"));
            } else if (grant == null) {
                errors.add(new FieldError(prefix + "grantId", "is not a grant of this organisation"));
            } else {
                errors.addAll(grants.validateChange(context, organisationKey, prefix, grant, change.validity()));
            }
        }
        if (!errors.isEmpty()) {
            throw RefusedException.invalid(errors);
        }
        List<StoredGrant> before = new ArrayList<>();
        List<StoredGrant> after = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            StoredGrant grant = current.get(change.grantId());
            try {
                // without an ifMatch, the revision validated above: what was checked must still be what is written
                Optional<String> expected = change.ifMatch().or(() -> Optional.of(grant.revision()));
                after.add(stores.administration().changeGrantValidity(grant, expected, change.validity()));
                before.add(grant);
            } catch (RuntimeException failure) {
                undo(before, after, failure);
                if (failure instanceof StoreConflictException conflict
                        && conflict.kind() == StoreConflictException.Kind.STALE_VERSION) {
                    throw RefusedException.stale("changes[" + i + "].ifMatch", "grant " + change.grantId()
                            + " was changed since it was read; nothing of this call was applied");
                }
                throw failure;
            }
        }
        for (int i = 0; i < after.size(); i++) {
            audit.record(context, organisationKey, after.get(i).grant().clientId(), "grant.validity",
                    "grant/" + after.get(i).id(), Audit.of(before.get(i).grant()), Audit.of(after.get(i).grant()));
        }
        return after;
    }

    private void undo(List<StoredGrant> before, List<StoredGrant> after, RuntimeException cause) {
        List<String> left = new ArrayList<>();
        for (int i = after.size() - 1; i >= 0; i--) {
            try {
                stores.administration().changeGrantValidity(after.get(i), Optional.of(after.get(i).revision()),
                        before.get(i).grant().validity());
            } catch (RuntimeException e) {
                left.add(after.get(i).id());
            }
        }
        if (!left.isEmpty()) {
            throw new CompensationFailedException("a bulk change failed (" + cause.getMessage()
                    + ") and these grants could not be set back: " + left, cause);
        }
    }
}
