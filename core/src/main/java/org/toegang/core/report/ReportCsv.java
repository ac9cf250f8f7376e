package org.toegang.core.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The report's CSV form (RFC 4180, UTF-8, a header line) and its reading back for bulk upload.
 *
 * <p>Spreadsheets run a cell that starts with {@code = + - @}, a tab or a carriage return as a
 * formula (OWASP "CSV injection"): such a cell is written with a leading apostrophe, which the
 * spreadsheet shows as text, and reading strips exactly that apostrophe again, so a report edited
 * and uploaded keeps every value as it was.
 */
public final class ReportCsv {
    /** The columns, in order; an upload must carry this header. */
    public static final List<String> COLUMNS = List.of("grantId", "personId", "userName", "givenName", "familyName",
            "organisationKey", "clientId", "right", "context", "validFrom", "validTo", "status", "countsNow", "reason");
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\r\n").get();
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private ReportCsv() {
    }

    /** A writer of rows to {@code out}; flush or close it when done. */
    public static Printer printer(Writer out) {
        try {
            return new Printer(new CSVPrinter(out, WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes rows one at a time, so a report streams. */
    public static final class Printer implements AutoCloseable {
        private final CSVPrinter csv;

        private Printer(CSVPrinter csv) {
            this.csv = csv;
        }

        public void print(ReportRow row) {
            try {
                csv.printRecord(cells(row).stream().map(ReportCsv::safe).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void flush() {
            try {
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                csv.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static List<String> cells(ReportRow row) {
        return List.of(row.grantId().orElse(""), row.personId(), row.userName(), row.givenName(), row.familyName(),
                row.organisationKey(), row.clientId(), row.right(), row.context().orElse(""), row.validFrom().toString(),
                row.validTo().map(Instant::toString).orElse(""), row.status(), Boolean.toString(row.countsNow()),
                row.reason().orElse(""));
    }

    /** The cell as a spreadsheet will show it as text (see the class comment). */
    static String safe(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    static String unsafe(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }

    /**
     * Reads an uploaded report. Every line yields either a row or the refusals that name its line
     * number (the header is line 1) and field; nothing is thrown for bad content.
     *
     * @throws BulkRefusal.Invalid when the header is not the report's
     */
    public static List<Parsed> read(Reader in) {
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get()) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                throw new BulkRefusal.Invalid(new BulkRefusal(1, "header",
                        "must be the report's columns " + String.join(",", COLUMNS)));
            }
            List<Parsed> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                lines.add(parse(record, (int) record.getRecordNumber() + 1));
            }
            return lines;
        } catch (IOException | UncheckedIOException e) {
            throw new BulkRefusal.Invalid(new BulkRefusal(0, "file", "is not readable CSV: " + e.getMessage()));
        }
    }

    private static Parsed parse(CSVRecord record, int line) {
        List<BulkRefusal> refusals = new ArrayList<>();
        if (record.size() != COLUMNS.size()) {
            return new Parsed(line, Optional.empty(), List.of(new BulkRefusal(line, "line",
                    "has " + record.size() + " fields, the report has " + COLUMNS.size())));
        }
        String personId = required(record, "personId", line, refusals);
        String organisationKey = required(record, "organisationKey", line, refusals);
        String clientId = required(record, "clientId", line, refusals);
        String right = required(record, "right", line, refusals);
        String status = required(record, "status", line, refusals);
        Instant from = time(record, "validFrom", line, refusals).orElse(null);
        if (from == null && refusals.stream().noneMatch(r -> r.field().equals("validFrom"))) {
            refusals.add(new BulkRefusal(line, "validFrom", "is required"));
        }
        Optional<Instant> to = time(record, "validTo", line, refusals);
        if (!refusals.isEmpty()) {
            return new Parsed(line, Optional.empty(), refusals);
        }
        return new Parsed(line, Optional.of(new ReportRow(optional(record, "grantId"), personId,
                cell(record, "userName"), cell(record, "givenName"), cell(record, "familyName"), organisationKey,
                clientId, right, optional(record, "context"), from, to, status, false, optional(record, "reason"))),
                List.of());
    }

    private static String cell(CSVRecord record, String column) {
        return unsafe(record.get(column).strip());
    }

    private static Optional<String> optional(CSVRecord record, String column) {
        String value = cell(record, column);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String required(CSVRecord record, String column, int line, List<BulkRefusal> refusals) {
        String value = cell(record, column);
        if (value.isEmpty()) {
            refusals.add(new BulkRefusal(line, column, "is required"));
        }
        return value;
    }

    private static Optional<Instant> time(CSVRecord record, String column, int line, List<BulkRefusal> refusals) {
        String value = cell(record, column);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            refusals.add(new BulkRefusal(line, column, "is not an ISO 8601 UTC time such as 2026-01-31T00:00:00Z"));
            return Optional.empty();
        }
    }

    /** One uploaded line: its row, or why it cannot be read. */
    public record Parsed(int line, Optional<ReportRow> row, List<BulkRefusal> refusals) {
        public Parsed {
            refusals = List.copyOf(refusals);
        }
    }
}
