package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
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
}
