package org.toegang.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Meta;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.ValidationException;
import org.toegang.core.directory.GroupDraft;
import org.toegang.core.directory.StoredGroup;
import org.toegang.scim.users.UserMapper;

/** Translates between a stored plain group and a SCIM Group (RFC 7643 §4.2). */
final class GroupMapper {
    private GroupMapper() {
    }

    /** @param users the Users endpoint with a trailing slash, for the members' {@code $ref} */
    static GroupResource toScim(StoredGroup stored, URI users) {
        GroupResource group = new GroupResource();
        group.setId(stored.id());
        group.setDisplayName(stored.displayName());
        stored.externalId().ifPresent(group::setExternalId);
        if (!stored.members().isEmpty()) {
            group.setMembers(stored.members().stream()
                    .map(member -> new Member().setValue(member.personId()).setType("User").setDisplay(member.display())
                            .setRef(users.resolve(member.personId())))
                    .toList());
        }
        Meta meta = new Meta();
        meta.setResourceType("Group");
        stored.created().ifPresent(moment -> meta.setCreated(UserMapper.calendar(moment)));
        stored.modified().ifPresent(moment -> meta.setLastModified(UserMapper.calendar(moment)));
        stored.version().map(UserMapper::etag).ifPresent(meta::setVersion);
        group.setMeta(meta);
        return group;
    }

    /**
     * What to store from a Group a client sent; read-only attributes are ignored.
     *
     * @throws BadRequestException invalidValue naming the field (a member that is not a User,
     *         a missing displayName, a value the directory cannot hold)
     */
    static GroupDraft toDraft(GenericScimResource resource) throws BadRequestException {
        JsonNode node = resource.getObjectNode();
        Set<String> members = new LinkedHashSet<>();
        JsonNode list = node.path("members");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw BadRequestException.invalidValue("members must be an array");
        }
        for (JsonNode member : list) {
            String type = member.path("type").asText("User");
            if (!type.equalsIgnoreCase("User")) {
                throw BadRequestException.invalidValue("members.type " + type + ": only Users can be members");
            }
            if (!member.path("value").isTextual()) {
                throw BadRequestException.invalidValue("members.value must name a User by its id: " + member);
            }
            members.add(member.path("value").textValue());
        }
        try {
            return new GroupDraft(node.path("displayName").isTextual() ? node.path("displayName").textValue() : null,
                    Optional.ofNullable(node.path("externalId").isTextual() ? node.path("externalId").textValue() : null),
                    members);
        } catch (ValidationException e) {
            throw BadRequestException.invalidValue(e.getMessage());
        }
    }
}
