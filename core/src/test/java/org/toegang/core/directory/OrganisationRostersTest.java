package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toegang.core.model.Person;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationType;

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
        assertThat(rosters.get(ORGANISATION)).map(kept -> kept.roster().people().get(0).id()).contains(AN);
        assertThat(stale(ORGANISATION)).isEmpty();
        assertThat(rosters.get(OTHER)).isEmpty();
    }

    @Test
    void aNewWorkRelationMakesItsPersonStaleInItsOrganisationsRosterThoughTheyAreInNone() {
        keep(ORGANISATION, AN_RELATION, AN);
        keep(OTHER, BART_RELATION, BART);
        rosters.changed(change("0b0ab1c4-0000-4000-8000-000000000009", WORK_RELATION, Set.of(ORGANISATION), "Someone-New"));
        assertThat(stale(ORGANISATION)).containsExactly("someone-new");
        assertThat(stale(OTHER)).isEmpty();
    }

    @Test
    void aRenamedPersonIsStaleInEveryRosterTheyAreIn() {
        keep(ORGANISATION, AN_RELATION, AN);
        keep(OTHER, BART_RELATION, BART);
        rosters.changed(change("0b0ab1c4-0000-4000-8000-00000000000a", PERSON, Set.of(), AN.toUpperCase()));
        assertThat(stale(ORGANISATION)).containsExactly(AN);
        assertThat(stale(OTHER)).isEmpty();
    }

    @Test
    void aDeletedEntryMakesThePersonItWasReadForStaleByItsEntryUuid() {
        keep(ORGANISATION, AN_RELATION, AN);
        keep(OTHER, BART_RELATION, BART);
        rosters.changed(change(AN_RELATION, Set.of(), Set.of()));
        assertThat(stale(ORGANISATION)).containsExactly(AN);
        assertThat(stale(OTHER)).isEmpty();
    }

    @Test
    void aWorkRelationMovedToAnotherOrganisationMakesItsPersonStaleInBoth() {
        keep(ORGANISATION, AN_RELATION, AN);
        keep(OTHER, BART_RELATION, BART);
        rosters.changed(change(BART_RELATION, WORK_RELATION, Set.of(ORGANISATION), BART));
        assertThat(stale(ORGANISATION)).containsExactly(BART);
        assertThat(stale(OTHER)).containsExactly(BART);
    }

    @Test
    void aChangeWhosePeopleARosterCannotTellDropsIt() {
        keep(ORGANISATION, AN_RELATION, AN);
        keep(OTHER, BART_RELATION, BART);
        rosters.changed(change("0b0ab1c4-0000-4000-8000-00000000000e", PERSON, Set.of(ORGANISATION)));
        assertThat(rosters.get(ORGANISATION)).isEmpty();
        assertThat(rosters.get(OTHER)).isPresent();
    }

    @Test
    void moreStalePeopleThanAreWorthReadingOneByOneDropTheRoster() {
        keep(ORGANISATION, AN_RELATION, AN);
        int most = OrganisationRosters.mostStale(1);
        for (int i = 0; i < most; i++) {
            rosters.changed(change("0b0ab1c4-0000-4000-8001-" + String.format("%012d", i), WORK_RELATION,
                    Set.of(ORGANISATION), "newcomer-" + i));
        }
        assertThat(stale(ORGANISATION)).hasSize(most);
        rosters.changed(change("0b0ab1c4-0000-4000-8002-000000000000", WORK_RELATION, Set.of(ORGANISATION), "one-more"));
        assertThat(rosters.get(ORGANISATION)).isEmpty();
    }

    @Test
    void aRepairedRosterIsKeptAndWhoeverBecameStaleMeanwhileStaysStale() {
        keep(ORGANISATION, AN_RELATION, AN);
        rosters.changed(change("0b0ab1c4-0000-4000-8000-00000000000a", PERSON, Set.of(), AN));
        OrganisationRosters.Kept served = rosters.get(ORGANISATION).orElseThrow();
        rosters.changed(change("0b0ab1c4-0000-4000-8000-00000000000f", WORK_RELATION, Set.of(ORGANISATION), BART));
        OrganisationRosters.Roster repaired = served.roster().with(served.stale(), roster(AN_RELATION, AN));
        rosters.repaired(ORGANISATION, served, repaired);

        assertThat(rosters.get(ORGANISATION)).map(OrganisationRosters.Kept::roster).containsSame(repaired);
        assertThat(stale(ORGANISATION)).containsExactly(BART);
    }

    @Test
    void aNewcomerChangedAgainWhileTheirRosterIsRepairedStaysStale() {
        keep(ORGANISATION, AN_RELATION, AN);
        String relation = "0b0ab1c4-0000-4000-8000-000000000010";
        rosters.changed(change(relation, WORK_RELATION, Set.of(ORGANISATION), "newcomer"));
        OrganisationRosters.Kept served = rosters.get(ORGANISATION).orElseThrow();
        // renamed while their roster is read again: a person entry names no organisation
        rosters.changed(change("0b0ab1c4-0000-4000-8000-000000000011", PERSON, Set.of(), "newcomer"));
        rosters.repaired(ORGANISATION, served, served.roster().with(served.stale(), roster(relation, "newcomer")));

        assertThat(stale(ORGANISATION)).containsExactly("newcomer");
    }

    @Test
    void aRepairOfARosterDroppedOrReplacedMeanwhileIsNotKept() {
        keep(ORGANISATION, AN_RELATION, AN);
        rosters.changed(change("0b0ab1c4-0000-4000-8000-00000000000a", PERSON, Set.of(), AN));
        OrganisationRosters.Kept served = rosters.get(ORGANISATION).orElseThrow();
        keep(ORGANISATION, AN_RELATION, AN, BART);
        rosters.repaired(ORGANISATION, served, roster(AN_RELATION, AN));
        assertThat(rosters.get(ORGANISATION)).map(kept -> kept.roster().people().size()).contains(2);

        served = rosters.get(ORGANISATION).orElseThrow();
        rosters.interrupted();
        rosters.live();
        rosters.repaired(ORGANISATION, served, roster(AN_RELATION, AN));
        assertThat(rosters.get(ORGANISATION)).isEmpty();
    }

    @Test
    void aRosterWithItsStalePeopleReadAgainLeavesThemOutOrTakesThemAsRead() {
        Person an = person(AN);
        Person bart = person(BART);
        WorkRelation anHere = new WorkRelation(AN_RELATION, AN, ORGANISATION, WorkRelationType.PERMANENT,
                new Validity(Instant.EPOCH, Optional.empty()), true);
        OrganisationRosters.Roster roster = new OrganisationRosters.Roster(List.of(an, bart),
                Map.of(AN, List.of(anHere)), Map.of(AN_RELATION, AN, "bart-entry", BART));
        Person renamed = new Person(BART, "user." + BART, "Bartholomeus", "Family", Optional.empty(), Optional.empty(),
                Set.of(ORGANISATION));

        OrganisationRosters.Roster again = roster.with(Set.of(AN, BART),
                new OrganisationRosters.Roster(List.of(renamed), Map.of(), Map.of("bart-entry", BART)));

        assertThat(again.people()).containsExactly(renamed);
        assertThat(again.relationsOf(AN)).as("An left the organisation").isEmpty();
        assertThat(again.entries()).containsOnlyKeys("bart-entry");
    }

    @Test
    void grantsAndOtherEntriesTouchNothingAndDoNotSpoilAWalkUnderWay() {
        keep(ORGANISATION, AN_RELATION, AN);
        long ticket = rosters.ticket().orElseThrow();
        rosters.changed(change("0b0ab1c4-0000-4000-8000-00000000000b", GRANT, Set.of(ORGANISATION), AN));
        assertThat(stale(ORGANISATION)).isEmpty();
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

    private Set<String> stale(String organisation) {
        return rosters.get(organisation).orElseThrow().stale();
    }

    @Test
    void aRosterReadAheadIsKeptOnlyInTheRoomLeftAndNeverDropsOneKept() {
        keep(ORGANISATION, AN_RELATION, AN, "second");
        assertThat(rosters.hasRoom()).isTrue();
        long ticket = rosters.ticket().orElseThrow();
        assertThat(rosters.putIntoRoom(ticket, OTHER, roster(BART_RELATION, BART, "another"))).as("3 people kept at most").isFalse();
        assertThat(rosters.get(ORGANISATION)).as("nothing dropped for it").isPresent();
        assertThat(rosters.get(OTHER)).isEmpty();
        assertThat(rosters.putIntoRoom(ticket, OTHER, roster(BART_RELATION, BART))).isTrue();
        assertThat(rosters.get(OTHER)).isPresent();
        assertThat(rosters.hasRoom()).isFalse();
        assertThat(rosters.putIntoRoom(ticket, ORGANISATION, roster(AN_RELATION, AN, "second")))
                .as("its own roster read again takes its own place").isTrue();
    }

    @Test
    void aRosterReadAheadWhileAPersonChangedIsNotKept() {
        long ticket = rosters.ticket().orElseThrow();
        rosters.changed(change(AN_RELATION, PERSON, Set.of(), AN));
        assertThat(rosters.putIntoRoom(ticket, ORGANISATION, roster(AN_RELATION, AN))).as("it fits").isTrue();
        assertThat(rosters.get(ORGANISATION)).isEmpty();
    }

    private void keep(String organisation, String relation, String... personIds) {
        rosters.put(rosters.ticket().orElseThrow(), organisation, roster(relation, personIds));
    }

    private static OrganisationRosters.Roster roster(String relation, String... personIds) {
        List<Person> people = Arrays.stream(personIds).map(OrganisationRostersTest::person).toList();
        return new OrganisationRosters.Roster(people, Map.of(), Map.of(relation, personIds[0]));
    }

    private static Person person(String id) {
        return new Person(id, "user." + id, "Given", "Family", Optional.empty(), Optional.empty(), Set.of());
    }

    private static DirectoryChanges.Change change(String entryUuid, Set<String> objectClasses, Set<String> organisations,
                                                  String... personIds) {
        return new DirectoryChanges.Change(Optional.of(entryUuid), Set.of(personIds), Optional.empty(), objectClasses,
                organisations);
    }
}
