package org.toegang.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReportCsvTest {
    static ReportRow row(String givenName, String reason) {
        return new ReportRow(Optional.of("g-1"), "p-1", "user.one", givenName, "Family, \"quoted\"", "0900000147",
                "dv_loket", "LoketGebruiker", Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"),
                Optional.of(Instant.parse("2027-01-01T00:00:00Z")), "active", true, Optional.ofNullable(reason));
    }

    static String csv(ReportRow... rows) {
        StringWriter out = new StringWriter();
        try (ReportCsv.Printer printer = ReportCsv.printer(out)) {
            for (ReportRow row : rows) {
                printer.print(row);
            }
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"})
    void aCellASpreadsheetWouldRunIsWrittenAsTextAndReadsBackExactly(String value) {
        String written = csv(row(value, value));
        try (var raw = org.apache.commons.csv.CSVParser.parse(written, org.apache.commons.csv.CSVFormat.RFC4180)) {
            // what a spreadsheet sees: no cell starts with the formula character
            assertThat(raw.getRecords().get(1).toList()).noneMatch(cell -> cell.startsWith(value.substring(0, 1)))
                    .contains("'" + value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ReportRow read = ReportCsv.read(new StringReader(written)).get(0).row().orElseThrow();
        assertThat(read.givenName()).isEqualTo(value);
        assertThat(read.reason()).contains(value);
    }

    @Test
    void roundTripsEveryColumnExceptTheComputedOne() {
        ReportRow original = row("An, \"the\" first", "needs it; \"really\"");
        String written = csv(original);
        assertThat(written).startsWith(String.join(",", ReportCsv.COLUMNS) + "\r\n");
        ReportRow read = ReportCsv.read(new StringReader(written)).get(0).row().orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("countsNow").isEqualTo(original);
    }

    @Test
    void namesTheLineAndFieldOfEveryBadValue() {
        String header = String.join(",", ReportCsv.COLUMNS);
        String csv = header + "\n"
                + ",p-1,u,g,f,0900000147,dv_loket,LoketGebruiker,,2026-01-01T00:00:00Z,,active,true,\n"
                + ",,u,g,f,0900000147,dv_loket,LoketGebruiker,,yesterday,,active,true,\n"
                + "too,few\n";
        List<ReportCsv.Parsed> lines = ReportCsv.read(new StringReader(csv));
        assertThat(lines.get(0).row()).isPresent();
        assertThat(lines.get(1).refusals()).extracting(BulkRefusal::line, BulkRefusal::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "personId"),
                        org.assertj.core.groups.Tuple.tuple(3, "validFrom"));
        assertThat(lines.get(2).refusals()).extracting(BulkRefusal::line, BulkRefusal::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "line"));
    }

    @Test
    void refusesAFileWithoutTheReportsHeader() {
        assertThatThrownBy(() -> ReportCsv.read(new StringReader("a,b\n1,2\n")))
                .isInstanceOf(BulkRefusal.Invalid.class).hasMessageContaining("header");
    }
}
