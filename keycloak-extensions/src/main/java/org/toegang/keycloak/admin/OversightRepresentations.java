package org.toegang.keycloak.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.toegang.core.admin.BulkUpload;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.RightsComparison;
import org.toegang.core.audit.AuditEntry;
import org.toegang.core.directory.SignInCounters;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.model.DefaultRight;
import org.toegang.core.model.Grant;
import org.toegang.core.model.WorkRelationType;
import org.toegang.core.report.BulkRefusal;

/** What the oversight endpoints answer and read; representations, never models. */
final class OversightRepresentations {
    private OversightRepresentations() {
    }

    record CopyInput(String from, String to) {
    }

    record PackageInput(List<DefaultRightRep> rights) {
    }

    record DefaultRightRep(String clientId, String right, String context) {
    }

    /**
     * @param actorName the acting person's full name, when the actor is a person the directory knows
     * @param people    the full names of the people the entry names ({@link AuditEntry#peopleNamed}), by id
     */
    record AuditRep(String id, String at, String actorPersonId, String actorName, String actorClientId, String role,
                    String organisationKey, String clientId, String action, String target,
                    Map<String, String> before, Map<String, String> after, Map<String, String> people) {
    }

    record AuditPage(List<AuditRep> items, String next) {
    }

    record GrantRep(String id, String personId, String clientId, String right, String organisationKey, String context,
                    String validFrom, String validTo, String status, String reason) {
    }

    record MissingRep(GrantRep source, boolean copyable, String reason) {
    }

    record ChangeRep(int line, String kind, String grantId, String personId, String clientId, String right) {
    }

    record PreviewRep(List<ChangeRep> changes, List<BulkRefusal> refusals, boolean applicable) {
    }

    record SignInRep(String day, String organisationKey, long count) {
    }

    static AuditRep audit(AuditEntry entry, DisplayNames.Names names) {
        return new AuditRep(entry.id(), entry.at().toString(), entry.actor().personId().orElse(null),
                entry.actor().personId().flatMap(names::person).orElse(null), entry.actor().clientId().orElse(null),
                entry.role(), entry.organisationKey().orElse(null),
                entry.clientId().orElse(null), entry.action(), entry.target(), entry.before(), entry.after(),
                entry.peopleNamed().stream().flatMap(id -> names.person(id).map(name -> Map.entry(id, name)).stream())
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    static GrantRep grant(Grant grant) {
        return new GrantRep(grant.id(), grant.personId(), grant.clientId(), grant.right(), grant.organisationKey(),
                grant.context().orElse(null), grant.validity().from().toString(),
                grant.validity().to().map(Object::toString).orElse(null), grant.status().code(), grant.reason().orElse(null));
    }

    static GrantRep grant(StoredGrant grant) {
        return grant(grant.grant());
    }

    static MissingRep missing(RightsComparison.Missing missing) {
        return new MissingRep(grant(missing.source()), missing.copyable(), missing.reason().orElse(null));
    }

    static Map<String, List<DefaultRightRep>> packages(Map<WorkRelationType, List<DefaultRight>> packages) {
        Map<String, List<DefaultRightRep>> out = new LinkedHashMap<>();
        packages.forEach((type, rights) -> out.put(type.code(), rights.stream()
                .map(r -> new DefaultRightRep(r.clientId(), r.right(), r.context().orElse(null))).toList()));
        return out;
    }

    static PreviewRep preview(BulkUpload.Preview preview) {
        return new PreviewRep(preview.changes().stream().map(c -> new ChangeRep(c.line(), c.kind().name().toLowerCase(
                java.util.Locale.ROOT), c.grantId().orElse(null), c.row().personId(), c.row().clientId(), c.row().right()))
                .toList(), preview.refusals(), preview.applicable());
    }

    static SignInRep signIns(SignInCounters.DayCount count) {
        return new SignInRep(count.day().toString(), count.organisationKey(), count.count());
    }
}
