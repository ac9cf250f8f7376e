package org.toegang.keycloak.portal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Serves the administration portal's files under {@code /realms/{realm}/portal/}. Every answer
 * carries the portal's security headers; files are revalidated on each use ({@code no-cache}
 * with a strong ETag: the files have no content hash in their names, so a long max-age would keep
 * an old script after an upgrade). The portal holds no data: everything it shows comes from the
 * delegated administration API with the signed-in person's token.
 */
public final class PortalResource {
    /**
     * No inline script or style anywhere, every fetch to this origin (Keycloak serves the API and
     * the token endpoint too), no framing, no base element, no plugins.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final PortalFiles files;
    private final String basePath;

    /** @param basePath the portal's absolute path with a trailing slash, e.g. {@code /realms/toegang/portal/} */
    PortalResource(PortalFiles files, String basePath) {
        this.files = files;
        this.basePath = basePath;
    }

    @GET
    @Path("{path: .*}")
    public Response get(@PathParam("path") String path, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(path, ifNoneMatch, true);
    }

    @HEAD
    @Path("{path: .*}")
    public Response head(@PathParam("path") String path, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(path, ifNoneMatch, false);
    }

    private Response answer(String path, String ifNoneMatch, boolean withBody) {
        Optional<PortalFile> found = files.resolve(path);
        if (found.isEmpty()) {
            return secured(Response.status(Response.Status.NOT_FOUND))
                    .type("text/plain; charset=utf-8").entity(withBody ? "Not found\n" : null)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        PortalFile file = found.get();
        if (file.mediaType().startsWith("text/html")) {
            file = PortalFiles.index(file, basePath);
        }
        Response.ResponseBuilder response = file.matches(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(withBody ? file.bytes() : null).type(file.mediaType());
        return secured(response)
                .header(HttpHeaders.ETAG, file.etag())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                // the authorization code travels in the portal's URL: never send it elsewhere
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .header("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
