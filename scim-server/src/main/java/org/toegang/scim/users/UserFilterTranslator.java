package org.toegang.scim.users;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
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
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.toegang.core.directory.PersonStore;
import org.toegang.scim.protocol.LdapFilterTranslation;
import org.toegang.scim.users.UserSchema.Comparison;
import org.toegang.scim.users.UserSchema.Row;

/**
 * Translates a parsed SCIM filter (RFC 7644 §3.4.2.2) on Users into an LDAP filter. Values go
 * into the LDAP SDK's filter factories and are never concatenated into filter text, so
 * {@code userName eq "x)(uid=*"} looks for that literal user name. The visitor's parameter is
 * the enclosing multi-valued attribute inside a value filter ({@code emails[...]}), else null.
 */
public final class UserFilterTranslator extends LdapFilterTranslation {
    private final boolean provisioner;

    private UserFilterTranslator(int maxNodes, boolean provisioner) {
        super(maxNodes);
        this.provisioner = provisioner;
    }

    /**
     * @param maxNodes the most operators a filter may hold (the advertised complexity limit)
     * @param provisioner whether the caller may read (and so filter on) what only provisioning clients see
     * @throws BadRequestException invalidFilter for unknown attributes, attributes the caller may
     *         not read (in the same words), wrong value types or a too complex filter
     */
    public static Filter translate(com.unboundid.scim2.common.filters.Filter filter, int maxNodes,
                                   boolean provisioner) throws ScimException {
        return filter.visit(new UserFilterTranslator(maxNodes, provisioner), null);
    }

    /**
     * Inside a value filter on a multi-valued attribute ({@code emails[...]}) every comparison must
     * hold for one and the same value; the directory keeps a person's values side by side, so an
     * {@code and}, {@code not} or {@code ne} there would be answered over different values. Refused
     * rather than answered wrongly; {@code or} needs no such care, nor does a single-valued complex
     * attribute ({@code name[givenName eq "An" and familyName eq "Peeters"]}).
     */
    @Override
    public Filter visit(AndFilter filter, String parent) throws ScimException {
        refuseInValueFilter("and", parent);
        return super.visit(filter, parent);
    }

    @Override
    public Filter visit(NotFilter filter, String parent) throws ScimException {
        refuseInValueFilter("not", parent);
        return super.visit(filter, parent);
    }

    private static void refuseInValueFilter(String operator, String parent) throws BadRequestException {
        if (parent != null && UserSchema.isMultiValued(parent)) {
            String name = UserSchema.definition(parent).map(AttributeDefinition::getName).orElse(parent);
            throw BadRequestException.invalidFilter("Filtering with " + operator + " inside " + name
                    + "[...] is not supported: the directory keeps the values apart, so the comparisons could not"
                    + " be held to one and the same value");
        }
    }

    @Override
    public Filter visit(EqualFilter filter, String parent) throws ScimException {
        Row stored = stored(filter, parent);
        if (filter.getComparisonValue() == null || filter.getComparisonValue().isNull()) {
            return Filter.createNOTFilter(present(stored)); // RFC 7644: eq null means "not present"
        }
        if (unmatchable(filter)) {
            return FALSE;
        }
        return switch (stored.comparison()) {
            case ACTIVE -> PersonStore.activeFilter(bool(filter));
            case MOMENT -> Filter.createEqualityFilter(attribute(stored), time(filter));
            case TEXT -> anyOf(stored, attribute -> Filter.createEqualityFilter(attribute, text(filter)));
            case UNSEARCHABLE -> throw new IllegalStateException(stored.path() + ": UserSchema refuses it");
        };
    }

    @Override
    public Filter visit(NotEqualFilter filter, String parent) throws ScimException {
        refuseInValueFilter("ne", parent);
        // "ne" is the negation of "eq" (an absent attribute equals nothing, so "ne" holds for it).
        uncount();
        return Filter.createNOTFilter(visit((EqualFilter) com.unboundid.scim2.common.filters.Filter.eq(
                filter.getAttributePath(), filter.getComparisonValue()), parent));
    }

    @Override
    public Filter visit(ContainsFilter filter, String parent) throws ScimException {
        return substring(filter, parent, null, new String[] {text(filter)}, null);
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
        return present(UserSchema.of(parent, filter.getAttributePath(), provisioner));
    }

    @Override
    public Filter visit(GreaterThanFilter filter, String parent) throws ScimException {
        return strictly(filter, parent, Filter::createGreaterOrEqualFilter);
    }

    @Override
    public Filter visit(GreaterThanOrEqualFilter filter, String parent) throws ScimException {
        return inclusively(filter, parent, Filter::createGreaterOrEqualFilter);
    }

    @Override
    public Filter visit(LessThanFilter filter, String parent) throws ScimException {
        return strictly(filter, parent, Filter::createLessOrEqualFilter);
    }

    @Override
    public Filter visit(LessThanOrEqualFilter filter, String parent) throws ScimException {
        return inclusively(filter, parent, Filter::createLessOrEqualFilter);
    }

    @Override
    public Filter visit(ComplexValueFilter filter, String parent) throws ScimException {
        count();
        if (parent != null) {
            throw BadRequestException.invalidFilter("Value filters cannot be nested: " + filter);
        }
        UserSchema.requireReadable(null, filter.getAttributePath(), provisioner);
        String attribute = UserSchema.key(null, filter.getAttributePath());
        if (!UserSchema.isComplex(attribute)) {
            throw BadRequestException.invalidFilter(filter.getAttributePath() + " is not a complex attribute");
        }
        return filter.getValueFilter().visit(this, attribute);
    }

    private Filter substring(ComparisonFilter filter, String parent, String initial, String[] any, String last)
            throws ScimException {
        Row stored = stored(filter, parent);
        if (stored.comparison() != Comparison.TEXT) {
            throw BadRequestException.invalidFilter(filter.getAttributePath() + " does not support co, sw or ew");
        }
        if (unmatchable(filter)) {
            return FALSE;
        }
        return anyOf(stored, attribute -> Filter.createSubstringFilter(attribute, initial, any, last));
    }

    private static boolean unmatchable(ComparisonFilter filter) {
        ValueNode value = filter.getComparisonValue();
        return value != null && value.isTextual() && outsideBmp(value.textValue());
    }

    private interface PerAttribute {
        Filter on(String attribute) throws ScimException;
    }

    /** A field stored in several attributes (e-mail: mail, its internationalised form, the other addresses) matches in any. */
    private static Filter anyOf(Row stored, PerAttribute comparison) throws ScimException {
        List<String> attributes = PersonStore.attributesFor(stored.field());
        if (attributes.size() == 1) {
            return comparison.on(attributes.get(0));
        }
        List<Filter> any = new ArrayList<>();
        for (String attribute : attributes) {
            any.add(comparison.on(attribute));
        }
        return Filter.createORFilter(any);
    }

    private Row stored(ComparisonFilter filter, String parent) throws ScimException {
        count();
        ValueNode value = filter.getComparisonValue();
        if (value != null && !value.isNull() && !value.isTextual() && !value.isBoolean() && !value.isNumber()) {
            throw BadRequestException.invalidFilter("Unsupported comparison value in " + filter);
        }
        return UserSchema.of(parent, filter.getAttributePath(), provisioner);
    }

    private Filter inclusively(ComparisonFilter filter, String parent,
                               BiFunction<String, String, Filter> inclusive) throws ScimException {
        Row stored = ordered(filter, parent);
        String value = orderedValue(stored, filter);
        return anyOf(stored, attribute -> inclusive.apply(attribute, value));
    }

    /** {@code gt} and {@code lt}: LDAP has only {@code >=} and {@code <=}, so the equal value is excluded. */
    private Filter strictly(ComparisonFilter filter, String parent,
                            BiFunction<String, String, Filter> inclusive) throws ScimException {
        Row stored = ordered(filter, parent);
        String value = orderedValue(stored, filter);
        return anyOf(stored, attribute -> strictly(inclusive.apply(attribute, value), attribute, value));
    }

    private Row ordered(ComparisonFilter filter, String parent) throws ScimException {
        Row stored = stored(filter, parent);
        if (stored.comparison() == Comparison.ACTIVE) {
            throw BadRequestException.invalidFilter(filter.getAttributePath() + " cannot be compared with gt, ge, lt or le");
        }
        if (filter.getComparisonValue() == null || filter.getComparisonValue().isNull()) {
            throw BadRequestException.invalidFilter("gt, ge, lt and le need a value: " + filter);
        }
        if (unmatchable(filter)) {
            throw BadRequestException.invalidFilter("gt, ge, lt and le cannot compare with a character outside the"
                    + " Basic Multilingual Plane (such as an emoji): " + filter.getAttributePath());
        }
        return stored;
    }

    private static String orderedValue(Row stored, ComparisonFilter filter) throws BadRequestException {
        return stored.comparison() == Comparison.MOMENT ? time(filter) : text(filter);
    }

    private static Filter present(Row stored) throws ScimException {
        return anyOf(stored, Filter::createPresenceFilter);
    }

    private static String attribute(Row stored) {
        return PersonStore.attributeFor(stored.field());
    }

    private static boolean bool(ComparisonFilter filter) throws BadRequestException {
        ValueNode value = filter.getComparisonValue();
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && Set.of("true", "false").contains(value.textValue().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw BadRequestException.invalidFilter(filter.getAttributePath() + " takes a boolean value: " + filter);
    }
}
