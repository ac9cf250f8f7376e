package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.VALID_FROM;
import static org.toegang.core.directory.Attributes.VALID_TO;

import com.unboundid.ldap.sdk.Filter;
import java.time.Instant;

/**
 * {@link org.toegang.core.model.Validity#contains} as an LDAP filter, so a search can leave out
 * what has ended or not begun: from at or before the moment, and no end or an end at or after it
 * (the schema's generalizedTimeOrderingMatch compares the values).
 */
final class ValidityFilter {
    private ValidityFilter() {
    }

    static Filter containing(Instant moment) {
        String at = EntryMapper.generalizedTime(moment);
        return Filter.createANDFilter(Filter.createLessOrEqualFilter(VALID_FROM, at),
                Filter.createORFilter(Filter.createNOTFilter(Filter.createPresenceFilter(VALID_TO)),
                        Filter.createGreaterOrEqualFilter(VALID_TO, at)));
    }
}
