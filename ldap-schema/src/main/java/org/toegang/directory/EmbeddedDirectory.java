package org.toegang.directory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.exception.LdapEntryAlreadyExistsException;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.ldif.LdifEntry;
import org.apache.directory.api.ldap.model.ldif.LdifReader;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.api.ldap.schema.extractor.impl.DefaultSchemaLdifExtractor;
import org.apache.directory.api.ldap.schema.loader.LdifSchemaLoader;
import org.apache.directory.api.ldap.schema.manager.impl.DefaultSchemaManager;
import org.apache.directory.server.core.DefaultDirectoryService;
import org.apache.directory.server.core.api.CoreSession;
import org.apache.directory.server.core.api.InstanceLayout;
import org.apache.directory.server.core.api.schema.SchemaPartition;
import org.apache.directory.server.core.partition.impl.btree.AbstractBTreePartition;
import org.apache.directory.server.core.partition.impl.btree.jdbm.JdbmIndex;
import org.apache.directory.server.core.partition.impl.btree.jdbm.JdbmPartition;
import org.apache.directory.server.core.partition.ldif.LdifPartition;
import org.apache.directory.server.ldap.LdapServer;
import org.apache.directory.server.protocol.shared.transport.TcpTransport;

/**
 * An ApacheDS directory server in this JVM, holding the Toegang schema and (optionally) the demo
 * data. Its files are kept in a data directory across restarts, so entry UUIDs, and with them the
 * users Keycloak knows, survive a restart; {@code fresh} wipes them first.
 *
 * <p>Not thread-safe to start; once started it serves LDAP on loopback until {@link #close()}.
 */
public final class EmbeddedDirectory implements AutoCloseable {
    public static final String BASE_DN = "dc=toegang,dc=local";
    /** ApacheDS's built-in administrator; change the password outside the demo. */
    public static final String ADMIN_DN = "uid=admin,ou=system";
    public static final String ADMIN_PASSWORD = "secret";
    private static final int BULK_SYNC_EVERY = 10_000;
    /** ApacheDS's own entry cache size, and an entry's size deserialised (about 5 KiB, measured at 50,000 entries). */
    private static final int APACHEDS_ENTRY_CACHE = 10_000;
    private static final long BYTES_PER_CACHED_ENTRY = 5 * 1024;
    /**
     * The system property ApacheDS reads, when a partition opens, for the number of B-tree pages its
     * JDBM record manager keeps deserialised (index and master-table pages alike; 100 by default), and a
     * page's size in the heap, rounded up (50,000 cached pages took 78 MiB more heap, measured).
     */
    static final String RECORD_CACHE_PROPERTY = "jdbm.recman.cache.size";
    private static final int APACHEDS_RECORD_CACHE = 100;
    private static final long BYTES_PER_CACHED_PAGE = 4 * 1024;

    private final DefaultDirectoryService service;
    private final LdapServer ldapServer;
    private final String host;
    private final int port;

    private EmbeddedDirectory(DefaultDirectoryService service, LdapServer ldapServer, String host, int port) {
        this.service = service;
        this.ldapServer = ldapServer;
        this.host = host;
        this.port = port;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    /** The URL clients use, e.g. {@code ldap://127.0.0.1:10389}. */
    public String ldapUrl() {
        return "ldap://" + host + ":" + port;
    }

    @Override
    public void close() {
        ldapServer.stop();
        try {
            service.shutdown();
        } catch (LdapException e) {
            throw new DirectoryException("The directory did not shut down cleanly: " + e.getMessage(), e);
        }
    }

    /** Options for starting an embedded directory. */
    public static final class Builder {
        private Path dataDirectory;
        private String host = "127.0.0.1";
        private int port = 10389;
        private boolean fresh;
        private boolean demoData = true;
        private Instant demoDataMoment;

        private Builder() {
        }

        /** Where ApacheDS keeps its files; required. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        /** Address to listen on; loopback by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to listen on; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Wipe the data directory before starting. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** Load the demo data when the directory is new (default true). */
        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        /** The moment the demo data's relative dates are computed from; defaults to now. */
        public Builder demoDataMoment(Instant moment) {
            this.demoDataMoment = moment;
            return this;
        }

        /**
         * Loads entries into the directory without serving it, the way {@code slapadd} loads
         * OpenLDAP: in this JVM through the directory's own session (no LDAP round trip per entry),
         * with the partition written to disk every {@value #BULK_SYNC_EVERY} entries and at the end
         * rather than after each entry (ApacheDS's {@code syncOnWrite}, which can only be set
         * before the partition starts). Every entry still passes the schema checks and is indexed.
         * A new directory gets the demo data first when {@link #demoData(boolean)} says so. Parents
         * must come before their children. Nothing else may use the data directory meanwhile; a
         * crash in the middle can lose what was added since the last sync. Port and host are not
         * used.
         *
         * @param keepExisting whether an entry that is there already is kept (else it is an error)
         * @return how many entries were added
         * @throws DirectoryException naming the entry the directory refused
         */
        public long load(Iterable<com.unboundid.ldap.sdk.Entry> entries, boolean keepExisting) {
            Objects.requireNonNull(dataDirectory, "dataDirectory is required");
            long added = 0;
            String current = null;
            try {
                if (fresh) {
                    deleteRecursively(dataDirectory);
                }
                Files.createDirectories(dataDirectory);
                DefaultDirectoryService service = startService(dataDirectory.toFile());
                try {
                    AbstractBTreePartition partition = partition(service, false);
                    if (addPartition(service, partition) && demoData) {
                        loadLdif(service, DemoData.ldif(demoDataMoment == null ? Instant.now() : demoDataMoment));
                    }
                    CoreSession admin = service.getAdminSession();
                    SchemaManager schemaManager = service.getSchemaManager();
                    for (com.unboundid.ldap.sdk.Entry entry : entries) {
                        current = entry.getDN();
                        try {
                            admin.add(converted(schemaManager, entry));
                            if (++added % BULK_SYNC_EVERY == 0) {
                                partition.sync();
                            }
                        } catch (LdapEntryAlreadyExistsException e) {
                            if (!keepExisting) {
                                throw e;
                            }
                        }
                    }
                    partition.sync();
                } finally {
                    service.shutdown();
                }
                return added;
            } catch (DirectoryException e) {
                throw e;
            } catch (Exception e) {
                throw new DirectoryException("The embedded directory in " + dataDirectory + " refused "
                        + (current == null ? "to open" : current) + " after " + added + " entries: " + e.getMessage(), e);
            }
        }

        /**
         * Starts the directory and waits until it accepts LDAP connections.
         *
         * @throws DirectoryException with a message for people when it cannot start
         */
        public EmbeddedDirectory start() {
            Objects.requireNonNull(dataDirectory, "dataDirectory is required");
            int listenPort = port == 0 ? freePort(host) : port;
            ensurePortFree(host, listenPort);
            try {
                if (fresh) {
                    deleteRecursively(dataDirectory);
                }
                Files.createDirectories(dataDirectory);
                DefaultDirectoryService service = startService(dataDirectory.toFile());
                boolean isNew = addPartition(service, partition(service, true));
                if (isNew && demoData) {
                    loadLdif(service, DemoData.ldif(demoDataMoment == null ? Instant.now() : demoDataMoment));
                }
                LdapServer ldapServer = new LdapServer();
                ldapServer.setServiceName("toegang");
                ldapServer.setDirectoryService(service);
                ldapServer.setTransports(new TcpTransport(host, listenPort));
                ldapServer.start();
                return new EmbeddedDirectory(service, ldapServer, host, listenPort);
            } catch (DirectoryException e) {
                throw e;
            } catch (Exception e) {
                throw new DirectoryException("The embedded directory in " + dataDirectory
                        + " could not start: " + e.getMessage() + " (start again with --fresh to reset it)", e);
            }
        }
    }

    private static DefaultDirectoryService startService(File workDirectory) throws Exception {
        DefaultDirectoryService service = new DefaultDirectoryService();
        service.setInstanceId("toegang");
        service.setInstanceLayout(new InstanceLayout(workDirectory));
        service.setShutdownHookEnabled(false);
        service.getChangeLog().setEnabled(false);
        service.setAllowAnonymousAccess(false);

        File partitions = service.getInstanceLayout().getPartitionsDirectory();
        File schemaDirectory = new File(partitions, "schema");
        if (!schemaDirectory.exists()) {
            new DefaultSchemaLdifExtractor(partitions).extractOrCopy();
        }
        SchemaManager schemaManager = new DefaultSchemaManager(new LdifSchemaLoader(schemaDirectory));
        schemaManager.loadAllEnabled();
        service.setSchemaManager(schemaManager);

        LdifPartition schemaStore = new LdifPartition(schemaManager, service.getDnFactory());
        schemaStore.setPartitionPath(schemaDirectory.toURI());
        SchemaPartition schemaPartition = new SchemaPartition(schemaManager);
        schemaPartition.setWrappedPartition(schemaStore);
        service.setSchemaPartition(schemaPartition);

        JdbmPartition system = new SchemaAwareJdbmPartition(schemaManager, service.getDnFactory());
        system.setId("system");
        system.setPartitionPath(new File(partitions, "system").toURI());
        system.setSuffixDn(new Dn(schemaManager, "ou=system"));
        service.setSystemPartition(system);

        service.startup();
        addToegangSchema(service);
        return service;
    }

    /**
     * Adds the Toegang schema through the admin session. Definitions an earlier start added are
     * kept, so a directory made by an older version gains the attributes added since.
     */
    private static void addToegangSchema(DefaultDirectoryService service) throws LdapException {
        CoreSession admin = service.getAdminSession();
        for (List<String> entry : ApacheDsSchemaForm.entries(ToegangSchema.load())) {
            if (!admin.exists(entry.get(0))) {
                admin.add(new DefaultEntry(service.getSchemaManager(), entry.get(0),
                        entry.subList(1, entry.size()).toArray()));
            }
        }
    }

    /** The data partition, not started; {@code syncOnWrite} false only for a bulk load. */
    private static AbstractBTreePartition partition(DefaultDirectoryService service, boolean syncOnWrite)
            throws LdapException {
        SchemaManager schemaManager = service.getSchemaManager();
        JdbmPartition partition = new SchemaAwareJdbmPartition(schemaManager, service.getDnFactory());
        partition.setId("toegang");
        partition.setPartitionPath(new File(service.getInstanceLayout().getPartitionsDirectory(), "toegang").toURI());
        partition.setSuffixDn(new Dn(schemaManager, BASE_DN));
        partition.setSyncOnWrite(syncOnWrite);
        partition.setCacheSize(entryCacheSize(Runtime.getRuntime().maxMemory()));
        // ApacheDS offers no setter, only this JVM-wide property; a value the operator set wins
        if (System.getProperty(RECORD_CACHE_PROPERTY) == null) {
            System.setProperty(RECORD_CACHE_PROPERTY,
                    Integer.toString(recordCacheSize(Runtime.getRuntime().maxMemory())));
        }
        for (String attribute : ToegangSchema.INDEXED_ATTRIBUTES) {
            partition.addIndex(new JdbmIndex<>(attribute, false));
        }
        return partition;
    }

    /**
     * How many entries the partition keeps deserialised: what a quarter of the heap holds, never fewer
     * than ApacheDS's default. That default is smaller than one large organisation: ApacheDS reads
     * and deserialises every candidate of a search from its master table unless cached, so with it
     * an organisation's 30,000 grants in a directory of 50,000 entries took 6.4 s to read, and 0.4 s
     * once they fit ({@code AdministrationBenchmark}'s directory; README, benchmark of the delegated
     * administration API).
     */
    static int entryCacheSize(long maxHeapBytes) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(APACHEDS_ENTRY_CACHE, maxHeapBytes / 4 / BYTES_PER_CACHED_ENTRY));
    }

    /**
     * How many B-tree pages the partition keeps deserialised: what a sixteenth of the heap holds,
     * never fewer than ApacheDS's default. With that default of 100 pages for the master table and
     * all 21 indexes together, every index lookup deserialised its pages again: an OR of 200 person
     * ids took 12 ms to evaluate in a directory of 100,000 people, 2–3 ms with 50,000 pages, and
     * reading an organisation's 10,000 people by id went from 1.3 s to 0.8–1.0 s (README, benchmark of
     * the delegated administration API).
     */
    static int recordCacheSize(long maxHeapBytes) {
        return (int) Math.min(Integer.MAX_VALUE,
                Math.max(APACHEDS_RECORD_CACHE, maxHeapBytes / 16 / BYTES_PER_CACHED_PAGE));
    }

    /** Adds the data partition; returns whether it is new (no suffix entry yet). */
    private static boolean addPartition(DefaultDirectoryService service, AbstractBTreePartition partition)
            throws LdapException {
        SchemaManager schemaManager = service.getSchemaManager();
        service.addPartition(partition);

        CoreSession admin = service.getAdminSession();
        if (admin.exists(BASE_DN)) {
            return false;
        }
        admin.add(new DefaultEntry(schemaManager, BASE_DN,
                "objectClass: top", "objectClass: domain", "dc: toegang"));
        return true;
    }

    private static DefaultEntry converted(SchemaManager schemaManager, com.unboundid.ldap.sdk.Entry entry)
            throws LdapException {
        DefaultEntry converted = new DefaultEntry(schemaManager, entry.getDN());
        for (com.unboundid.ldap.sdk.Attribute attribute : entry.getAttributes()) {
            if (schemaManager.lookupAttributeTypeRegistry(attribute.getBaseName()).getSyntax().isHumanReadable()) {
                converted.add(attribute.getName(), attribute.getValues());
            } else {
                converted.add(attribute.getName(), attribute.getValueByteArrays());
            }
        }
        return converted;
    }

    private static void loadLdif(DefaultDirectoryService service, String ldif) throws Exception {
        CoreSession admin = service.getAdminSession();
        try (LdifReader reader = new LdifReader()) {
            for (LdifEntry entry : reader.parseLdif(ldif)) {
                admin.add(new DefaultEntry(service.getSchemaManager(), entry.getEntry()));
            }
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DirectoryException("No free port on " + host + ": " + e.getMessage(), e);
        }
    }

    private static void ensurePortFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new DirectoryException("LDAP port " + port + " on " + host
                    + " is already in use; stop what listens there or choose another port", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
