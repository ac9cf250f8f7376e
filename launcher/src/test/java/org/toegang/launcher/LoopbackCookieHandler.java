package org.toegang.launcher;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps cookies like a browser does for {@code http://localhost}: Keycloak marks its cookies
 * {@code Secure}, browsers treat loopback as a secure context and send them anyway, but
 * {@link CookieManager} sends Secure cookies over https only. So for loopback hosts the Secure
 * attribute is dropped as cookies are stored; other hosts are left alone.
 */
final class LoopbackCookieHandler extends CookieHandler {
    private static final Pattern SECURE_ATTRIBUTE = Pattern.compile("(?i);\\s*Secure\\s*(?=;|$)");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return cookies.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        if (!isLoopback(uri.getHost())) {
            cookies.put(uri, responseHeaders);
            return;
        }
        Map<String, List<String>> relaxed = responseHeaders.entrySet().stream()
                .filter(header -> header.getKey() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, header -> isSetCookie(header.getKey())
                        ? header.getValue().stream().map(value -> SECURE_ATTRIBUTE.matcher(value).replaceAll("")).toList()
                        : header.getValue()));
        cookies.put(uri, relaxed);
    }

    private static boolean isSetCookie(String header) {
        return header.equalsIgnoreCase("Set-Cookie") || header.equalsIgnoreCase("Set-Cookie2");
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
