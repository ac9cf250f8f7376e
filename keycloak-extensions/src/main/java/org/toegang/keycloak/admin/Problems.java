package org.toegang.keycloak.admin;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.toegang.core.ValidationException;
import org.toegang.core.admin.AccessDeniedException;
import org.toegang.core.admin.BulkValidityChange;
import org.toegang.core.admin.NotFoundException;
import org.toegang.core.admin.RefusedException;
import org.toegang.core.directory.DirectoryUnavailableException;
import org.toegang.core.directory.StoreConflictException;

/**
 * The one place where failures become responses: RFC 9457 problem documents
 * ({@code application/problem+json}) with an {@code errors} array naming each field and reason.
 * Unexpected failures answer 500 without detail and are logged; nothing is swallowed.
 */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(Problems.class);
    private static final String TYPE = "https://toegang.org/problems/";

    private Problems() {
    }

    /** A problem document; {@code type} is a stable URI per kind. */
    public record Problem(String type, String title, int status, String detail, List<RefusedException.FieldError> errors) {
    }

    /** Thrown where the API itself refuses before core is asked (authentication, headers, body). */
    static final class ApiProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        ApiProblem(Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }
    }

    static ApiProblem unauthorized(String detail) {
        return new ApiProblem(new Problem(TYPE + "unauthorized", "Unauthorized", 401, detail, List.of()));
    }

    static ApiProblem badRequest(String field, String reason) {
        return new ApiProblem(new Problem(TYPE + "invalid-request", "Invalid request", 400, field + ": " + reason,
                List.of(new RefusedException.FieldError(field, reason))));
    }

    static ApiProblem preconditionRequired() {
        return new ApiProblem(new Problem(TYPE + "precondition-required", "Precondition required", 428,
                "send the resource's ETag in If-Match, so that a concurrent change is never lost",
                List.of(new RefusedException.FieldError("If-Match", "is required"))));
    }

    static ApiProblem conflict(String field, String reason) {
        return new ApiProblem(new Problem(TYPE + "conflict", "Conflict", 409, field + ": " + reason,
                List.of(new RefusedException.FieldError(field, reason))));
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(new Problem(TYPE + "not-found", "Not found", 404, detail, List.of()));
    }

    /** The response for any failure. */
    static Response of(RuntimeException failure) {
        Problem problem = problem(failure);
        Response.ResponseBuilder response = Response.status(problem.status()).type(MEDIA_TYPE)
                .entity(Json.write(problem));
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"toegang-admin\"");
        }
        return response.build();
    }

    static Problem problem(RuntimeException failure) {
        if (failure instanceof ApiProblem api) {
            return api.problem;
        }
        if (failure instanceof AccessDeniedException denied) {
            return new Problem(TYPE + "forbidden", "Forbidden", 403, denied.getMessage(), List.of());
        }
        if (failure instanceof NotFoundException missing) {
            return new Problem(TYPE + "not-found", "Not found", 404, missing.getMessage(), List.of());
        }
        if (failure instanceof RefusedException refused) {
            return switch (refused.kind()) {
                case INVALID -> new Problem(TYPE + "invalid-request", "Invalid request", 422, refused.getMessage(),
                        refused.errors());
                case CONFLICT -> new Problem(TYPE + "conflict", "Conflict", 409, refused.getMessage(), refused.errors());
                case STALE -> new Problem(TYPE + "stale", "Precondition failed", 412, refused.getMessage(),
                        refused.errors());
                case PRECONDITION_REQUIRED -> preconditionRequired().problem;
            };
        }
        if (failure instanceof ValidationException invalid) {
            return new Problem(TYPE + "invalid-request", "Invalid request", 422, invalid.getMessage(),
                    List.of(new RefusedException.FieldError(invalid.field(), invalid.getMessage())));
        }
        if (failure instanceof StoreConflictException conflict) {
            return switch (conflict.kind()) {
                case STALE_VERSION -> new Problem(TYPE + "stale", "Precondition failed", 412, conflict.getMessage(),
                        List.of(new RefusedException.FieldError("If-Match", conflict.getMessage())));
                case UNIQUENESS -> new Problem(TYPE + "conflict", "Conflict", 409, conflict.getMessage(),
                        List.of(new RefusedException.FieldError(conflict.field(), conflict.getMessage())));
                case TOO_MANY_RESULTS -> new Problem(TYPE + "invalid-request", "Invalid request", 422,
                        conflict.getMessage(), List.of(new RefusedException.FieldError(conflict.field(), conflict.getMessage())));
            };
        }
        if (failure instanceof DirectoryUnavailableException unavailable) {
            LOG.error("toegang-admin: the directory failed", unavailable);
            return new Problem(TYPE + "unavailable", "Service unavailable", 503,
                    "the directory is unavailable; nothing was changed", List.of());
        }
        if (failure instanceof BulkValidityChange.CompensationFailedException partial) {
            LOG.error("toegang-admin: a bulk change could not be undone completely", partial);
            return new Problem(TYPE + "partially-applied", "Internal error", 500, partial.getMessage(), List.of());
        }
        LOG.error("toegang-admin: unexpected failure", failure);
        return new Problem(TYPE + "internal", "Internal error", 500, "an unexpected error occurred", List.of());
    }
}
