package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toegang.core.directory.Eventually.await;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.admin.AdminStores;
import org.toegang.core.admin.Administration;
import org.toegang.core.admin.Caller;
import org.toegang.core.audit.AuditTrail;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.directory.DemoPeople;

/**
 * Rosters read before anybody lists them: every organisation's once the change feed is live, and
 * those a caller may list the people of when they look at their organisations, only those.
 */
class RosterPrefetchIT {
    private static final String BARTS_ORGANISATION = "0900000147";

    @TempDir
    static Path data;
    static DemoDirectory demo;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start(data);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void readsEveryOrganisationsRosterOnceTheFeedIsLiveWithoutAnyListing() {
        OrganisationRosters rosters = new OrganisationRosters(100_000);
        List<String> organisations = organisations();
        assertThat(organisations).contains(BARTS_ORGANISATION, "0900000246");
        try (RosterPrefetch prefetch = new RosterPrefetch(demo.directory(), rosters);
             DirectoryChanges changes = DirectoryChanges.follow(demo.directory(),
                     DirectoryChanges.Listener.both(rosters, prefetch))) {
            await("every organisation's roster kept", () -> organisations.stream()
                    .allMatch(key -> rosters.get(key).isPresent()));
            assertThat(rosters.get(BARTS_ORGANISATION).orElseThrow().roster().people()).extracting(Person::id)
                    .as("read from the directory: its people, as a listing reads them")
                    .containsExactlyInAnyOrderElementsOf(listed(BARTS_ORGANISATION));

            // as the feed tells a lost connection and its return, which drops every roster
            rosters.interrupted();
            assertThat(rosters.get(BARTS_ORGANISATION)).isEmpty();
            rosters.live();
            prefetch.live();
            await("every organisation's roster read again", () -> organisations.stream()
                    .allMatch(key -> rosters.get(key).isPresent()));
        }
    }

    @Test
    void readsOnlyIntoTheRoomTheRostersHaveLeftAndNeverDropsAListedOne() {
        int barts = listed(BARTS_ORGANISATION).size();
        List<String> larger = organisations().stream()
                .filter(key -> !key.equals(BARTS_ORGANISATION) && listed(key).size() > 1).toList();
        assertThat(larger).as("organisations larger than the room left").isNotEmpty();
        OrganisationRosters rosters = new OrganisationRosters(barts + 1);
        OrganisationPeople people = new OrganisationPeople(demo.directory(), rosters);
        try (RosterPrefetch prefetch = new RosterPrefetch(demo.directory(), rosters);
             DirectoryChanges changes = DirectoryChanges.follow(demo.directory(), rosters)) {
            await("the feed is live", () -> rosters.ticket().isPresent());
            people.first(BARTS_ORGANISATION, new OrganisationPeople.Criteria(Optional.empty(), Optional.empty(),
                    Optional.empty()), Optional.empty(), 50, Person::id);
            assertThat(rosters.get(BARTS_ORGANISATION)).as("kept by its listing").isPresent();
            prefetch.live(); // as the feed tells it when it becomes live
            await("the prefetch is done", prefetch::idle);
            assertThat(rosters.get(BARTS_ORGANISATION)).as("the listed roster stays").isPresent();
            assertThat(larger).allSatisfy(key -> assertThat(rosters.get(key)).as(key).isEmpty());
        }
    }

    @Test
    void readsTheRostersOfTheOrganisationsACallerMayListWhenTheyLookAtThem() {
        OrganisationRosters rosters = new OrganisationRosters(100_000);
        // the feed without the prefetch as its listener: no organisation is read at its start
        try (RosterPrefetch prefetch = new RosterPrefetch(demo.directory(), rosters);
             DirectoryChanges changes = DirectoryChanges.follow(demo.directory(), rosters)) {
            await("the feed is live", () -> rosters.ticket().isPresent());
            Administration administration = new Administration(AdminStores.over(demo.directory(), demo.repository(),
                    rosters, prefetch), AuditTrail.none());
            administration.self().permissions(administration.context(Caller.person(DemoPeople.DINA_MAES, "toegang-portal"),
                    Instant.now()));
            await("the prefetch is done", prefetch::idle);
            assertThat(rosters.get(BARTS_ORGANISATION)).as("Dina administers nothing").isEmpty();

            administration.self().permissions(administration.context(Caller.person(DemoPeople.BART_CLAES, "toegang-portal"),
                    Instant.now()));
            await("Bart's organisation read", () -> rosters.get(BARTS_ORGANISATION).isPresent());
            await("the prefetch is done", prefetch::idle);
            assertThat(rosters.get("0900000246")).as("not Bart's to list").isEmpty();
        }
    }

    private static List<String> organisations() {
        return new RegistryStore(demo.directory()).organisations().stream().map(Versioned::value)
                .map(Organisation::key).toList();
    }

    private static List<String> listed(String organisation) {
        return new OrganisationPeople(demo.directory()).first(organisation, new OrganisationPeople.Criteria(
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 1_000, Person::id)
                .stream().map(Person::id).toList();
    }
}
