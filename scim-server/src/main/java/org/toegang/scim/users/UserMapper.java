package org.toegang.scim.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.toegang.core.ValidationException;
import org.toegang.core.directory.PersonDraft;
import org.toegang.core.directory.StoredPerson;
import org.toegang.core.model.Grant;
import org.toegang.core.model.Person;
import org.toegang.core.model.WorkRelation;
import org.toegang.scim.schema.RightValue;
import org.toegang.scim.schema.ToegangUserExtension;
import org.toegang.scim.schema.WorkRelationValue;

/** Translates between a stored person and a SCIM User (RFC 7643 §4.1, §4.3, and the Toegang extension). */
public final class UserMapper {
    private UserMapper() {
    }

    /**
     * The User a caller may see.
     *
     * @param rights the rights to show (already reduced to the caller's need-to-know)
     * @param workRelations the work relations to show; null for an application's client, which
     *        also does not see the national register number, legal representation or externalId
     */
    public static UserResource toScim(StoredPerson stored, List<Grant> rights, List<WorkRelation> workRelations) {
        Person person = stored.person();
        UserResource user = new UserResource();
        user.setId(person.id());
        user.setUserName(person.username());
        Name name = new Name().setFamilyName(person.familyName()).setFormatted(stored.displayName());
        if (!person.givenName().isEmpty()) {
            name.setGivenName(person.givenName());
        }
        user.setName(name);
        user.setDisplayName(stored.displayName());
        // what filters find: the address in mail and the others (their type and primary are in the kept copy, if current)
        List<Email> emails = new ArrayList<>();
        person.email().ifPresent(mail -> emails.add(new Email().setValue(mail).setType("work").setPrimary(true)));
        stored.extras().otherMails().forEach(other -> emails.add(new Email().setValue(other)));
        if (!emails.isEmpty()) {
            user.setEmails(emails);
        }
        stored.title().ifPresent(user::setTitle);
        user.setActive(stored.active());
        if (workRelations != null) {
            // the provisioning client's own identifier is for provisioning clients, not applications
            stored.externalId().ifPresent(user::setExternalId);
        }
        if (stored.employeeNumber().isPresent() || stored.organization().isPresent() || stored.department().isPresent()) {
            EnterpriseUserExtension enterprise = new EnterpriseUserExtension();
            stored.employeeNumber().ifPresent(enterprise::setEmployeeNumber);
            stored.organization().ifPresent(enterprise::setOrganization);
            stored.department().ifPresent(enterprise::setDepartment);
            user.setExtension(enterprise);
        }
        ToegangUserExtension toegang = new ToegangUserExtension();
        toegang.setDirectoryId(person.id());
        if (workRelations != null) {
            person.nationalRegisterNumber().ifPresent(number -> toegang.setNationalRegisterNumber(number.value()));
            if (!person.legalRepresentativeOf().isEmpty()) {
                toegang.setLegalRepresentativeOf(person.legalRepresentativeOf().stream().sorted().toList());
            }
            if (!workRelations.isEmpty()) {
                toegang.setWorkRelations(workRelations.stream()
                        .sorted(Comparator.comparing(WorkRelation::organisationKey))
                        .map(UserMapper::workRelation).toList());
            }
        }
        if (!rights.isEmpty()) {
            toegang.setRights(rights.stream()
                    .sorted(Comparator.comparing(Grant::clientId).thenComparing(Grant::right)
                            .thenComparing(Grant::organisationKey))
                    .map(UserMapper::right).toList());
        }
        user.setExtension(toegang);
        Meta meta = new Meta();
        meta.setResourceType("User");
        stored.created().ifPresent(moment -> meta.setCreated(calendar(moment)));
        stored.modified().or(stored::created).ifPresent(moment -> meta.setLastModified(calendar(moment)));
        meta.setVersion(etag(stored.version()));
        user.setMeta(meta);
        return UserExtras.merge(user, stored);
    }

    /** The entity tag of a version, weak because equal content may be serialised differently. */
    public static String etag(String version) {
        return "W/\"" + version + "\"";
    }

    /**
     * What to store from a User a client sent; read-only attributes are ignored (RFC 7643 §2.2).
     *
     * @throws BadRequestException invalidValue for a value Toegang refuses (naming the attribute),
     *         invalidSyntax when the body is not a User
     */
    public static PersonDraft toDraft(GenericScimResource resource) throws BadRequestException {
        UserResource user;
        try {
            user = JsonUtils.nodeToValue(resource.getObjectNode(), UserResource.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestException.invalidSyntax("The body is not a valid User: " + e.getMessage());
        }
        Name name = Optional.ofNullable(user.getName()).orElseGet(Name::new);
        EnterpriseUserExtension enterprise = extension(user, EnterpriseUserExtension.class);
        ToegangUserExtension toegang = extension(user, ToegangUserExtension.class);
        Optional<String> email = UserExtras.mailAddress(UserExtras.field(resource.getObjectNode(), "emails"));
        org.toegang.core.directory.PersonExtras extras = UserExtras.from(resource.getObjectNode());
        try {
            return new PersonDraft(user.getUserName(), name.getGivenName(), familyName(user, name),
                    Optional.ofNullable(user.getDisplayName()).or(() -> Optional.ofNullable(name.getFormatted())),
                    email,
                    Optional.ofNullable(toegang).map(ToegangUserExtension::getNationalRegisterNumber),
                    toegang == null || toegang.getLegalRepresentativeOf() == null ? new HashSet<>()
                            : new HashSet<>(toegang.getLegalRepresentativeOf()),
                    Optional.ofNullable(user.getTitle()),
                    Optional.ofNullable(enterprise).map(EnterpriseUserExtension::getEmployeeNumber),
                    Optional.ofNullable(enterprise).map(EnterpriseUserExtension::getOrganization),
                    Optional.ofNullable(enterprise).map(EnterpriseUserExtension::getDepartment),
                    Optional.ofNullable(user.getExternalId()),
                    // An absent "active" means active (RFC 7643 §4.1.1 leaves the default to the provider).
                    !Boolean.FALSE.equals(user.getActive()), extras);
        } catch (ValidationException e) {
            throw BadRequestException.invalidValue(e.getMessage());
        }
    }

    /**
     * The family name to store: the one sent, else (only {@code userName} is required by RFC 7643,
     * while inetOrgPerson requires {@code sn}) the display name, the formatted name or the user name.
     */
    private static String familyName(UserResource user, Name name) {
        return java.util.stream.Stream.of(name.getFamilyName(), user.getDisplayName(), name.getFormatted(),
                user.getUserName()).filter(value -> value != null && !value.isBlank()).findFirst().orElse(null);
    }

    private static <T> T extension(UserResource user, Class<T> type) throws BadRequestException {
        try {
            return user.getExtension(type);
        } catch (RuntimeException e) {
            throw BadRequestException.invalidSyntax("Malformed extension " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static WorkRelationValue workRelation(WorkRelation relation) {
        return new WorkRelationValue().setOrganisation(relation.organisationKey()).setType(relation.type().code())
                .setValidFrom(Date.from(relation.validity().from()))
                .setValidTo(relation.validity().to().map(Date::from).orElse(null));
    }

    private static RightValue right(Grant grant) {
        String role = grant.toThreeDimensionalRole().toString();
        return new RightValue().setValue(role).setApplication(grant.clientId()).setRight(grant.right())
                .setOrganisation(grant.organisationKey()).setContext(grant.context().orElse(null))
                .setValidFrom(Date.from(grant.validity().from()))
                .setValidTo(grant.validity().to().map(Date::from).orElse(null))
                .setStatus(grant.status().code());
    }

    /** A moment as the SDK's date-time type, in UTC. */
    public static Calendar calendar(Instant moment) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(moment.toEpochMilli());
        return calendar;
    }
}
