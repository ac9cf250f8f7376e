package org.toegang.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.ComparisonFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;

/**
 * Tests a User as it is shown against a SCIM filter, for the filters the directory can only
 * narrow ({@link UserFilterTranslator.Translation#testEach()}): the SDK's evaluator, with each
 * attribute's case sensitivity and type from the schemas {@code /Schemas} serves. As in the
 * directory translation, a comparison on a multi-valued complex attribute with a {@code value}
 * ({@code emails co "@example.org"}) compares its values.
 */
final class ShownUserFilter extends SchemaAwareFilterEvaluator {
    private final Filter filter;

    ShownUserFilter(Filter filter) {
        super(UsersEndpoint.DEFINITION);
        this.filter = filter;
    }

    boolean matches(UserResource user) throws ScimException {
        return filter.visit(this, JsonUtils.valueToNode(user));
    }

    @Override
    public Boolean visit(EqualFilter filter, JsonNode user) throws ScimException {
        return byValue(filter) ? super.visit((EqualFilter) Filter.eq(value(filter), filter.getComparisonValue()), user)
                : super.visit(filter, user);
    }

    @Override
    public Boolean visit(NotEqualFilter filter, JsonNode user) throws ScimException {
        return byValue(filter) ? super.visit((NotEqualFilter) Filter.ne(value(filter), filter.getComparisonValue()), user)
                : super.visit(filter, user);
    }

    @Override
    public Boolean visit(ContainsFilter filter, JsonNode user) throws ScimException {
        return byValue(filter) ? super.visit((ContainsFilter) Filter.co(value(filter), filter.getComparisonValue()), user)
                : super.visit(filter, user);
    }

    @Override
    public Boolean visit(StartsWithFilter filter, JsonNode user) throws ScimException {
        return byValue(filter) ? super.visit((StartsWithFilter) Filter.sw(value(filter), filter.getComparisonValue()), user)
                : super.visit(filter, user);
    }

    @Override
    public Boolean visit(EndsWithFilter filter, JsonNode user) throws ScimException {
        return byValue(filter) ? super.visit((EndsWithFilter) Filter.ew(value(filter), filter.getComparisonValue()), user)
                : super.visit(filter, user);
    }

    @Override
    public Boolean visit(GreaterThanFilter filter, JsonNode user) throws ScimException {
        return byValue(filter) ? super.visit((GreaterThanFilter) Filter.gt(value(filter), filter.getComparisonValue()), user)
                : super.visit(filter, user);
    }

    @Override
    public Boolean visit(GreaterThanOrEqualFilter filter, JsonNode user) throws ScimException {
        return byValue(filter)
                ? super.visit((GreaterThanOrEqualFilter) Filter.ge(value(filter), filter.getComparisonValue()), user)
                : super.visit(filter, user);
    }

    @Override
    public Boolean visit(LessThanFilter filter, JsonNode user) throws ScimException {
        return byValue(filter) ? super.visit((LessThanFilter) Filter.lt(value(filter), filter.getComparisonValue()), user)
                : super.visit(filter, user);
    }

    @Override
    public Boolean visit(LessThanOrEqualFilter filter, JsonNode user) throws ScimException {
        return byValue(filter)
                ? super.visit((LessThanOrEqualFilter) Filter.le(value(filter), filter.getComparisonValue()), user)
                : super.visit(filter, user);
    }

    /** Whether the comparison names a multi-valued complex attribute that has a {@code value}, not a part of it. */
    private boolean byValue(ComparisonFilter filter) {
        AttributeDefinition definition = getAttributeDefinition(filter.getAttributePath());
        return definition != null && definition.isMultiValued()
                && definition.getType() == AttributeDefinition.Type.COMPLEX && definition.getSubAttributes() != null
                && definition.getSubAttributes().stream().anyMatch(sub -> sub.getName().equals("value"));
    }

    private static Path value(ComparisonFilter filter) {
        return filter.getAttributePath().attribute("value");
    }
}
