package org.toegang.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toegang.core.audit.AuditEntry;
import org.toegang.core.directory.DemoDirectory;
import org.toegang.core.directory.DirectoryAuditTrail;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.model.DefaultRight;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelationType;
import org.toegang.core.report.BulkRefusal;
import org.toegang.core.report.ReportCsv;
import org.toegang.core.report.ReportRow;

/**
 * Reports, comparison and copy, default rights and bulk upload against the embedded directory with
 * the demo data, through the administration policy: Bart administers 0900000147, An owns both
 * applications, Els has no administrative role.
 */
class DelegatedReportsIT {
    static final String BART = "3b9dfb0b-609b-46fc-a935-7dd2d4238322";
    static final String AN = "de47ef3f-70e5-40b8-9b55-d293b7687bcb";
    static final String ELS = "db7ce41f-892a-4631-9875-a7e945835ad2";
    static final String DINA = "26fcfc6f-43d5-4fb6-93c5-7e4bab2dae19";
    static final String CHRIS = "a7bbafce-ec04-4dd8-bdb9-e8fd02406323";
    static final String ORG = "0900000147";

    @TempDir
    static Path data;
    static DemoDirectory demo;
    static Administration administration;
    static DirectoryAuditTrail trail;
    static ReportService reports;
    static RightsComparison comparison;
    static DefaultRightsService defaults;
    static BulkUpload upload;
    static AdminStores stores;

    @BeforeAll
    static void start() {
        demo = DemoDirectory.start(data);
        trail = new DirectoryAuditTrail(demo.directory());
        stores = AdminStores.over(demo.directory(), demo.repository());
        administration = new Administration(stores, trail);
        reports = administration.oversight().reports();
        comparison = administration.oversight().comparison();
        defaults = administration.oversight().defaults();
        upload = administration.oversight().uploads();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static AdminContext as(String personId) {
        return administration.context(Caller.person(personId, "toegang-portal"), Instant.now());
    }

    static List<ReportRow> organisationReport(String personId, String organisationKey) {
        List<ReportRow> rows = new ArrayList<>();
        reports.organisation(as(personId), organisationKey, rows::add);
        return rows;
    }

    static int auditSize(String organisationKey) {
        return trail.forOrganisation(organisationKey, Optional.empty(), Optional.empty(), 1000).size();
    }

    @Test
    void theOrganisationReportListsItsGrantsWithWhetherTheyCountNow() {
        List<ReportRow> rows = organisationReport(BART, ORG);
        assertThat(rows).allSatisfy(row -> assertThat(row.organisationKey()).isEqualTo(ORG));
        assertThat(rows).extracting(row -> row.grantId().orElseThrow())
                .contains("09616c73-9380-45c1-88e1-9d7ac85ad952", "a0a567c9-cae9-4c8b-813d-971557b873a3");
        ReportRow ended = rows.stream().filter(row -> row.grantId().get().startsWith("a0a567c9")).findFirst().orElseThrow();
        assertThat(ended.countsNow()).isFalse();
        assertThat(ended.userName()).isEqualTo("bart.claes");
        assertThat(rows.stream().filter(row -> row.grantId().get().startsWith("09616c73")).findFirst().orElseThrow()
                .countsNow()).isTrue();
    }

    @Test
    void refusesReportsAndTrailsOutsideTheCallersRoleAndDeliversNoRow() {
        List<ReportRow> rows = new ArrayList<>();
        assertThatThrownBy(() -> reports.organisation(as(ELS), ORG, rows::add)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.organisation(as(BART), "0900000345", rows::add))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.application(as(BART), "dv_loket", rows::add))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.auditOfOrganisation(as(AN), ORG, Optional.empty(), Optional.empty(), 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.auditOfApplication(as(BART), "dv_loket", Optional.empty(), Optional.empty(), 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(rows).isEmpty();
    }

    @Test
    void theOwnerSeesEveryHolderOfItsRightsAndWhatEndsSoon() {
        List<ReportRow> rows = new ArrayList<>();
        reports.application(as(AN), "dv_loket", rows::add);
        assertThat(rows).extracting(ReportRow::organisationKey).contains("0900000147", "0900000345", "0900000246");
        assertThat(rows).allSatisfy(row -> assertThat(row.clientId()).isEqualTo("dv_loket"));
        List<ReportRow> soon = new ArrayList<>();
        reports.endingInApplication(as(AN), "dv_loket", 300, soon::add);
        assertThat(soon).extracting(row -> row.grantId().orElseThrow()).contains("da15b97a-8f92-4b0c-ae8d-1de5f208d68b")
                .doesNotContain("09616c73-9380-45c1-88e1-9d7ac85ad952");
        List<ReportRow> verySoon = new ArrayList<>();
        reports.endingInApplication(as(AN), "dv_loket", 30, verySoon::add);
        assertThat(verySoon).extracting(row -> row.grantId().orElseThrow())
                .doesNotContain("da15b97a-8f92-4b0c-ae8d-1de5f208d68b");
    }

    @Test
    void comparesTwoPeopleAndCopiesTheMissingRightsWithOneAuditEntryEach() {
        AdminContext bart = as(BART);
        List<RightsComparison.Missing> missing = comparison.compare(bart, ORG, BART, ELS);
        assertThat(missing).extracting(item -> item.source().right()).containsExactly("LoketGebruiker");
        assertThatThrownBy(() -> comparison.copyMissing(as(ELS), ORG, BART, ELS)).isInstanceOf(AccessDeniedException.class);
        int before = auditSize(ORG);
        List<StoredGrant> copied = comparison.copyMissing(bart, ORG, BART, ELS);
        assertThat(copied).singleElement().satisfies(grant -> {
            assertThat(grant.grant().personId()).isEqualTo(ELS);
            assertThat(grant.grant().right()).isEqualTo("LoketGebruiker");
        });
        assertThat(auditSize(ORG)).isEqualTo(before + 1);
        assertThat(comparison.compare(bart, ORG, BART, ELS)).isEmpty();
        assertThat(comparison.copyMissing(bart, ORG, BART, ELS)).isEmpty();
        assertThat(auditSize(ORG)).isEqualTo(before + 1);
    }

    @Test
    void aDefaultPackageIsGrantedWhenAWorkRelationOfItsTypeIsCreated() {
        AdminContext bart = as(BART);
        assertThatThrownBy(() -> defaults.set(bart, ORG, WorkRelationType.OCCASIONAL,
                List.of(new DefaultRight("dv_loket", "NoSuchRight", Optional.empty()))))
                .isInstanceOf(RefusedException.class).hasMessageContaining("rights[0].right");
        assertThatThrownBy(() -> defaults.set(as(ELS), ORG, WorkRelationType.OCCASIONAL, List.of()))
                .isInstanceOf(AccessDeniedException.class);
        List<DefaultRight> set = defaults.set(bart, ORG, WorkRelationType.OCCASIONAL,
                List.of(new DefaultRight("dv_geoportaal", "GeoGebruiker", Optional.of("lezer"))));
        assertThat(defaults.packages(bart, ORG)).containsEntry(WorkRelationType.OCCASIONAL, set);

        int audited = auditSize(ORG);
        var relation = administration.people().createWorkRelation(bart, ORG, DINA, WorkRelationType.OCCASIONAL,
                // milliseconds: what the directory keeps
                Validity.between(Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS),
                        Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS)));
        assertThat(auditSize(ORG)).isEqualTo(audited + 2); // the work relation and the one default grant
        assertThat(stores.administration().grantsOfPerson(DINA)).singleElement().satisfies(grant -> {
            assertThat(grant.grant().personId()).isEqualTo(DINA);
            assertThat(grant.grant().reason()).contains(DefaultRightsService.REASON_PREFIX + "occasional");
            assertThat(grant.grant().validity()).isEqualTo(relation.value().validity());
        });
        assertThat(organisationReport(BART, ORG)).filteredOn(row -> row.personId().equals(DINA))
                .singleElement().satisfies(row -> assertThat(row.countsNow()).isTrue());
    }

    @Test
    void aReportEditedAndUploadedIsPreviewedLineByLineThenAppliedAllOrNothing() {
        AdminContext bart = as(BART);
        List<ReportRow> rows = organisationReport(BART, ORG).stream()
                .filter(row -> row.clientId().equals("dv_loket") && row.status().equals("active")).toList();
        ReportRow chris = rows.stream().filter(row -> row.personId().equals(CHRIS)).findFirst().orElseThrow();
        Instant newEnd = chris.validTo().orElseThrow().minus(10, ChronoUnit.DAYS);
        StringWriter out = new StringWriter();
        try (ReportCsv.Printer printer = ReportCsv.printer(out)) {
            for (ReportRow row : rows) {
                printer.print(row == chris ? withEnd(row, newEnd) : row);
            }
            // a new grant for An, who works for the organisation, and one with a context the right does not define
            printer.print(newRow(AN, "dv_geoportaal", "GeoGebruiker", "lezer"));
            printer.print(newRow(AN, "dv_loket", "LoketGebruiker", "*)(bogus"));
        }
        String csv = out.toString();
        int lines = rows.size() + 3;
        String before = snapshot();
        int auditBefore = auditSize(ORG);

        BulkUpload.Preview preview = upload.preview(bart, ORG, new StringReader(csv));
        assertThat(preview.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.line()).isEqualTo(lines);
            assertThat(refusal.field()).isEqualTo("context");
        });
        assertThat(preview.changes()).extracting(BulkUpload.Change::kind)
                .containsOnly(BulkUpload.Kind.UNCHANGED, BulkUpload.Kind.CHANGE_VALIDITY, BulkUpload.Kind.CREATE);
        assertThatThrownBy(() -> upload.apply(bart, ORG, new StringReader(csv))).isInstanceOf(BulkRefusal.Invalid.class);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(auditSize(ORG)).isEqualTo(auditBefore);

        String fixed = csv.substring(0, csv.lastIndexOf(",dv_loket,LoketGebruiker", csv.length()));
        fixed = fixed.substring(0, fixed.lastIndexOf("\r\n") + 2);
        String upload = fixed;
        assertThatThrownBy(() -> DelegatedReportsIT.upload.apply(as(ELS), ORG, new StringReader(upload)))
                .isInstanceOf(AccessDeniedException.class);
        List<BulkUpload.Change> applied = DelegatedReportsIT.upload.apply(bart, ORG, new StringReader(fixed));
        long changed = applied.stream().filter(change -> change.kind() != BulkUpload.Kind.UNCHANGED).count();
        assertThat(changed).isEqualTo(2);
        assertThat(auditSize(ORG)).isEqualTo(auditBefore + 2);
        assertThat(stores.administration().grant(chris.grantId().get()).orElseThrow().grant().validity().to())
                .contains(newEnd);
        assertThat(stores.administration().grantsOfPerson(AN)).extracting(StoredGrant::grant)
                .filteredOn(grant -> grant.organisationKey().equals(ORG)).extracting(Grant::right).contains("GeoGebruiker");
    }

    static ReportRow withEnd(ReportRow row, Instant end) {
        return new ReportRow(row.grantId(), row.personId(), row.userName(), row.givenName(), row.familyName(),
                row.organisationKey(), row.clientId(), row.right(), row.context(), row.validFrom(), Optional.of(end),
                row.status(), row.countsNow(), row.reason());
    }

    static ReportRow newRow(String personId, String clientId, String right, String context) {
        return new ReportRow(Optional.empty(), personId, "", "", "", ORG, clientId, right, Optional.ofNullable(context),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Optional.empty(), "active", false,
                Optional.of("=uploaded"));
    }

    /** Every grant of the organisation with its revision: equal snapshots mean nothing changed. */
    static String snapshot() {
        return stores.administration().grantsOfOrganisation(ORG).stream()
                .map(grant -> grant.id() + "@" + grant.revision()).sorted().toList().toString();
    }
}
