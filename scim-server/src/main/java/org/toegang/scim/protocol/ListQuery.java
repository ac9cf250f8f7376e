package org.toegang.scim.protocol;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.SortOrder;
import com.unboundid.scim2.common.utils.ApiConstants;
import com.unboundid.scim2.server.utils.ResourceComparator;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The query parameters of a list or {@code .search} request (RFC 7644 §3.4.2), parsed and
 * checked once: the SDK parses the filter and the sort path; paging follows §3.4.2.4 (a
 * {@code startIndex} below 1 means 1, a negative {@code count} means 0, and a count above the
 * advertised maximum is lowered to it).
 *
 * @param filter null when the request has none
 * @param sortBy null when the request has none
 * @param cursor null for index paging; for cursor paging (RFC 9865) empty on the first page, else
 *        the {@code nextCursor} of the previous page
 */
public record ListQuery(Filter filter, Path sortBy, SortOrder sortOrder, int startIndex, int count, String cursor) {
    /** The query parameter of RFC 9865 §2. */
    public static final String CURSOR = "cursor";

    public static ListQuery of(UriInfo uriInfo, ScimLimits limits) throws ScimException {
        MultivaluedMap<String, String> query = uriInfo.getQueryParameters();
        String filterText = query.getFirst(ApiConstants.QUERY_PARAMETER_FILTER);
        Filter filter = filterText == null || filterText.isBlank() ? null : Filter.fromString(filterText);
        String sortText = query.getFirst(ApiConstants.QUERY_PARAMETER_SORT_BY);
        Path sortBy = sortText == null || sortText.isBlank() ? null : Path.fromString(sortText);
        String orderText = query.getFirst(ApiConstants.QUERY_PARAMETER_SORT_ORDER);
        SortOrder order = SortOrder.ASCENDING;
        if (orderText != null && !orderText.isBlank()) {
            if (orderText.equalsIgnoreCase("descending")) {
                order = SortOrder.DESCENDING;
            } else if (!orderText.equalsIgnoreCase("ascending")) {
                throw BadRequestException.invalidValue("sortOrder must be ascending or descending, not " + orderText);
            }
        }
        int startIndex = Math.max(1, integer(query.getFirst(ApiConstants.QUERY_PARAMETER_PAGE_START_INDEX), 1,
                "startIndex"));
        int count = Math.min(limits.maxResults(), Math.max(0,
                integer(query.getFirst(ApiConstants.QUERY_PARAMETER_PAGE_SIZE), limits.maxResults(), "count")));
        String cursor = query.containsKey(CURSOR) ? Objects.requireNonNullElse(query.getFirst(CURSOR), "").strip() : null;
        if (cursor != null && query.containsKey(ApiConstants.QUERY_PARAMETER_PAGE_START_INDEX)) {
            throw BadRequestException.invalidValue("Use either cursor or startIndex paging, not both (RFC 9865 §2)");
        }
        if (cursor != null && sortBy != null) {
            // A cursor walks the directory's own order; sorting needs every match at once (index paging).
            throw BadRequestException.invalidValue("sortBy works with startIndex paging only, not with a cursor");
        }
        return new ListQuery(filter, sortBy, order, startIndex, count, cursor);
    }

    /** Whether the client pages with a cursor (RFC 9865). */
    public boolean byCursor() {
        return cursor != null;
    }

    /** Refuses a cursor on an endpoint that pages by index only. */
    public void requireIndexPaging(String endpoint) throws BadRequestException {
        if (byCursor()) {
            throw BadRequestException.invalidValue(endpoint + " pages by startIndex only; cursor paging is offered on "
                    + "Users and Groups");
        }
    }

    /** Sorts (with the SDK's comparator, which follows the schema's case-exactness) and cuts out the page. */
    public <T extends ScimResource> List<T> page(List<T> matches, ResourceTypeDefinition type) {
        List<T> sorted = new ArrayList<>(matches);
        if (sortBy != null) {
            sorted.sort(new ResourceComparator<>(sortBy, sortOrder, type));
        }
        int from = Math.min(sorted.size(), startIndex - 1);
        int to = Math.min(sorted.size(), from + count);
        return sorted.subList(from, to);
    }

    private static int integer(String text, int absent, String name) throws BadRequestException {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw BadRequestException.invalidValue(name + " must be an integer, not " + text);
        }
    }
}
