package org.toegang.core.directory;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import javax.net.SocketFactory;

/**
 * A pool of bound connections to the directory, made once and shared; thread-safe. Closing it
 * closes every connection.
 */
public final class Directory implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long RESPONSE_TIMEOUT_MILLIS = 30_000;

    private final DirectoryConfig config;
    private final ServerSet server;
    private final LDAPConnectionPool pool;

    private Directory(DirectoryConfig config, ServerSet server, LDAPConnectionPool pool) {
        this.config = config;
        this.server = server;
        this.pool = pool;
    }

    /**
     * Connects and binds, so that a wrong URL or password is found at start, not at the first
     * sign-in.
     *
     * @throws DirectoryUnavailableException when the directory cannot be reached or refuses the bind
     */
    public static Directory connect(DirectoryConfig config) {
        try {
            LDAPURL url = new LDAPURL(config.url());
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
            options.setResponseTimeoutMillis(RESPONSE_TIMEOUT_MILLIS);
            SingleServerSet server = new SingleServerSet(url.getHost(), url.getPort(), socketFactory(url), options);
            LDAPConnectionPool pool = new LDAPConnectionPool(server, bindRequest(config), 1, config.poolSize());
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            return new Directory(config, server, pool);
        } catch (LDAPException e) {
            throw unavailable(config, e);
        }
    }

    public DirectoryConfig config() {
        return config;
    }

    LDAPConnectionPool pool() {
        return pool;
    }

    /** A bound connection of its own, outside the pool, for a search that stays open; the caller closes it. */
    LDAPConnection openConnection() throws LDAPException {
        LDAPConnection connection = server.getConnection();
        try {
            connection.bind(bindRequest(config));
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    private static SimpleBindRequest bindRequest(DirectoryConfig config) {
        return new SimpleBindRequest(config.bindDn(), config.password());
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Turns an LDAP failure into the message a person needs. */
    static DirectoryUnavailableException unavailable(DirectoryConfig config, LDAPException e) {
        ResultCode code = e.getResultCode();
        String reason;
        if (code == ResultCode.INVALID_CREDENTIALS) {
            reason = "refused the bind as " + config.bindDn() + " (invalid credentials)";
        } else if (code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN || code == ResultCode.TIMEOUT) {
            reason = "is unreachable: " + unreachableReason(e);
        } else {
            reason = "answered " + code + ": " + e.getExceptionMessage();
        }
        return new DirectoryUnavailableException("Directory " + config.url() + " " + reason, e);
    }

    /** The innermost cause, in words: "Connection refused", "unknown host ldap.example", "no answer within 5 s". */
    private static String unreachableReason(LDAPException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.UnknownHostException) {
            return "unknown host " + String.valueOf(root.getMessage()).split(":")[0];
        }
        if (root instanceof java.net.SocketTimeoutException) {
            return "no answer within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s";
        }
        String message = root == e ? e.getExceptionMessage() : root.getMessage();
        return message == null || message.isBlank() ? e.getResultCode().getName() : message;
    }

    private static SocketFactory socketFactory(LDAPURL url) throws LDAPException {
        if (!"ldaps".equalsIgnoreCase(url.getScheme())) {
            return SocketFactory.getDefault();
        }
        try {
            return new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
