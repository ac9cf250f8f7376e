package org.toegang.keycloak.admin;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Entity tags: a resource's revision, quoted (RFC 9110 section 8.8.3). A change needs
 * {@code If-Match} with the tag the caller read (428 without it); a stale tag answers 412, decided
 * atomically by the directory (see {@code RevisionGuard} in core).
 */
final class Etags {
    private Etags() {
    }

    static String of(String revision) {
        return "\"" + revision + "\"";
    }

    /** The revision in {@code If-Match}; 428 when absent. */
    static Optional<String> required(String value) {
        if (value == null || value.isBlank()) {
            throw Problems.preconditionRequired();
        }
        return Optional.of(parse(value));
    }

    /** The revision in {@code If-Match}, if sent; core decides whether the change needs one (428). */
    static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse(value));
    }

    static String parse(String value) {
        String tag = value.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (tag.equals("*") || tag.contains(",")) {
            throw Problems.badRequest("If-Match", "must be one entity tag this API returned");
        }
        return tag;
    }

    static Response ok(Object body, String revision) {
        return Response.ok(Json.write(body), "application/json").header(HttpHeaders.ETAG, of(revision)).build();
    }

    static Response created(Object body, String revision) {
        return Response.status(201).type("application/json").entity(Json.write(body))
                .header(HttpHeaders.ETAG, of(revision)).build();
    }

    static Response json(Object body) {
        return Response.ok(Json.write(body), "application/json").build();
    }

    static Response json(int status, Object body) {
        return Response.status(status).type("application/json").entity(Json.write(body)).build();
    }
}
