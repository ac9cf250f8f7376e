package org.toegang.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realm file for an image: {@code toegang-realm.json} with every secret left to the
 * environment of the container, as Keycloak's realm import resolves {@code ${VARIABLE}}
 * placeholders. The directory connection becomes {@code ${TOEGANG_LDAP_URL}},
 * {@code ${TOEGANG_LDAP_BIND_DN}} and {@code ${TOEGANG_LDAP_PASSWORD}}; each confidential
 * client's secret {@code ${TOEGANG_CLIENT_SECRET_<CLIENT ID>}} (upper case, other characters as
 * {@code _}). Nothing secret is baked into an image.
 *
 * <p>{@code java -cp ... org.toegang.launcher.RealmFile OUT.json}, as {@code docker/prepare.sh} runs it.
 */
public final class RealmFile {
    private static final Pattern CLIENT_ID = Pattern.compile("^\\s*\"clientId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("^(\\s*\"secret\"\\s*:\\s*)\"[^\"]*\"");

    private RealmFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RealmFile OUT.json");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, withPlaceholders());
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /** The realm JSON with the placeholders described above. */
    static String withPlaceholders() {
        String json = RealmDefinition.forDirectory(new DirectoryAccess("${TOEGANG_LDAP_URL}", "${TOEGANG_LDAP_BIND_DN}",
                "${TOEGANG_LDAP_PASSWORD}")).json();
        StringBuilder result = new StringBuilder(json.length());
        String client = null;
        for (String line : json.split("\n", -1)) {
            Matcher clientId = CLIENT_ID.matcher(line);
            if (clientId.find()) {
                client = clientId.group(1);
            }
            Matcher secret = SECRET.matcher(line);
            if (secret.find() && client != null) {
                line = secret.replaceFirst("$1\"\\${TOEGANG_CLIENT_SECRET_" + variable(client) + "}\"");
            }
            result.append(line).append('\n');
        }
        return result.substring(0, result.length() - 1);
    }

    static String variable(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
