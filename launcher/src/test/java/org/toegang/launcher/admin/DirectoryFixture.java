package org.toegang.launcher.admin;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.StaticUtils;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.toegang.launcher.DirectoryAccess;

/**
 * Writes test entries straight into the directory and exports it whole, so that a test can show
 * that a refused call changed nothing.
 */
final class DirectoryFixture implements AutoCloseable {
    static final String BASE = "dc=toegang,dc=local";
    /** The demo password's hash (demo-data.ldif). */
    static final String PASSWORD_HASH = "{SSHA}vVKEVP5JruxI2aMDdqrok3NHaPTdLIZNfAEjVA==";

    private final LDAPConnection connection;

    DirectoryFixture(DirectoryAccess directory) {
        try {
            LDAPURL url = new LDAPURL(directory.url());
            connection = new LDAPConnection(url.getHost(), url.getPort(), directory.bindDn(), directory.password());
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    static String time(Instant moment) {
        return StaticUtils.encodeGeneralizedTime(java.util.Date.from(moment));
    }

    static Instant daysFromNow(long days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Adds a person who can sign in; returns the directory id. */
    String person(String username, String given, String family) {
        String id = UUID.randomUUID().toString();
        add("dn: uid=" + username + ",ou=people," + BASE, "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "objectClass: toegangPerson",
                "uid: " + username, "cn: " + given + " " + family, "givenName: " + given, "sn: " + family,
                "mail: " + username + "@test.toegang.local", "userPassword: " + PASSWORD_HASH, "toegangPersonId: " + id);
        return id;
    }

    String workRelation(String personId, String organisationKey, Instant from) {
        String id = UUID.randomUUID().toString();
        add("dn: toegangId=" + id + ",ou=workRelations," + BASE, "objectClass: top", "objectClass: toegangWorkRelation",
                "toegangId: " + id, "toegangPersonId: " + personId, "toegangOrganisationKey: " + organisationKey,
                "toegangWorkRelationType: permanent", "toegangValidFrom: " + time(from));
        return id;
    }

    String delegation(String personId, String organisationKey, String role, Instant from, Instant to, String... limitedTo) {
        String id = UUID.randomUUID().toString();
        List<String> lines = new ArrayList<>(List.of("dn: toegangId=" + id + ",ou=delegations," + BASE, "objectClass: top",
                "objectClass: toegangDelegation", "toegangId: " + id, "toegangPersonId: " + personId,
                "toegangOrganisationKey: " + organisationKey, "toegangDelegationRole: " + role,
                "toegangValidFrom: " + time(from)));
        if (to != null) {
            lines.add("toegangValidTo: " + time(to));
        }
        for (String clientId : limitedTo) {
            lines.add("toegangLimitedToClientId: " + clientId);
        }
        add(lines.toArray(String[]::new));
        return id;
    }

    String grant(String personId, String clientId, String right, String organisationKey, String status) {
        String id = UUID.randomUUID().toString();
        add("dn: toegangId=" + id + ",ou=grants," + BASE, "objectClass: top", "objectClass: toegangGrant",
                "toegangId: " + id, "toegangPersonId: " + personId, "toegangClientId: " + clientId,
                "toegangRightName: " + right, "toegangOrganisationKey: " + organisationKey,
                "toegangGrantStatus: " + status, "toegangValidFrom: " + time(daysFromNow(-1)),
                "toegangGrantedBy: " + personId);
        return id;
    }

    /** A person's undecided request to work for an organisation, as the API stores it (WorkRelationRequestStore). */
    String workRelationRequest(String personId, String organisationKey) {
        try {
            connection.add(new Entry("dn: ou=workRelationRequests," + BASE, "objectClass: top",
                    "objectClass: organizationalUnit", "ou: workRelationRequests"));
        } catch (LDAPException e) {
            if (e.getResultCode() != com.unboundid.ldap.sdk.ResultCode.ENTRY_ALREADY_EXISTS) {
                throw new IllegalStateException(e);
            }
        } catch (com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
        String id = UUID.randomUUID().toString();
        add("dn: toegangId=" + id + ",ou=workRelationRequests," + BASE, "objectClass: top",
                "objectClass: applicationProcess", "objectClass: extensibleObject", "objectClass: toegangVersioned",
                "cn: " + id, "toegangId: " + id, "toegangPersonId: " + personId,
                "toegangOrganisationKey: " + organisationKey, "toegangWorkRelationType: external",
                "toegangValidFrom: " + time(daysFromNow(-1)), "toegangGrantStatus: requested", "toegangRevision: r1");
        return id;
    }

    /** Deletes the entries a test made, so the shared stack's next test class finds the demo data as it was. */
    void deleteWhere(String filter) {
        for (SearchResultEntry entry : search(filter)) {
            try {
                connection.delete(entry.getDN());
            } catch (LDAPException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    void application(String clientId, String owner, String openTo) {
        add("dn: toegangClientId=" + clientId + ",ou=applications," + BASE, "objectClass: top",
                "objectClass: toegangApplication", "toegangClientId: " + clientId, "cn: " + clientId,
                "toegangOwnerOrganisation: " + owner, "toegangCapacityPer: organisation", "toegangOpenTo: " + openTo);
    }

    void right(String clientId, String name, boolean needsApproval, String grantableBy) {
        add("dn: toegangRightName=" + name + ",toegangClientId=" + clientId + ",ou=applications," + BASE,
                "objectClass: top", "objectClass: toegangRight", "toegangClientId: " + clientId,
                "toegangRightName: " + name, "toegangNeedsApproval: " + (needsApproval ? "TRUE" : "FALSE"),
                "toegangGrantableBy: " + grantableBy);
    }

    SearchResultEntry entry(String dn) {
        try {
            return connection.getEntry(dn, "*", "+");
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    List<SearchResultEntry> search(String filter) {
        try {
            return connection.search(new SearchRequest(BASE, SearchScope.SUB, filter, "*")).getSearchEntries();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every entry below the base with every user attribute, as sorted text: equal exports, equal directories. */
    String export() {
        List<String> entries = new ArrayList<>();
        for (SearchResultEntry entry : search("(objectClass=*)")) {
            List<String> lines = new ArrayList<>();
            for (Attribute attribute : entry.getAttributes()) {
                String[] values = attribute.getValues();
                Arrays.sort(values);
                lines.add(attribute.getName().toLowerCase() + ": " + String.join(" | ", values));
            }
            lines.sort(null);
            entries.add(entry.getDN().toLowerCase() + "\n" + String.join("\n", lines));
        }
        entries.sort(null);
        return String.join("\n\n", entries);
    }

    void add(String... ldif) {
        try {
            connection.add(new Entry(ldif));
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException("cannot add " + ldif[0] + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
