package org.toegang.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPBindException;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.StaticUtils;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDirectoryIT {
    @TempDir
    Path data;

    @Test
    void servesTheDemoDataAndChecksPasswordsKeptInLdap() throws Exception {
        try (EmbeddedDirectory directory = start(false); LDAPConnection ldap = connect(directory)) {
            ldap.bind("uid=an.peeters,ou=people," + EmbeddedDirectory.BASE_DN, DemoData.PASSWORD);
            assertThatThrownBy(() -> ldap.bind("uid=an.peeters,ou=people," + EmbeddedDirectory.BASE_DN, "wrong"))
                    .isInstanceOfSatisfying(LDAPBindException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));

            ldap.bind(EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);
            SearchResultEntry an = ldap.getEntry("uid=an.peeters,ou=people," + EmbeddedDirectory.BASE_DN,
                    "givenName", "sn", "mail", "entryUUID", "toegangNationalRegisterNumber");
            assertThat(an.getAttributeValue("givenName")).isEqualTo("An");
            assertThat(an.getAttributeValue("mail")).isEqualTo("an.peeters@demo.toegang.local");
            assertThat(an.getAttributeValue("entryUUID")).isEqualTo("4fac35f0-f730-4a12-a6ae-248ef2d27a29");
            assertThat(an.getAttributeValue("toegangNationalRegisterNumber")).isEqualTo("85031212362");
            assertThat(count(ldap, "(objectClass=toegangOrganisation)")).isEqualTo(4);
            assertThat(count(ldap, "(objectClass=inetOrgPerson)")).isEqualTo(5);
        }
    }

    @Test
    void filtersGrantsOnValidityWithTheOrderingMatchingRule() throws Exception {
        try (EmbeddedDirectory directory = start(false); LDAPConnection ldap = connect(directory)) {
            ldap.bind(EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);
            String now = StaticUtils.encodeGeneralizedTime(new Date());
            String bart = "3b9dfb0b-609b-46fc-a935-7dd2d4238322";
            Filter activeNow = Filter.createANDFilter(
                    Filter.createEqualityFilter("objectClass", "toegangGrant"),
                    Filter.createEqualityFilter("toegangPersonId", bart),
                    Filter.createLessOrEqualFilter("toegangValidFrom", now),
                    Filter.createORFilter(
                            Filter.createNOTFilter(Filter.createPresenceFilter("toegangValidTo")),
                            Filter.createGreaterOrEqualFilter("toegangValidTo", now)));
            List<SearchResultEntry> grants = ldap.search(EmbeddedDirectory.BASE_DN, SearchScope.SUB, activeNow)
                    .getSearchEntries();
            assertThat(grants).extracting(entry -> entry.getAttributeValue("toegangClientId"))
                    .containsExactly("dv_loket");
        }
    }

    @Test
    void bulkLoadsBeforeServingAndRefusesWhatTheSchemaRefuses() throws Exception {
        List<Entry> people = List.of(person("bulk.one", "One"), person("bulk.two", "Two"));
        assertThat(EmbeddedDirectory.builder().dataDirectory(data).load(people, false)).isEqualTo(2);
        // loaded once more: kept when asked, else refused naming the entry
        assertThat(EmbeddedDirectory.builder().dataDirectory(data).load(people, true)).isZero();
        assertThatThrownBy(() -> EmbeddedDirectory.builder().dataDirectory(data).load(people, false))
                .isInstanceOf(DirectoryException.class).hasMessageContaining("uid=bulk.one");
        Entry unknownAttribute = person("bulk.three", "Three");
        unknownAttribute.addAttribute("toegangNoSuchThing", "x");
        assertThatThrownBy(() -> EmbeddedDirectory.builder().dataDirectory(data).load(List.of(unknownAttribute), false))
                .isInstanceOf(DirectoryException.class).hasMessageContaining("uid=bulk.three");
        try (EmbeddedDirectory directory = start(false); LDAPConnection ldap = connect(directory)) {
            ldap.bind(EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);
            assertThat(count(ldap, "(objectClass=inetOrgPerson)")).isEqualTo(7); // the demo's five and the two loaded
            assertThat(count(ldap, "(&(objectClass=toegangPerson)(givenName=*ne*))")).isEqualTo(1);
            assertThat(ldap.getEntry("uid=bulk.two,ou=people," + EmbeddedDirectory.BASE_DN, "entryUUID")
                    .getAttributeValue("entryUUID")).isNotBlank();
        }
    }

    private static Entry person(String uid, String given) {
        return new Entry("uid=" + uid + ",ou=people," + EmbeddedDirectory.BASE_DN,
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "toegangPerson"),
                new Attribute("uid", uid), new Attribute("cn", given + " Bulk"), new Attribute("givenName", given),
                new Attribute("sn", "Bulk"), new Attribute("toegangPersonId", "id-" + uid));
    }

    @Test
    void keepsItsDataAcrossRestartsAndResetsWhenFresh() throws Exception {
        try (EmbeddedDirectory directory = start(false); LDAPConnection ldap = connect(directory)) {
            ldap.bind(EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);
            ldap.delete("uid=dina.maes,ou=people," + EmbeddedDirectory.BASE_DN);
        }
        try (EmbeddedDirectory directory = start(false); LDAPConnection ldap = connect(directory)) {
            ldap.bind(EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);
            assertThat(count(ldap, "(objectClass=inetOrgPerson)")).isEqualTo(4);
            assertThat(ldap.getEntry("uid=an.peeters,ou=people," + EmbeddedDirectory.BASE_DN, "entryUUID")
                    .getAttributeValue("entryUUID")).isEqualTo("4fac35f0-f730-4a12-a6ae-248ef2d27a29");
        }
        try (EmbeddedDirectory directory = start(true); LDAPConnection ldap = connect(directory)) {
            ldap.bind(EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);
            assertThat(count(ldap, "(objectClass=inetOrgPerson)")).isEqualTo(5);
        }
    }

    @Test
    void storesADeactivationThatTheSignInFilterHonoursAcrossARestart() throws Exception {
        String dina = "uid=dina.maes,ou=people," + EmbeddedDirectory.BASE_DN;
        try (EmbeddedDirectory directory = start(false); LDAPConnection ldap = connect(directory)) {
            ldap.bind(EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);
            ldap.modify(dina, new Modification(ModificationType.REPLACE, "toegangActive", "FALSE"),
                    new Modification(ModificationType.REPLACE, "toegangExternalId", "HR-7"));
        }
        try (EmbeddedDirectory directory = start(false); LDAPConnection ldap = connect(directory)) {
            ldap.bind(EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);
            // the realm's customUserSearchFilter: an absent toegangActive means active
            assertThat(count(ldap, "(&(objectClass=toegangPerson)(!(toegangActive=FALSE)))")).isEqualTo(4);
            assertThat(count(ldap, "(toegangActive=false)")).isEqualTo(1);
            assertThat(count(ldap, "(toegangExternalId=HR-7)")).isEqualTo(1);
            assertThat(count(ldap, "(toegangExternalId=hr-7)")).as("externalId is case-exact").isZero();
        }
    }

    @Test
    void givesApacheDsARecordCacheSizedToTheHeapUnlessTheOperatorChoseOne() throws Exception {
        String chosen = System.getProperty(EmbeddedDirectory.RECORD_CACHE_PROPERTY);
        try (EmbeddedDirectory directory = start(false)) {
            assertThat(System.getProperty(EmbeddedDirectory.RECORD_CACHE_PROPERTY)).isEqualTo(chosen != null ? chosen
                    : Integer.toString(EmbeddedDirectory.recordCacheSize(Runtime.getRuntime().maxMemory())));
        }
    }

    @Test
    void refusesAnonymousReads() throws Exception {
        try (EmbeddedDirectory directory = start(false); LDAPConnection ldap = connect(directory)) {
            assertThatThrownBy(() -> ldap.search(EmbeddedDirectory.BASE_DN, SearchScope.SUB, "(uid=*)"))
                    .isInstanceOfSatisfying(com.unboundid.ldap.sdk.LDAPSearchException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
    }

    @Test
    void saysWhichPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> EmbeddedDirectory.builder().dataDirectory(data).port(taken.getLocalPort()).start())
                    .isInstanceOf(DirectoryException.class)
                    .hasMessageContaining("LDAP port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    private EmbeddedDirectory start(boolean fresh) {
        return EmbeddedDirectory.builder().dataDirectory(data).port(0).fresh(fresh).start();
    }

    private static LDAPConnection connect(EmbeddedDirectory directory) throws Exception {
        LDAPURL url = new LDAPURL(directory.ldapUrl());
        return new LDAPConnection(url.getHost(), url.getPort());
    }

    private static int count(LDAPConnection ldap, String filter) throws Exception {
        return ldap.search(EmbeddedDirectory.BASE_DN, SearchScope.SUB, filter, "1.1").getEntryCount();
    }
}
