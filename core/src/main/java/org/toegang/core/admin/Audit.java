package org.toegang.core.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.toegang.core.audit.AuditEntry;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.model.Delegation;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Right;
import org.toegang.core.model.WorkRelation;

/** Records the API's changes in the audit trail: who, in which role, what before and after. */
final class Audit {
    private final AuditTrail trail;

    Audit(AuditTrail trail) {
        this.trail = trail;
    }

    void record(AdminContext context, String organisationKey, String clientId, String action, String target,
                Map<String, String> before, Map<String, String> after) {
        Caller caller = context.caller();
        AuditEntry.Actor actor = caller.personId().isPresent()
                ? AuditEntry.Actor.person(caller.personId().get(), caller.clientId())
                : AuditEntry.Actor.client(caller.clientId());
        trail.record(AuditEntry.builder().at(context.now()).actor(actor)
                .role(context.roleFor(organisationKey, clientId)).organisationKey(organisationKey).clientId(clientId)
                .action(action).target(target).before(before).after(after).build());
    }

    static Map<String, String> of(Grant grant) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("personId", grant.personId());
        values.put("clientId", grant.clientId());
        values.put("right", grant.right());
        values.put("organisationKey", grant.organisationKey());
        grant.context().ifPresent(v -> values.put("context", v));
        values.put("validFrom", grant.validity().from().toString());
        grant.validity().to().ifPresent(v -> values.put("validTo", v.toString()));
        values.put("status", grant.status().code());
        grant.reason().ifPresent(v -> values.put("reason", v));
        grant.decidedBy().ifPresent(v -> values.put("decidedBy", v));
        return values;
    }

    static Map<String, String> of(WorkRelation relation) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("personId", relation.personId());
        values.put("organisationKey", relation.organisationKey());
        values.put("type", relation.type().code());
        values.put("validFrom", relation.validity().from().toString());
        relation.validity().to().ifPresent(v -> values.put("validTo", v.toString()));
        return values;
    }

    static Map<String, String> of(Delegation delegation) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("personId", delegation.personId());
        values.put("organisationKey", delegation.organisationKey());
        values.put("role", delegation.role().code());
        values.put("limitedToClientIds", String.join(",", delegation.limitedToClientIds().stream().sorted().toList()));
        delegation.validity().ifPresent(v -> {
            values.put("validFrom", v.from().toString());
            v.to().ifPresent(to -> values.put("validTo", to.toString()));
        });
        return values;
    }

    static Map<String, String> of(Organisation organisation) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("key", organisation.key());
        values.put("name", organisation.name());
        values.put("targetGroup", organisation.targetGroup().code());
        organisation.parentKey().ifPresent(v -> values.put("parentKey", v));
        return values;
    }

    static Map<String, String> of(Right right) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", right.name());
        right.description().ifPresent(v -> values.put("description", v));
        values.put("contextValues", String.join(",", right.contextValues()));
        values.put("needsApproval", String.valueOf(right.needsApproval()));
        values.put("needsApprovalBy", right.approvalBy().code());
        right.maximumDuration().ifPresent(v -> values.put("maximumDays", String.valueOf(v.toDays())));
        values.put("grantableBy", String.join(",", right.grantableBy().stream().sorted().toList()));
        return values;
    }
}
