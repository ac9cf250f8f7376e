package org.toegang.scim.outbound;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Makes an account at one target a member of exactly the Groups named after its rights (one Group
 * per 3D role, {@code displayName} = the role, e.g. {@code LoketGebruiker:0900000147}), for targets
 * configured with {@code "groups": true}. Membership is written on the Group
 * ({@code PATCH /Groups/{id}} on {@code members}), since a User's {@code groups} is read-only
 * (RFC 7643 section 4.1.2); what the account is a member of now is read from that attribute.
 *
 * <p>Only Groups named like a 3D role are Toegang's: memberships of the target's own Groups are
 * never touched. Idempotent: adding a member twice or removing one that is gone changes nothing.
 * A missing Group is created (a 409 from a concurrent create is resolved by finding it). Group ids
 * are kept in memory per target; a Group deleted at the target meanwhile is found or created again.
 * Thread-safe.
 */
final class GroupMemberships {
    /** {@code <Right>[-<context>]:<organisation key>}, as {@code AccountState} defines a 3D role. */
    private static final Pattern THREE_D_ROLE = Pattern.compile("[^:\\s]+:[^:\\s]+");

    private final TargetClient client;
    private final Map<String, String> groupIds = new ConcurrentHashMap<>();

    GroupMemberships(TargetClient client) {
        this.client = client;
    }

    /** Whether a Group of this name is Toegang's: named like a 3D role. */
    static boolean ours(String groupName) {
        return THREE_D_ROLE.matcher(groupName).matches();
    }

    /** Brings the account's memberships of Toegang's Groups to {@code roles} (empty: none). */
    void apply(String userId, List<String> roles) throws DeliveryFailure {
        Map<String, String> current = client.groupsOf(userId);
        Set<String> wanted = new TreeSet<>(roles);
        for (Map.Entry<String, String> group : current.entrySet()) {
            String name = group.getValue();
            if (ours(name) && !wanted.contains(name)) {
                removeMember(group.getKey(), userId);
            }
        }
        for (String role : wanted) {
            if (!current.containsValue(role)) {
                addMember(role, userId);
            }
        }
    }

    private void removeMember(String groupId, String userId) throws DeliveryFailure {
        try {
            client.removeMember(groupId, userId);
        } catch (DeliveryFailure failure) {
            if (!failure.notFound() && !failure.noTarget()) {
                throw failure; // a Group or member gone already is the state we want
            }
        }
    }

    private void addMember(String role, String userId) throws DeliveryFailure {
        try {
            client.addMember(groupId(role), userId);
        } catch (DeliveryFailure failure) {
            if (!failure.notFound()) {
                throw failure;
            }
            groupIds.remove(role); // deleted at the target since we learned its id
            client.addMember(groupId(role), userId);
        }
    }

    private String groupId(String role) throws DeliveryFailure {
        String known = groupIds.get(role);
        if (known != null) {
            return known;
        }
        String id = findOrCreate(role);
        groupIds.put(role, id);
        return id;
    }

    /** One at a time per target, so two deliveries do not both create the same Group. */
    private synchronized String findOrCreate(String role) throws DeliveryFailure {
        Optional<String> found = client.findGroup(role);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            return client.createGroup(role);
        } catch (DeliveryFailure failure) {
            if (!failure.conflict()) {
                throw failure;
            }
            return client.findGroup(role).orElseThrow(() -> failure);
        }
    }
}
