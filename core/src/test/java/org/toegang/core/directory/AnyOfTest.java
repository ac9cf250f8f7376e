package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnyOfTest {

    @Test
    void noValuesMakeNoFilter() {
        assertThat(AnyOf.batches("toegangPersonId", List.of())).isEmpty();
    }

    @Test
    void everyDistinctValueLandsInExactlyOneBoundedFilter() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 2 * AnyOf.PER_FILTER + 1).mapToObj(i -> "p" + i).toList());
        ids.addAll(ids.subList(0, 10)); // repeated ids are asked once

        List<Filter> batches = AnyOf.batches("toegangPersonId", ids);

        assertThat(batches).hasSize(3);
        assertThat(batches).allSatisfy(filter -> {
            assertThat(filter.getFilterType()).isEqualTo(Filter.FILTER_TYPE_OR);
            assertThat(filter.getComponents()).hasSizeLessThanOrEqualTo(AnyOf.PER_FILTER);
        });
        assertThat(batches.stream().flatMap(filter -> List.of(filter.getComponents()).stream())
                .map(Filter::getAssertionValue)).containsExactlyElementsOf(ids.subList(0, 2 * AnyOf.PER_FILTER + 1));
    }

    @Test
    void aValueIsMatchedAsTextNeverAsFilterSyntax() {
        Filter filter = AnyOf.batches("toegangPersonId", List.of("*)(objectClass=*")).get(0);

        assertThat(filter.toString()).isEqualTo("(|(toegangPersonId=\\2a\\29\\28objectClass=\\2a))");
    }
}
