package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toegang.core.directory.Eventually.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.model.Person;
import org.toegang.core.report.ReportRow;
import org.toegang.directory.EmbeddedDirectory;

/**
 * A report whose grants span several directory pages: 200 people of an organisation with 3 grants
 * each (600 grants; a page holds {@value PagedSearch#PAGE_SIZE}), added with random ids, so that a
 * person's grants fall on different pages as they would in a real directory; and an organisation
 * with a person of every kind a report meets, reported with and without a kept roster.
 */
class DirectoryReportsIT {
    private static final String ORGANISATION = "0900000543";
    private static final int PEOPLE = 200;
    private static final int GRANTS_EACH = 3;
    private static final Instant MONTH_AGO = Instant.now().minus(30, ChronoUnit.DAYS);

    @TempDir
    static Path data;
    static DemoDirectory demo;
    static final List<String> personIds = new ArrayList<>();
    /** An organisation's people of every kind a report meets, by kind: their ids. */
    private static final String MIXED = "0900000642";
    static final Map<String, String> mixed = new HashMap<>();

    @BeforeAll
    static void start() throws LDAPException {
        demo = DemoDirectory.start(data);
        try (LDAPConnection ldap = demo.connection()) {
            for (int i = 0; i < PEOPLE; i++) {
                String id = person(ldap, "report.person." + i, "Given" + i, "Family" + i);
                personIds.add(id);
                relation(ldap, id, ORGANISATION, Optional.empty());
                for (int g = 0; g < GRANTS_EACH; g++) {
                    grant(ldap, id, ORGANISATION);
                }
            }
            mixed.put("current", person(ldap, "mixed.current", "Current", "Colleague"));
            relation(ldap, mixed.get("current"), MIXED, Optional.empty());
            mixed.put("ended", person(ldap, "mixed.ended", "Ended", "Colleague"));
            relation(ldap, mixed.get("ended"), MIXED, Optional.of(Instant.now().minus(1, ChronoUnit.DAYS)));
            mixed.put("elsewhere", person(ldap, "mixed.elsewhere", "Works", "Elsewhere"));
            relation(ldap, mixed.get("elsewhere"), "0900000741", Optional.empty());
            mixed.put("representative", person(ldap, "mixed.representative", "Legal", "Representative",
                    new Attribute("toegangLegalRepresentativeOf", MIXED)));
            mixed.put("deleted", UUID.randomUUID().toString());
            for (String id : mixed.values()) {
                grant(ldap, id, MIXED);
            }
        }
    }

    /** Adds a person; answers their id. */
    private static String person(LDAPConnection ldap, String username, String givenName, String familyName,
                                 Attribute... more) throws LDAPException {
        String id = UUID.randomUUID().toString();
        Entry person = new Entry("uid=" + username + ",ou=people," + EmbeddedDirectory.BASE_DN,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "toegangPerson"),
                new Attribute("uid", username), new Attribute("toegangPersonId", id),
                new Attribute("givenName", givenName), new Attribute("sn", familyName),
                new Attribute("cn", givenName + " " + familyName));
        Arrays.stream(more).forEach(person::addAttribute);
        ldap.add(person);
        return id;
    }

    /** Adds a permanent work relation, begun a month ago; answers its DN. */
    private static String relation(LDAPConnection ldap, String personId, String organisation, Optional<Instant> until)
            throws LDAPException {
        String id = UUID.randomUUID().toString();
        String dn = "toegangId=" + id + ",ou=workRelations," + EmbeddedDirectory.BASE_DN;
        Entry relation = new Entry(dn, new Attribute("objectClass", "top", "toegangWorkRelation"),
                new Attribute("toegangId", id), new Attribute("toegangPersonId", personId),
                new Attribute("toegangOrganisationKey", organisation),
                new Attribute("toegangWorkRelationType", "permanent"),
                new Attribute("toegangValidFrom", EntryMapper.generalizedTime(MONTH_AGO)));
        until.ifPresent(end -> relation.addAttribute("toegangValidTo", EntryMapper.generalizedTime(end)));
        ldap.add(relation);
        return dn;
    }

    /** Adds an active grant of LoketGebruiker on behalf of the organisation, begun a month ago. */
    private static void grant(LDAPConnection ldap, String personId, String organisation) throws LDAPException {
        String id = UUID.randomUUID().toString();
        ldap.add(new Entry("toegangId=" + id + ",ou=grants," + EmbeddedDirectory.BASE_DN,
                new Attribute("objectClass", "top", "toegangGrant"), new Attribute("toegangId", id),
                new Attribute("toegangPersonId", personId), new Attribute("toegangClientId", "dv_loket"),
                new Attribute("toegangRightName", "LoketGebruiker"),
                new Attribute("toegangOrganisationKey", organisation),
                new Attribute("toegangGrantStatus", "active"),
                new Attribute("toegangValidFrom", EntryMapper.generalizedTime(MONTH_AGO))));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void readsEachPersonOnceThoughTheirGrantsFallOnDifferentPages() {
        demo.proxy().reset();
        List<ReportRow> rows = new ArrayList<>();
        new DirectoryReports(demo.directory()).organisation(ORGANISATION, Instant.now(), rows::add);

        assertThat(rows).hasSize(PEOPLE * GRANTS_EACH);
        Map<String, Long> asked = personIds.stream().collect(Collectors.toMap(Function.identity(), id -> demo.proxy()
                .filters().stream().filter(filter -> filter.contains(id)).count()));
        assertThat(asked).as("searches naming each person").allSatisfy((id, searches) -> assertThat(searches).isOne());
    }

    @Test
    void everyRowCarriesItsOwnPersonAndCountsThroughTheirWorkRelation() {
        List<ReportRow> rows = new ArrayList<>();
        new DirectoryReports(demo.directory()).organisation(ORGANISATION, Instant.now(), rows::add);

        assertThat(rows).hasSize(PEOPLE * GRANTS_EACH).allSatisfy(row -> {
            int index = personIds.indexOf(row.personId());
            assertThat(index).isNotNegative();
            assertThat(row.userName()).isEqualTo("report.person." + index);
            assertThat(row.givenName()).isEqualTo("Given" + index);
            assertThat(row.familyName()).isEqualTo("Family" + index);
            assertThat(row.countsNow()).isTrue();
        });
    }

    /**
     * Who a kept roster does not hold is still reported, and each grant counts exactly as
     * {@code ActiveGrants} decides: through a current work relation with the organisation or its
     * representation, never through a work relation elsewhere or one that ended. Without a kept
     * roster every person is searched by id.
     */
    @Test
    void reportsEveryoneWithAGrantSearchingEachPersonById() {
        assertMixedReport(report(new DirectoryReports(demo.directory()), MIXED));
    }

    @Test
    void reportsEveryoneWithAGrantFromAKeptRosterAndTheRestById() {
        OrganisationRosters rosters = new OrganisationRosters(100_000);
        try (DirectoryChanges changes = DirectoryChanges.follow(demo.directory(), rosters)) {
            keepRoster(rosters, MIXED);
            demo.proxy().reset();
            List<ReportRow> rows = report(new DirectoryReports(demo.directory(), rosters), MIXED);

            assertMixedReport(rows);
            assertThat(demo.proxy().filters()).as("searches naming someone the roster holds")
                    .noneMatch(filter -> filter.contains(mixed.get("current")) || filter.contains(mixed.get("ended"))
                            || filter.contains(mixed.get("representative")));
            assertThat(demo.proxy().filters()).as("the one with a work relation elsewhere, searched by id")
                    .anyMatch(filter -> filter.contains(mixed.get("elsewhere")));
        }
    }

    private static void assertMixedReport(List<ReportRow> rows) {
        Map<String, ReportRow> byPerson = rows.stream().collect(Collectors.toMap(ReportRow::personId, row -> row));
        assertThat(byPerson).hasSize(5);
        assertThat(byPerson.get(mixed.get("current"))).satisfies(row -> {
            assertThat(row.userName()).isEqualTo("mixed.current");
            assertThat(row.countsNow()).isTrue();
        });
        assertThat(byPerson.get(mixed.get("ended"))).satisfies(row -> {
            assertThat(row.familyName()).isEqualTo("Colleague");
            assertThat(row.countsNow()).as("their work relation ended yesterday").isFalse();
        });
        assertThat(byPerson.get(mixed.get("elsewhere"))).satisfies(row -> {
            assertThat(row.userName()).isEqualTo("mixed.elsewhere");
            assertThat(row.countsNow()).as("a work relation elsewhere does not count").isFalse();
        });
        assertThat(byPerson.get(mixed.get("representative"))).satisfies(row -> {
            assertThat(row.givenName()).isEqualTo("Legal");
            assertThat(row.countsNow()).as("represents the organisation").isTrue();
        });
        assertThat(byPerson.get(mixed.get("deleted"))).satisfies(row -> {
            assertThat(row.userName()).as("no such person").isEmpty();
            assertThat(row.countsNow()).isFalse();
        });
    }

    /**
     * A roster kept by a people listing serves the next report, and a work relation ended straight
     * in the directory reaches the report after it.
     */
    @Test
    void aKeptRosterServesTheReportAndAChangeReachesTheNext() throws LDAPException {
        OrganisationRosters rosters = new OrganisationRosters(100_000);
        DirectoryReports reports = new DirectoryReports(demo.directory(), rosters);
        String organisation = "0900000840";
        String id;
        String relationDn;
        try (LDAPConnection ldap = demo.connection()) {
            id = person(ldap, "kept.roster", "Kept", "Roster");
            relationDn = relation(ldap, id, organisation, Optional.empty());
            grant(ldap, id, organisation);
        }
        try (DirectoryChanges changes = DirectoryChanges.follow(demo.directory(), rosters)) {
            keepRoster(rosters, organisation);
            demo.proxy().reset();
            assertThat(report(reports, organisation)).singleElement().satisfies(row -> {
                assertThat(row.userName()).isEqualTo("kept.roster");
                assertThat(row.countsNow()).isTrue();
            });
            assertThat(demo.proxy().filters()).as("searches naming the person").noneMatch(filter -> filter.contains(id));

            try (LDAPConnection ldap = demo.connection()) {
                ldap.modify(relationDn, new Modification(ModificationType.ADD, "toegangValidTo",
                        EntryMapper.generalizedTime(Instant.now().minus(1, ChronoUnit.HOURS))));
            }
            await("the ended work relation reaches the report", () -> !report(reports, organisation).get(0).countsNow());
        }
    }

    /** Lists the organisation's people once with the feed live, which keeps its roster. */
    private static void keepRoster(OrganisationRosters rosters, String organisation) {
        await("the feed is live", () -> rosters.ticket().isPresent());
        new OrganisationPeople(demo.directory(), rosters).first(organisation,
                new OrganisationPeople.Criteria(Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(),
                50, Person::id);
        assertThat(rosters.get(organisation)).as("kept after a listing").isPresent();
    }

    private static List<ReportRow> report(DirectoryReports reports, String organisation) {
        List<ReportRow> rows = new ArrayList<>();
        reports.organisation(organisation, Instant.now(), rows::add);
        return rows;
    }

    @Test
    void keepsThePeopleUsedLastAndSaysWhenAskedForOneDropped() {
        DirectoryReports.People people = new DirectoryReports.People(2);
        DirectoryReports.Known nobody = new DirectoryReports.Known(Optional.empty(), List.of());
        people.keep("a", nobody);
        people.keep("b", nobody);
        assertThat(people.knows("a")).isTrue();
        people.keep("c", nobody);

        assertThat(people.size()).isEqualTo(2);
        assertThat(people.knows("a")).as("used after b").isTrue();
        assertThat(people.knows("b")).as("the least recently used, dropped").isFalse();
        assertThatThrownBy(() -> people.known("b")).isInstanceOf(IllegalStateException.class);
    }
}
