package org.toegang.keycloak.admin;

import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;
import org.toegang.core.admin.AdminContext;
import org.toegang.core.admin.Administration;
import org.toegang.core.directory.IdempotencyStore;

/**
 * {@code Idempotency-Key} (IETF httpapi draft): the first request with a key runs and its outcome
 * is stored durably in the directory; a replay with the same key and the same request answers that
 * outcome again ({@code Idempotent-Replayed: true}) and changes nothing; the same key with another
 * request is refused (422); a replay while the first still runs answers 409. Keys are per caller.
 * A 5xx outcome is not kept, so the client may retry; nor is a 401 or 403, which processed nothing.
 */
final class Idempotency {
    private static final int MAX_KEY = 255;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Idempotency.class);

    private Idempotency() {
    }

    static Response once(Administration administration, AdminContext context, String key, String request,
                         Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            throw Problems.badRequest("Idempotency-Key", "is required for this request");
        }
        if (key.length() > MAX_KEY || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw Problems.badRequest("Idempotency-Key", "must be 1 to " + MAX_KEY + " visible ASCII characters");
        }
        IdempotencyStore store = administration.idempotency();
        String caller = context.caller().personId().orElse("client:" + context.caller().clientId());
        String digest = IdempotencyStore.digest(request);
        if (!store.reserve(caller, key, digest)) {
            return replay(store.find(caller, key), digest);
        }
        Response response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            response = Problems.of(e);
        }
        int status = response.getStatus();
        if (status >= 500 || status == 401 || status == 403) {
            // a refusal of the caller processed nothing, and a server failure may be retried: keep neither
            store.release(caller, key);
        } else {
            try {
                store.complete(caller, key, status, String.valueOf(response.getEntity()));
            } catch (RuntimeException e) {
                // the change stands: answer it; a replay then finds the key still running (409), never a second run
                LOG.error("toegang-admin: the outcome of an idempotent request could not be stored", e);
            }
        }
        return response;
    }

    private static Response replay(Optional<IdempotencyStore.Outcome> stored, String digest) {
        IdempotencyStore.Outcome outcome = stored
                .orElseThrow(() -> Problems.conflict("Idempotency-Key", "a request with this key is in progress"));
        if (outcome.status() == IdempotencyStore.RUNNING) {
            throw Problems.conflict("Idempotency-Key", "a request with this key is in progress");
        }
        if (!outcome.requestDigest().equals(digest)) {
            throw new Problems.ApiProblem(new Problems.Problem("https://toegang.org/problems/invalid-request",
                    "Invalid request", 422, "the key was used with another request",
                    java.util.List.of(new org.toegang.core.admin.RefusedException.FieldError("Idempotency-Key",
                            "was used with another request"))));
        }
        return Response.status(outcome.status()).type(outcome.status() < 400 ? "application/json" : Problems.MEDIA_TYPE)
                .entity(outcome.body()).header("Idempotent-Replayed", "true").build();
    }
}
