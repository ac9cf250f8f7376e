package org.toegang.launcher.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.identifier.NationalRegisterNumber;
import org.toegang.core.model.TargetGroup;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.directory.OpenLdapServer;
import org.toegang.launcher.Toegang;

/**
 * {@code toegang generate} with a small N: every generated identifier passes core's validators,
 * every reference points at a generated entry, and the same data loads into the embedded
 * directory (beside the demo data) and into Debian's slapd with Toegang's schema.
 */
class GenerateCommandIT {
    private static final int PEOPLE = 120;
    private static final Path SHIPPED_FORMS = Path.of("../ldap-schema/openldap");

    @TempDir
    Path work;

    @Test
    void writesValidIdentifiersAndConsistentReferences() throws Exception {
        Path ldif = work.resolve("generated.ldif");
        Run run = run("generate", "--people", "" + PEOPLE, "--organisations", "25", "--grants-per-person", "3",
                "--ldif", ldif.toString(), "--no-progress");
        assertThat(run.exitCode).as(run.printed).isZero();
        assertThat(run.printed).contains("entries/s").doesNotContain("Exception");

        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(ldif.toFile())) {
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                entries.add(entry);
            }
        }
        Map<String, List<Entry>> byClass = entries.stream().collect(Collectors.groupingBy(GenerateCommandIT::kind));
        List<Entry> organisations = byClass.get("toegangOrganisation");
        List<Entry> people = byClass.get("toegangPerson");
        assertThat(organisations).hasSize(25);
        assertThat(people).hasSize(PEOPLE);
        assertThat(byClass.get("toegangWorkRelation")).hasSize(PEOPLE);
        assertThat(byClass.get("toegangGrant")).hasSize(3 * PEOPLE);
        assertThat(byClass.get("toegangDelegation")).isNotEmpty();
        assertThat(entries).hasSize((int) new GeneratedDirectory(new GeneratorSettings(PEOPLE, 25, 20, 5, 3, 50, 1),
                Instant.now()).entryCount());

        Set<String> keys = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (Entry organisation : organisations) {
            String key = organisation.getAttributeValue("toegangOrganisationKey");
            TargetGroup group = TargetGroup.fromCode(organisation.getAttributeValue("toegangTargetGroup"));
            assertThat(group.validateOrganisationKey(key)).as("key of %s", group).isEqualTo(key);
            assertThat(keys.add(key)).as("unique key %s", key).isTrue();
            groups.add(group.code());
        }
        assertThat(groups).containsExactlyInAnyOrder("GID", "LB", "OV", "EA", "VER");

        Set<String> personIds = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<String> uids = new HashSet<>();
        for (Entry person : people) {
            String number = person.getAttributeValue("toegangNationalRegisterNumber");
            assertThat(NationalRegisterNumber.parse(number).value()).isEqualTo(number);
            assertThat(numbers.add(number)).as("unique national register number").isTrue();
            assertThat(personIds.add(person.getAttributeValue("toegangPersonId"))).isTrue();
            assertThat(uids.add(person.getAttributeValue("uid"))).isTrue();
        }
        Set<String> rights = byClass.get("toegangRight").stream()
                .map(right -> right.getAttributeValue("toegangClientId") + "/" + right.getAttributeValue("toegangRightName"))
                .collect(Collectors.toSet());
        for (String kind : List.of("toegangWorkRelation", "toegangGrant", "toegangDelegation")) {
            for (Entry entry : byClass.get(kind)) {
                assertThat(personIds).as("person of %s", entry.getDN()).contains(entry.getAttributeValue("toegangPersonId"));
                assertThat(keys).as("organisation of %s", entry.getDN())
                        .contains(entry.getAttributeValue("toegangOrganisationKey"));
                String validTo = entry.getAttributeValue("toegangValidTo");
                if (validTo != null) { // GeneralizedTime of one length sorts as text; core refuses an empty period
                    assertThat(validTo).as("end of %s", entry.getDN())
                            .isGreaterThan(entry.getAttributeValue("toegangValidFrom"));
                }
            }
        }
        for (Entry grant : byClass.get("toegangGrant")) {
            assertThat(rights).contains(grant.getAttributeValue("toegangClientId") + "/"
                    + grant.getAttributeValue("toegangRightName"));
            assertThat(grant.getAttributeValue("toegangValidFrom")).matches("[0-9]{14}Z");
        }
    }

    @Test
    void loadsIntoTheEmbeddedDirectoryBesideTheDemoData() throws Exception {
        try (EmbeddedDirectory directory = EmbeddedDirectory.builder().dataDirectory(work.resolve("directory"))
                .host("127.0.0.1").port(0).demoData(true).start()) {
            int before = count(directory.ldapUrl(), EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);

            Run run = run("generate", "--people", "" + PEOPLE, "--organisations", "25", "--grants-per-person", "3",
                    "--ldap-url", directory.ldapUrl(), "--no-progress");

            assertThat(run.exitCode).as(run.printed).isZero();
            assertThat(count(directory.ldapUrl(), EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD) - before)
                    .as("people added").isEqualTo(PEOPLE);
        }
    }

    @Test
    void loadsIntoOpenLdapWithToegangsSchema() throws Exception {
        assumeTrue(OpenLdapServer.installed() || "true".equals(System.getenv("CI")),
                "Debian's slapd is not installed (apt-get install slapd ldap-utils)");
        try (OpenLdapServer slapd = OpenLdapServer.start(work.resolve("slapd"), SHIPPED_FORMS, true)) {
            int before = count(slapd.ldapUrl(), OpenLdapServer.ADMIN_DN, OpenLdapServer.ADMIN_PASSWORD);

            Run run = run("generate", "--people", "" + PEOPLE, "--organisations", "25", "--grants-per-person", "3",
                    "--ldap-url", slapd.ldapUrl(), "--ldap-bind-dn", OpenLdapServer.ADMIN_DN,
                    "--ldap-password", OpenLdapServer.ADMIN_PASSWORD, "--no-progress");

            assertThat(run.exitCode).as(run.printed).isZero();
            assertThat(count(slapd.ldapUrl(), OpenLdapServer.ADMIN_DN, OpenLdapServer.ADMIN_PASSWORD) - before)
                    .isEqualTo(PEOPLE);
        }
    }

    @Test
    void refusesANonsensicalSizeNamingTheOption() {
        Run run = run("generate", "--people", "0", "--ldif", work.resolve("none.ldif").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.printed).contains("--people must be at least 1, was 0");
        assertThat(work.resolve("none.ldif")).doesNotExist();
    }

    private static int count(String url, String bindDn, String password) throws Exception {
        com.unboundid.ldap.sdk.LDAPURL parsed = new com.unboundid.ldap.sdk.LDAPURL(url);
        try (LDAPConnection connection = new LDAPConnection(parsed.getHost(), parsed.getPort(), bindDn, password)) {
            return connection.search(GeneratedDirectory.BASE_DN, SearchScope.SUB,
                    Filter.createEqualityFilter("objectClass", "toegangPerson"), "1.1").getEntryCount();
        }
    }

    private static String kind(Entry entry) {
        return entry.getObjectClassValues() == null ? "" : java.util.Arrays.stream(entry.getObjectClassValues())
                .filter(name -> name.startsWith("toegang")).findFirst()
                .orElse(entry.getObjectClassValues()[entry.getObjectClassValues().length - 1]);
    }

    private record Run(int exitCode, String printed) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        int exitCode = Toegang.execute(new PrintWriter(out, true), new PrintWriter(out, true), args);
        return new Run(exitCode, out.toString());
    }
}
