package org.toegang.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toegang.core.model.ApprovalBy;
import org.toegang.core.model.DelegationRole;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.RequestStatus;
import org.toegang.core.model.Right;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelationRequest;
import org.toegang.core.model.WorkRelationType;

class AdministrationPolicyTest {
    static final String ORG = "0900000147";
    static final String OTHER = "0900000246";

    static final AdministratorRoles CENTRAL = new AdministratorRoles(Optional.empty(), true, Set.of(), Set.of(),
            Map.of(), Set.of(), Set.of());
    static final AdministratorRoles LEGAL = new AdministratorRoles(Optional.of("legal"), false, Set.of(ORG),
            Set.of(ORG), Map.of(), Set.of(), Set.of());
    static final AdministratorRoles HEAD = new AdministratorRoles(Optional.of("head"), false, Set.of(),
            Set.of(ORG), Map.of(), Set.of(), Set.of(ORG));
    static final AdministratorRoles LOCAL = new AdministratorRoles(Optional.of("local"), false, Set.of(), Set.of(),
            Map.of(ORG, Set.of()), Set.of(), Set.of(ORG));
    static final AdministratorRoles LOCAL_GEO = new AdministratorRoles(Optional.of("localGeo"), false, Set.of(),
            Set.of(), Map.of(ORG, Set.of("dv_geoportaal")), Set.of(), Set.of(ORG));
    static final AdministratorRoles OWNER = new AdministratorRoles(Optional.of("owner"), false, Set.of(), Set.of(),
            Map.of(), Set.of("dv_loket"), Set.of("OVO900001"));
    static final AdministratorRoles PERSON = new AdministratorRoles(Optional.of("person"), false, Set.of(), Set.of(),
            Map.of(), Set.of(), Set.of(ORG));
    static final AdministratorRoles OUTSIDER = AdministratorRoles.none(Optional.of("outsider"));

    static Stream<Arguments> grantingDvLoketAtOrg() {
        return Stream.of(
                Arguments.of("central administrator grants nothing", CENTRAL, false),
                Arguments.of("legal representative", LEGAL, true),
                Arguments.of("appointed head administrator", HEAD, true),
                Arguments.of("local administrator for every application", LOCAL, true),
                Arguments.of("local administrator limited to another application", LOCAL_GEO, false),
                Arguments.of("application owner outside its organisations", OWNER, false),
                Arguments.of("person who works there", PERSON, false),
                Arguments.of("person without any role", OUTSIDER, false));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("grantingDvLoketAtOrg")
    void grantsOnlyAsHeadOrCoveringLocalAdministrator(String who, AdministratorRoles roles, boolean allowed) {
        assertThat(new AdministrationPolicy(roles).mayGrant(ORG, "dv_loket")).isEqualTo(allowed);
        assertThat(new AdministrationPolicy(roles).mayGrant(OTHER, "dv_loket")).isFalse();
    }

    static Stream<Arguments> managingPeople() {
        return Stream.of(Arguments.of(CENTRAL, false), Arguments.of(LEGAL, true), Arguments.of(HEAD, true),
                Arguments.of(LOCAL, true), Arguments.of(LOCAL_GEO, true), Arguments.of(OWNER, false),
                Arguments.of(PERSON, false), Arguments.of(OUTSIDER, false));
    }

    @ParameterizedTest
    @MethodSource("managingPeople")
    void managesPeopleOnlyAsAnAdministratorOfTheOrganisation(AdministratorRoles roles, boolean allowed) {
        assertThat(new AdministrationPolicy(roles).mayManagePeopleOf(ORG)).isEqualTo(allowed);
        assertThat(new AdministrationPolicy(roles).mayManagePeopleOf(OTHER)).isFalse();
    }

    static Stream<Arguments> appointing() {
        return Stream.of(
                Arguments.of(LEGAL, DelegationRole.HEAD_ADMINISTRATOR, true),
                Arguments.of(LEGAL, DelegationRole.LOCAL_ADMINISTRATOR, true),
                Arguments.of(HEAD, DelegationRole.HEAD_ADMINISTRATOR, false),
                Arguments.of(HEAD, DelegationRole.LOCAL_ADMINISTRATOR, true),
                Arguments.of(LOCAL, DelegationRole.LOCAL_ADMINISTRATOR, false),
                Arguments.of(CENTRAL, DelegationRole.LOCAL_ADMINISTRATOR, false),
                Arguments.of(OWNER, DelegationRole.APPLICATION_ADMINISTRATOR, false));
    }

    @ParameterizedTest
    @MethodSource("appointing")
    void onlyHeadsAppointLocalAdministratorsAndOnlyLegalRepresentativesAppointHeads(AdministratorRoles roles,
                                                                                   DelegationRole role, boolean allowed) {
        assertThat(new AdministrationPolicy(roles).mayAppoint(ORG, role)).isEqualTo(allowed);
    }

    static final Right NEEDS_OWNER = new Right("dv_loket", "LoketBeheerder", Optional.empty(), java.util.List.of(), true,
            Optional.empty(), Set.of("LB"), ApprovalBy.OWNER);
    static final Right NEEDS_HEAD = new Right("dv_loket", "LoketBeheerder", Optional.empty(), java.util.List.of(), true,
            Optional.empty(), Set.of("LB"), ApprovalBy.HEAD_ADMINISTRATOR);
    static final Right PLAIN = new Right("dv_loket", "LoketGebruiker", Optional.empty(), java.util.List.of(), false,
            Optional.empty(), Set.of("LB"));

    static Grant request(String personId, String requestedBy) {
        return new Grant("g", personId, "dv_loket", "X", ORG, Optional.empty(), Validity.openEnded(Instant.EPOCH),
                GrantStatus.REQUESTED, Optional.empty(), Optional.of(requestedBy), Optional.empty());
    }

    static Stream<Arguments> deciding() {
        return Stream.of(
                Arguments.of("owner decides an owner-approved right", OWNER, NEEDS_OWNER, request("p", "p"), true),
                Arguments.of("head cannot decide an owner-approved right", HEAD, NEEDS_OWNER, request("p", "p"), false),
                Arguments.of("head decides a head-approved right", HEAD, NEEDS_HEAD, request("p", "p"), true),
                Arguments.of("owner cannot decide a head-approved right", OWNER, NEEDS_HEAD, request("p", "p"), false),
                Arguments.of("local administrator decides a plain request", LOCAL, PLAIN, request("p", "p"), true),
                Arguments.of("limited local administrator cannot", LOCAL_GEO, PLAIN, request("p", "p"), false),
                Arguments.of("nobody decides a request for themselves", OWNER, NEEDS_OWNER, request("owner", "x"), false),
                Arguments.of("nobody decides a request they made", HEAD, NEEDS_HEAD, request("p", "head"), false),
                Arguments.of("central administrator decides nothing", CENTRAL, NEEDS_OWNER, request("p", "p"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deciding")
    void decidesRequestsAsTheRightSaysAndNeverOwnOnes(String rule, AdministratorRoles roles, Right right, Grant request,
                                                      boolean allowed) {
        assertThat(new AdministrationPolicy(roles).mayDecide(request, right)).isEqualTo(allowed);
    }

    @Test
    void onlyTheCentralAdministratorRegisters() {
        assertThat(new AdministrationPolicy(CENTRAL).mayRegister()).isTrue();
        for (AdministratorRoles roles : new AdministratorRoles[] {LEGAL, HEAD, LOCAL, OWNER, PERSON, OUTSIDER}) {
            assertThat(new AdministrationPolicy(roles).mayRegister()).isFalse();
        }
    }

    @Test
    void aPersonRequestsOnlyForThemselvesForAnOrganisationTheyWorkFor() {
        AdministrationPolicy person = new AdministrationPolicy(PERSON);
        assertThat(person.mayRequestFor("person", ORG)).isTrue();
        assertThat(person.mayRequestFor("person", OTHER)).isFalse();
        assertThat(person.mayRequestFor("someone-else", ORG)).isFalse();
        assertThat(new AdministrationPolicy(LEGAL).mayRequestFor("legal", ORG)).isTrue();
    }

    @Test
    void onlyTheRequesterWithdrawsAnUndecidedRequest() {
        assertThat(new AdministrationPolicy(PERSON).mayWithdraw(request("person", "person"))).isTrue();
        assertThat(new AdministrationPolicy(LOCAL).mayWithdraw(request("person", "person"))).isFalse();
    }

    @Test
    void anApplicationOwnerSeesEveryGrantOfItsApplicationAndNothingElse() {
        AdministrationPolicy owner = new AdministrationPolicy(OWNER);
        Grant loket = request("p", "p");
        Grant geo = new Grant("h", "p", "dv_geoportaal", "GeoGebruiker", ORG, Optional.empty(),
                Validity.openEnded(Instant.EPOCH), GrantStatus.ACTIVE, Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(owner.maySeeGrant(loket)).isTrue();
        assertThat(owner.maySeeGrant(geo)).isFalse();
        assertThat(owner.mayManagePeopleOf(ORG)).isFalse();
        assertThat(owner.maySeeOrganisation(ORG)).isFalse();
    }

    @Test
    void aRefusalNamesTheActionOnly() {
        assertThatThrownBy(() -> AdministrationPolicy.require(false, "grant rights"))
                .isInstanceOf(AccessDeniedException.class).hasMessage("the caller may not grant rights");
        assertThatThrownBy(() -> new AdministrationPolicy(AdministratorRoles.none(Optional.empty())).requirePerson())
                .isInstanceOf(AccessDeniedException.class);
    }

    static WorkRelationRequest workRelationRequest(String personId, RequestStatus status) {
        return new WorkRelationRequest("r1", personId, ORG, WorkRelationType.EXTERNAL, Validity.openEnded(Instant.EPOCH),
                status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Stream<Arguments> decidingAWorkRelationRequestAtOrg() {
        return Stream.of(
                Arguments.of("central administrator", CENTRAL, false),
                Arguments.of("legal representative", LEGAL, true),
                Arguments.of("appointed head administrator", HEAD, true),
                Arguments.of("local administrator", LOCAL, true),
                Arguments.of("local administrator limited to an application (work relations are organisation-wide)",
                        LOCAL_GEO, true),
                Arguments.of("application owner", OWNER, false),
                Arguments.of("person who works there", PERSON, false),
                Arguments.of("person without any role", OUTSIDER, false));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("decidingAWorkRelationRequestAtOrg")
    void decidesWorkRelationRequestsAsTheOrganisationsAdministratorNeverOnesOwn(String who, AdministratorRoles roles,
                                                                                 boolean allowed) {
        AdministrationPolicy policy = new AdministrationPolicy(roles);
        assertThat(policy.mayDecide(workRelationRequest("someone", RequestStatus.REQUESTED))).isEqualTo(allowed);
        roles.personId().ifPresent(self ->
                assertThat(policy.mayDecide(workRelationRequest(self, RequestStatus.REQUESTED))).isFalse());
    }

    @Test
    void onlyThePersonWithdrawsTheirUndecidedWorkRelationRequest() {
        AdministrationPolicy person = new AdministrationPolicy(PERSON);
        assertThat(person.mayRequestWorkRelation("person")).isTrue();
        assertThat(person.mayRequestWorkRelation("someone")).isFalse();
        assertThat(person.mayWithdraw(workRelationRequest("person", RequestStatus.REQUESTED))).isTrue();
        assertThat(person.mayWithdraw(workRelationRequest("person", RequestStatus.REJECTED))).isFalse();
        assertThat(new AdministrationPolicy(LOCAL).mayWithdraw(workRelationRequest("person", RequestStatus.REQUESTED)))
                .isFalse();
        assertThat(new AdministrationPolicy(CENTRAL).mayRequestWorkRelation("person")).isFalse();
    }

    @Test
    void permissionsNameWhatTheRulesAllow() {
        AdministrationPolicy geo = new AdministrationPolicy(LOCAL_GEO);
        assertThat(geo.rolesIn(ORG)).containsExactly("localAdministrator", "employee");
        assertThat(geo.organisationActions(ORG, java.util.List.of("dv_loket", "dv_geoportaal")))
                .containsExactly("see", "managePeople", "decideWorkRelationRequests", "grant", "requestRight");
        assertThat(geo.grantable(ORG, java.util.List.of("dv_loket", "dv_geoportaal"))).containsExactly("dv_geoportaal");
        assertThat(new AdministrationPolicy(LEGAL).organisationActions(ORG, java.util.List.of("dv_loket")))
                .contains("appointHeadAdministrator", "appointLocalAdministrator", "appointApplicationAdministrator");
        assertThat(new AdministrationPolicy(HEAD).organisationActions(ORG, java.util.List.of()))
                .doesNotContain("appointHeadAdministrator", "grant");
        assertThat(new AdministrationPolicy(OWNER).applicationActions("dv_loket")).contains("defineRights", "seeGrants");
        assertThat(new AdministrationPolicy(OWNER).applicationActions("dv_geoportaal")).isEmpty();
        assertThat(new AdministrationPolicy(CENTRAL).generalActions())
                .containsExactly("registerOrganisations", "registerApplications", "setLegalRepresentatives");
        assertThat(new AdministrationPolicy(OUTSIDER).generalActions()).containsExactly("requestWorkRelation");
    }
}
