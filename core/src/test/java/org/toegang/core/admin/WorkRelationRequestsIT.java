package org.toegang.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.directory.DemoDirectory;
import org.toegang.core.directory.DirectoryAuditTrail;
import org.toegang.core.directory.StoreConflictException;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.DelegationRole;
import org.toegang.core.model.Person;
import org.toegang.core.model.RequestStatus;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationRequest;
import org.toegang.core.model.WorkRelationType;
import org.toegang.directory.DemoPeople;

/**
 * Over the embedded directory with the demo data: a person asks to work for an organisation and its
 * administrators decide; people search pages in the directory; what each demo role may do.
 */
class WorkRelationRequestsIT {
    @TempDir
    static Path data;
    static DemoDirectory demo;
    static Administration administration;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start(data);
        administration = new Administration(AdminStores.over(demo.directory(), demo.repository()),
                new DirectoryAuditTrail(demo.directory()));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static AdminContext as(String personId) {
        return administration.context(Caller.person(personId, "toegang-portal"), Instant.now());
    }

    static Versioned<WorkRelationRequest> ask(String personId, String organisationKey) {
        return administration.workRelationRequests().request(as(personId), organisationKey, WorkRelationType.EXTERNAL,
                Validity.openEnded(Instant.now()), Optional.of("I help out"));
    }

    @Test
    void anAdministratorApprovesAndTheWorkRelationExistsOnce() {
        WorkRelationRequestService requests = administration.workRelationRequests();
        Versioned<WorkRelationRequest> asked = ask(DemoPeople.DINA_MAES, "0900000147");
        assertThat(asked.value().status()).isEqualTo(RequestStatus.REQUESTED);
        assertThat(requests.ofOrganisation(as(DemoPeople.BART_CLAES), "0900000147", Optional.of(RequestStatus.REQUESTED)))
                .extracting(r -> r.value().id()).contains(asked.value().id());
        // an administrator of another organisation neither sees nor decides it
        assertThatThrownBy(() -> requests.ofOrganisation(as(DemoPeople.CHRIS_WOUTERS), "0900000147", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.decide(as(DemoPeople.CHRIS_WOUTERS), "0900000147", asked.value().id(),
                Optional.of(asked.revision()), true, "ok")).isInstanceOf(AccessDeniedException.class);
        // a stale ETag changes nothing
        assertThatThrownBy(() -> requests.decide(as(DemoPeople.BART_CLAES), "0900000147", asked.value().id(),
                Optional.of("stale"), true, "ok")).isInstanceOf(StoreConflictException.class);
        assertThat(workRelations(DemoPeople.DINA_MAES, "0900000147")).isEmpty();

        Versioned<WorkRelationRequest> approved = requests.decide(as(DemoPeople.BART_CLAES), "0900000147",
                asked.value().id(), Optional.of(asked.revision()), true, "welcome");
        assertThat(approved.value().status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(approved.value().decidedBy()).contains(DemoPeople.BART_CLAES);
        assertThat(approved.value().decisionReason()).contains("welcome");
        List<WorkRelation> relations = workRelations(DemoPeople.DINA_MAES, "0900000147");
        assertThat(relations).hasSize(1);
        assertThat(relations.get(0).type()).isEqualTo(WorkRelationType.EXTERNAL);
        assertThat(approved.value().workRelationId()).contains(relations.get(0).id());
        // the requester sees the outcome; deciding again is a conflict and creates nothing
        assertThat(requests.get(as(DemoPeople.DINA_MAES), Optional.empty(), asked.value().id()).value().status())
                .isEqualTo(RequestStatus.APPROVED);
        assertThatThrownBy(() -> requests.decide(as(DemoPeople.BART_CLAES), "0900000147", asked.value().id(),
                Optional.of(approved.revision()), false, "again"))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RefusedException.Kind.CONFLICT);
                    assertThat(e.errors()).extracting(RefusedException.FieldError::field).containsExactly("status");
                });
        assertThat(workRelations(DemoPeople.DINA_MAES, "0900000147")).hasSize(1);
        // she works there now: asking again is refused naming the organisation
        assertThatThrownBy(() -> ask(DemoPeople.DINA_MAES, "0900000147")).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.errors()).extracting(RefusedException.FieldError::field).containsExactly("organisationKey"));
    }

    @Test
    void aRejectionCreatesNothingAndTheRequesterSeesWhy() {
        Versioned<WorkRelationRequest> asked = ask(DemoPeople.ELS_JACOBS, "0900000246");
        Versioned<WorkRelationRequest> rejected = administration.workRelationRequests().decide(
                as(DemoPeople.CHRIS_WOUTERS), "0900000246", asked.value().id(), Optional.of(asked.revision()), false,
                "we do not know you");
        assertThat(rejected.value().status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(workRelations(DemoPeople.ELS_JACOBS, "0900000246")).isEmpty();
        WorkRelationRequest seen = administration.workRelationRequests().own(as(DemoPeople.ELS_JACOBS)).stream()
                .map(Versioned::value).filter(r -> r.id().equals(asked.value().id())).findFirst().orElseThrow();
        assertThat(seen.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(seen.decisionReason()).contains("we do not know you");
        // a reason is required
        Versioned<WorkRelationRequest> other = ask(DemoPeople.ELS_JACOBS, "0900000246");
        assertThatThrownBy(() -> administration.workRelationRequests().decide(as(DemoPeople.CHRIS_WOUTERS), "0900000246",
                other.value().id(), Optional.of(other.revision()), false, " "))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.errors()).extracting(RefusedException.FieldError::field).containsExactly("reason"));
    }

    @Test
    void onlyTheRequesterWithdrawsAndOnlyWhileUndecided() {
        Versioned<WorkRelationRequest> asked = ask(DemoPeople.DINA_MAES, "0900000345");
        assertThatThrownBy(() -> ask(DemoPeople.DINA_MAES, "0900000345")).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.kind()).isEqualTo(RefusedException.Kind.CONFLICT));
        assertThatThrownBy(() -> administration.workRelationRequests().withdraw(as(DemoPeople.BART_CLAES),
                asked.value().id(), Optional.of(asked.revision()))).isInstanceOf(AccessDeniedException.class);
        Versioned<WorkRelationRequest> withdrawn = administration.workRelationRequests().withdraw(
                as(DemoPeople.DINA_MAES), asked.value().id(), Optional.of(asked.revision()));
        assertThat(withdrawn.value().status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThatThrownBy(() -> administration.workRelationRequests().withdraw(as(DemoPeople.DINA_MAES),
                asked.value().id(), Optional.of(withdrawn.revision()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodyDecidesTheirOwnRequestNotEvenAnAdministrator() {
        // Chris heads 0900000246 as its legal representative but has no work relation with it
        Versioned<WorkRelationRequest> asked = ask(DemoPeople.CHRIS_WOUTERS, "0900000246");
        assertThatThrownBy(() -> administration.workRelationRequests().decide(as(DemoPeople.CHRIS_WOUTERS), "0900000246",
                asked.value().id(), Optional.of(asked.revision()), true, "me")).isInstanceOf(AccessDeniedException.class);
        administration.delegations().appoint(as(DemoPeople.CHRIS_WOUTERS), "0900000246", DemoPeople.BART_CLAES,
                DelegationRole.LOCAL_ADMINISTRATOR, Set.of(), Validity.openEnded(Instant.now().minusSeconds(5)));
        Versioned<WorkRelationRequest> approved = administration.workRelationRequests().decide(as(DemoPeople.BART_CLAES),
                "0900000246", asked.value().id(), Optional.of(asked.revision()), true, "yes");
        assertThat(approved.value().status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void anUnknownOrganisationOrAnAccountWithoutPersonIsRefused() {
        assertThatThrownBy(() -> ask(DemoPeople.DINA_MAES, "0999999999")).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.errors()).extracting(RefusedException.FieldError::field).containsExactly("organisationKey"));
        AdminContext central = administration.context(Caller.centralAdministrator(Optional.empty(), "toegang-portal"),
                Instant.now());
        assertThatThrownBy(() -> administration.workRelationRequests().request(central, "0900000147",
                WorkRelationType.EXTERNAL, Validity.openEnded(Instant.now()), Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void peopleSearchPagesInTheDirectoryWithoutDuplicatesAndEscapesTheFilter() {
        AdminContext bart = as(DemoPeople.BART_CLAES);
        PeopleService.PeopleQuery everyone = new PeopleService.PeopleQuery(Optional.empty(), Optional.empty(), Optional.empty());
        List<String> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Person> page = administration.people().search(bart, "0900000147", everyone, cursor, Optional.of(1));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(1);
            page.items().forEach(p -> paged.add(p.id()));
            cursor = page.next();
        } while (cursor.isPresent());
        Set<String> expected = new HashSet<>();
        administration.people().workRelations(bart, "0900000147").forEach(w -> expected.add(w.value().personId()));
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(paged).contains(DemoPeople.BART_CLAES, DemoPeople.ELS_JACOBS, DemoPeople.AN_PEETERS);

        assertThat(names(bart, "els JACOBS")).containsExactly(DemoPeople.ELS_JACOBS);
        assertThat(names(bart, "*")).isEmpty();
        assertThat(names(bart, "*)(uid=*")).isEmpty();
        assertThat(names(bart, "\\2a")).isEmpty();
        // Dina exists, but not in this organisation
        assertThat(names(bart, "Dina")).isEmpty();
        Page<Person> byNumber = administration.people().search(bart, "0900000147", new PeopleService.PeopleQuery(
                Optional.empty(), Optional.of("68010900791"), Optional.empty()), Optional.empty(), Optional.empty());
        assertThat(byNumber.items()).extracting(Person::id).containsExactly(DemoPeople.ELS_JACOBS);
        assertThatThrownBy(() -> administration.people().search(bart, "0900000147", new PeopleService.PeopleQuery(
                Optional.empty(), Optional.of("6801*"), Optional.empty()), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.errors())
                        .extracting(RefusedException.FieldError::field).containsExactly("nationalRegisterNumber"));
    }

    @Test
    void permissionsFollowThePolicyPerOrganisationAndApplication() {
        SelfService.Permissions bart = administration.self().permissions(as(DemoPeople.BART_CLAES));
        SelfService.OrganisationPermissions demodorp = bart.organisations().stream()
                .filter(o -> o.key().equals("0900000147")).findFirst().orElseThrow();
        assertThat(demodorp.name()).isEqualTo("Gemeente Demodorp");
        assertThat(demodorp.roles()).contains("localAdministrator", "employee");
        assertThat(demodorp.actions()).contains("managePeople", "grant", "decideWorkRelationRequests", "requestRight")
                .doesNotContain("appointLocalAdministrator", "appointHeadAdministrator");
        assertThat(bart.applications()).isEmpty();

        SelfService.Permissions chris = administration.self().permissions(as(DemoPeople.CHRIS_WOUTERS));
        assertThat(chris.organisations().stream().filter(o -> o.key().equals("0900000246")).findFirst().orElseThrow()
                .actions()).contains("appointHeadAdministrator", "appointLocalAdministrator", "grant");

        SelfService.Permissions dina = administration.self().permissions(as(DemoPeople.DINA_MAES));
        // (another test of this class may have made her an employee somewhere: never more than that)
        dina.organisations().forEach(o -> assertThat(o.actions()).isSubsetOf("see", "requestRight"));
        assertThat(dina.actions()).containsExactly("requestWorkRelation");

        SelfService.Permissions an = administration.self().permissions(as(DemoPeople.AN_PEETERS));
        assertThat(an.applications()).extracting(SelfService.ApplicationPermissions::clientId)
                .containsExactly("dv_geoportaal", "dv_loket");
        assertThat(an.applications().get(0).actions()).contains("defineRights", "seeGrants");
    }

    private static List<String> names(AdminContext context, String name) {
        return administration.people().search(context, "0900000147", new PeopleService.PeopleQuery(Optional.of(name),
                Optional.empty(), Optional.empty()), Optional.empty(), Optional.empty()).items().stream()
                .map(Person::id).toList();
    }

    private static List<WorkRelation> workRelations(String personId, String organisationKey) {
        return demo.repository().workRelationsOf(personId).stream()
                .filter(w -> w.organisationKey().equals(organisationKey)).toList();
    }
}
