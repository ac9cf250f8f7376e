package org.toegang.scim.users;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests a User as it is shown against a SCIM filter, for the filters the directory can only
 * widen ({@link UserFilterTranslator.Translation#testEach()}): the SDK's evaluator, with each
 * attribute's case sensitivity and type from the schemas {@code /Schemas} serves. As in the
 * directory translation, a comparison on a multi-valued complex attribute with a {@code value}
 * ({@code emails co "@example.org"}) compares its values.
 */
final class ShownUserFilter {
    private final Filter filter;
    private final SchemaAwareFilterEvaluator evaluator = new SchemaAwareFilterEvaluator(UsersEndpoint.DEFINITION);

    ShownUserFilter(Filter filter) {
        this.filter = byValue(filter);
    }

    boolean matches(UserResource user) throws ScimException {
        return filter.visit(evaluator, JsonUtils.valueToNode(user));
    }

    /** The filter with each comparison on a multi-valued complex attribute moved to its {@code value}. */
    private static Filter byValue(Filter filter) {
        if (filter.isCombiningFilter()) {
            List<Filter> parts = new ArrayList<>();
            filter.getCombinedFilters().forEach(part -> parts.add(byValue(part)));
            return filter.getFilterType() == FilterType.AND ? Filter.and(parts) : Filter.or(parts);
        }
        if (filter.isNotFilter()) {
            return Filter.not(byValue(filter.getInvertedFilter()));
        }
        if (filter.isComplexValueFilter() || !hasValue(filter.getAttributePath())) {
            return filter;
        }
        Path path = filter.getAttributePath().attribute("value");
        ValueNode value = filter.getComparisonValue();
        return switch (filter.getFilterType()) {
            case EQUAL -> Filter.eq(path, value);
            case NOT_EQUAL -> Filter.ne(path, value);
            case CONTAINS -> Filter.co(path, value);
            case STARTS_WITH -> Filter.sw(path, value);
            case ENDS_WITH -> Filter.ew(path, value);
            case GREATER_THAN -> Filter.gt(path, value);
            case GREATER_OR_EQUAL -> Filter.ge(path, value);
            case LESS_THAN -> Filter.lt(path, value);
            case LESS_OR_EQUAL -> Filter.le(path, value);
            default -> filter; // present: an attribute with values is present as its values are
        };
    }

    private static boolean hasValue(Path path) {
        AttributeDefinition definition = UsersEndpoint.DEFINITION.getAttributeDefinition(path);
        return definition != null && definition.isMultiValued()
                && definition.getType() == AttributeDefinition.Type.COMPLEX && definition.getSubAttributes() != null
                && definition.getSubAttributes().stream().anyMatch(sub -> sub.getName().equals("value"));
    }
}
