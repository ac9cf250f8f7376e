package org.toegang.launcher;

import com.unboundid.ldap.sdk.Filter;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import org.toegang.core.directory.Directory;
import org.toegang.core.directory.DirectoryUnavailableException;
import org.toegang.core.directory.PersonStore;
import org.toegang.core.directory.StoreConflictException;
import org.toegang.core.directory.StoredPerson;
import org.toegang.directory.DemoData;
import org.toegang.directory.EmbeddedDirectory;

/** What {@code toegang up} prints once everything is ready: every URL, the logs, the demo accounts. */
final class Banner {
    private static final int MOST_PEOPLE_LISTED = 100;
    private static final List<String[]> DEMO_CLIENTS = List.of(
            new String[] {"dv_geoportaal", "dv_geoportaal-demo-secret", "OIDC, authorization code + PKCE S256"},
            new String[] {"dv_loket", "dv_loket-demo-secret", "OIDC, authorization code + PKCE S256"},
            new String[] {"scim-provisioner", "scim-provisioner-demo-secret", "OIDC, client credentials"});

    private Banner() {
    }

    static void print(PrintWriter out, ToegangStack stack) {
        String keycloak = stack.keycloakUrl().toString();
        String realm = stack.realmUrl().toString();
        out.println();
        out.println("Toegang is up.");
        out.println();
        row(out, "Keycloak", keycloak + "  (realm " + RealmDefinition.REALM + ")");
        row(out, "Account console", realm + "/account");
        row(out, "Administration portal", realm + "/portal/  (sign in as a demo administrator below)");
        row(out, "Admin console", keycloak + "/admin  (user " + KeycloakServer.ADMIN_USERNAME + ", password "
                + KeycloakServer.ADMIN_PASSWORD + "; demo only)");
        row(out, "OpenID configuration", realm + "/.well-known/openid-configuration");
        row(out, "SAML metadata", realm + "/protocol/saml/descriptor");
        row(out, "Health", stack.managementUrl() + "/health/ready");
        stack.scimUrl().ifPresent(scimUrl ->
                row(out, "SCIM 2.0", scimUrl + "  (bearer tokens of the realm with audience toegang-scim)"));
        stack.demoTarget().ifPresent(target -> {
            row(out, "Demo target", target.consoleUsersUrl() + "  (Keycloak's SCIM API, realm " + DemoTarget.REALM
                    + ": " + DemoTarget.APPLICATION + "'s people arrive there)");
            row(out, "", target.scimUrl() + "  (client " + DemoTarget.CLIENT_ID + " / " + DemoTarget.CLIENT_SECRET + ")");
        });
        stack.provisioningStatusUrl().ifPresent(url -> row(out, "Provisioning status", url.toString()));
        DirectoryAccess directory = stack.directory();
        row(out, "LDAP", directory.url() + "  (base " + EmbeddedDirectory.BASE_DN + ", bind " + directory.bindDn() + ")");
        row(out, "Logs", stack.settings().logDirectory() + "  (keycloak.log with the audit trail, directory.log)");
        out.println();
        out.println("Demo clients (client id / secret):");
        for (String[] client : DEMO_CLIENTS) {
            out.printf("  %-18s %-30s %s%n", client[0], client[1], client[2]);
        }
        if (stack.settings().externalDirectory().isEmpty()) {
            out.println();
            out.println("Demo accounts (password " + DemoData.PASSWORD + " for each):");
            demoPeople(directory).forEach(person -> out.printf("  %-16s %-16s %s%n", person[0], person[1], person[2]));
        }
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static void row(PrintWriter out, String what, String where) {
        out.printf("  %-21s %s%n", what, where);
    }

    /**
     * The people in the directory, read from it (through core's {@link PersonStore}, as the SCIM
     * server reads them) so the list never drifts from the demo data.
     */
    private static List<String[]> demoPeople(DirectoryAccess directory) {
        try (Directory connected = Directory.connect(directory.config())) {
            return new PersonStore(connected).search(Filter.createPresenceFilter("uid"), MOST_PEOPLE_LISTED).stream()
                    .sorted(Comparator.comparing((StoredPerson stored) -> stored.person().username()))
                    .map(stored -> new String[] {stored.person().username(), stored.displayName(),
                            stored.person().email().orElse("")})
                    .toList();
        } catch (DirectoryUnavailableException | StoreConflictException e) {
            return List.<String[]>of(new String[] {"(cannot list them: " + e.getMessage() + ")", "", ""});
        }
    }
}
