package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.ValidationException;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelationType;
import org.toegang.directory.EmbeddedDirectory;

/** Writes and searches of people, and the need-to-know query, against the embedded directory. */
class PersonStoreIT {
    @TempDir
    static Path data;
    static EmbeddedDirectory embedded;
    static Directory directory;
    static PersonStore store;
    static RightsQuery rights;

    @BeforeAll
    static void start() {
        embedded = EmbeddedDirectory.builder().dataDirectory(data).port(0).start();
        directory = Directory.connect(new DirectoryConfig(embedded.ldapUrl(), EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 2));
        store = new PersonStore(directory);
        rights = new RightsQuery(directory);
    }

    @AfterAll
    static void stop() {
        directory.close();
        embedded.close();
    }

    static PersonDraft draft(String username, String familyName, String nrn) {
        return new PersonDraft(username, "Test", familyName, Optional.empty(), Optional.of(username + "@x.org"),
                Optional.ofNullable(nrn), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), true);
    }

    @Test
    void aCreatedPersonReadsBackWithTheSameVersion() {
        StoredPerson created = store.create(draft("store.one", "One", null));
        StoredPerson read = store.find(created.id()).orElseThrow();
        assertThat(read.person().username()).isEqualTo("store.one");
        assertThat(read.version()).isEqualTo(created.version());
        assertThat(read.created()).isPresent();
    }

    @Test
    void refusesATakenUserNameOrNationalRegisterNumber() {
        store.create(draft("store.two", "Two", null));
        assertThatThrownBy(() -> store.create(draft("STORE.TWO", "Other", null)))
                .isInstanceOf(StoreConflictException.class).hasMessageContaining("userName");
        assertThatThrownBy(() -> store.create(draft("store.nrn", "Nrn", "85031212362")))
                .isInstanceOf(StoreConflictException.class).hasMessageContaining("nationalRegisterNumber");
    }

    @Test
    void validatesIdentifiersBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> draft("bad", "Bad", "85031212363")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("nationalRegisterNumber");
    }

    @Test
    void replacesRenamesAndRefusesAStaleVersion() {
        StoredPerson created = store.create(draft("store.three", "Three", null));
        StoredPerson renamed = store.replace(created.id(), draft("store.drie", "Drie", null),
                Optional.of(created.version())).orElseThrow();
        assertThat(renamed.person().username()).isEqualTo("store.drie");
        assertThat(renamed.version()).isNotEqualTo(created.version());
        assertThatThrownBy(() -> store.replace(created.id(), draft("store.drie", "X", null),
                Optional.of(created.version()))).isInstanceOf(StoreConflictException.class)
                .extracting(e -> ((StoreConflictException) e).kind()).isEqualTo(StoreConflictException.Kind.STALE_VERSION);
        assertThat(store.delete(created.id(), Optional.of(renamed.version()))).isTrue();
        assertThat(store.find(created.id())).isEmpty();
    }

    @Test
    void deletingAPersonDeletesTheirWorkRelationRequestsWithEverythingElseOfTheirs() throws Exception {
        StoredPerson created = store.create(draft("store.leaver", "Leaver", null));
        String id = created.id();
        new AdministrationStore(directory).addWorkRelation(id, "0900000147", WorkRelationType.PERMANENT,
                new Validity(Instant.now(), Optional.empty()));
        WorkRelationRequestStore requests = new WorkRelationRequestStore(directory);
        requests.add(id, "0900000246", WorkRelationType.PERMANENT, new Validity(Instant.now(), Optional.empty()),
                Optional.of("pending when the person leaves"));
        assertThat(requests.ofPerson(id)).hasSize(1);
        assertThat(entriesOf(id)).hasSize(3); // the person, the work relation, the request

        assertThat(store.delete(id, Optional.of(created.version()))).isTrue();

        assertThat(requests.ofPerson(id)).isEmpty();
        assertThat(entriesOf(id)).isEmpty();
    }

    /** Every entry anywhere in the directory that names this person id. */
    private static List<String> entriesOf(String personId) throws Exception {
        return directory.pool().search(EmbeddedDirectory.BASE_DN, SearchScope.SUB,
                Filter.createEqualityFilter("toegangPersonId", personId), "1.1").getSearchEntries().stream()
                .map(SearchResultEntry::getDN).toList();
    }

    @Test
    void keepsTheExternalIdExactlyAndADeactivationUntilReactivated() {
        PersonDraft plain = draft("store.four", "Four", null);
        PersonDraft deactivated = new PersonDraft(plain.username(), plain.givenName(), plain.familyName(),
                Optional.empty(), plain.email(), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("HR-0042a"), false);
        StoredPerson created = store.create(deactivated);
        StoredPerson read = store.find(created.id()).orElseThrow();
        assertThat(read.externalId()).contains("HR-0042a");
        assertThat(read.active()).isFalse();
        assertThat(read.version()).isEqualTo(created.version());
        Filter byExternalId = Filter.createEqualityFilter(PersonStore.attributeFor(PersonStore.PersonField.EXTERNAL_ID),
                "HR-0042a");
        assertThat(store.search(byExternalId, 10)).extracting(StoredPerson::id).containsExactly(created.id());
        assertThat(store.search(Filter.createEqualityFilter(
                PersonStore.attributeFor(PersonStore.PersonField.EXTERNAL_ID), "hr-0042A"), 10)).isEmpty();
        assertThat(store.search(PersonStore.activeFilter(false), 10)).extracting(StoredPerson::id)
                .containsExactly(created.id());

        StoredPerson reactivated = store.replace(created.id(), plain, Optional.of(read.version())).orElseThrow();
        assertThat(reactivated.active()).isTrue();
        assertThat(reactivated.externalId()).isEmpty();
        assertThat(store.search(PersonStore.activeFilter(false), 10)).isEmpty();
        assertThat(store.search(PersonStore.activeFilter(true), 100)).extracting(StoredPerson::id)
                .contains(created.id(), DirectoryRepositoryIT.AN);
    }

    @Test
    void refusesASearchMatchingMoreThanTheLimit() {
        assertThatThrownBy(() -> store.search(Filter.createPresenceFilter("uid"), 2))
                .isInstanceOf(StoreConflictException.class)
                .extracting(e -> ((StoreConflictException) e).kind()).isEqualTo(StoreConflictException.Kind.TOO_MANY_RESULTS);
    }

    @Test
    void anApplicationSeesExactlyThePeopleWithAnActiveRightOfIt() {
        assertThat(rights.activeGrantsByPerson(Optional.of("dv_geoportaal"), Instant.now()).keySet())
                .containsExactlyInAnyOrder(DirectoryRepositoryIT.AN, DirectoryRepositoryIT.ELS);
        assertThat(rights.activeGrantsByPerson(Optional.of("dv_loket"), Instant.now()).keySet())
                .containsExactlyInAnyOrder(DirectoryRepositoryIT.AN, DirectoryRepositoryIT.BART, DirectoryRepositoryIT.CHRIS);
    }
}
