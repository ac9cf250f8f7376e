package org.toegang.core.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.toegang.core.model.DefaultRight;
import org.toegang.core.model.WorkRelationType;

/**
 * Default-rights packages in the directory: one {@code toegangDefaultRights} entry per
 * organisation and work-relation type under {@code ou=defaultRights}, each right a
 * {@code toegangDefaultRight} value. Thread-safe.
 */
public final class DefaultRightsStore {
    static final String CLASS = "toegangDefaultRights";
    static final String RIGHT = "toegangDefaultRight";

    private final Directory directory;
    private final Containers containers;

    public DefaultRightsStore(Directory directory) {
        this.directory = directory;
        this.containers = new Containers(directory);
    }

    /** The package for this organisation and type; empty when none was set. */
    public List<DefaultRight> get(String organisationKey, WorkRelationType type) {
        return find(organisationKey, type).map(DefaultRightsStore::rights).orElse(List.of());
    }

    /** Replaces the package (an empty list removes every right of it). */
    public void put(String organisationKey, WorkRelationType type, List<DefaultRight> rights) {
        String[] values = rights.stream().map(DefaultRight::encoded).distinct().toArray(String[]::new);
        try {
            Optional<SearchResultEntry> current = find(organisationKey, type);
            if (current.isPresent()) {
                directory.pool().modify(current.get().getDN(), new Modification(ModificationType.REPLACE, RIGHT, values));
                return;
            }
            String id = UUID.randomUUID().toString();
            Entry entry = new Entry(new DN(new RDN(Attributes.ID, id), new DN(containers.ensure("defaultRights"))));
            entry.addAttribute(Attributes.OBJECT_CLASS, "top", CLASS);
            entry.addAttribute(Attributes.ID, id);
            entry.addAttribute(Attributes.ORGANISATION_KEY, organisationKey);
            entry.addAttribute(Attributes.WORK_RELATION_TYPE, type.code());
            if (values.length > 0) {
                entry.addAttribute(new Attribute(RIGHT, values));
            }
            directory.pool().add(entry);
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }

    private Optional<SearchResultEntry> find(String organisationKey, WorkRelationType type) {
        try {
            return directory.pool().search(new SearchRequest(containers.ensure("defaultRights"), SearchScope.ONE,
                    Filter.createANDFilter(Filter.createEqualityFilter(Attributes.OBJECT_CLASS, CLASS),
                            Filter.createEqualityFilter(Attributes.ORGANISATION_KEY, organisationKey),
                            Filter.createEqualityFilter(Attributes.WORK_RELATION_TYPE, type.code())), "*"))
                    .getSearchEntries().stream().findFirst();
        } catch (LDAPException e) {
            throw Directory.unavailable(directory.config(), e);
        }
    }

    private static List<DefaultRight> rights(SearchResultEntry entry) {
        String[] values = entry.getAttributeValues(RIGHT);
        return values == null ? List.of()
                : new ArrayList<>(Arrays.stream(values).map(DefaultRight::decode).sorted().toList());
    }
}
