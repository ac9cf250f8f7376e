package org.toegang.keycloak.admin.representation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.toegang.core.admin.AdministratorRoles;
import org.toegang.core.admin.DisplayNames;
import org.toegang.core.admin.GrantMarks;
import org.toegang.core.admin.Page;
import org.toegang.core.admin.SelfService;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Application;
import org.toegang.core.model.Delegation;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.core.model.Right;
import org.toegang.core.model.TargetGroup;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationRequest;

/**
 * The JSON the API answers: records made from core's values, never the values themselves, so the
 * wire format is this file and the OpenAPI document. Absent values are {@code null} (left out).
 */
public final class Representations {
    private Representations() {
    }

    public record OrganisationRep(String key, String name, String targetGroup, String parentKey, String etag) {
    }

    public record PersonRep(String id, String username, String givenName, String familyName, String email,
                            String nationalRegisterNumber, Set<String> legalRepresentativeOf) {
    }

    /** A person as a colleague sees them (whom to ask): no national register number. */
    public record ContactRep(String id, String givenName, String familyName, String email) {
    }

    /** @param personName and {@code organisationName}: display names, in lists and single answers where known */
    public record WorkRelationRep(String id, String personId, String organisationKey, String type, String validFrom,
                                  String validTo, boolean validNow, String etag, String personName,
                                  String organisationName) {
    }

    /**
     * @param countsNow whether the grant appears in tokens now
     * @param workRelationEnded an active, running grant that does not count because the person's work relation ended
     */
    public record GrantRep(String id, String personId, String clientId, String right, String organisationKey,
                           String context, String validFrom, String validTo, String status, String reason,
                           String grantedBy, String decidedBy, String decisionReason, String role3d,
                           Boolean countsNow, Boolean workRelationEnded, String etag, String personName,
                           String organisationName, String applicationName) {
    }

    public record DelegationRep(String id, String personId, String organisationKey, String role,
                                Set<String> limitedToClientIds, String validFrom, String validTo, boolean validNow,
                                String etag, String personName) {
    }

    /** A request to work for an organisation, with display names. */
    public record WorkRelationRequestRep(String id, String personId, String personName, String organisationKey,
                                         String organisationName, String type, String validFrom, String validTo,
                                         String status, String reason, String decidedBy, String decidedByName,
                                         String decisionReason, String workRelationId, String etag) {
    }

    /** What the caller may do: {@code GET /me/permissions}. */
    public record PermissionsRep(String personId, List<String> actions, List<OrganisationPermissionsRep> organisations,
                                 List<ApplicationPermissionsRep> applications) {
    }

    public record OrganisationPermissionsRep(String key, String name, List<String> roles, List<String> actions,
                                             List<String> grantableClientIds) {
    }

    public record ApplicationPermissionsRep(String clientId, String name, List<String> actions) {
    }

    public record ApplicationRep(String clientId, String name, String ownerOrganisationKey, String capacityPer,
                                 Set<String> openTo, String etag) {
    }

    public record RightRep(String clientId, String name, String description, List<String> contextValues,
                           boolean needsApproval, String needsApprovalBy, Integer maximumDays, Set<String> grantableBy,
                           String etag) {
    }

    public record PageRep<T>(List<T> items, String next) {
    }

    public record RolesRep(boolean centralAdministrator, Set<String> legalRepresentativeOf,
                           Set<String> headAdministratorOf, Map<String, Set<String>> localAdministratorOf,
                           Set<String> ownedApplications, Set<String> worksFor) {
    }

    public record MeRep(PersonRep person, RolesRep roles, List<OrganisationRep> organisations,
                        List<WorkRelationRep> workRelations, List<GrantRep> rights, List<GrantRep> requests,
                        Map<String, List<ContactRep>> administrators, List<WorkRelationRequestRep> workRelationRequests) {
    }

    public record AddedPersonRep(PersonRep person, boolean created, WorkRelationRep workRelation) {
    }

    /** The outcome of a bulk change: how many, and each grant's new ETag (kept small: it is stored for replays). */
    public record BulkResultRep(int changed, List<ChangedRep> grants) {
    }

    public record ChangedRep(String id, String etag) {
    }

    // --- from core values

    public static OrganisationRep organisation(Versioned<Organisation> versioned) {
        return organisation(versioned.value(), versioned.revision());
    }

    public static OrganisationRep organisation(Organisation o, String revision) {
        return new OrganisationRep(o.key(), o.name(), o.targetGroup().code(), o.parentKey().orElse(null), revision);
    }

    public static PersonRep person(Person p) {
        return new PersonRep(p.id(), p.username(), p.givenName(), p.familyName(), p.email().orElse(null),
                p.nationalRegisterNumber().map(n -> n.value()).orElse(null), p.legalRepresentativeOf());
    }

    public static ContactRep contact(Person p) {
        return new ContactRep(p.id(), p.givenName(), p.familyName(), p.email().orElse(null));
    }

    public static WorkRelationRep workRelation(Versioned<WorkRelation> versioned, Instant now) {
        return workRelation(versioned.value(), versioned.revision(), now, DisplayNames.Names.NONE);
    }

    public static WorkRelationRep workRelation(Versioned<WorkRelation> versioned, Instant now, DisplayNames.Names names) {
        return workRelation(versioned.value(), versioned.revision(), now, names);
    }

    public static WorkRelationRep workRelation(WorkRelation w, String revision, Instant now) {
        return workRelation(w, revision, now, DisplayNames.Names.NONE);
    }

    public static WorkRelationRep workRelation(WorkRelation w, String revision, Instant now, DisplayNames.Names names) {
        return new WorkRelationRep(w.id(), w.personId(), w.organisationKey(), w.type().code(),
                w.validity().from().toString(), w.validity().to().map(Instant::toString).orElse(null),
                w.validity().contains(now), revision, names.person(w.personId()).orElse(null),
                names.organisation(w.organisationKey()).orElse(null));
    }

    public static WorkRelationRequestRep workRelationRequest(Versioned<WorkRelationRequest> versioned,
                                                             DisplayNames.Names names) {
        WorkRelationRequest r = versioned.value();
        return new WorkRelationRequestRep(r.id(), r.personId(), names.person(r.personId()).orElse(null),
                r.organisationKey(), names.organisation(r.organisationKey()).orElse(null), r.type().code(),
                r.validity().from().toString(), r.validity().to().map(Instant::toString).orElse(null), r.status().code(),
                r.reason().orElse(null), r.decidedBy().orElse(null), r.decidedBy().flatMap(names::person).orElse(null),
                r.decisionReason().orElse(null), r.workRelationId().orElse(null), versioned.revision());
    }

    public static PermissionsRep permissions(SelfService.Permissions p) {
        return new PermissionsRep(p.personId().orElse(null), p.actions(), p.organisations().stream()
                .map(o -> new OrganisationPermissionsRep(o.key(), o.name(), o.roles(), o.actions(), o.grantableClientIds()))
                .toList(), p.applications().stream()
                .map(a -> new ApplicationPermissionsRep(a.clientId(), a.name(), a.actions())).toList());
    }

    public static GrantRep grant(StoredGrant stored, GrantMarks marks) {
        return grant(stored, marks, DisplayNames.Names.NONE);
    }

    public static GrantRep grant(StoredGrant stored, GrantMarks marks, DisplayNames.Names names) {
        Grant g = stored.grant();
        return new GrantRep(g.id(), g.personId(), g.clientId(), g.right(), g.organisationKey(), g.context().orElse(null),
                g.validity().from().toString(), g.validity().to().map(Instant::toString).orElse(null),
                g.status().code(), g.reason().orElse(null), g.grantedBy().orElse(null), g.decidedBy().orElse(null),
                stored.decisionReason().orElse(null), role3d(g),
                marks == null ? null : marks.countsNow(), marks == null ? null : marks.workRelationEnded(),
                stored.revision(), names.person(g.personId()).orElse(null),
                names.organisation(g.organisationKey()).orElse(null), names.application(g.clientId()).orElse(null));
    }

    private static String role3d(Grant grant) {
        try {
            return grant.toThreeDimensionalRole().toString();
        } catch (org.toegang.core.ValidationException e) {
            return null; // a grant written around the API that no token could carry either
        }
    }

    public static DelegationRep delegation(Versioned<Delegation> versioned, Instant now) {
        return delegation(versioned, now, DisplayNames.Names.NONE);
    }

    public static DelegationRep delegation(Versioned<Delegation> versioned, Instant now, DisplayNames.Names names) {
        Delegation d = versioned.value();
        return new DelegationRep(d.id(), d.personId(), d.organisationKey(), d.role().code(), d.limitedToClientIds(),
                d.validity().map(v -> v.from().toString()).orElse(null),
                d.validity().flatMap(v -> v.to()).map(Instant::toString).orElse(null),
                d.validity().map(v -> v.contains(now)).orElse(true), versioned.revision(),
                names.person(d.personId()).orElse(null));
    }

    public static ApplicationRep application(Versioned<Application> versioned) {
        Application a = versioned.value();
        return new ApplicationRep(a.clientId(), a.name(), a.ownerOrganisationKey(), a.capacityPer().code(),
                a.openTo().stream().map(TargetGroup::code).collect(Collectors.toCollection(java.util.TreeSet::new)),
                versioned.revision());
    }

    public static RightRep right(Versioned<Right> versioned) {
        Right r = versioned.value();
        return new RightRep(r.clientId(), r.name(), r.description().orElse(null), r.contextValues(), r.needsApproval(),
                r.needsApproval() ? r.approvalBy().code() : null,
                r.maximumDuration().map(d -> (int) d.toDays()).orElse(null), r.grantableBy(), versioned.revision());
    }

    public static RolesRep roles(AdministratorRoles r) {
        return new RolesRep(r.centralAdministrator(), r.legalRepresentativeOf(), r.headAdministratorOf(),
                r.localAdministratorOf(), r.ownedApplications(), r.worksFor());
    }

    public static <T, R> PageRep<R> page(Page<T> page, java.util.function.Function<T, R> mapper) {
        return new PageRep<>(page.items().stream().map(mapper).toList(), page.next().orElse(null));
    }

    public static <T> List<T> list(Collection<T> values) {
        return List.copyOf(values);
    }
}
