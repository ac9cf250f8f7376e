package org.toegang.directory;

import static com.unboundid.ldap.sdk.controls.ContentSyncRequestControl.SYNC_REQUEST_OID;
import static com.unboundid.ldap.sdk.controls.PersistentSearchRequestControl.PERSISTENT_SEARCH_REQUEST_OID;

import com.unboundid.ldap.listener.LDAPListener;
import com.unboundid.ldap.listener.LDAPListenerClientConnection;
import com.unboundid.ldap.listener.LDAPListenerConfig;
import com.unboundid.ldap.listener.LDAPListenerRequestHandler;
import com.unboundid.ldap.listener.ProxyRequestHandler;
import com.unboundid.ldap.protocol.AddRequestProtocolOp;
import com.unboundid.ldap.protocol.BindRequestProtocolOp;
import com.unboundid.ldap.protocol.CompareRequestProtocolOp;
import com.unboundid.ldap.protocol.DeleteRequestProtocolOp;
import com.unboundid.ldap.protocol.ExtendedRequestProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.ModifyDNRequestProtocolOp;
import com.unboundid.ldap.protocol.ModifyRequestProtocolOp;
import com.unboundid.ldap.protocol.SearchRequestProtocolOp;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SingleServerSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An LDAP proxy on loopback that forwards everything to a directory and counts the searches that
 * pass through it, so tests can measure on the wire how many searches an operation costs.
 * Change feeds (persistent searches, RFC 4533 syncs) and reads of the root DSE (the feed's
 * keep-alive, readiness checks) are forwarded but not counted.
 */
public final class SearchCountingProxy implements AutoCloseable {
    private static final Set<String> CHANGE_FEEDS = Set.of(PERSISTENT_SEARCH_REQUEST_OID, SYNC_REQUEST_OID);

    private final LDAPListener listener;
    private final AtomicLong searches = new AtomicLong();

    /** Starts a proxy in front of the directory at {@code targetUrl}, on a free loopback port. */
    public SearchCountingProxy(String targetUrl) {
        try {
            LDAPURL target = new LDAPURL(targetUrl);
            ProxyRequestHandler proxy = new ProxyRequestHandler(new SingleServerSet(target.getHost(), target.getPort()));
            LDAPListenerConfig config = new LDAPListenerConfig(0, new Counting(proxy, searches));
            config.setListenAddress(InetAddress.getLoopbackAddress());
            listener = new LDAPListener(config);
            listener.startListening();
        } catch (LDAPException e) {
            throw new IllegalArgumentException(targetUrl + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String ldapUrl() {
        return "ldap://127.0.0.1:" + listener.getListenPort();
    }

    /** Searches forwarded since start or the last reset. */
    public long searches() {
        return searches.get();
    }

    public void reset() {
        searches.set(0);
    }

    @Override
    public void close() {
        listener.shutDown(true);
    }

    private static final class Counting extends LDAPListenerRequestHandler {
        private final LDAPListenerRequestHandler delegate;
        private final AtomicLong searches;

        Counting(LDAPListenerRequestHandler delegate, AtomicLong searches) {
            this.delegate = delegate;
            this.searches = searches;
        }

        @Override
        public LDAPListenerRequestHandler newInstance(LDAPListenerClientConnection connection) throws LDAPException {
            return new Counting(delegate.newInstance(connection), searches);
        }

        @Override
        public void closeInstance() {
            delegate.closeInstance();
        }

        @Override
        public LDAPMessage processSearchRequest(int id, SearchRequestProtocolOp request, List<Control> controls) {
            boolean rootDse = request.getBaseDN().isEmpty() && request.getScope() == SearchScope.BASE;
            if (!rootDse && controls.stream().map(Control::getOID).noneMatch(CHANGE_FEEDS::contains)) {
                searches.incrementAndGet();
            }
            return delegate.processSearchRequest(id, request, controls);
        }

        @Override
        public LDAPMessage processAddRequest(int id, AddRequestProtocolOp request, List<Control> controls) {
            return delegate.processAddRequest(id, request, controls);
        }

        @Override
        public LDAPMessage processBindRequest(int id, BindRequestProtocolOp request, List<Control> controls) {
            return delegate.processBindRequest(id, request, controls);
        }

        @Override
        public LDAPMessage processCompareRequest(int id, CompareRequestProtocolOp request, List<Control> controls) {
            return delegate.processCompareRequest(id, request, controls);
        }

        @Override
        public LDAPMessage processDeleteRequest(int id, DeleteRequestProtocolOp request, List<Control> controls) {
            return delegate.processDeleteRequest(id, request, controls);
        }

        @Override
        public LDAPMessage processExtendedRequest(int id, ExtendedRequestProtocolOp request, List<Control> controls) {
            return delegate.processExtendedRequest(id, request, controls);
        }

        @Override
        public LDAPMessage processModifyRequest(int id, ModifyRequestProtocolOp request, List<Control> controls) {
            return delegate.processModifyRequest(id, request, controls);
        }

        @Override
        public LDAPMessage processModifyDNRequest(int id, ModifyDNRequestProtocolOp request, List<Control> controls) {
            return delegate.processModifyDNRequest(id, request, controls);
        }
    }
}
