package org.toegang.keycloak.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * One static file of the portal, as served: its bytes, media type and a strong entity tag
 * (RFC 9110 8.8.3) derived from the bytes, so a browser revalidates cheaply. Immutable.
 *
 * @param bytes the content, never null (a defensive copy is kept)
 * @param mediaType the {@code Content-Type}, with a charset for text
 * @param etag quoted entity tag, never null
 */
record PortalFile(byte[] bytes, String mediaType, String etag) {
    PortalFile {
        bytes = bytes.clone();
    }

    static PortalFile of(byte[] bytes, String mediaType) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
            return new PortalFile(bytes, mediaType, '"' + tag + '"');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** True when an {@code If-None-Match} header names this file's current version. */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }
}
