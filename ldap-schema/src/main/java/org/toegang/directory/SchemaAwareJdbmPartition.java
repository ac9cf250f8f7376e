package org.toegang.directory;

import java.lang.reflect.Field;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapOtherException;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.server.core.api.DnFactory;
import org.apache.directory.server.core.partition.impl.btree.jdbm.JdbmIndex;
import org.apache.directory.server.core.partition.impl.btree.jdbm.JdbmPartition;
import org.apache.directory.server.core.partition.impl.btree.jdbm.JdbmTable;
import org.apache.directory.server.core.partition.impl.btree.jdbm.ParentIdAndRdnSerializer;

/**
 * A JDBM partition whose RDN index reads its keys with the schema, also after a restart.
 *
 * <p>Why: ApacheDS 2.0.0.AM27 keeps the RDN index in a JDBM B-tree that stores its key
 * serializer ({@link ParentIdAndRdnSerializer}) inside the file, by Java serialization. The
 * serializer's schema manager is {@code transient}, and when a partition opens an existing file
 * {@code JdbmTable} gives the loaded B-tree back its comparator's schema manager and a new value
 * serializer, but not a key serializer. From the first restart on, every RDN the index reads from
 * disk is therefore built without its attribute type, and {@code Value} logs
 * {@code MSG_13202_AT_IS_NULL} ("The attributeType is null") once per RDN on each B-tree page it
 * loads: hundreds of thousands of warnings under load on a directory with many people. This
 * gives the loaded serializer its schema manager back as soon as the partition has opened its
 * indexes, before any read.
 */
final class SchemaAwareJdbmPartition extends JdbmPartition {
    private final SchemaManager schemaManager;

    SchemaAwareJdbmPartition(SchemaManager schemaManager, DnFactory dnFactory) {
        super(schemaManager, dnFactory);
        this.schemaManager = schemaManager;
    }

    @Override
    protected void doInit() throws LdapException {
        super.doInit();
        try {
            Object table = field(JdbmIndex.class, "forward").get(getRdnIndex());
            Object btree = field(JdbmTable.class, "bt").get(table);
            Object serializer = field(btree.getClass(), "keySerializer").get(btree);
            if (!(serializer instanceof ParentIdAndRdnSerializer)) {
                throw new LdapOtherException("the RDN index of partition " + getId() + " has key serializer "
                        + serializer + ", not the ParentIdAndRdnSerializer of ApacheDS 2.0.0.AM27");
            }
            field(ParentIdAndRdnSerializer.class, "schemaManager").set(serializer, schemaManager);
        } catch (ReflectiveOperationException | ClassCastException e) {
            // Another ApacheDS version: the pinned one is known to need this, so say so rather than run noisy.
            throw new LdapOtherException("cannot give the RDN index of partition " + getId()
                    + " its schema (written for ApacheDS 2.0.0.AM27): " + e, e);
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
