package org.toegang.launcher.generate;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Where generated entries go: an LDIF file (for {@code slapadd}, OpenLDAP's offline bulk load, or
 * {@code ldapadd}), or a running LDAP server over the protocol, with several connections adding
 * in parallel once the structure (base, OUs, organisations, applications) is in.
 */
public final class DirectoryLoader {
    private static final Entry END = new Entry("cn=end");

    private DirectoryLoader() {
    }

    /** Writes every entry, parents first, to {@code ldif}; returns how many. */
    public static long writeLdif(GeneratedDirectory generated, Path ldif, LongConsumer progress) {
        AtomicLong written = new AtomicLong();
        try (LDIFWriter writer = new LDIFWriter(ldif.toFile())) {
            writer.setWrapColumn(0);
            java.util.function.Consumer<Entry> write = entry -> {
                try {
                    writer.writeEntry(entry);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.accept(written.incrementAndGet());
            };
            generated.structure(write);
            generated.leaves(write);
            return written.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ldif, e);
        }
    }

    /**
     * Adds every entry to the server at {@code url} as {@code bindDn}: the structure on one
     * connection (an entry that is there already, such as the base of a directory with the demo
     * data, is kept), the rest on {@code threads} connections.
     *
     * @return how many entries were added
     * @throws IllegalStateException naming the entry when the server refuses one
     */
    public static long addOverLdap(GeneratedDirectory generated, String url, String bindDn, String password,
                                   int threads, LongConsumer progress) {
        AtomicLong added = new AtomicLong();
        try (LDAPConnection connection = connect(url, bindDn, password)) {
            generated.structure(entry -> {
                add(connection, entry, true);
                progress.accept(added.incrementAndGet());
            });
        }
        BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(10_000);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (LDAPConnection connection = connect(url, bindDn, password)) {
                    for (Entry entry = queue.take(); entry != END; entry = queue.take()) {
                        if (failure.get() == null) {
                            add(connection, entry, false);
                            progress.accept(added.incrementAndGet());
                        }
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    queue.clear();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "generate-load-" + t);
            worker.start();
            workers.add(worker);
        }
        try {
            generated.leaves(entry -> {
                if (failure.get() != null) {
                    throw failure.get();
                }
                put(queue, entry);
            });
        } finally {
            workers.forEach(worker -> put(queue, END));
            for (Thread worker : workers) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return added.get();
    }

    private static void put(BlockingQueue<Entry> queue, Entry entry) {
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        }
    }

    private static void add(LDAPConnection connection, Entry entry, boolean keepExisting) {
        try {
            connection.add(entry);
        } catch (LDAPException e) {
            if (!(keepExisting && e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS)) {
                throw new IllegalStateException("the directory refused " + entry.getDN() + ": "
                        + e.getResultCode().getName() + " " + e.getDiagnosticMessage(), e);
            }
        }
    }

    private static LDAPConnection connect(String url, String bindDn, String password) {
        try {
            LDAPURL parsed = new LDAPURL(url);
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis(5_000);
            options.setResponseTimeoutMillis(120_000);
            options.setUseSynchronousMode(true);
            return new LDAPConnection(options, parsed.getHost(), parsed.getPort(), bindDn, password);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot reach " + url + " as " + bindDn + ": " + e.getResultCode().getName()
                    + " " + e.getExceptionMessage(), e);
        }
    }
}
