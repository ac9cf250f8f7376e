package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toegang.core.admin.GrantService.GrantDraft;
import org.toegang.core.admin.RefusedException.FieldError;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.directory.DefaultRightsStore;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.model.DefaultRight;
import org.toegang.core.model.Right;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationType;

/**
 * Default rights: per organisation and work-relation type, a package of rights granted when such
 * a work relation is created, for the work relation's validity. Grants it makes carry the reason
 * {@link #REASON_PREFIX}{@code <type>}, so reports list them as default rights. Thread-safe.
 */
public final class DefaultRightsService {
    /** The reason of every grant a package makes, followed by the work-relation type. */
    public static final String REASON_PREFIX = "default right for work relation type ";

    private final AdminStores stores;
    private final DefaultRightsStore packages;
    private final GrantService grants;
    private final Audit audit;

    public DefaultRightsService(AdminStores stores, DefaultRightsStore packages, GrantService grants, AuditTrail trail) {
        this.stores = stores;
        this.packages = packages;
        this.grants = grants;
        this.audit = new Audit(trail);
    }

    /** Every type's package of the organisation (types without one are left out). */
    public Map<WorkRelationType, List<DefaultRight>> packages(AdminContext context, String organisationKey) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the default rights of this organisation");
        Map<WorkRelationType, List<DefaultRight>> all = new LinkedHashMap<>();
        for (WorkRelationType type : WorkRelationType.values()) {
            List<DefaultRight> rights = packages.get(organisationKey, type);
            if (!rights.isEmpty()) {
                all.put(type, rights);
            }
        }
        return all;
    }

    /**
     * Replaces the package of one type. Each right must exist, take the given context value (or
     * none if it defines none), and be one the caller may grant for the organisation.
     */
    public List<DefaultRight> set(AdminContext context, String organisationKey, WorkRelationType type,
                                  List<DefaultRight> rights) {
        require(context.policy().mayManagePeopleOf(organisationKey), "set the default rights of this organisation");
        if (rights.size() > 100) {
            throw RefusedException.invalid("rights", "must hold at most 100 rights");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rights.size(); i++) {
            DefaultRight item = rights.get(i);
            String prefix = "rights[" + i + "].";
            if (!context.policy().mayGrant(organisationKey, item.clientId())) {
                errors.add(new FieldError(prefix + "clientId", "the caller may not grant rights of this application "
                        + "for this organisation"));
                continue;
            }
            Optional<Right> right = stores.registry().right(item.clientId(), item.right()).map(Versioned -> Versioned.value());
            if (right.isEmpty()) {
                errors.add(new FieldError(prefix + "right", "is not a right of application " + item.clientId()));
            } else if (item.context().isPresent() ? !right.get().contextValues().contains(item.context().get())
                    : !right.get().contextValues().isEmpty()) {
                errors.add(new FieldError(prefix + "context", right.get().contextValues().isEmpty()
                        ? "the right takes no context value" : "must be one of " + right.get().contextValues()));
            }
        }
        if (!errors.isEmpty()) {
            throw RefusedException.invalid(errors);
        }
        List<DefaultRight> before = packages.get(organisationKey, type);
        packages.put(organisationKey, type, rights);
        List<DefaultRight> after = packages.get(organisationKey, type);
        audit.record(context, organisationKey, null, "defaultRights.set",
                "defaultRights/" + organisationKey + "/" + type.code(), describe(before), describe(after));
        return after;
    }

    /**
     * Grants the package of the work relation's type, for its validity: call right after the work
     * relation was created. Rights the caller may not grant, or that the rules refuse for this
     * person, are skipped and returned as refusals; each grant made is audited like any grant.
     */
    public Applied grantFor(AdminContext context, WorkRelation relation) {
        require(context.policy().mayManagePeopleOf(relation.organisationKey()), "grant rights for this organisation");
        List<StoredGrant> made = new ArrayList<>();
        List<FieldError> skipped = new ArrayList<>();
        for (DefaultRight item : packages.get(relation.organisationKey(), relation.type())) {
            GrantDraft draft = new GrantDraft(relation.personId(), item.clientId(), item.right(), item.context(),
                    relation.validity(), Optional.of(REASON_PREFIX + relation.type().code()));
            try {
                made.add(grants.grant(context, relation.organisationKey(), draft));
            } catch (RefusedException | AccessDeniedException | NotFoundException e) {
                skipped.add(new FieldError(item.encoded(), e.getMessage()));
            }
        }
        return new Applied(made, skipped);
    }

    /** What {@link #grantFor} did: the grants made and the rights it could not grant, with why. */
    public record Applied(List<StoredGrant> granted, List<FieldError> skipped) {
        public Applied {
            granted = List.copyOf(granted);
            skipped = List.copyOf(skipped);
        }
    }

    private static Map<String, String> describe(List<DefaultRight> rights) {
        return rights.isEmpty() ? Map.of()
                : Map.of("rights", String.join(",", rights.stream().map(DefaultRight::encoded).toList()));
    }
}
