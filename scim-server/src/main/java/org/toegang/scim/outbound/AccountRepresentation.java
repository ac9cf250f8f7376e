package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.Entitlement;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.Role;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.List;
import org.toegang.core.provisioning.AccountState;
import org.toegang.core.provisioning.TargetConfig;

/**
 * The SCIM User (RFC 7643 section 4.1) a target receives for an account state: our own small
 * outbound representation, independent of the inbound SCIM API's mapping. {@code externalId} is
 * the person's directory id, which makes every create findable and adoptable later. Nothing but
 * the person's name, mail and this application's rights is sent.
 */
final class AccountRepresentation {
    private AccountRepresentation() {
    }

    /** The User attribute that carries the rights at this target; empty when none does. */
    static java.util.Optional<String> rightsAttribute(TargetConfig target) {
        return switch (target.rightsAs()) {
            case ROLES -> java.util.Optional.of("roles");
            case ENTITLEMENTS -> java.util.Optional.of("entitlements");
            case NONE -> java.util.Optional.empty();
        };
    }

    static ObjectNode user(AccountState state, TargetConfig target) {
        UserResource user = new UserResource();
        user.setUserName(state.username());
        user.setExternalId(state.personId());
        user.setName(new Name().setGivenName(state.givenName()).setFamilyName(state.familyName())
                .setFormatted((state.givenName() + " " + state.familyName()).strip()));
        user.setDisplayName((state.givenName() + " " + state.familyName()).strip());
        state.email().ifPresent(mail -> user.setEmails(List.of(new Email().setValue(mail).setType("work")
                .setPrimary(true))));
        user.setActive(state.active());
        if (target.rightsAs() == TargetConfig.RightsAs.ROLES) {
            user.setRoles(state.roles().stream().map(role -> new Role().setValue(role)).toList());
        } else if (target.rightsAs() == TargetConfig.RightsAs.ENTITLEMENTS) {
            user.setEntitlements(state.roles().stream().map(role -> new Entitlement().setValue(role)).toList());
        }
        ObjectNode node = JsonUtils.valueToNode(user);
        node.remove("meta");
        return node;
    }
}
