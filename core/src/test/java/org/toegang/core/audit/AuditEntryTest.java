package org.toegang.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
    @Test
    void idsAreTimeOrderedAndCarryTheirMillisecond() {
        Instant at = Instant.parse("2026-05-06T07:08:09.123Z");
        String a = AuditIds.next(at);
        String b = AuditIds.next(at.plusMillis(1));
        assertThat(UUID.fromString(a).version()).isEqualTo(7);
        assertThat(UUID.fromString(a).compareTo(UUID.fromString(b))).isNegative();
        assertThat(a.compareTo(b)).isNegative();
        assertThat(AuditIds.instantOf(a)).isEqualTo(at);
    }

    @Test
    void beforeAndAfterAreUnmodifiableCopies() {
        Map<String, String> before = new HashMap<>(Map.of("status", "active"));
        AuditEntry entry = AuditEntry.builder().actor(AuditEntry.Actor.client("scim-client")).role("scimProvisioner")
                .action("person.delete").target("person/1").before(before).build();
        before.put("status", "changed");
        assertThat(entry.before()).containsEntry("status", "active");
        assertThat(entry.after()).isEmpty();
        assertThat(entry.organisationKey()).isEmpty();
        assertThatThrownBy(() -> entry.before().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesWhoActedAndThePeopleItsValuesAreAbout() {
        AuditEntry entry = AuditEntry.builder().actor(AuditEntry.Actor.person("owner", "toegang-portal"))
                .role("applicationOwner").action("request.approve").target("grant/1")
                .before(Map.of("personId", "asker", "status", "requested"))
                .after(Map.of("personId", "asker", "status", "active", "decidedBy", "owner", "reason", "someone else")).build();
        assertThat(entry.peopleNamed()).as("each once; a reason is not a person").containsExactlyInAnyOrder("owner", "asker");
    }

    @Test
    void anActorIsSomebody() {
        assertThatThrownBy(() -> new AuditEntry.Actor(Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
