package org.toegang.scim.protocol;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.server.utils.ResourcePreparer;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists small resource sets (groups, organisations) with the SDK's own filter evaluator,
 * comparator and attribute trimming, so they follow RFC 7644 exactly as the SDK reads it.
 */
public final class InMemoryQuery {
    private InMemoryQuery() {
    }

    public static <T extends ScimResource> ListResponse<GenericScimResource> list(
            List<T> all, ResourceTypeDefinition type, ListQuery query, UriInfo uriInfo, ScimLimits limits)
            throws ScimException {
        query.requireIndexPaging(type.getEndpoint());
        List<T> matches = new ArrayList<>();
        if (query.filter() != null) {
            requireSimpleEnough(query.filter(), limits.maxFilterOperators());
            SchemaAwareFilterEvaluator evaluator = new SchemaAwareFilterEvaluator(type);
            for (T resource : all) {
                if (query.filter().visit(evaluator, resource.asGenericScimResource().getObjectNode())) {
                    matches.add(resource);
                }
            }
        } else {
            matches.addAll(all);
        }
        ResourcePreparer<T> preparer = new ResourcePreparer<>(type, uriInfo);
        List<GenericScimResource> page = new ArrayList<>();
        for (T resource : query.page(matches, type)) {
            page.add(preparer.trimRetrievedResource(resource));
        }
        return new ListResponse<>(matches.size(), page, query.startIndex(), page.size());
    }

    /** Refuses a filter with more operators than advertised. */
    public static void requireSimpleEnough(Filter filter, int maxOperators) throws BadRequestException {
        if (operators(filter) > maxOperators) {
            throw BadRequestException.invalidFilter("The filter has more than " + maxOperators
                    + " operators, the limit this server advertises; simplify it");
        }
    }

    private static int operators(Filter filter) {
        if (filter.isCombiningFilter()) {
            return 1 + filter.getCombinedFilters().stream().mapToInt(InMemoryQuery::operators).sum();
        }
        if (filter.isNotFilter()) {
            return 1 + operators(filter.getInvertedFilter());
        }
        if (filter.isComplexValueFilter()) {
            return 1 + operators(filter.getValueFilter());
        }
        return 1;
    }
}
