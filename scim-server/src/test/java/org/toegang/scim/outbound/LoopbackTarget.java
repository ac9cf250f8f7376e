package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * A minimal in-memory SCIM Users endpoint on loopback for the benchmark (POST, PUT, PATCH active,
 * DELETE; 409 on a taken externalId), so that the figures measure the provisioning pipeline rather
 * than a target. It calls {@code onWrite(externalId, nanoTime)} for every write it accepts.
 */
final class LoopbackTarget implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, String> byExternalId = new ConcurrentHashMap<>();
    private final BiConsumer<String, Long> onWrite;

    LoopbackTarget(BiConsumer<String, Long> onWrite) throws IOException {
        this.onWrite = onWrite;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/scim/v2/Users", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2/");
    }

    int size() {
        return users.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String id = path.length() > "/scim/v2/Users/".length() ? path.substring("/scim/v2/Users/".length()) : null;
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("POST")) {
                ObjectNode user = (ObjectNode) JSON.readTree(body);
                String externalId = user.path("externalId").asText();
                String newId = UUID.randomUUID().toString();
                if (byExternalId.putIfAbsent(externalId, newId) != null) {
                    send(exchange, 409, "{\"status\":\"409\",\"scimType\":\"uniqueness\"}");
                    return;
                }
                user.put("id", newId);
                users.put(newId, user);
                onWrite.accept(externalId, System.nanoTime());
                send(exchange, 201, user.toString());
            } else if (method.equals("PUT") && id != null && users.containsKey(id)) {
                ObjectNode user = (ObjectNode) JSON.readTree(body);
                user.put("id", id);
                users.put(id, user);
                onWrite.accept(user.path("externalId").asText(), System.nanoTime());
                send(exchange, 200, user.toString());
            } else if (method.equals("PATCH") && id != null && users.containsKey(id)) {
                ObjectNode user = users.get(id);
                user.put("active", false);
                onWrite.accept(user.path("externalId").asText(), System.nanoTime());
                send(exchange, 200, user.toString());
            } else if (method.equals("GET") && exchange.getRequestURI().getQuery() != null
                    && exchange.getRequestURI().getQuery().contains("externalId")) {
                String query = java.net.URLDecoder.decode(exchange.getRequestURI().getQuery(), StandardCharsets.UTF_8);
                String externalId = query.replaceAll(".*externalId eq \"([^\"]*)\".*", "$1");
                String found = byExternalId.get(externalId);
                send(exchange, 200, "{\"totalResults\":" + (found == null ? 0 : 1) + ",\"Resources\":["
                        + (found == null ? "" : users.get(found).toString()) + "]}");
            } else {
                send(exchange, 404, "{\"status\":\"404\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/scim+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
