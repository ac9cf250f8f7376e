package org.toegang.scim.protocol;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Labels every JSON answer {@code application/scim+json} (RFC 7644 §3.1, §8.1), also when the
 * client asked for plain {@code application/json}: the body is the same, and clients and
 * conformance suites check the SCIM media type on every response, errors included.
 */
public final class ScimContentType implements ContainerResponseFilter {
    private static final MediaType SCIM = MediaType.valueOf(ScimMediaTypes.SCIM_JSON);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()
                && !type.isWildcardSubtype()) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, SCIM);
        }
    }
}
