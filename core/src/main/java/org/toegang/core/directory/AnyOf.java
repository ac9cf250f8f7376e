package org.toegang.core.directory;

import com.unboundid.ldap.sdk.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * "Any of these values" as LDAP filters for a search of many entries at once (the people of a page,
 * of a report, of a provisioning batch): an OR of equality filters per batch of at most
 * {@value #PER_FILTER} distinct values, made by the SDK's factories (RFC 4515 escaping). Bounded so
 * that no filter grows with the caller's list, whatever its size: a directory answers a long OR
 * slowly, and some refuse filters past a size limit.
 */
final class AnyOf {
    static final int PER_FILTER = 200;

    private AnyOf() {
    }

    /** One OR filter per batch of the distinct {@code values} of {@code attribute}, in their first order; none for none. */
    static List<Filter> batches(String attribute, Collection<String> values) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
        List<Filter> filters = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += PER_FILTER) {
            filters.add(Filter.createORFilter(distinct.subList(from, Math.min(distinct.size(), from + PER_FILTER))
                    .stream().map(value -> Filter.createEqualityFilter(attribute, value)).toList()));
        }
        return filters;
    }
}
