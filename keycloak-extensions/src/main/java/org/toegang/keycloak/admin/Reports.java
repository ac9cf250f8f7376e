package org.toegang.keycloak.admin;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.toegang.core.admin.RefusedException;
import org.toegang.core.report.BulkRefusal;
import org.toegang.core.report.ReportCsv;
import org.toegang.core.report.ReportJson;
import org.toegang.core.report.ReportRow;

/**
 * Streams a report as JSON or CSV ({@link StreamingOutput}): rows go out as the directory's pages
 * arrive, so neither side holds the whole report. The caller's permission was checked before the
 * response started; a failure after that can only cut the response short, and is logged.
 */
final class Reports {
    static final String CSV = "text/csv; charset=UTF-8";
    private static final Logger LOG = Logger.getLogger(Reports.class);

    private Reports() {
    }

    /** A report producer: hands every row to the consumer. */
    interface Source {
        void rows(Consumer<ReportRow> out);
    }

    static Response json(Source source) {
        StreamingOutput body = out -> {
            try (ReportJson json = new ReportJson(out)) {
                source.rows(json::write);
            } catch (RuntimeException e) {
                LOG.error("toegang-admin: a report stopped part-way", e);
                throw e;
            }
        };
        return Response.ok(body, "application/json").build();
    }

    static Response csv(Source source, String filename) {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try (ReportCsv.Printer printer = ReportCsv.printer(writer)) {
                source.rows(printer::print);
            } catch (RuntimeException e) {
                LOG.error("toegang-admin: a report stopped part-way", e);
                throw e;
            }
        };
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
    }

    /** Refusals of a bulk upload as a 422 problem document, each named {@code lines[N].field}. */
    static Problems.ApiProblem refused(List<BulkRefusal> refusals) {
        List<RefusedException.FieldError> errors = refusals.stream()
                .map(r -> new RefusedException.FieldError(r.line() > 0 ? "lines[" + r.line() + "]." + r.field() : r.field(),
                        r.reason())).toList();
        return new Problems.ApiProblem(new Problems.Problem("https://toegang.org/problems/invalid-request",
                "Invalid request", 422, errors.size() + " line(s) of the upload are refused; nothing was changed", errors));
    }
}
