package org.toegang.scim.outbound;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.util.StaticUtils;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.toegang.directory.EmbeddedDirectory;

/** Writes people, work relations and grants into the test directory, as an administrator would. */
final class DirectoryWrites implements AutoCloseable {
    private static final String BASE = EmbeddedDirectory.BASE_DN;
    private final LDAPConnection connection;

    DirectoryWrites(String ldapUrl) throws LDAPException {
        LDAPURL url = new LDAPURL(ldapUrl);
        connection = new LDAPConnection(url.getHost(), url.getPort(), EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD);
    }

    /** A person with a work relation at {@code organisation}, valid since yesterday; answers the person id. */
    String person(String username, String organisation) throws LDAPException {
        String personId = UUID.randomUUID().toString();
        connection.add(new Entry(new DN(new RDN("uid", username), new DN("ou=people," + BASE)),
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "toegangPerson"),
                new Attribute("uid", username), new Attribute("cn", username), new Attribute("givenName", "Test"),
                new Attribute("sn", username), new Attribute("mail", username + "@example.org"),
                new Attribute("toegangPersonId", personId)));
        String relation = UUID.randomUUID().toString();
        connection.add(new Entry(new DN(new RDN("toegangId", relation), new DN("ou=workRelations," + BASE)),
                new Attribute("objectClass", "top", "toegangWorkRelation"), new Attribute("toegangId", relation),
                new Attribute("toegangPersonId", personId), new Attribute("toegangOrganisationKey", organisation),
                new Attribute("toegangWorkRelationType", "permanent"),
                new Attribute("toegangValidFrom", time(Instant.now().minusSeconds(86_400)))));
        return personId;
    }

    /** An active grant; answers its id. */
    String grant(String personId, String clientId, String right, String organisation, Instant from, Instant to)
            throws LDAPException {
        String id = UUID.randomUUID().toString();
        List<Attribute> attributes = new ArrayList<>(List.of(new Attribute("objectClass", "top", "toegangGrant"),
                new Attribute("toegangId", id), new Attribute("toegangPersonId", personId),
                new Attribute("toegangClientId", clientId), new Attribute("toegangRightName", right),
                new Attribute("toegangOrganisationKey", organisation), new Attribute("toegangGrantStatus", "active"),
                new Attribute("toegangValidFrom", time(from))));
        if (to != null) {
            attributes.add(new Attribute("toegangValidTo", time(to)));
        }
        connection.add(new Entry(grantDn(id), attributes));
        return id;
    }

    void revoke(String grantId) throws LDAPException {
        connection.modify(grantDn(grantId).toString(),
                new Modification(ModificationType.REPLACE, "toegangGrantStatus", "revoked"));
    }

    void delete(String grantId) throws LDAPException {
        connection.delete(grantDn(grantId).toString());
    }

    private static DN grantDn(String id) throws LDAPException {
        return new DN(new RDN("toegangId", id), new DN("ou=grants," + BASE));
    }

    static String time(Instant moment) {
        return StaticUtils.encodeGeneralizedTime(moment.toEpochMilli());
    }

    @Override
    public void close() {
        connection.close();
    }
}
