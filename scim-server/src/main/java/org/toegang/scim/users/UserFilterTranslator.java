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
import java.util.Optional;
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
 *
 * <p>What the directory cannot compare exactly (an attribute only the JSON copy holds, which
 * address is of which type, {@code and}, {@code not} or {@code ne} inside a value filter on a
 * multi-valued attribute, whose values the directory keeps side by side) is widened: the LDAP
 * filter then finds every person the SCIM filter could match and more, and the translation says
 * that each person found must still be tested ({@link ShownUserFilter}). Under a {@code not} the
 * part inside is narrowed instead, so that its negation still widens.
 */
public final class UserFilterTranslator extends LdapFilterTranslation {
    private final boolean provisioner;
    /** Whether the part being translated may match more than the SCIM filter (else fewer: under a not). */
    private boolean widening = true;
    private boolean approximated;

    private UserFilterTranslator(int maxNodes, boolean provisioner) {
        super(maxNodes);
        this.provisioner = provisioner;
    }

    /**
     * The LDAP filter, and whether each person it finds must still be tested against the SCIM filter.
     *
     * @param directory matches exactly the people the SCIM filter matches when {@code testEach} is
     *        false, and at least those when it is true
     */
    public record Translation(Filter directory, boolean testEach) {
    }

    /**
     * @param maxNodes the most operators a filter may hold (the advertised complexity limit)
     * @param provisioner whether the caller may read (and so filter on) what only provisioning clients see
     * @throws BadRequestException invalidFilter for unknown attributes, attributes the caller may
     *         not read (in the same words), attributes not part of the User a search reads, wrong
     *         value types or a too complex filter
     */
    public static Translation translate(com.unboundid.scim2.common.filters.Filter filter, int maxNodes,
                                        boolean provisioner) throws ScimException {
        UserFilterTranslator translator = new UserFilterTranslator(maxNodes, provisioner);
        Filter directory = filter.visit(translator, null);
        return new Translation(directory, translator.approximated);
    }

    /**
     * Inside a value filter on a multi-valued attribute every comparison must hold for one and the
     * same value, which the directory cannot see: the parts together widen (each holds for some
     * value), and narrow to nothing. A single-valued complex attribute ({@code name[givenName eq
     * "An" and familyName eq "Peeters"]}) needs no such care.
     */
    @Override
    public Filter visit(AndFilter filter, String parent) throws ScimException {
        Filter parts = super.visit(filter, parent); // also checks every part
        if (!inMultiValued(parent)) {
            return parts;
        }
        return widening ? approximated(parts) : approximation();
    }

    @Override
    public Filter visit(NotFilter filter, String parent) throws ScimException {
        if (inMultiValued(parent)) {
            super.visit(filter, parent); // checks the part
            return approximation();
        }
        widening = !widening;
        try {
            return super.visit(filter, parent);
        } finally {
            widening = !widening;
        }
    }

    private static boolean inMultiValued(String parent) {
        return parent != null && UserSchema.isMultiValued(parent);
    }

    /** The directory's part of what it cannot compare: everyone while widening, nobody while narrowing. */
    private Filter approximation() {
        return approximated(widening ? TRUE : FALSE);
    }

    private Filter approximated(Filter directory) {
        approximated = true;
        return directory;
    }

    @Override
    public Filter visit(EqualFilter filter, String parent) throws ScimException {
        Optional<Row> row = stored(filter, parent);
        if (row.isEmpty()) {
            return approximation();
        }
        Row stored = row.get();
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
            case SHOWN, UNSEARCHABLE -> throw new IllegalStateException(stored.path() + ": not compared by the directory");
        };
    }

    @Override
    public Filter visit(NotEqualFilter filter, String parent) throws ScimException {
        if (inMultiValued(parent)) {
            stored(filter, parent);
            return approximation();
        }
        // "ne" is the negation of "eq" (an absent attribute equals nothing, so "ne" holds for it).
        uncount();
        widening = !widening;
        try {
            return Filter.createNOTFilter(visit((EqualFilter) com.unboundid.scim2.common.filters.Filter.eq(
                    filter.getAttributePath(), filter.getComparisonValue()), parent));
        } finally {
            widening = !widening;
        }
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
        Optional<Row> row = UserSchema.of(parent, filter.getAttributePath(), provisioner);
        return row.isEmpty() ? approximation() : present(row.get());
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
        Optional<Row> row = stored(filter, parent);
        if (row.isEmpty()) {
            return approximation();
        }
        Row stored = row.get();
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

    /** The row of a comparison's attribute; empty when only the Users shown can be tested. */
    private Optional<Row> stored(ComparisonFilter filter, String parent) throws ScimException {
        count();
        ValueNode value = filter.getComparisonValue();
        if (value != null && !value.isNull() && !value.isTextual() && !value.isBoolean() && !value.isNumber()) {
            throw BadRequestException.invalidFilter("Unsupported comparison value in " + filter);
        }
        return UserSchema.of(parent, filter.getAttributePath(), provisioner);
    }

    private Filter inclusively(ComparisonFilter filter, String parent,
                               BiFunction<String, String, Filter> inclusive) throws ScimException {
        Optional<Row> stored = ordered(filter, parent);
        if (stored.isEmpty()) {
            return approximation();
        }
        String value = orderedValue(stored.get(), filter);
        return anyOf(stored.get(), attribute -> inclusive.apply(attribute, value));
    }

    /** {@code gt} and {@code lt}: LDAP has only {@code >=} and {@code <=}, so the equal value is excluded. */
    private Filter strictly(ComparisonFilter filter, String parent,
                            BiFunction<String, String, Filter> inclusive) throws ScimException {
        Optional<Row> stored = ordered(filter, parent);
        if (stored.isEmpty()) {
            return approximation();
        }
        String value = orderedValue(stored.get(), filter);
        return anyOf(stored.get(), attribute -> strictly(inclusive.apply(attribute, value), attribute, value));
    }

    private Optional<Row> ordered(ComparisonFilter filter, String parent) throws ScimException {
        Optional<Row> row = stored(filter, parent);
        // for an attribute only the shown User holds, the evaluator would refuse this only once some
        // person has a value; refused here for every filter
        boolean unordered = row.map(stored -> stored.comparison() == Comparison.ACTIVE)
                .orElseGet(() -> UserSchema.definition(UserSchema.key(parent, filter.getAttributePath()))
                        .map(AttributeDefinition::getType)
                        .filter(type -> type == AttributeDefinition.Type.BOOLEAN || type == AttributeDefinition.Type.BINARY)
                        .isPresent());
        if (unordered) {
            throw BadRequestException.invalidFilter(filter.getAttributePath() + " cannot be compared with gt, ge, lt or le");
        }
        if (row.isEmpty()) {
            return row;
        }
        if (filter.getComparisonValue() == null || filter.getComparisonValue().isNull()) {
            throw BadRequestException.invalidFilter("gt, ge, lt and le need a value: " + filter);
        }
        if (unmatchable(filter)) {
            throw BadRequestException.invalidFilter("gt, ge, lt and le cannot compare with a character outside the"
                    + " Basic Multilingual Plane (such as an emoji): " + filter.getAttributePath());
        }
        return row;
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
