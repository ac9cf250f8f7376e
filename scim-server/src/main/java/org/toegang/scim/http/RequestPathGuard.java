package org.toegang.scim.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.server.HttpServerFilter;

/**
 * Looks at a request's path and query before they are decoded. Grizzly answers a path it cannot
 * decode (a broken %-escape, invalid UTF-8, an encoded slash, backslash or NUL) with a bare 500,
 * before Jersey and so before our one error mapping; a broken %-escape in the query fails in
 * Jersey outside any resource. Such a request is sent on to the API's base path instead, marked with
 * {@link #REJECTED} naming the reason; {@link RejectedPaths} answers it as a SCIM error. A
 * client's own {@link #REJECTED} header is removed first, so it cannot be forged.
 */
public final class RequestPathGuard extends BaseFilter {
    /** The header that carries the reason, {@code <status> <detail>}, from this filter to {@link RejectedPaths}. */
    public static final String REJECTED = "X-Toegang-Rejected-Path";

    private final String basePath;

    private RequestPathGuard(String basePath) {
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
    }

    /** Puts a guard in front of the HTTP server filter of a started listener's chain. */
    public static void install(FilterChain chain, String basePath) {
        chain.add(chain.indexOfType(HttpServerFilter.class), new RequestPathGuard(basePath));
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request && !request.isCommitted()) {
            request.getHeaders().removeHeader(REJECTED);
            String rejected = reason(request.getRequestURI(), true);
            if (rejected == null) {
                rejected = reason(request.getQueryString(), false);
            }
            if (rejected != null) {
                request.setRequestURI(basePath);
                request.setQueryString(null);
                request.setHeader(REJECTED, rejected);
            }
        }
        return ctx.getInvokeAction();
    }

    /**
     * Why a raw request path or query is refused, as {@code <status> <detail>}; null when it is fine.
     *
     * @param path true for the path, where an encoded slash or backslash is refused too
     */
    static String reason(String rawPath, boolean path) {
        if (rawPath == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '\\' && path) {
                return "400 The path holds a backslash";
            }
            if (c != '%') {
                bytes.put((byte) c);
                continue;
            }
            if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
                    || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                return "400 The " + (path ? "path" : "query") + " holds a malformed %-escape (a % must be followed by two hexadecimal digits)";
            }
            int b = Character.digit(rawPath.charAt(i + 1), 16) * 16 + Character.digit(rawPath.charAt(i + 2), 16);
            if (path && (b == '/' || b == '\\')) {
                return "400 The path holds an encoded slash or backslash (%2F, %5C), which no resource id contains";
            }
            if (path && (b < 0x20 || b == 0x7f)) {
                return "400 The path holds an encoded control character";
            }
            bytes.put((byte) b);
            i += 2;
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
        } catch (CharacterCodingException e) {
            return "400 The " + (path ? "path" : "query") + " is not valid UTF-8 once %-decoded";
        }
        return null;
    }
}
