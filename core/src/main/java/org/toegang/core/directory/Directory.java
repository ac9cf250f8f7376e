package org.toegang.core.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
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
    /**
     * How long a connection attempt may take. A directory that is stopped refuses at once; one
     * behind a partition that drops packets would otherwise hold a sign-in or a token for the
     * operating system's connect timeout (minutes).
     */
    static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    /**
     * How long an operation may wait for its answer. Toegang's searches take milliseconds; a
     * directory that stops answering (a silent partition) must cost a sign-in or token request
     * seconds, not the half minute it did. The pool retries an operation once on a new connection
     * when its connection failed (a restarted directory), so the worst case is about one search
     * and one bind timeout: 2 s + 1.5 s, within the 5 s in which a person or application gets a
     * clear "temporarily unavailable".
     */
    static final long RESPONSE_TIMEOUT_MILLIS = 2_000;
    static final long BIND_TIMEOUT_MILLIS = 1_500;
    /** How long {@link #check} waits for the root DSE. */
    static final long CHECK_TIMEOUT_MILLIS = 2_000;

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
            options.setResponseTimeoutMillis(com.unboundid.ldap.sdk.OperationType.BIND, BIND_TIMEOUT_MILLIS);
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

    /**
     * Proves the directory answers now: reads the root DSE (RFC 4512 section 5.1) on a pooled
     * connection within {@value #CHECK_TIMEOUT_MILLIS} ms, once, without the pool's retry. For
     * readiness checks, and to tell a failed lookup from an unknown user.
     *
     * @throws DirectoryUnavailableException when it does not
     */
    public void check() {
        LDAPConnection connection = null;
        try {
            connection = pool.getConnection();
            SearchRequest rootDse = new SearchRequest("", SearchScope.BASE, Filter.createPresenceFilter("objectClass"),
                    SearchRequest.NO_ATTRIBUTES);
            rootDse.setResponseTimeoutMillis(CHECK_TIMEOUT_MILLIS);
            connection.search(rootDse);
            pool.releaseConnection(connection);
        } catch (LDAPException e) {
            if (connection != null) {
                pool.releaseDefunctConnection(connection);
            }
            throw unavailable(config, e);
        }
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
