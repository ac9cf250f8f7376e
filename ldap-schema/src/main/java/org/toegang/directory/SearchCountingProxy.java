package org.toegang.directory;

import static com.unboundid.ldap.sdk.controls.ContentSyncRequestControl.SYNC_REQUEST_OID;
import static com.unboundid.ldap.sdk.controls.PersistentSearchRequestControl.PERSISTENT_SEARCH_REQUEST_OID;

import com.unboundid.asn1.ASN1StreamReader;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.SearchRequestProtocolOp;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An LDAP proxy on loopback that forwards everything to a directory and counts the searches that
 * pass through it, keeping their filters, so tests can measure on the wire how many searches an
 * operation costs and what it asks the directory.
 * Change feeds (persistent searches, RFC 4533 syncs) and reads of the root DSE (the feed's
 * keep-alive, readiness checks) are forwarded but not counted.
 *
 * <p>It relays bytes in both directions at once, as a network does, and only reads the requests
 * (BER-framed LDAP messages) to count them: a proxy that answered one request at a time would
 * hold every later request on a connection behind a persistent search, which never ends.
 */
public final class SearchCountingProxy implements AutoCloseable {
    private static final Set<String> CHANGE_FEEDS = Set.of(PERSISTENT_SEARCH_REQUEST_OID, SYNC_REQUEST_OID);
    private static final byte SEARCH_REQUEST = 0x63;

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listening;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong searches = new AtomicLong();
    /** The counted searches' filters (RFC 4515 strings); bounded, since a proxy may outlive many operations. */
    private final ConcurrentLinkedQueue<String> filters = new ConcurrentLinkedQueue<>();
    private static final int FILTERS_KEPT = 10_000;

    /** Starts a proxy in front of the directory at {@code targetUrl}, on a free loopback port. */
    public SearchCountingProxy(String targetUrl) {
        try {
            LDAPURL target = new LDAPURL(targetUrl);
            targetHost = target.getHost();
            targetPort = target.getPort();
            listening = new ServerSocket();
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (LDAPException e) {
            throw new IllegalArgumentException(targetUrl + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "search-counting-proxy-" + listening.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String ldapUrl() {
        return "ldap://127.0.0.1:" + listening.getLocalPort();
    }

    /** Searches forwarded since start or the last reset. */
    public long searches() {
        return searches.get();
    }

    /** The filters of the searches forwarded since start or the last reset, the most recent 10,000, oldest first. */
    public List<String> filters() {
        return List.copyOf(filters);
    }

    public void reset() {
        searches.set(0);
        filters.clear();
    }

    @Override
    public void close() {
        closeQuietly(listening);
        open.forEach(SearchCountingProxy::closeQuietly);
        open.clear();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket();
                try {
                    server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
                } catch (IOException e) {
                    closeQuietly(client);
                    closeQuietly(server);
                    continue;
                }
                open.add(client);
                open.add(server);
                start(() -> requests(client, server), "search-counting-proxy-requests");
                start(() -> copy(server, client), "search-counting-proxy-responses");
            } catch (IOException e) {
                // closed while accepting
            }
        }
    }

    /** Client to server: message by message, counting the searches. */
    private void requests(Socket client, Socket server) {
        try (DataInputStream in = new DataInputStream(client.getInputStream());
             OutputStream out = server.getOutputStream()) {
            while (true) {
                byte[] message = readElement(in);
                count(message);
                out.write(message);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private void count(byte[] message) {
        try {
            LDAPMessage decoded = LDAPMessage.readFrom(new ASN1StreamReader(new ByteArrayInputStream(message)), true);
            if (decoded == null || decoded.getProtocolOpType() != SEARCH_REQUEST) {
                return;
            }
            SearchRequestProtocolOp search = decoded.getSearchRequestProtocolOp();
            boolean rootDse = search.getBaseDN().isEmpty() && search.getScope() == SearchScope.BASE;
            boolean feed = decoded.getControls().stream().map(Control::getOID).anyMatch(CHANGE_FEEDS::contains);
            if (!rootDse && !feed) {
                searches.incrementAndGet();
                filters.add(search.getFilter().toString());
                if (filters.size() > FILTERS_KEPT) {
                    filters.poll();
                }
            }
        } catch (LDAPException | RuntimeException e) {
            // not a message we can read; forwarded all the same
        }
    }

    /** One BER element (X.690 definite length), header included. */
    private static byte[] readElement(DataInputStream in) throws IOException {
        ByteArrayOutputStream element = new ByteArrayOutputStream();
        int tag = in.read();
        if (tag < 0) {
            throw new EOFException();
        }
        element.write(tag);
        int first = in.readUnsignedByte();
        element.write(first);
        long length = first;
        if ((first & 0x80) != 0) {
            int octets = first & 0x7f;
            length = 0;
            for (int i = 0; i < octets; i++) {
                int octet = in.readUnsignedByte();
                element.write(octet);
                length = (length << 8) | octet;
            }
        }
        if (length > 64L * 1024 * 1024) {
            throw new IOException("element too long: " + length);
        }
        byte[] content = new byte[(int) length];
        in.readFully(content);
        element.write(content);
        return element.toByteArray();
    }

    private static void copy(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing to do
        }
    }
}
