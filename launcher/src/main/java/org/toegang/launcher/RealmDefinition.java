package org.toegang.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The {@code toegang} realm as Keycloak imports it, with this start's directory filled in.
 *
 * <p>The template, {@code toegang-realm.json}, is a realm export of Keycloak 26.7.0 (so Keycloak's
 * own default client scopes and clients are complete: a realm file that lists client scopes gets no
 * defaults) with flows, policies and keys left out, since Keycloak creates those the same way when
 * they are absent. Its {@code @@NAME@@} placeholders hold the directory connection.
 */
final class RealmDefinition {
    static final String REALM = "toegang";
    static final String FILE_NAME = "toegang-realm.json";
    /** The user federation component's id, fixed so that federated user ids are stable. */
    static final String LDAP_COMPONENT_ID = "toegang-ldap";

    private final String json;

    private RealmDefinition(String json) {
        this.json = json;
    }

    /**
     * Read while the realm is written: the directory URL for Keycloak's LDAP federation, when set
     * (the end-to-end tests put a fault proxy there); the directory's own URL otherwise.
     */
    static final String FEDERATION_LDAP_URL = "toegang.federation.ldap-url";

    static RealmDefinition forDirectory(DirectoryAccess directory) {
        String json = template();
        for (Map.Entry<String, String> value : Map.of(
                "@@LDAP_CONNECTION_URL@@", System.getProperty(FEDERATION_LDAP_URL, directory.url()),
                "@@LDAP_BIND_DN@@", directory.bindDn(),
                "@@LDAP_BIND_CREDENTIAL@@", directory.password()).entrySet()) {
            json = json.replace(value.getKey(), jsonEscape(value.getValue()));
        }
        if (json.contains("@@")) {
            throw new IllegalStateException(FILE_NAME + " has a placeholder the launcher does not fill");
        }
        return new RealmDefinition(json);
    }

    String json() {
        return json;
    }

    /** Changes whenever the realm Keycloak should have changes (template or directory connection). */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String template() {
        try (InputStream in = RealmDefinition.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException(FILE_NAME + " is missing from the launcher's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonEscape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
