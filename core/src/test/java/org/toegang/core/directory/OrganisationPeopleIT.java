package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toegang.core.directory.Eventually.await;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.model.Person;
import org.toegang.directory.EmbeddedDirectory;

/**
 * An organisation larger than a directory page of work relations (500) and than the batches read
 * ahead (850 people: 5 batches of at most 200, 4 read ahead): the listing, page by page, is every person exactly once in sort order
 * and whole (the walk reads only what the sort needs, the page is read again), and a name search
 * finds exactly those whose name holds the word.
 */
class OrganisationPeopleIT {
    private static final String ORGANISATION = "0900000642";
    private static final int PEOPLE = 850;
    private static final Function<Person, String> SORT_KEY = person -> person.familyName() + "\u0000" + person.givenName()
            + "\u0000" + person.id();

    @TempDir
    static Path data;
    static DemoDirectory demo;
    static final List<String> familyNames = new ArrayList<>();

    @BeforeAll
    static void start() throws LDAPException {
        demo = DemoDirectory.start(data);
        String base = EmbeddedDirectory.BASE_DN;
        String from = EntryMapper.generalizedTime(Instant.now().minus(30, ChronoUnit.DAYS));
        Random random = new Random(642);
        try (LDAPConnection ldap = demo.connection()) {
            for (int i = 0; i < PEOPLE; i++) {
                String id = UUID.randomUUID().toString();
                // family names in no order of adding, some shared (the id breaks the tie)
                String family = "Fam" + (char) ('a' + random.nextInt(26)) + random.nextInt(400);
                familyNames.add(family);
                ldap.add(new Entry("uid=listed." + i + ",ou=people," + base,
                        new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "toegangPerson"),
                        new Attribute("uid", "listed." + i), new Attribute("toegangPersonId", id),
                        new Attribute("givenName", "Given" + i), new Attribute("sn", family),
                        new Attribute("cn", "Given" + i + " " + family), new Attribute("mail", "listed." + i + "@example.org")));
                String relation = UUID.randomUUID().toString();
                ldap.add(new Entry("toegangId=" + relation + ",ou=workRelations," + base,
                        new Attribute("objectClass", "top", "toegangWorkRelation"), new Attribute("toegangId", relation),
                        new Attribute("toegangPersonId", id), new Attribute("toegangOrganisationKey", ORGANISATION),
                        new Attribute("toegangWorkRelationType", "permanent"), new Attribute("toegangValidFrom", from)));
            }
        }
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void pagesThroughEveryPersonOnceInSortOrder() {
        OrganisationPeople people = new OrganisationPeople(demo.directory());
        OrganisationPeople.Criteria everyone = new OrganisationPeople.Criteria(Optional.empty(), Optional.empty(),
                Optional.empty());
        List<Person> listed = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            List<Person> page = people.first(ORGANISATION, everyone, after, 50, SORT_KEY);
            listed.addAll(page);
            if (page.size() < 50) {
                break;
            }
            after = Optional.of(SORT_KEY.apply(page.get(page.size() - 1)));
        }
        assertThat(listed).hasSize(PEOPLE);
        assertThat(listed.stream().map(Person::id).distinct()).hasSize(PEOPLE);
        assertThat(listed).isSortedAccordingTo(Comparator.comparing(SORT_KEY));
        assertThat(listed.stream().map(Person::familyName).sorted().toList())
                .isEqualTo(familyNames.stream().sorted().toList());
        assertThat(listed).as("each listed with every attribute a listing shows, not only its sort key")
                .allSatisfy(person -> assertThat(person.email()).contains(person.username() + "@example.org"));
    }

    @Test
    void aNameSearchFindsExactlyThePeopleWhoseNameHoldsTheWord() {
        String word = familyNames.get(7).substring(0, 5); // "Fam" and a letter: about 1 in 26
        List<Person> found = new OrganisationPeople(demo.directory()).first(ORGANISATION,
                new OrganisationPeople.Criteria(Optional.of(word.toLowerCase()), Optional.empty(), Optional.empty()),
                Optional.empty(), PEOPLE, SORT_KEY);
        assertThat(found).extracting(Person::familyName).containsExactlyInAnyOrderElementsOf(
                familyNames.stream().filter(name -> name.toLowerCase().contains(word.toLowerCase())).toList());
    }

    /**
     * With the change feed live the roster is kept between listings, and every kind of change that
     * alters the listing reaches the next one: a person who joins (their work relation names the
     * organisation, they are in no roster yet), a rename (the sort order), a departure (the
     * deleted work relation, known only by its entryUUID); each reads only the person concerned again.
     */
    @Test
    void aKeptRosterFollowsEveryChangeOfTheOrganisationsPeople() throws LDAPException {
        OrganisationRosters rosters = new OrganisationRosters(100_000);
        OrganisationPeople people = new OrganisationPeople(demo.directory(), rosters);
        OrganisationPeople.Criteria everyone = new OrganisationPeople.Criteria(Optional.empty(), Optional.empty(),
                Optional.empty());
        String base = EmbeddedDirectory.BASE_DN;
        String id = UUID.randomUUID().toString();
        String relation = UUID.randomUUID().toString();
        String personDn = "uid=joins.later,ou=people," + base;
        String relationDn = "toegangId=" + relation + ",ou=workRelations," + base;
        try (DirectoryChanges changes = DirectoryChanges.follow(demo.directory(), rosters);
             LDAPConnection ldap = demo.connection()) {
            await("the feed is live", () -> rosters.ticket().isPresent());
            long begin = System.nanoTime();
            String firstBefore = people.first(ORGANISATION, everyone, Optional.empty(), 50, SORT_KEY).get(0).id();
            long read = System.nanoTime() - begin;
            assertThat(rosters.get(ORGANISATION)).as("kept after the first listing").isPresent();
            begin = System.nanoTime();
            assertThat(people.first(ORGANISATION, everyone, Optional.empty(), 50, SORT_KEY).get(0).id()).isEqualTo(firstBefore);
            System.out.printf("listing %d people: %d ms reading the roster, %d ms with it kept%n", PEOPLE,
                    read / 1_000_000, (System.nanoTime() - begin) / 1_000_000);

            ldap.add(new Entry(personDn,
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "toegangPerson"),
                    new Attribute("uid", "joins.later"), new Attribute("toegangPersonId", id),
                    new Attribute("givenName", "Joins"), new Attribute("sn", "Aaardvark"), new Attribute("cn", "Joins Aaardvark"),
                    new Attribute("mail", "joins.later@example.org")));
            ldap.add(new Entry(relationDn, new Attribute("objectClass", "top", "toegangWorkRelation"),
                    new Attribute("toegangId", relation), new Attribute("toegangPersonId", id),
                    new Attribute("toegangOrganisationKey", ORGANISATION), new Attribute("toegangWorkRelationType", "permanent"),
                    new Attribute("toegangValidFrom", EntryMapper.generalizedTime(Instant.now()))));
            await("the new colleague heads the list", () ->
                    people.first(ORGANISATION, everyone, Optional.empty(), 50, SORT_KEY).get(0).id().equals(id));

            demo.proxy().reset();
            ldap.modify(personDn, new Modification(ModificationType.REPLACE, "sn", "Zzzwicker"));
            await("renamed, they leave the first page", () -> people.first(ORGANISATION, everyone, Optional.empty(), 50,
                    SORT_KEY).stream().noneMatch(person -> person.id().equals(id)));
            assertThat(people.first(ORGANISATION, everyone, Optional.empty(), PEOPLE + 1, SORT_KEY))
                    .last().extracting(Person::familyName).isEqualTo("Zzzwicker");
            assertThat(demo.proxy().filters()).as("only the renamed person read again, not the organisation's work relations")
                    .noneMatch(filter -> filter.contains("toegangOrganisationKey=" + ORGANISATION)
                            && !filter.contains("toegangPersonId"));

            ldap.delete(relationDn);
            await("gone with their work relation", () -> people.first(ORGANISATION, everyone, Optional.empty(),
                    PEOPLE + 1, SORT_KEY).size() == PEOPLE);
        } finally {
            try (LDAPConnection ldap = demo.connection()) {
                for (String dn : List.of(relationDn, personDn)) {
                    try {
                        ldap.delete(dn);
                    } catch (LDAPException e) {
                        // deleted by the test already
                    }
                }
            }
        }
    }
}
