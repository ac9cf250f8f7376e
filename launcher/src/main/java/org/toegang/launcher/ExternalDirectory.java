package org.toegang.launcher;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * A directory Toegang does not run itself. Before anything starts, it is checked the way Keycloak
 * will use it (connect, then bind), so a wrong URL or password is one clear line at start rather
 * than failed sign-ins later.
 */
final class ExternalDirectory {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private ExternalDirectory() {
    }

    /** @throws StartupException when the URL is malformed, the server does not answer, or the bind fails */
    static void requireReachable(DirectoryAccess access) {
        LDAPURL url = parse(access.url());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
        options.setResponseTimeoutMillis(2L * CONNECT_TIMEOUT_MILLIS);
        SocketFactory sockets = "ldaps".equalsIgnoreCase(url.getScheme()) ? SSLSocketFactory.getDefault() : null;
        try (LDAPConnection connection = new LDAPConnection(sockets, options, url.getHost(), url.getPort())) {
            connection.bind(access.bindDn(), access.password());
        } catch (LDAPException e) {
            if (isUnreachable(e.getResultCode())) {
                throw new StartupException("Directory " + access.url() + " is unreachable: " + reason(e), e);
            }
            throw new StartupException("Directory " + access.url() + " refused the bind as " + access.bindDn() + ": "
                    + e.getResultCode().getName() + " (check --ldap-bind-dn and --ldap-password)", e);
        }
    }

    static LDAPURL parse(String url) {
        try {
            LDAPURL parsed = new LDAPURL(url);
            if (!parsed.hostProvided()) {
                throw new StartupException("--ldap-url " + url + " names no host; write it as ldap://host:port.");
            }
            return parsed;
        } catch (LDAPException e) {
            throw new StartupException("--ldap-url " + url + " is not an LDAP URL; write it as ldap://host:port.", e);
        }
    }

    private static boolean isUnreachable(ResultCode code) {
        return code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN || code == ResultCode.TIMEOUT;
    }

    /** The innermost cause, in words: "Connection refused", "unknown host ldap.example", "connect timed out". */
    private static String reason(LDAPException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage().split(":")[0];
        }
        if (root instanceof SocketTimeoutException) {
            return "no answer within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s";
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? e.getResultCode().getName() : message;
    }
}
