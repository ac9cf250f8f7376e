package org.toegang.scim.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * A target did not do what was asked. Three kinds a caller tells apart: {@link #retryable()}
 * (no answer, 408, 429, 5xx: try again later, no sooner than {@link #retryAfter()} when the
 * target said so), a conflict (409 on create: the account exists already) and a refusal (any
 * other 4xx: trying again would not help). The message never holds a credential.
 */
public final class DeliveryFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** 0 when the target gave no answer (refused connection, reset, timeout). */
    private final int status;
    private final transient Optional<Duration> retryAfter;
    /** The SCIM error's {@code scimType} (RFC 7644 section 3.12), empty when none. */
    private final String scimType;

    private DeliveryFailure(String message, int status, Optional<Duration> retryAfter, Throwable cause) {
        this(message, status, retryAfter, cause, "");
    }

    private DeliveryFailure(String message, int status, Optional<Duration> retryAfter, Throwable cause, String scimType) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.scimType = scimType;
    }

    static DeliveryFailure noAnswer(String what, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new DeliveryFailure(what + ": no answer (" + reason + ")", 0, Optional.empty(), cause);
    }

    static DeliveryFailure answered(String what, int status, String detail, Optional<Duration> retryAfter) {
        String shortDetail = detail == null ? "" : detail.length() > 300 ? detail.substring(0, 300) + "..." : detail;
        return new DeliveryFailure(what + ": HTTP " + status + (shortDetail.isBlank() ? "" : " " + shortDetail), status,
                retryAfter, null);
    }

    static DeliveryFailure answered(String what, int status, String detail, String scimType,
                                    Optional<Duration> retryAfter) {
        DeliveryFailure plain = answered(what, status, detail, retryAfter);
        return new DeliveryFailure(plain.getMessage(), status, retryAfter, null, scimType == null ? "" : scimType);
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }

    public boolean retryable() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }

    public boolean conflict() {
        return status == 409;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** 400 {@code noTarget}: the path of a PATCH matched nothing (e.g. a member that is gone already). */
    public boolean noTarget() {
        return status == 400 && "noTarget".equals(scimType);
    }
}
