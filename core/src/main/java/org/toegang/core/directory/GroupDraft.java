package org.toegang.core.directory;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.ValidationException;

/**
 * What a writer (SCIM) asks to store about a plain group, validated on construction.
 *
 * @param displayName required; at most {@link PersonDraft#MAX_TEXT} characters
 * @param externalId the group's identifier in the provisioning client, kept exactly as given (case-exact)
 * @param memberIds the directory ids of the people who are members; order is not kept
 * @throws ValidationException from the constructor, naming the field that is wrong
 */
public record GroupDraft(String displayName, Optional<String> externalId, Set<String> memberIds) {
    public GroupDraft {
        if (displayName == null || displayName.isBlank()) {
            throw ValidationException.missing("displayName");
        }
        displayName = PersonDraft.text("displayName", displayName.strip(), PersonDraft.MAX_TEXT);
        externalId = externalId == null ? Optional.empty() : externalId.filter(v -> !v.isBlank());
        externalId.ifPresent(v -> PersonDraft.text("externalId", v, PersonDraft.MAX_IDENTIFIER));
        Set<String> members = new LinkedHashSet<>();
        for (String id : Objects.requireNonNullElse(memberIds, Set.<String>of())) {
            if (id == null || id.isBlank()) {
                throw ValidationException.invalid("members.value", "must name a User by its id");
            }
            members.add(PersonDraft.text("members.value", id.strip(), PersonDraft.MAX_IDENTIFIER));
        }
        memberIds = Set.copyOf(members);
    }
}
