package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.toegang.core.report.ReportRow;
import org.toegang.directory.EmbeddedDirectory;

/**
 * A report whose grants span several directory pages: 200 people of an organisation with 3 grants
 * each (600 grants; a page holds {@value PagedSearch#PAGE_SIZE}), added with random ids, so that a
 * person's grants fall on different pages as they would in a real directory.
 */
class DirectoryReportsIT {
    private static final String ORGANISATION = "0900000543";
    private static final int PEOPLE = 200;
    private static final int GRANTS_EACH = 3;

    @TempDir
    static Path data;
    static DemoDirectory demo;
    static final List<String> personIds = new ArrayList<>();

    @BeforeAll
    static void start() throws LDAPException {
        demo = DemoDirectory.start(data);
        String base = EmbeddedDirectory.BASE_DN;
        String from = EntryMapper.generalizedTime(Instant.now().minus(30, ChronoUnit.DAYS));
        try (LDAPConnection ldap = demo.connection()) {
            for (int i = 0; i < PEOPLE; i++) {
                String id = UUID.randomUUID().toString();
                personIds.add(id);
                ldap.add(new Entry("uid=report.person." + i + ",ou=people," + base,
                        attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson",
                                "toegangPerson"),
                        attribute("uid", "report.person." + i), attribute("toegangPersonId", id),
                        attribute("givenName", "Given" + i), attribute("sn", "Family" + i),
                        attribute("cn", "Given" + i + " Family" + i)));
                String relation = UUID.randomUUID().toString();
                ldap.add(new Entry("toegangId=" + relation + ",ou=workRelations," + base,
                        attribute("objectClass", "top", "toegangWorkRelation"), attribute("toegangId", relation),
                        attribute("toegangPersonId", id), attribute("toegangOrganisationKey", ORGANISATION),
                        attribute("toegangWorkRelationType", "permanent"), attribute("toegangValidFrom", from)));
                for (int g = 0; g < GRANTS_EACH; g++) {
                    String grant = UUID.randomUUID().toString();
                    ldap.add(new Entry("toegangId=" + grant + ",ou=grants," + base,
                            attribute("objectClass", "top", "toegangGrant"), attribute("toegangId", grant),
                            attribute("toegangPersonId", id), attribute("toegangClientId", "dv_loket"),
                            attribute("toegangRightName", "LoketGebruiker"),
                            attribute("toegangOrganisationKey", ORGANISATION),
                            attribute("toegangGrantStatus", "active"), attribute("toegangValidFrom", from)));
                }
            }
        }
    }

    private static com.unboundid.ldap.sdk.Attribute attribute(String name, String... values) {
        return new com.unboundid.ldap.sdk.Attribute(name, values);
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
