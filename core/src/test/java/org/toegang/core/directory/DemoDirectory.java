package org.toegang.core.directory;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.nio.file.Path;
import org.toegang.directory.EmbeddedDirectory;
import org.toegang.directory.SearchCountingProxy;

/**
 * The embedded directory with the demo data, reached through a search-counting proxy, and a
 * repository over it: what core's integration tests run against.
 */
public final class DemoDirectory implements AutoCloseable {
    private final EmbeddedDirectory embedded;
    private final SearchCountingProxy proxy;
    private final Directory directory;
    private final DirectoryRepository repository;

    private DemoDirectory(Path data) {
        embedded = EmbeddedDirectory.builder().dataDirectory(data).port(0).start();
        proxy = new SearchCountingProxy(embedded.ldapUrl());
        directory = Directory.connect(new DirectoryConfig(proxy.ldapUrl(), EmbeddedDirectory.ADMIN_DN,
                EmbeddedDirectory.ADMIN_PASSWORD, EmbeddedDirectory.BASE_DN, 4));
        repository = new DirectoryRepository(directory);
    }

    public static DemoDirectory start(Path data) {
        return new DemoDirectory(data);
    }

    public EmbeddedDirectory embedded() {
        return embedded;
    }

    public SearchCountingProxy proxy() {
        return proxy;
    }

    public Directory directory() {
        return directory;
    }

    /** A connection of its own to the directory itself (not through the proxy), bound as its administrator. */
    public LDAPConnection connection() throws LDAPException {
        LDAPURL url = new LDAPURL(embedded.ldapUrl());
        return new LDAPConnection(url.getHost(), url.getPort(), EmbeddedDirectory.ADMIN_DN, EmbeddedDirectory.ADMIN_PASSWORD);
    }

    public DirectoryRepository repository() {
        return repository;
    }

    @Override
    public void close() {
        directory.close();
        proxy.close();
        embedded.close();
    }
}
