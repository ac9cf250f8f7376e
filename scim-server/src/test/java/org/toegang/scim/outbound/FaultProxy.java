package org.toegang.scim.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of a real SCIM target that injects faults: the target down (connection
 * closed at once), slow, 500, 429 with {@code Retry-After}, or the connection reset in the middle of
 * the answer after the target already did the work. Request number {@code n} gets fault
 * {@code plan[n % plan.size()]}. Every request that reached the target is logged with its status.
 */
final class FaultProxy implements AutoCloseable {
    enum Fault { NONE, DOWN, SLOW, ERROR_500, TOO_MANY, RESET_AFTER_FORWARD }

    /** A request the target received, and its answer's status. */
    record Forwarded(String method, String path, String body, int status) {
    }

    private final ServerSocket server;
    private final URI upstream;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Forwarded> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong requests = new AtomicLong();
    private volatile List<Fault> plan = List.of(Fault.NONE);
    private volatile Duration slowness = Duration.ofMillis(1500);
    private volatile int retryAfterSeconds = 1;
    private volatile boolean closed;

    FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The base URL to give the provisioner: the target's path on the proxy's port. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + upstream.getPath());
    }

    void plan(Fault... faults) {
        plan = List.of(faults);
    }

    void slowness(Duration duration) {
        slowness = duration;
    }

    void retryAfter(int seconds) {
        retryAfterSeconds = seconds;
    }

    List<Forwarded> forwarded() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    long requests() {
        return requests.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Thread handler = new Thread(() -> handle(socket), "fault-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                List<Fault> current = plan;
                Fault fault = current.get((int) (requests.getAndIncrement() % current.size()));
                switch (fault) {
                    case DOWN -> {
                        socket.setSoLinger(true, 0); // RST: as a stopped process would answer
                        return;
                    }
                    case ERROR_500 -> respond(out, 500, "{\"status\":\"500\",\"detail\":\"injected\"}", Map.of());
                    case TOO_MANY -> respond(out, 429, "{\"status\":\"429\",\"detail\":\"slow down\"}",
                            Map.of("Retry-After", "" + retryAfterSeconds));
                    case SLOW -> {
                        Thread.sleep(slowness.toMillis());
                        forward(request, out, false, socket);
                    }
                    case RESET_AFTER_FORWARD -> {
                        forward(request, out, true, socket);
                        return;
                    }
                    default -> forward(request, out, false, socket);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away; nothing to answer
        }
    }

    private void forward(Request request, OutputStream out, boolean reset, Socket socket)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(request.path()))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (List.of("authorization", "content-type", "accept").contains(name)) {
                builder.header(name, value);
            }
        });
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        log.add(new Forwarded(request.method(), request.path(), new String(request.body(), StandardCharsets.UTF_8),
                response.statusCode()));
        if (reset) {
            byte[] whole = head(response.statusCode(), response.body().getBytes(StandardCharsets.UTF_8).length, Map.of());
            out.write(whole, 0, whole.length / 2);
            out.flush();
            socket.setSoLinger(true, 0);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().firstValue("Location").ifPresent(location -> headers.put("Location", location));
        respond(out, response.statusCode(), response.body(), headers);
    }

    private static void respond(OutputStream out, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(head(status, bytes.length, headers));
        out.write(bytes);
        out.flush();
    }

    private static byte[] head(int status, int length, Map<String, String> headers) {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n")
                .append("Content-Type: application/scim+json\r\n")
                .append("Content-Length: ").append(length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }

    private record Request(String method, String path, Map<String, String> headers, byte[] body) {
        static Request read(InputStream in) throws IOException {
            String line = line(in);
            if (line == null || line.isEmpty()) {
                return null;
            }
            String[] parts = line.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            String path = parts[1].startsWith("/") ? parts[1].substring(1) : parts[1];
            return new Request(parts[0], "/" + path, headers, body);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    break;
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return b == -1 && bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
        }
    }
}
