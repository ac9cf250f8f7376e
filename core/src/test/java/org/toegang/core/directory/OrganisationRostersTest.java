package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toegang.core.model.Person;

class OrganisationRostersTest {
    private static final String ORGANISATION = "0900000147";
    private static final String OTHER = "0900000642";
    private static final String AN = "de47ef3f-70e5-40b8-9b55-d293b7687bcb";
    private static final String BART = "6f1c7a52-2b0e-4a44-9d3c-1b9b2c1f0a01";
    private static final String AN_RELATION = "0b0ab1c4-0000-4000-8000-000000000001";
    private static final String BART_RELATION = "0b0ab1c4-0000-4000-8000-000000000002";
    private static final Set<String> WORK_RELATION = Set.of("top", "toegangworkrelation");
    private static final Set<String> PERSON = Set.of("top", "inetorgperson", "toegangperson");
    private static final Set<String> GRANT = Set.of("top", "toeganggrant");

    private final AtomicLong clock = new AtomicLong();
    private OrganisationRosters rosters;

    @BeforeEach
    void liveRosters() {
        rosters = new OrganisationRosters(3, clock::get);
        rosters.live();
    }

    @Test
    void keepsNothingUntilTheFeedIsLive() {
        OrganisationRosters notYet = new OrganisationRosters(10, clock::get);
        assertThat(notYet.ticket()).isEmpty();
        notYet.put(0, ORGANISATION, roster(AN_RELATION, AN));
        assertThat(notYet.get(ORGANISATION)).isEmpty();
    }

    @Test
    void servesTheRosterKeptForTheOrganisationAlone() {
        keep(ORGANISATION, AN_RELATION, AN);
        assertThat(rosters.get(ORGANISATION)).map(roster -> roster.people().get(0).id()).contains(AN);
        assertThat(rosters.get(OTHER)).isEmpty();
    }

    @Test
    void aNewWorkRelationDropsItsOrganisationsRosterThoughItsPersonIsInNone() {
        keep(ORGANISATION, AN_RELATION, AN);
        keep(OTHER, BART_RELATION, BART);
        rosters.changed(change("0b0ab1c4-0000-4000-8000-000000000009", WORK_RELATION, Set.of(ORGANISATION), "someone-new"));
        assertThat(rosters.get(ORGANISATION)).isEmpty();
        assertThat(rosters.get(OTHER)).isPresent();
    }

    @Test
    void aRenamedPersonDropsEveryRosterTheyAreIn() {
        keep(ORGANISATION, AN_RELATION, AN);
        keep(OTHER, BART_RELATION, BART);
        rosters.changed(change("0b0ab1c4-0000-4000-8000-00000000000a", PERSON, Set.of(), AN.toUpperCase()));
        assertThat(rosters.get(ORGANISATION)).isEmpty();
        assertThat(rosters.get(OTHER)).isPresent();
    }

    @Test
    void aDeletedEntryDropsTheRosterItWasReadIntoByItsEntryUuid() {
        keep(ORGANISATION, AN_RELATION, AN);
        keep(OTHER, BART_RELATION, BART);
        rosters.changed(change(AN_RELATION, Set.of(), Set.of()));
        assertThat(rosters.get(ORGANISATION)).isEmpty();
        assertThat(rosters.get(OTHER)).isPresent();
    }

    @Test
    void aWorkRelationMovedToAnotherOrganisationDropsBoth() {
        keep(ORGANISATION, AN_RELATION, AN);
        keep(OTHER, BART_RELATION, BART);
        rosters.changed(change(BART_RELATION, WORK_RELATION, Set.of(ORGANISATION), BART));
        assertThat(rosters.get(ORGANISATION)).isEmpty();
        assertThat(rosters.get(OTHER)).isEmpty();
    }

    @Test
    void grantsAndOtherEntriesDropNothingAndDoNotSpoilAWalkUnderWay() {
        keep(ORGANISATION, AN_RELATION, AN);
        long ticket = rosters.ticket().orElseThrow();
        rosters.changed(change("0b0ab1c4-0000-4000-8000-00000000000b", GRANT, Set.of(ORGANISATION), AN));
        assertThat(rosters.get(ORGANISATION)).isPresent();
        rosters.put(ticket, OTHER, roster(BART_RELATION, BART));
        assertThat(rosters.get(OTHER)).isPresent();
    }

    @Test
    void aRosterReadWhileAWorkRelationChangedIsNotKept() {
        long ticket = rosters.ticket().orElseThrow();
        rosters.changed(change("0b0ab1c4-0000-4000-8000-00000000000c", WORK_RELATION, Set.of(ORGANISATION), AN));
        rosters.put(ticket, ORGANISATION, roster(AN_RELATION, AN));
        assertThat(rosters.get(ORGANISATION)).isEmpty();
    }

    @Test
    void aChangeTheServerDidNotIdentifyDropsEverything() {
        keep(ORGANISATION, AN_RELATION, AN);
        rosters.changed(new DirectoryChanges.Change(Optional.empty(), Set.of()));
        assertThat(rosters.get(ORGANISATION)).isEmpty();
    }

    @Test
    void servesNothingOnceTheFeedIsSilentPastTheBoundOrInterrupted() {
        keep(ORGANISATION, AN_RELATION, AN);
        clock.addAndGet(RightsCache.SILENCE_BOUND.toNanos() + 1);
        assertThat(rosters.get(ORGANISATION)).isEmpty();
        rosters.alive();
        assertThat(rosters.get(ORGANISATION)).isPresent();
        rosters.interrupted();
        assertThat(rosters.get(ORGANISATION)).isEmpty();
        assertThat(rosters.ticket()).isEmpty();
    }

    @Test
    void dropsTheLeastRecentlyListedOrganisationBeyondItsPeople() {
        keep(ORGANISATION, AN_RELATION, AN, BART);
        keep(OTHER, BART_RELATION, BART);
        rosters.get(ORGANISATION);
        keep("0900000999", "0b0ab1c4-0000-4000-8000-00000000000d", "someone");
        assertThat(rosters.get(OTHER)).as("least recently listed").isEmpty();
        assertThat(rosters.get(ORGANISATION)).isPresent();
        assertThat(rosters.get("0900000999")).isPresent();
    }

    private void keep(String organisation, String relation, String... personIds) {
        rosters.put(rosters.ticket().orElseThrow(), organisation, roster(relation, personIds));
    }

    private static OrganisationRosters.Roster roster(String relation, String... personIds) {
        List<Person> people = Arrays.stream(personIds)
                .map(id -> new Person(id, "user." + id, "Given", "Family", Optional.empty(), Optional.empty(), Set.of()))
                .toList();
        return new OrganisationRosters.Roster(people, Map.of(), Set.of(relation));
    }

    private static DirectoryChanges.Change change(String entryUuid, Set<String> objectClasses, Set<String> organisations,
                                                  String... personIds) {
        return new DirectoryChanges.Change(Optional.of(entryUuid), Set.of(personIds), Optional.empty(), objectClasses,
                organisations);
    }
}
