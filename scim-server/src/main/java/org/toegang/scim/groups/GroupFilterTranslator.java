package org.toegang.scim.groups;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.ComparisonFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.toegang.core.directory.GroupStore.GroupField;
import org.toegang.scim.protocol.LdapFilterTranslation;

/**
 * Translates a SCIM filter on Groups into an LDAP filter on plain groups. Every value goes
 * through the LDAP SDK's filter factories (RFC 4515 escaping); a member's id becomes the
 * person's DN, looked up with an escaped filter, and an unknown id matches nothing. The
 * visitor's parameter is the enclosing attribute inside a value filter ({@code members[...]}).
 */
final class GroupFilterTranslator extends LdapFilterTranslation {
    static final String CORE_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private enum Kind { TEXT, DATE, MEMBER, MEMBER_TYPE, RESOURCE_TYPE }

    private record Stored(GroupField field, Kind kind) {
    }

    private static final Map<String, Stored> STORED = Map.of(
            "id", new Stored(GroupField.ID, Kind.TEXT),
            "displayname", new Stored(GroupField.DISPLAY_NAME, Kind.TEXT),
            "externalid", new Stored(GroupField.EXTERNAL_ID, Kind.TEXT),
            "members", new Stored(GroupField.MEMBER, Kind.MEMBER),
            "members.value", new Stored(GroupField.MEMBER, Kind.MEMBER),
            "members.type", new Stored(GroupField.MEMBER, Kind.MEMBER_TYPE),
            "meta.created", new Stored(GroupField.CREATED, Kind.DATE),
            "meta.lastmodified", new Stored(GroupField.MODIFIED, Kind.DATE),
            "meta.resourcetype", new Stored(null, Kind.RESOURCE_TYPE));

    private final Function<String, Optional<String>> memberDn;

    private GroupFilterTranslator(int maxNodes, Function<String, Optional<String>> memberDn) {
        super(maxNodes);
        this.memberDn = memberDn;
    }

    /**
     * @param memberDn the DN a member value holds for a person id; empty when there is no such person
     * @throws BadRequestException invalidFilter for an attribute Groups do not have or cannot be
     *         filtered on, a wrong value type, or a filter with more than {@code maxNodes} operators
     */
    static Filter translate(com.unboundid.scim2.common.filters.Filter filter, int maxNodes,
                            Function<String, Optional<String>> memberDn) throws ScimException {
        return filter.visit(new GroupFilterTranslator(maxNodes, memberDn), null);
    }

    @Override
    public Filter visit(EqualFilter filter, String parent) throws ScimException {
        Stored stored = stored(filter, parent);
        if (filter.getComparisonValue() == null || filter.getComparisonValue().isNull()) {
            return Filter.createNOTFilter(present(stored));
        }
        String value = text(filter);
        if (outsideBmp(value)) {
            return FALSE; // the directory holds no such text (GroupDraft refuses it)
        }
        return switch (stored.kind()) {
            case TEXT -> Filter.createEqualityFilter(stored.field().attribute, value);
            case DATE -> Filter.createEqualityFilter(stored.field().attribute, time(filter));
            case MEMBER -> memberDn.apply(value).map(dn -> Filter.createEqualityFilter(GroupField.MEMBER.attribute, dn))
                    .orElse(FALSE);
            case MEMBER_TYPE -> value.equalsIgnoreCase("User") ? present(stored) : FALSE;
            case RESOURCE_TYPE -> value.equals("Group") ? TRUE : FALSE;
        };
    }

    @Override
    public Filter visit(NotEqualFilter filter, String parent) throws ScimException {
        uncount();
        return Filter.createNOTFilter(visit((EqualFilter) com.unboundid.scim2.common.filters.Filter.eq(
                filter.getAttributePath(), filter.getComparisonValue()), parent));
    }

    @Override
    public Filter visit(ContainsFilter filter, String parent) throws ScimException {
        return substring(filter, parent, null, text(filter), null);
    }

    @Override
    public Filter visit(StartsWithFilter filter, String parent) throws ScimException {
        return substring(filter, parent, text(filter), null, null);
    }

    @Override
    public Filter visit(EndsWithFilter filter, String parent) throws ScimException {
        return substring(filter, parent, null, null, text(filter));
    }

    @Override
    public Filter visit(PresentFilter filter, String parent) throws ScimException {
        count();
        return present(of(parent, filter.getAttributePath()));
    }

    @Override
    public Filter visit(GreaterThanFilter filter, String parent) throws ScimException {
        String value = ordered(filter, parent);
        Stored stored = of(parent, filter.getAttributePath());
        return strictly(Filter.createGreaterOrEqualFilter(stored.field().attribute, value), stored.field().attribute, value);
    }

    @Override
    public Filter visit(GreaterThanOrEqualFilter filter, String parent) throws ScimException {
        return Filter.createGreaterOrEqualFilter(of(parent, filter.getAttributePath()).field().attribute,
                ordered(filter, parent));
    }

    @Override
    public Filter visit(LessThanFilter filter, String parent) throws ScimException {
        String value = ordered(filter, parent);
        Stored stored = of(parent, filter.getAttributePath());
        return strictly(Filter.createLessOrEqualFilter(stored.field().attribute, value), stored.field().attribute, value);
    }

    @Override
    public Filter visit(LessThanOrEqualFilter filter, String parent) throws ScimException {
        return Filter.createLessOrEqualFilter(of(parent, filter.getAttributePath()).field().attribute,
                ordered(filter, parent));
    }

    @Override
    public Filter visit(ComplexValueFilter filter, String parent) throws ScimException {
        count();
        String attribute = key(null, filter.getAttributePath());
        if (parent != null || !attribute.equals("members")) {
            throw BadRequestException.invalidFilter("Only members[...] takes a value filter on Groups: " + filter);
        }
        // A member has one stored property (who it is), so a value filter holds when that member matches.
        return filter.getValueFilter().visit(this, attribute);
    }

    private Filter substring(ComparisonFilter filter, String parent, String initial, String any, String last)
            throws ScimException {
        Stored stored = stored(filter, parent);
        if (stored.kind() != Kind.TEXT) {
            throw BadRequestException.invalidFilter(filter.getAttributePath() + " does not support co, sw or ew");
        }
        if (outsideBmp(text(filter))) {
            return FALSE;
        }
        return Filter.createSubstringFilter(stored.field().attribute, initial, any == null ? null : new String[] {any},
                last);
    }

    private String ordered(ComparisonFilter filter, String parent) throws ScimException {
        Stored stored = stored(filter, parent);
        if (stored.kind() != Kind.DATE) {
            // cn and the ids have no ordering rule in the standard schema: the directory could not answer
            throw BadRequestException.invalidFilter(filter.getAttributePath()
                    + " cannot be compared with gt, ge, lt or le; only meta.created and meta.lastModified can");
        }
        return time(filter);
    }

    private Stored stored(ComparisonFilter filter, String parent) throws ScimException {
        count();
        return of(parent, filter.getAttributePath());
    }

    private static Stored of(String parent, Path path) throws BadRequestException {
        String key = key(parent, path);
        Stored stored = STORED.get(key);
        if (stored == null) {
            throw BadRequestException.invalidFilter("Filtering Groups on " + path + " is not supported");
        }
        return stored;
    }

    private static String key(String parent, Path path) throws BadRequestException {
        String urn = Optional.ofNullable(path.getSchemaUrn()).orElse("");
        if (!urn.isEmpty() && !urn.equalsIgnoreCase(CORE_URN)) {
            throw BadRequestException.invalidFilter("Groups have no extension " + urn);
        }
        StringBuilder key = new StringBuilder(parent == null ? "" : parent + ".");
        for (int i = 0; i < path.size(); i++) {
            key.append(i > 0 ? "." : "").append(path.getElement(i).getAttribute());
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    private static Filter present(Stored stored) {
        return stored.field() == null ? TRUE : Filter.createPresenceFilter(stored.field().attribute);
    }
}
