package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.toegang.core.directory.PersonRights;
import org.toegang.core.directory.ProvisioningSource;
import org.toegang.core.provisioning.AccountState;
import org.toegang.core.provisioning.ProvisioningRule;
import org.toegang.core.provisioning.TargetConfig;

/**
 * Compares the accounts a target holds with what it should hold now, and reports the differences
 * before anything is changed; on request it repairs them by queuing, for each person concerned,
 * the state the target should hold (through the journal, so the repair is as durable and ordered
 * as any change). Accounts whose {@code externalId} names no one we know are reported, never touched.
 */
public final class Reconciliation {
    /** What kind of difference. */
    public enum Kind {
        /** Should hold an active account; holds none. */
        MISSING,
        /** Holds an account that should be inactive (or absent, when the target deletes). */
        UNEXPECTED,
        /** Holds the account, with other rights or another active flag than it should. */
        DIFFERENT,
        /** Holds an account that is not ours (no or an unknown externalId); left alone. */
        FOREIGN
    }

    /** One difference; {@code personId} is the account's externalId. */
    public record Difference(Kind kind, String personId, Optional<String> targetId, String detail) {
    }

    /** The outcome: what the target held, what it should hold, what differs, whether repairs were queued. */
    public record Report(String target, int held, int expectedActive, List<Difference> differences, boolean repaired) {
    }

    private final ProvisioningSource source;
    private final Journal journal;
    private final Repairs repairs;
    private final Clock clock;

    /** Queues the state a target should hold for these people, even when it was queued before. */
    interface Repairs {
        void queue(TargetConfig target, List<String> personIds);
    }

    Reconciliation(ProvisioningSource source, Journal journal, Repairs repairs, Clock clock) {
        this.source = source;
        this.journal = journal;
        this.repairs = repairs;
        this.clock = clock;
    }

    Report run(TargetClient client, boolean repair) throws DeliveryFailure {
        TargetConfig target = client.target();
        List<ObjectNode> held = client.listUsers();
        Instant now = clock.instant();
        Set<String> people = new LinkedHashSet<>(source.holdersOf(target.application()));
        people.addAll(journal.accounts(target.name()).keySet());
        Map<String, ObjectNode> byExternalId = new HashMap<>();
        List<Difference> differences = new ArrayList<>();
        // a target that keeps no externalId (Keycloak 26.7): its accounts are known by the ids it gave us
        Map<String, String> personByTargetId = new HashMap<>();
        journal.accounts(target.name()).values().forEach(account -> account.targetId()
                .ifPresent(id -> personByTargetId.put(id, account.personId())));
        for (ObjectNode user : held) {
            String externalId = user.path("externalId").asText("");
            if (externalId.isEmpty()) {
                externalId = personByTargetId.getOrDefault(user.path("id").asText(""), "");
            }
            if (externalId.isEmpty()) {
                differences.add(new Difference(Kind.FOREIGN, "", id(user), "no externalId: " + user.path("userName").asText()));
            } else {
                byExternalId.put(externalId, user);
                people.add(externalId);
            }
        }
        Map<String, PersonRights> read = source.read(people);
        int expectedActive = 0;
        for (String personId : people) {
            PersonRights rights = read.get(personId);
            ObjectNode user = byExternalId.get(personId);
            if (rights == null) {
                if (user != null && !journal.account(target.name(), personId).isPresent()) {
                    differences.add(new Difference(Kind.FOREIGN, personId, id(user), "externalId names no person"));
                } else if (user != null && holdsAccount(user, target)) {
                    differences.add(new Difference(Kind.UNEXPECTED, personId, id(user), "the person no longer exists"));
                }
                continue;
            }
            AccountState should = ProvisioningRule.stateAt(rights.person(), target.application(), rights.grants(),
                    rights.workRelations(), now);
            if (should.active()) {
                expectedActive++;
            }
            if (user == null) {
                if (should.active()) {
                    differences.add(new Difference(Kind.MISSING, personId, Optional.empty(), "roles " + should.roles()));
                }
            } else if (!should.active()) {
                if (holdsAccount(user, target)) {
                    differences.add(new Difference(Kind.UNEXPECTED, personId, id(user), "no right of "
                            + target.application() + " counts"));
                }
            } else {
                Set<String> roles = rights(user, target);
                Set<String> expected = target.rightsAs() == TargetConfig.RightsAs.NONE ? Set.of()
                        : new TreeSet<>(should.roles());
                boolean active = user.path("active").asBoolean(true);
                Set<String> groups = target.groups() ? memberships(client, user) : Set.of();
                Set<String> expectedGroups = target.groups() ? new TreeSet<>(should.roles()) : Set.of();
                if (!active || !roles.equals(expected) || !groups.equals(expectedGroups)) {
                    differences.add(new Difference(Kind.DIFFERENT, personId, id(user), "holds active=" + active
                            + " " + roles + (target.groups() ? " groups " + groups : "") + ", should hold active=true "
                            + expected + (target.groups() ? " groups " + expectedGroups : "")));
                }
            }
        }
        if (repair) {
            repairs.queue(target, differences.stream().filter(difference -> difference.kind() != Kind.FOREIGN)
                    .map(Difference::personId).toList());
        }
        return new Report(target.name(), held.size(), expectedActive, List.copyOf(differences), repair);
    }

    private static boolean holdsAccount(ObjectNode user, TargetConfig target) {
        return target.onLastRight() == TargetConfig.Deprovision.DELETE || user.path("active").asBoolean(true);
    }

    private static Set<String> rights(ObjectNode user, TargetConfig target) {
        Set<String> values = new TreeSet<>();
        Optional<String> attribute = AccountRepresentation.rightsAttribute(target);
        attribute.ifPresent(name -> {
            JsonNode list = user.path(name);
            list.forEach(value -> values.add(value.path("value").asText()));
        });
        return values;
    }

    /** The account's memberships of Toegang's Groups (those named like a 3D role). */
    private static Set<String> memberships(TargetClient client, ObjectNode user) throws DeliveryFailure {
        Set<String> names = new TreeSet<>(client.groupsOf(user.path("id").asText()).values());
        names.removeIf(name -> !GroupMemberships.ours(name));
        return names;
    }

    private static Optional<String> id(ObjectNode user) {
        return Optional.ofNullable(user.path("id").textValue());
    }
}
