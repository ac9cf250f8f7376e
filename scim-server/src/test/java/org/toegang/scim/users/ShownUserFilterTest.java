package org.toegang.scim.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A User as shown, tested against the filters the directory can only widen. */
class ShownUserFilterTest {
    /** Work address at another domain, home address at example.com: "a work address at example.com" must not match. */
    static final String USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"babs","nickName":"Babs",
             "userType":"Employee","emails":[{"value":"babs@work.org","type":"work","primary":true},
             {"value":"babs@example.com","type":"home"}],"ims":[{"value":"babs@foo.com","type":"xmpp"}],
             "addresses":[{"locality":"Gent","type":"work"}],
             "meta":{"resourceType":"User","created":"2026-12-06T02:28:19.803Z"}}""";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", value = {
            "emails[type eq \"work\" and value co \"@example.com\"] => false",
            "emails[type eq \"home\" and value co \"@example.com\"] => true",
            "emails[type eq \"WORK\" and primary eq true] => true",
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@work.org\"] => true",
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"] => true",
            "emails co \"example.com\" => true",
            "emails ew \"@nowhere.org\" => false",
            "emails[value ne \"babs@work.org\"] => true",
            "emails[not (value co \"babs\")] => false",
            "nickName eq \"babs\" => true",
            "not (nickName eq \"Babs\") => false",
            "addresses[locality eq \"Gent\"] => true",
            "meta.created gt \"2026-12-06T02:28:19Z\" => true",
            "meta.created lt \"2026-12-06T03:28:19+01:00\" => false",
    })
    void matchesAsTheUserIsShown(String filter, boolean expected) throws Exception {
        assertThat(new ShownUserFilter(Filter.fromString(filter)).matches(user())).isEqualTo(expected);
    }

    private static UserResource user() throws ScimException, java.io.IOException {
        return JsonUtils.nodeToValue((ObjectNode) JsonUtils.getObjectReader().readTree(USER), UserResource.class);
    }
}
