package org.toegang.scim.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.toegang.core.ValidationException;
import org.toegang.core.directory.DirectoryUnavailableException;
import org.toegang.core.directory.StoreConflictException;

/**
 * The one place every failure becomes a response: a SCIM error (RFC 7644 §3.12) with its HTTP
 * status and, where the RFC defines one, its {@code scimType}.
 */
@Provider
public final class ScimErrors implements ExceptionMapper<Throwable> {
    private static final System.Logger LOG = System.getLogger(ScimErrors.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        return response(toScim(failure));
    }

    /** The SCIM error a failure means. */
    public static ScimException toScim(Throwable failure) {
        if (failure instanceof ScimException scim) {
            return scim;
        }
        if (failure instanceof StoreConflictException conflict) {
            return switch (conflict.kind()) {
                case UNIQUENESS -> withStatus(409, BadRequestException.UNIQUENESS, conflict.getMessage());
                case STALE_VERSION -> withStatus(412, null, conflict.getMessage());
                case TOO_MANY_RESULTS -> BadRequestException.tooMany(conflict.getMessage());
            };
        }
        if (failure instanceof org.toegang.core.directory.CursorSearches.ExpiredCursorException expired) {
            return new BadRequestException(expired.getMessage(), CursorResponse.EXPIRED_CURSOR);
        }
        if (failure instanceof ValidationException invalid) {
            return BadRequestException.invalidValue(invalid.getMessage());
        }
        if (failure instanceof JsonProcessingException json) {
            return BadRequestException.invalidSyntax("The body is not valid JSON: " + json.getOriginalMessage());
        }
        if (failure instanceof ProcessingException processing && processing.getCause() != null) {
            return toScim(processing.getCause());
        }
        if (failure instanceof DirectoryUnavailableException down) {
            LOG.log(System.Logger.Level.ERROR, down.getMessage(), down);
            return withStatus(503, null, "The directory is unavailable; try again later");
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 400 && web.getCause() != null) {
                return toScim(web.getCause());
            }
            return withStatus(status, null, status == 404 ? "No such endpoint" : web.getMessage());
        }
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure", failure);
        return withStatus(500, null, "Internal error");
    }

    public static Response response(ScimException scim) {
        ErrorResponse error = scim.getScimError();
        Response.ResponseBuilder builder = Response.status(error.getStatus()).type(ScimMediaTypes.SCIM_JSON)
                .entity(error);
        if (error.getStatus() == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"toegang\"");
        } else if (error.getStatus() == 403) {
            // Every 403 here is a valid token without the toegang-scim role the request needs (RFC 6750 §3.1).
            builder.header("WWW-Authenticate", "Bearer realm=\"toegang\", error=\"insufficient_scope\"");
        } else if (error.getStatus() == 503) {
            // the directory's timeouts are about 2 s (core Directory): a few seconds on, trying again makes sense
            builder.header("Retry-After", "5");
        }
        return builder.build();
    }

    private static ScimException withStatus(int status, String scimType, String detail) {
        return new ScimException(status, scimType, detail);
    }
}
