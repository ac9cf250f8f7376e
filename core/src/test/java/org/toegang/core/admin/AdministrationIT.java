package org.toegang.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.audit.AuditEntry;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.directory.DemoDirectory;
import org.toegang.core.directory.StoreConflictException;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.Validity;
import org.toegang.directory.DemoPeople;

/** The administration services over the embedded directory with the demo data: revisions, rules, audit. */
class AdministrationIT {
    @TempDir
    static Path data;
    static DemoDirectory demo;
    static Administration administration;
    static final List<AuditEntry> RECORDED = new ArrayList<>();

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start(data);
        AuditTrail trail = new AuditTrail() {
            @Override
            public void record(AuditEntry entry) {
                synchronized (RECORDED) {
                    RECORDED.add(entry);
                }
            }

            @Override
            public List<AuditEntry> forOrganisation(String key, Optional<Instant> since, Optional<String> after, int limit) {
                return List.of();
            }

            @Override
            public List<AuditEntry> forApplication(String clientId, Optional<Instant> since, Optional<String> after, int limit) {
                return List.of();
            }

            @Override
            public List<AuditEntry> forTarget(String target, int limit) {
                return List.of();
            }
        };
        administration = new Administration(AdminStores.over(demo.directory(), demo.repository()), trail);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static AdminContext as(String personId) {
        return administration.context(Caller.person(personId, "toegang-portal"), Instant.now());
    }

    @Test
    void aChangeMadeAgainstAStaleRevisionIsRefusedAndLosesNothing() {
        AdminContext bart = as(DemoPeople.BART_CLAES);
        StoredGrant granted = administration.grants().grant(bart, "0900000147", new GrantService.GrantDraft(
                DemoPeople.ELS_JACOBS, "dv_loket", "LoketGebruiker", Optional.empty(),
                Validity.openEnded(Instant.now()), Optional.of("test")));
        Validity first = Validity.between(Instant.now(), Instant.now().plus(10, ChronoUnit.DAYS));
        StoredGrant changed = administration.grants().changeValidity(bart, "0900000147", granted.id(),
                Optional.of(granted.revision()), first);
        assertThat(changed.revision()).isNotEqualTo(granted.revision());
        assertThatThrownBy(() -> administration.grants().changeValidity(bart, "0900000147", granted.id(),
                Optional.of(granted.revision()), Validity.openEnded(Instant.now())))
                .isInstanceOf(StoreConflictException.class)
                .satisfies(e -> assertThat(((StoreConflictException) e).kind()).isEqualTo(StoreConflictException.Kind.STALE_VERSION));
        assertThat(administration.grants().get(bart, "0900000147", granted.id()).grant().validity()).isEqualTo(
                new Validity(first.from().truncatedTo(ChronoUnit.MILLIS), first.to().map(t -> t.truncatedTo(ChronoUnit.MILLIS))));
    }

    @Test
    void anEntryWithoutRevisionGetsOneAtItsFirstGuardedChange() {
        AdminContext bart = as(DemoPeople.BART_CLAES);
        String demoGrant = "09616c73-9380-45c1-88e1-9d7ac85ad952";
        StoredGrant current = administration.grants().get(bart, "0900000147", demoGrant);
        assertThat(current.revision()).isEqualTo("0");
        StoredGrant changed = administration.grants().changeValidity(bart, "0900000147", demoGrant, Optional.of("0"),
                current.grant().validity());
        assertThat(changed.revision()).isNotEqualTo("0");
        assertThatThrownBy(() -> administration.grants().changeValidity(bart, "0900000147", demoGrant, Optional.of("0"),
                current.grant().validity())).isInstanceOf(StoreConflictException.class);
    }

    @Test
    void aRightThatNeedsApprovalBecomesARequestThatItsOwnerDecidesOnce() {
        AdminContext bart = as(DemoPeople.BART_CLAES);
        int before = RECORDED.size();
        StoredGrant request = administration.grants().grant(bart, "0900000147", new GrantService.GrantDraft(
                DemoPeople.ELS_JACOBS, "dv_loket", "LoketBeheerder", Optional.empty(),
                Validity.between(Instant.now(), Instant.now().plus(30, ChronoUnit.DAYS)), Optional.of("counter")));
        assertThat(request.grant().status()).isEqualTo(GrantStatus.REQUESTED);
        assertThat(administration.requests().inbox(bart)).extracting(StoredGrant::id).doesNotContain(request.id());
        AdminContext an = as(DemoPeople.AN_PEETERS);
        assertThat(administration.requests().inbox(an)).extracting(StoredGrant::id).contains(request.id());
        StoredGrant approved = administration.requests().decide(an, request.id(), Optional.of(request.revision()), true, "ok");
        assertThat(approved.grant().status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(approved.decisionReason()).hasValue("ok");
        assertThatThrownBy(() -> administration.requests().decide(an, request.id(), Optional.empty(), false, "no"))
                .isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).errors().get(0).field()).isEqualTo("status"));
        assertThat(RECORDED.subList(before, RECORDED.size())).extracting(AuditEntry::action)
                .containsExactly("request.create", "request.approve");
        assertThat(RECORDED.get(RECORDED.size() - 1).role()).isEqualTo("applicationOwner");
    }

    @Test
    void endingAWorkRelationMakesItsGrantsStopCountingAtOnce() {
        AdminContext bart = as(DemoPeople.BART_CLAES);
        PeopleService.Added added = administration.people().add(bart, "0900000147", "90010100519", "Wim", "Werk",
                Optional.empty(), org.toegang.core.model.WorkRelationType.OCCASIONAL, Validity.openEnded(Instant.now().minusSeconds(60)));
        StoredGrant grant = administration.grants().grant(bart, "0900000147", new GrantService.GrantDraft(
                added.person().id(), "dv_loket", "LoketGebruiker", Optional.empty(),
                Validity.openEnded(Instant.now().minusSeconds(30)), Optional.empty()));
        assertThat(administration.grants().marks(List.of(grant), Instant.now()).get(grant.id()).countsNow()).isTrue();
        administration.people().end(bart, "0900000147", added.workRelation().value().id(),
                Optional.of(added.workRelation().revision()));
        GrantMarks marks = administration.grants().marks(List.of(grant), Instant.now().plusSeconds(1)).get(grant.id());
        assertThat(marks.countsNow()).isFalse();
        assertThat(marks.workRelationEnded()).isTrue();
        assertThat(demo.repository().activeGrants(added.person().id(), "dv_loket", Instant.now().plusSeconds(1))).isEmpty();
    }

    /** The walk that sorts reads only names and ids; every person on the page still arrives whole, in name order. */
    @Test
    void listsTheOrganisationsPeopleWholeInNameOrder() {
        var page = administration.people().search(as(DemoPeople.BART_CLAES), "0900000147",
                new PeopleService.PeopleQuery(Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(),
                Optional.of(50));

        assertThat(page.items()).isNotEmpty().isSortedAccordingTo(
                java.util.Comparator.comparing(PeopleService::sortKey));
        for (var person : page.items()) {
            assertThat(person).as(person.username()).isEqualTo(demo.repository().findPerson(person.id()).orElseThrow());
        }
        assertThat(page.items()).anySatisfy(person -> {
            assertThat(person.email()).isPresent();
            assertThat(person.nationalRegisterNumber()).isPresent();
        });
        // a legal representative belongs without a work relation; he too arrives whole
        var represented = administration.people().search(as(DemoPeople.CHRIS_WOUTERS), "0900000246",
                new PeopleService.PeopleQuery(Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(),
                Optional.of(50));
        assertThat(represented.items()).contains(demo.repository().findPerson(DemoPeople.CHRIS_WOUTERS).orElseThrow());
    }

    @Test
    void anEndedDelegationGivesNoPower() {
        AdminContext chris = as(DemoPeople.CHRIS_WOUTERS);
        var delegation = administration.delegations().appoint(chris, "0900000246", DemoPeople.DINA_MAES,
                org.toegang.core.model.DelegationRole.LOCAL_ADMINISTRATOR, java.util.Set.of(),
                Validity.between(Instant.now().minus(2, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS)));
        assertThat(delegation.value().organisationKey()).isEqualTo("0900000246");
        assertThat(as(DemoPeople.DINA_MAES).policy().mayManagePeopleOf("0900000246")).isFalse();
        assertThatThrownBy(() -> administration.people().search(as(DemoPeople.DINA_MAES), "0900000246",
                new PeopleService.PeopleQuery(Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(),
                Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
