package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.toegang.core.provisioning.AccountState;
import org.toegang.core.provisioning.TargetConfig;

/**
 * Brings one account at one target to one state, idempotently: running it twice has the effect of
 * running it once. The account is found by the id the target gave it, else by {@code externalId}
 * (our directory id) or {@code userName}; a create that meets an existing account (409) adopts it.
 */
final class TargetWriter {
    private final TargetClient client;
    private final Optional<GroupMemberships> groups;

    TargetWriter(TargetClient client) {
        this.client = client;
        this.groups = client.target().groups() ? Optional.of(new GroupMemberships(client)) : Optional.empty();
    }

    /**
     * Makes the target hold {@code state}.
     *
     * @param knownId the target's id of the account, when the journal has it
     * @return the target's id of the account afterwards; empty when it holds none (never had one, or deleted)
     */
    Optional<String> apply(AccountState state, Optional<String> knownId) throws DeliveryFailure {
        Optional<String> id = account(state, knownId);
        if (groups.isPresent() && id.isPresent()) {
            // after the account, so a new account exists to be a member; an inactive one is a member of none
            groups.get().apply(id.get(), state.roles());
        }
        return id;
    }

    private Optional<String> account(AccountState state, Optional<String> knownId) throws DeliveryFailure {
        TargetConfig target = client.target();
        if (state.active()) {
            ObjectNode user = AccountRepresentation.user(state, target);
            if (knownId.isPresent()) {
                try {
                    client.replace(knownId.get(), user);
                    return knownId;
                } catch (DeliveryFailure failure) {
                    if (!failure.notFound()) {
                        throw failure;
                    }
                    // removed at the target meanwhile: create it again below
                }
            }
            try {
                return Optional.of(client.create(user));
            } catch (DeliveryFailure failure) {
                if (!failure.conflict()) {
                    throw failure;
                }
                // an earlier try may have created it and lost the answer, or it existed before us: adopt it
                String found = client.find(state.personId(), state.username()).orElseThrow(() -> failure);
                client.replace(found, user);
                return Optional.of(found);
            }
        }
        Optional<String> id = knownId.isPresent() ? knownId : client.find(state.personId(), state.username());
        if (id.isEmpty()) {
            return Optional.empty(); // nothing there, nothing to take away
        }
        if (target.onLastRight() == TargetConfig.Deprovision.DELETE) {
            client.delete(id.get());
            return Optional.empty();
        }
        try {
            client.deactivate(id.get(), AccountRepresentation.rightsAttribute(target));
        } catch (DeliveryFailure failure) {
            if (failure.notFound()) {
                return Optional.empty();
            }
            throw failure;
        }
        return id;
    }
}
