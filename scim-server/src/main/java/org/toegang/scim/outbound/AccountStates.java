package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.toegang.core.provisioning.AccountState;

/** An account state as the journal stores it: a small JSON object. */
final class AccountStates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccountStates() {
    }

    static String write(AccountState state) {
        ObjectNode node = JSON.createObjectNode();
        node.put("personId", state.personId());
        node.put("username", state.username());
        node.put("givenName", state.givenName());
        node.put("familyName", state.familyName());
        state.email().ifPresent(mail -> node.put("email", mail));
        node.put("active", state.active());
        state.roles().forEach(node.putArray("roles")::add);
        if (state.roles().isEmpty()) {
            node.putArray("roles");
        }
        return node.toString();
    }

    static AccountState read(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            List<String> roles = new ArrayList<>();
            node.path("roles").forEach(role -> roles.add(role.asText()));
            return new AccountState(node.path("personId").asText(), node.path("username").asText(),
                    node.path("givenName").asText(), node.path("familyName").asText(),
                    node.hasNonNull("email") ? Optional.of(node.get("email").asText()) : Optional.empty(),
                    roles, node.path("active").asBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException("a journal entry holds malformed JSON", e);
        }
    }
}
