package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.core.ValidationException;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.directory.OpenLdapServer;

/**
 * Plain groups (groupOfNames with toegangScimGroup) and cursor searches over the simple paged
 * results control, on the embedded ApacheDS and on Debian's OpenLDAP with the shipped schema and
 * indexes: both directories accept the entries, keep memberships through a rename, and page.
 */
class GroupsAndCursorsIT {
    static final Path SHIPPED_FORMS = Path.of("../ldap-schema/openldap");

    @TempDir
    Path data;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ApacheDS", "OpenLDAP"})
    void storesGroupsKeepsMembershipsAndPagesWithCursors(String server) throws Exception {
        String url;
        String admin;
        String password;
        AutoCloseable running;
        if (server.equals("OpenLDAP")) {
            assumeTrue(OpenLdapServer.installed() || "true".equals(System.getenv("CI")),
                    "slapd is not installed (apt-get install slapd ldap-utils); groups on OpenLDAP not checked");
            OpenLdapServer slapd = OpenLdapServer.start(data, SHIPPED_FORMS, false);
            url = slapd.ldapUrl();
            admin = OpenLdapServer.ADMIN_DN;
            password = OpenLdapServer.ADMIN_PASSWORD;
            running = slapd;
        } else {
            EmbeddedDirectory embedded = EmbeddedDirectory.builder().dataDirectory(data).port(0).start();
            url = embedded.ldapUrl();
            admin = EmbeddedDirectory.ADMIN_DN;
            password = EmbeddedDirectory.ADMIN_PASSWORD;
            running = embedded;
        }
        try (running; Directory directory = Directory.connect(new DirectoryConfig(url, admin, password,
                EmbeddedDirectory.BASE_DN, 2)); CursorSearches cursors = new CursorSearches(directory)) {
            PersonStore people = new PersonStore(directory);
            GroupStore groups = new GroupStore(directory);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                ids.add(people.create(PersonStoreIT.draft("paged." + i, "Paged", null)).id());
            }
            // cursor pages of 5 over the 12: 5, 5, 2, each person once, then the search is closed
            Filter paged = Filter.createSubstringFilter("uid", "paged.", null, null);
            List<String> walked = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            do {
                CursorSearches.Page<StoredPerson> page = people.page(cursors, paged, 5, cursor);
                page.items().forEach(person -> walked.add(person.id()));
                sizes.add(page.items().size());
                cursor = page.next();
            } while (cursor.isPresent());
            assertThat(sizes).containsExactly(5, 5, 2);
            assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
            assertThat(cursors.openSearches()).isZero();
            String open = people.page(cursors, paged, 5, Optional.empty()).next().orElseThrow();
            people.page(cursors, paged, 5, Optional.of(open));
            assertThatThrownBy(() -> people.page(cursors, paged, 5, Optional.of(open)))
                    .isInstanceOf(CursorSearches.ExpiredCursorException.class);

            // an empty group holds the placeholder; members come and go as values
            String first = walked.get(0);
            String second = walked.get(1);
            StoredGroup empty = groups.create(new GroupDraft("Paged group", Optional.of("ext-1"), Set.of()));
            assertThat(members(url, admin, password, empty.id())).containsExactly(GroupStore.EMPTY_MEMBER);
            StoredGroup two = groups.replace(empty.id(), new GroupDraft("Paged group", Optional.of("ext-1"),
                    Set.of(first, second)), empty.version()).orElseThrow();
            assertThat(two.members()).extracting(StoredGroup.Member::personId).containsExactlyInAnyOrder(first, second);
            assertThat(members(url, admin, password, empty.id())).hasSize(2);
            assertThat(groups.search(Filter.createEqualityFilter("member", groups.memberDn(first).orElseThrow()), 10, false))
                    .extracting(StoredGroup::id).containsExactly(empty.id());
            assertThatThrownBy(() -> groups.replace(empty.id(), new GroupDraft("Paged group", Optional.empty(),
                    Set.of("nobody")), Optional.empty())).isInstanceOf(ValidationException.class);

            StoredPerson renamed = people.find(first).orElseThrow();
            people.replace(first, new PersonDraft("paged.renamed", "Test", "Paged", Optional.empty(), Optional.empty(),
                    Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), true), Optional.of(renamed.version()));
            assertThat(groups.find(empty.id()).orElseThrow().members()).extracting(StoredGroup.Member::personId)
                    .containsExactlyInAnyOrder(first, second);
            people.delete(first, Optional.empty());
            people.delete(second, Optional.empty());
            assertThat(groups.find(empty.id()).orElseThrow().members()).isEmpty();
            assertThat(members(url, admin, password, empty.id())).containsExactly(GroupStore.EMPTY_MEMBER);

            // groups page with cursors too
            for (int i = 0; i < 4; i++) {
                groups.create(new GroupDraft("More " + i, Optional.empty(), Set.of()));
            }
            CursorSearches.Page<StoredGroup> page = groups.page(cursors, Filter.createPresenceFilter("cn"), 3,
                    Optional.empty(), true);
            assertThat(page.items()).hasSize(3);
            assertThat(groups.page(cursors, Filter.createPresenceFilter("cn"), 3, page.next(), true).items()).hasSize(2);
            assertThat(groups.delete(empty.id(), Optional.empty())).isTrue();
            assertThat(groups.find(empty.id())).isEmpty();
        }
    }

    private static List<String> members(String url, String admin, String password, String id) throws Exception {
        URI ldap = URI.create(url);
        try (LDAPConnection connection = new LDAPConnection(ldap.getHost(), ldap.getPort(), admin, password)) {
            SearchResultEntry entry = connection.searchForEntry(EmbeddedDirectory.BASE_DN, SearchScope.SUB,
                    Filter.createEqualityFilter("toegangId", id), "member", "objectClass");
            assertThat(entry.getObjectClassValues()).contains("groupOfNames", "toegangScimGroup");
            return List.of(entry.getAttributeValues("member"));
        }
    }
}
