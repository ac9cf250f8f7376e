package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RightsCacheTest {
    private static final String AN = "an";
    private static final String CHRIS = "chris";
    private static final String AN_GRANT = "0b0ab1c4-0000-4000-8000-000000000001";
    private static final String CHRIS_GRANT = "0b0ab1c4-0000-4000-8000-000000000002";

    private final AtomicLong clock = new AtomicLong();
    private RightsCache cache;

    @BeforeEach
    void liveCache() {
        cache = new RightsCache(2, Duration.ofSeconds(60), clock::get);
        cache.live();
    }

    @Test
    void keepsNothingUntilTheFeedIsLive() {
        RightsCache notYet = new RightsCache(10, Duration.ofSeconds(60), clock::get);
        assertThat(notYet.ticket()).isEmpty();
        assertThat(notYet.isLive()).isFalse();
    }

    @Test
    void servesWhatWasKeptForThePersonAndApplication() {
        keep(AN, "dv_loket", AN_GRANT);
        assertThat(cache.get(AN, "dv_loket")).isPresent();
        assertThat(cache.get(AN, "dv_geoportaal")).isEmpty();
        assertThat(cache.get(CHRIS, "dv_loket")).isEmpty();
    }

    @Test
    void aChangeOfThePersonDropsAllTheirApplicationsAndNoOneElses() {
        keep(AN, "dv_loket", AN_GRANT);
        keep(AN, "dv_geoportaal", AN_GRANT);
        keep(CHRIS, "dv_loket", CHRIS_GRANT);
        cache.changed(change("0b0ab1c4-0000-4000-8000-000000000009", AN));
        assertThat(cache.get(AN, "dv_loket")).isEmpty();
        assertThat(cache.get(AN, "dv_geoportaal")).isEmpty();
        assertThat(cache.get(CHRIS, "dv_loket")).isPresent();
    }

    @Test
    void matchesPersonIdsWhateverTheirCaseAsTheDirectoryDoes() {
        keep("DE47EF3F-70E5-40B8-9B55-D293B7687BCB", "dv_loket", AN_GRANT);
        assertThat(cache.get("de47ef3f-70e5-40b8-9b55-d293b7687bcb", "dv_loket")).isPresent();
        cache.changed(change("0b0ab1c4-0000-4000-8000-000000000009", "de47ef3f-70e5-40b8-9b55-d293b7687bcb"));
        assertThat(cache.get("DE47EF3F-70E5-40B8-9B55-D293B7687BCB", "dv_loket")).isEmpty();
    }

    @Test
    void anEntryThatNoLongerNamesThePersonStillDropsThemByItsEntryUuid() {
        keep(AN, "dv_loket", AN_GRANT);
        // the grant moved to Chris: the report names Chris only, but the entry was among An's
        cache.changed(change(AN_GRANT, CHRIS));
        assertThat(cache.get(AN, "dv_loket")).isEmpty();
    }

    @Test
    void aDeletedEntryDropsItsPersonByItsEntryUuid() {
        keep(AN, "dv_loket", AN_GRANT);
        cache.changed(change(AN_GRANT));
        assertThat(cache.get(AN, "dv_loket")).isEmpty();
    }

    @Test
    void aChangeTheServerDidNotIdentifyDropsEverything() {
        keep(AN, "dv_loket", AN_GRANT);
        keep(CHRIS, "dv_loket", CHRIS_GRANT);
        cache.changed(new DirectoryChanges.Change(Optional.empty(), Set.of()));
        assertThat(cache.get(AN, "dv_loket")).isEmpty();
        assertThat(cache.get(CHRIS, "dv_loket")).isEmpty();
    }

    @Test
    void doesNotKeepEntriesTheDirectoryDidNotIdentify() {
        cache.put(cache.ticket().orElseThrow(), AN, "dv_loket",
                new RightsEntries(List.of(), List.of(), Set.of(), Set.of(), false));
        assertThat(cache.get(AN, "dv_loket")).isEmpty();
    }

    @Test
    void doesNotKeepWhatASearchFoundWhenAChangeWasReportedDuringIt() {
        long ticket = cache.ticket().orElseThrow();
        cache.changed(change(CHRIS_GRANT, CHRIS));
        cache.put(ticket, AN, "dv_loket", entries(AN_GRANT));
        assertThat(cache.get(AN, "dv_loket")).isEmpty();
    }

    @Test
    void aLostFeedDropsEverythingAndKeepsNothingUntilItIsLiveAgain() {
        keep(AN, "dv_loket", AN_GRANT);
        long ticket = cache.ticket().orElseThrow();
        cache.interrupted();
        assertThat(cache.get(AN, "dv_loket")).isEmpty();
        assertThat(cache.ticket()).isEmpty();
        cache.put(ticket, AN, "dv_loket", entries(AN_GRANT));
        cache.live();
        assertThat(cache.get(AN, "dv_loket")).as("what was found before the feed came back").isEmpty();
    }

    @Test
    void keptEntriesServeNoLongerThanTheMaximumAge() {
        keep(AN, "dv_loket", AN_GRANT);
        for (int second = 0; second < 60; second++) { // the feed keeps proving it is alive
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            cache.alive();
        }
        assertThat(cache.get(AN, "dv_loket")).isPresent();
        clock.incrementAndGet();
        assertThat(cache.get(AN, "dv_loket")).isEmpty();
    }

    @Test
    void aFeedThatStaysSilentPastTheBoundStopsServingUntilItProvesItIsAliveAgain() {
        keep(AN, "dv_loket", AN_GRANT);
        clock.addAndGet(RightsCache.SILENCE_BOUND.toNanos());
        assertThat(cache.get(AN, "dv_loket")).as("silent for exactly the bound").isPresent();
        clock.incrementAndGet();
        assertThat(cache.isLive()).isFalse();
        assertThat(cache.get(AN, "dv_loket")).as("silent past the bound: a silent partition").isEmpty();
        assertThat(cache.ticket()).as("and nothing new is kept").isEmpty();
        cache.alive();
        assertThat(cache.isLive()).isTrue();
    }

    @Test
    void aReportedChangeAlsoProvesTheFeedIsAlive() {
        keep(AN, "dv_loket", AN_GRANT);
        clock.addAndGet(RightsCache.SILENCE_BOUND.toNanos());
        cache.changed(change(CHRIS_GRANT, CHRIS));
        clock.addAndGet(RightsCache.SILENCE_BOUND.toNanos());
        assertThat(cache.get(AN, "dv_loket")).isPresent();
    }

    @Test
    void aDeactivatedPersonHoldsNothingEvenWithGrantsKept() {
        RightsEntries deactivated = new RightsEntries(List.of(), List.of(), Set.of(), Set.of(AN_GRANT), true, false);
        assertThat(deactivated.rightsAt(java.time.Instant.now()).active()).isFalse();
        assertThat(deactivated.rightsAt(java.time.Instant.now()).grants()).isEmpty();
    }

    @Test
    void dropsTheLeastRecentlyUsedPersonBeyondTheLimit() {
        keep(AN, "dv_loket", AN_GRANT);
        keep(CHRIS, "dv_loket", CHRIS_GRANT);
        cache.get(AN, "dv_loket");
        keep("dina", "dv_loket", "0b0ab1c4-0000-4000-8000-000000000003");
        assertThat(cache.get(CHRIS, "dv_loket")).isEmpty();
        assertThat(cache.get(AN, "dv_loket")).isPresent();
        assertThat(cache.get("dina", "dv_loket")).isPresent();
    }

    @Test
    void aCacheOfNoPeopleNeverServes() {
        RightsCache none = RightsCache.none();
        none.live();
        assertThat(none.isLive()).isFalse();
        assertThat(none.ticket()).isEmpty();
    }

    private void keep(String personId, String clientId, String entryUuid) {
        cache.put(cache.ticket().orElseThrow(), personId, clientId, entries(entryUuid));
    }

    private static RightsEntries entries(String entryUuid) {
        return new RightsEntries(List.of(), List.of(), Set.of(), Set.of(entryUuid), true);
    }

    private static DirectoryChanges.Change change(String entryUuid, String... personIds) {
        return new DirectoryChanges.Change(Optional.of(entryUuid), Set.of(personIds));
    }
}
