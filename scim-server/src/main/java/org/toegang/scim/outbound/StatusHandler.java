package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves the targets' status on the SCIM server's port: {@code GET /provisioning/status} as JSON,
 * {@code GET /provisioning/metrics} in the Prometheus text format. Both hold target names,
 * counts, times and error texts only: no credential and no one's personal data, which is why they
 * need no token, like Keycloak's own metrics; put them behind the network's rules in production.
 */
public final class StatusHandler extends HttpHandler {
    public static final String STATUS_PATH = "/provisioning/status";
    public static final String METRICS_PATH = "/provisioning/metrics";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final java.util.function.Supplier<OutboundProvisioning> provisioning;

    /** Serves the status of {@code provisioning} as it is at each request (it restarts when its targets change). */
    public StatusHandler(java.util.function.Supplier<OutboundProvisioning> provisioning) {
        this.provisioning = provisioning;
    }

    public StatusHandler(OutboundProvisioning provisioning) {
        this(() -> provisioning);
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        if (!"GET".equals(request.getMethod().getMethodString())) {
            response.setStatus(405);
            response.setHeader("Allow", "GET");
            return;
        }
        String path = request.getRequestURI();
        if (path.endsWith(METRICS_PATH)) {
            write(response, "text/plain; version=0.0.4; charset=utf-8", provisioning.get().metrics().scrape());
        } else if (path.endsWith(STATUS_PATH)) {
            write(response, "application/json", statusJson().toString());
        } else {
            response.setStatus(404);
        }
    }

    /** The status document: {@code {"targets":[{"name","application","queueDepth","lagSeconds",...}]}}. */
    public ObjectNode statusJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode targets = root.putArray("targets");
        for (StatusBoard.TargetFigures figures : provisioning.get().status().figures()) {
            ObjectNode target = targets.addObject();
            target.put("name", figures.target());
            target.put("application", figures.application());
            target.put("queueDepth", figures.queued());
            target.put("lagSeconds", figures.lag().toMillis() / 1000.0);
            target.put("deadLetters", figures.dead());
            target.put("delivered", figures.delivered());
            target.put("failures", figures.failures());
            put(target, "lastSuccess", figures.lastSuccess());
            target.put("lastError", figures.lastError().orElse(null));
            put(target, "lastErrorAt", figures.lastErrorAt());
        }
        return root;
    }

    private static void put(ObjectNode node, String field, Optional<Instant> moment) {
        node.put(field, moment.map(Instant::toString).orElse(null));
    }

    private static void write(Response response, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
