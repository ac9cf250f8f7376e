package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Grant;
import org.toegang.core.model.TargetGroup;
import org.toegang.core.role.ThreeDimensionalRoles;
import org.toegang.directory.DemoPeople;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.directory.SearchCountingProxy;

/** The repository against the real embedded directory holding the demo data of CONTRACT.md. */
class DirectoryRepositoryIT {
    static final String AN = DemoPeople.AN_PEETERS;
    static final String BART = DemoPeople.BART_CLAES;
    static final String CHRIS = DemoPeople.CHRIS_WOUTERS;
    static final String DINA = DemoPeople.DINA_MAES;
    static final String ELS = DemoPeople.ELS_JACOBS;

    @TempDir
    static Path data;
    static DemoDirectory demo;
    static EmbeddedDirectory embedded;
    static SearchCountingProxy proxy;
    static DirectoryRepository repository;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start(data);
        embedded = demo.embedded();
        proxy = demo.proxy();
        repository = demo.repository();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static Stream<Arguments> contractTable() {
        return Stream.of(
                Arguments.of(AN, "dv_geoportaal", List.of("GeoGebruiker-editor:OVO900001")),
                Arguments.of(AN, "dv_loket", List.of("LoketGebruiker:0900000147,0900000345")),
                Arguments.of(BART, "dv_loket", List.of("LoketGebruiker:0900000147")),
                Arguments.of(BART, "dv_geoportaal", List.of()),
                Arguments.of(CHRIS, "dv_loket", List.of("LoketGebruiker:0900000147,0900000246")),
                Arguments.of(CHRIS, "dv_geoportaal", List.of()),
                Arguments.of(DINA, "dv_loket", List.of()),
                Arguments.of(DINA, "dv_geoportaal", List.of()),
                Arguments.of(ELS, "dv_geoportaal", List.of("GeoGebruiker-lezer:0900000147", "GeoGebruiker-lezer:OVO900001")),
                Arguments.of(ELS, "dv_loket", List.of()));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("contractTable")
    void returnsExactlyTheActiveGrantsOfCONTRACT(String personId, String clientId, List<String> expectedRoles) {
        List<Grant> grants = repository.activeGrants(personId, clientId, Instant.now());
        CapacityScope scope = repository.findApplication(clientId).orElseThrow().capacityPer();
        var assignments = grants.stream().map(Grant::toRoleAssignment).toList();
        // Without a chosen capacity, the per-target-group form joins all of the person's organisations.
        var roles = scope == CapacityScope.ORGANISATION ? ThreeDimensionalRoles.perOrganisation(assignments)
                : ThreeDimensionalRoles.perTargetGroup(assignments);
        assertThat(roles).map(Object::toString).containsExactlyElementsOf(expectedRoles);
    }

    @Test
    void leavesOutBartsEndedRightAndChrisPendingRequest() {
        assertThat(repository.grantsOf(BART)).hasSize(2);
        assertThat(repository.activeGrants(BART, "dv_geoportaal", Instant.now())).isEmpty();
        assertThat(repository.grantsOf(CHRIS)).anyMatch(grant -> grant.right().equals("LoketBeheerder"));
        assertThat(repository.activeGrants(CHRIS, "dv_loket", Instant.now()))
                .noneMatch(grant -> grant.right().equals("LoketBeheerder"));
    }

    @Test
    void costsOneSearchForAPersonsActiveGrantsForOneApplication() {
        proxy.reset();
        repository.activeGrants(AN, "dv_loket", Instant.now());
        assertThat(proxy.searches()).isEqualTo(1);
    }

    /**
     * Validity is decided in core ({@code ActiveGrants}), never by a range in the filter: OpenLDAP
     * answers an open range on an indexed time attribute by walking that whole index (0.58 s per
     * person at 71,000 entries in {@code ProductionBenchmark}), and the answers would be the same,
     * so only the filters show it.
     */
    @Test
    void asksForRightsWithoutATimeRangeInAnyFilter() {
        Instant now = Instant.now();
        proxy.reset();
        repository.activeGrants(AN, "dv_loket", now);
        new RightsQuery(demo.directory()).activeGrantsByPerson(java.util.Optional.of("dv_loket"), now);
        new RightsQuery(demo.directory()).activeGrantsOf(List.of(AN, BART), java.util.Optional.empty(), now);
        new DirectoryReports(demo.directory()).endingWithin(java.util.Optional.of("0900000147"),
                java.util.Optional.empty(), java.time.Duration.ofDays(365), now, row -> { });

        assertThat(proxy.filters()).hasSizeGreaterThanOrEqualTo(4)
                .noneMatch(filter -> filter.contains("<=") || filter.contains(">="));
    }

    @Test
    void readsPeopleOrganisationsApplicationsAndRights() {
        var an = repository.findPersonByUsername("an.peeters").orElseThrow();
        assertThat(an.id()).isEqualTo(AN);
        assertThat(an.nationalRegisterNumber()).hasValueSatisfying(rrn -> assertThat(rrn.value()).isEqualTo("85031212362"));
        assertThat(repository.findPerson(CHRIS).orElseThrow().legalRepresentativeOf()).containsExactly("0900000246");
        assertThat(repository.organisations(List.of("0900000147", "OVO900001", "0000000000")))
                .extracting(org -> org.targetGroup()).containsExactlyInAnyOrder(TargetGroup.LB, TargetGroup.GID);
        var loket = repository.findApplication("dv_loket").orElseThrow();
        assertThat(loket.capacityPer()).isEqualTo(CapacityScope.TARGET_GROUP);
        assertThat(loket.openTo()).containsExactlyInAnyOrder(TargetGroup.LB, TargetGroup.EA);
        assertThat(repository.rights("dv_loket")).extracting(right -> right.name() + ":" + right.needsApproval())
                .containsExactlyInAnyOrder("LoketGebruiker:false", "LoketBeheerder:true");
        assertThat(repository.delegationsOf(BART)).singleElement()
                .satisfies(delegation -> assertThat(delegation.organisationKey()).isEqualTo("0900000147"));
    }

    @Test
    void escapesValuesSoThatCraftedInputCannotWidenASearch() {
        assertThat(repository.findPersonByUsername("x)(uid=*")).isEmpty();
        assertThat(repository.findPersonByUsername("*")).isEmpty();
        assertThat(repository.activeGrants("*", "*", Instant.now())).isEmpty();
        assertThat(repository.findOrganisation("*)(|(toegangOrganisationKey=*")).isEmpty();
    }

    @Test
    void saysClearlyWhenTheDirectoryIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> Directory.connect(new DirectoryConfig("ldap://127.0.0.1:" + closedPort,
                EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 1)))
                .isInstanceOf(DirectoryUnavailableException.class)
                .hasMessageStartingWith("Directory ldap://127.0.0.1:" + closedPort + " is unreachable");
        assertThatThrownBy(() -> Directory.connect(new DirectoryConfig(embedded.ldapUrl(),
                EmbeddedDirectory.ADMIN_DN, "wrong", EmbeddedDirectory.BASE_DN, 1)))
                .hasMessageContaining("refused the bind as uid=admin,ou=system (invalid credentials)");
    }
}
