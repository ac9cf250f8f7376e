package org.toegang.scim.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.toegang.core.directory.PersonDraft;
import org.toegang.core.directory.StoredPerson;
import org.toegang.core.model.Person;

class UserMapperTest {
    static PersonDraft draft(String json) throws Exception {
        return UserMapper.toDraft(new GenericScimResource((ObjectNode) JsonUtils.getObjectReader().readTree(json)));
    }

    static StoredPerson stored(Optional<String> externalId, boolean active) {
        Person person = new Person("id-1", "a.b", "A", "B", Optional.empty(), Optional.empty(), Set.of());
        return new StoredPerson(person, "A B", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), externalId, active, "v1");
    }

    @Test
    void readsExternalIdAndActiveWithAnAbsentActiveMeaningActive() throws Exception {
        PersonDraft deactivated = draft("""
                {"userName":"a.b","externalId":"E-1","active":false,"name":{"familyName":"B"}}""");
        assertThat(deactivated.externalId()).contains("E-1");
        assertThat(deactivated.active()).isFalse();
        PersonDraft plain = draft("{\"userName\":\"a.b\",\"name\":{\"familyName\":\"B\"}}");
        assertThat(plain.externalId()).isEmpty();
        assertThat(plain.active()).isTrue();
    }

    @Test
    void showsActiveToEveryoneAndTheExternalIdToProvisioningClientsOnly() {
        UserResource provisioner = UserMapper.toScim(stored(Optional.of("E-1"), false), List.of(), List.of());
        assertThat(provisioner.getActive()).isFalse();
        assertThat(provisioner.getExternalId()).isEqualTo("E-1");
        UserResource application = UserMapper.toScim(stored(Optional.of("E-1"), true), List.of(), null);
        assertThat(application.getActive()).isTrue();
        assertThat(application.getExternalId()).isNull();
    }
}
