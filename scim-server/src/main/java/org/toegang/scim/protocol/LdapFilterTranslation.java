package org.toegang.scim.protocol;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComparisonFilter;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.utils.DateTimeUtils;
import java.util.ArrayList;
import java.util.List;
import org.toegang.core.directory.PersonStore;

/**
 * What every translation of a SCIM filter (RFC 7644 §3.4.2.2) into an LDAP filter shares: the
 * advertised limit on operators, the logical operators, strict comparisons (LDAP has only
 * {@code >=} and {@code <=}) and the checked comparison values. Values only ever go into the
 * LDAP SDK's filter factories, never into filter text. The visitor's parameter is the enclosing
 * multi-valued attribute inside a value filter, else null.
 */
public abstract class LdapFilterTranslation implements FilterVisitor<Filter, String> {
    /** Matches every entry (every entry has an object class). */
    public static final Filter TRUE = Filter.createPresenceFilter("objectClass");
    /** Matches no entry. */
    public static final Filter FALSE = Filter.createNOTFilter(TRUE);

    private final int maxNodes;
    private int nodes;

    protected LdapFilterTranslation(int maxNodes) {
        this.maxNodes = maxNodes;
    }

    @Override
    public Filter visit(AndFilter filter, String parent) throws ScimException {
        count();
        return Filter.createANDFilter(parts(filter.getCombinedFilters(), parent));
    }

    @Override
    public Filter visit(OrFilter filter, String parent) throws ScimException {
        count();
        return Filter.createORFilter(parts(filter.getCombinedFilters(), parent));
    }

    @Override
    public Filter visit(NotFilter filter, String parent) throws ScimException {
        count();
        return Filter.createNOTFilter(filter.getInvertedFilter().visit(this, parent));
    }

    private List<Filter> parts(List<com.unboundid.scim2.common.filters.Filter> combined, String parent)
            throws ScimException {
        List<Filter> parts = new ArrayList<>();
        for (com.unboundid.scim2.common.filters.Filter part : combined) {
            parts.add(part.visit(this, parent));
        }
        return parts;
    }

    /** Counts one operator against the advertised limit. */
    protected final void count() throws BadRequestException {
        if (++nodes > maxNodes) {
            throw BadRequestException.invalidFilter("The filter has more than " + maxNodes
                    + " operators, the limit this server advertises; simplify it");
        }
    }

    /** An operator that turned out to be another one already counted ({@code ne} as not {@code eq}). */
    protected final void uncount() {
        nodes--;
    }

    /** {@code gt} and {@code lt} from LDAP's inclusive comparison: the equal value is excluded. */
    protected static Filter strictly(Filter inclusive, String attribute, String value) {
        return Filter.createANDFilter(inclusive, Filter.createNOTFilter(Filter.createEqualityFilter(attribute, value)));
    }

    /**
     * Every stored text lies in the Basic Multilingual Plane (drafts refuse the rest), so a value
     * outside it matches nothing; sent on, it would make the directory fail.
     */
    protected static boolean outsideBmp(String value) {
        return value.codePoints().anyMatch(Character::isSupplementaryCodePoint);
    }

    protected static String text(ComparisonFilter filter) throws BadRequestException {
        ValueNode value = filter.getComparisonValue();
        if (value == null || !value.isTextual()) {
            throw BadRequestException.invalidFilter(filter.getAttributePath() + " takes a string value: " + filter);
        }
        return value.textValue();
    }

    /** The value as the directory's generalized time; validated here, since the directory answers obscurely. */
    protected static String time(ComparisonFilter filter) throws BadRequestException {
        String text = text(filter);
        try {
            return PersonStore.generalizedTime(DateTimeUtils.parse(text).toInstant());
        } catch (IllegalArgumentException e) {
            throw BadRequestException.invalidFilter(filter.getAttributePath() + " takes an xsd:dateTime value, not " + text);
        }
    }
}
