package org.toegang.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The report as a JSON array written row by row ({@code [{"grantId":...}, ...]}, the CSV's column
 * names as member names; absent values are left out), so it streams like the CSV.
 */
public final class ReportJson implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonGenerator json;

    public ReportJson(OutputStream out) {
        try {
            json = FACTORY.createGenerator(out);
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(ReportRow row) {
        try {
            json.writeStartObject();
            if (row.grantId().isPresent()) {
                json.writeStringField("grantId", row.grantId().get());
            }
            json.writeStringField("personId", row.personId());
            json.writeStringField("userName", row.userName());
            json.writeStringField("givenName", row.givenName());
            json.writeStringField("familyName", row.familyName());
            json.writeStringField("organisationKey", row.organisationKey());
            json.writeStringField("clientId", row.clientId());
            json.writeStringField("right", row.right());
            if (row.context().isPresent()) {
                json.writeStringField("context", row.context().get());
            }
            json.writeStringField("validFrom", row.validFrom().toString());
            if (row.validTo().isPresent()) {
                json.writeStringField("validTo", row.validTo().map(Instant::toString).get());
            }
            json.writeStringField("status", row.status());
            json.writeBooleanField("countsNow", row.countsNow());
            if (row.reason().isPresent()) {
                json.writeStringField("reason", row.reason().get());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            json.writeEndArray();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
