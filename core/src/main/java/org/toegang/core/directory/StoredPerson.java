package org.toegang.core.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.toegang.core.model.Person;

/**
 * A person as the directory holds it, with what provisioning needs beyond {@link Person}.
 *
 * @param externalId the person's identifier in the provisioning client, when one was given
 * @param active false for a deactivated person (the directory holds {@code toegangActive: FALSE})
 * @param extras what SCIM stored beyond the typed fields
 * @param version changes whenever any stored value of the entry changes (an entity tag)
 */
public record StoredPerson(Person person, String displayName, Optional<String> title,
                           Optional<String> employeeNumber, Optional<String> organization,
                           Optional<String> department, Optional<Instant> created, Optional<Instant> modified,
                           Optional<String> externalId, boolean active, String version, PersonExtras extras) {
    /** A person with nothing stored beyond the typed fields. */
    public StoredPerson(Person person, String displayName, Optional<String> title, Optional<String> employeeNumber,
                        Optional<String> organization, Optional<String> department, Optional<Instant> created,
                        Optional<Instant> modified, Optional<String> externalId, boolean active, String version) {
        this(person, displayName, title, employeeNumber, organization, department, created, modified, externalId, active,
                version, PersonExtras.NONE);
    }

    public StoredPerson {
        Objects.requireNonNull(extras, "extras");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(employeeNumber, "employeeNumber");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(version, "version");
    }

    public String id() {
        return person.id();
    }
}
