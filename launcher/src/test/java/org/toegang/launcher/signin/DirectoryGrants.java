package org.toegang.launcher.signin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.util.StaticUtils;

/** Test changes to grants, straight in the directory, as an administrator's change would land. */
public final class DirectoryGrants {
    private final String url;
    private final String bindDn;
    private final String password;

    public DirectoryGrants(String url, String bindDn, String password) {
        this.url = url;
        this.bindDn = bindDn;
        this.password = password;
    }

    public static String dn(String grantId) {
        return "toegangId=" + grantId + ",ou=grants,dc=toegang,dc=local";
    }

    /** Adds an active, open-ended grant valid since yesterday; returns its id. */
    public String add(String personId, String clientId, String right, String organisationKey) {
        String id = UUID.randomUUID().toString();
        String from = StaticUtils.encodeGeneralizedTime(java.util.Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        with(connection -> connection.add("dn: " + dn(id), "objectClass: top", "objectClass: toegangGrant",
                "toegangId: " + id, "toegangPersonId: " + personId, "toegangClientId: " + clientId,
                "toegangRightName: " + right, "toegangOrganisationKey: " + organisationKey,
                "toegangGrantStatus: active", "toegangValidFrom: " + from));
        return id;
    }

    public void setStatus(String grantId, String status) {
        with(connection -> connection.modify(dn(grantId),
                new Modification(ModificationType.REPLACE, "toegangGrantStatus", status)));
    }

    /** Makes a decided request undecided again (status requested, no decision), as the demo data has it. */
    public void reopenRequest(String grantId) {
        with(connection -> connection.modify(dn(grantId),
                new Modification(ModificationType.REPLACE, "toegangGrantStatus", "requested"),
                new Modification(ModificationType.REPLACE, "toegangDecidedBy"),
                new Modification(ModificationType.REPLACE, "toegangDecisionReason")));
    }

    public void delete(String grantId) {
        with(connection -> connection.delete(dn(grantId)));
    }

    private interface Change {
        void apply(LDAPConnection connection) throws LDAPException, com.unboundid.ldif.LDIFException;
    }

    private void with(Change change) {
        try {
            LDAPURL ldapUrl = new LDAPURL(url);
            try (LDAPConnection connection = new LDAPConnection(ldapUrl.getHost(), ldapUrl.getPort(), bindDn, password)) {
                change.apply(connection);
            }
        } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException("directory change failed: " + e.getMessage(), e);
        }
    }
}
