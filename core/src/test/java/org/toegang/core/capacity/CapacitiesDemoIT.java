package org.toegang.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.toegang.core.directory.DemoDirectory;
import org.toegang.core.directory.DirectoryRepository;
import org.toegang.core.model.Application;
import org.toegang.core.model.Grant;
import org.toegang.directory.DemoPeople;
import org.toegang.directory.SearchCountingProxy;

/**
 * CONTRACT.md's people table at the level of the rules: the capacities and 3D roles core computes
 * from the real demo directory, without Keycloak. The launcher's ITs check the same end to end.
 */
class CapacitiesDemoIT {
    static final String AN = DemoPeople.AN_PEETERS;
    static final String BART = DemoPeople.BART_CLAES;
    static final String CHRIS = DemoPeople.CHRIS_WOUTERS;
    static final String DINA = DemoPeople.DINA_MAES;
    static final String ELS = DemoPeople.ELS_JACOBS;

    @TempDir
    static Path data;
    static DemoDirectory demo;
    static SearchCountingProxy proxy;
    static DirectoryRepository repository;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start(data);
        proxy = demo.proxy();
        repository = demo.repository();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** person, application, capacity ids offered (in order), roles of each capacity. */
    static Stream<Arguments> contractTable() {
        return Stream.of(
                Arguments.of(AN, "dv_geoportaal", List.of("GID:OVO900001"), List.of(List.of("GeoGebruiker-editor:OVO900001"))),
                Arguments.of(AN, "dv_loket", List.of("LB:0900000147,0900000345"),
                        List.of(List.of("LoketGebruiker:0900000147,0900000345"))),
                Arguments.of(BART, "dv_loket", List.of("LB:0900000147"), List.of(List.of("LoketGebruiker:0900000147"))),
                Arguments.of(BART, "dv_geoportaal", List.of(), List.of()),
                Arguments.of(CHRIS, "dv_loket", List.of("LB:0900000147", "EA:0900000246"),
                        List.of(List.of("LoketGebruiker:0900000147"), List.of("LoketGebruiker:0900000246"))),
                Arguments.of(DINA, "dv_loket", List.of(), List.of()),
                Arguments.of(DINA, "dv_geoportaal", List.of(), List.of()),
                Arguments.of(ELS, "dv_geoportaal", List.of("GID:OVO900001", "LB:0900000147"),
                        List.of(List.of("GeoGebruiker-lezer:OVO900001"), List.of("GeoGebruiker-lezer:0900000147"))));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("contractTable")
    void capacitiesAndRolesFollowTheContract(String person, String clientId, List<String> ids, List<List<String>> roles) {
        List<Grant> grants = repository.activeGrants(person, clientId, Instant.now());
        List<Capacity> capacities = capacities(clientId, grants);

        assertThat(capacities).extracting(Capacity::id).containsExactlyElementsOf(ids);
        assertThat(capacities).map(capacity -> Capacities.roles(capacity, grants)).containsExactlyElementsOf(roles);
    }

    @Test
    void elsTargetedAtTheMunicipalityGetsOnlyItsRole() {
        List<Grant> grants = repository.activeGrants(ELS, "dv_geoportaal", Instant.now());

        List<Capacity> hinted = LoginHint.parse(LoginHint.encode("LB", "0900000147"))
                .select(capacities("dv_geoportaal", grants));

        assertThat(hinted).singleElement().satisfies(capacity -> {
            assertThat(CapacityClaims.vo(ELS, capacity)).containsEntry("vo_orgcode", "0900000147")
                    .containsEntry("vo_doelgroepcode", "LB");
            assertThat(Capacities.roles(capacity, grants)).containsExactly("GeoGebruiker-lezer:0900000147");
        });
    }

    @Test
    void theRightsOfATokenTakeOneSearch() {
        proxy.reset();
        repository.activeGrants(AN, "dv_loket", Instant.now());
        assertThat(proxy.searches()).isEqualTo(1);
    }

    private static List<Capacity> capacities(String clientId, List<Grant> grants) {
        Application application = repository.findApplication(clientId).orElseThrow();
        return Capacities.of(application, grants,
                repository.organisations(grants.stream().map(Grant::organisationKey).distinct().toList()));
    }
}
