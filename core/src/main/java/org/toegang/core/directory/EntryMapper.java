package org.toegang.core.directory;

import static org.toegang.core.directory.Attributes.*;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.StaticUtils;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.toegang.core.ValidationException;
import org.toegang.core.identifier.NationalRegisterNumber;
import org.toegang.core.model.Application;
import org.toegang.core.model.ApprovalBy;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Delegation;
import org.toegang.core.model.DelegationRole;
import org.toegang.core.model.Grant;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.core.model.Right;
import org.toegang.core.model.TargetGroup;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationType;

/** Reads model values from directory entries. */
final class EntryMapper {
    private static final System.Logger LOG = System.getLogger(EntryMapper.class.getName());

    private EntryMapper() {
    }

    static Person person(Entry entry) {
        return new Person(required(entry, PERSON_ID), required(entry, UID),
                Optional.ofNullable(entry.getAttributeValue(GIVEN_NAME)).orElse(""), required(entry, SURNAME),
                optional(entry, MAIL).or(() -> optional(entry, INTERNATIONAL_MAIL)), nationalRegisterNumber(entry), values(entry, LEGAL_REPRESENTATIVE_OF));
    }

    /**
     * Whether a person entry is active: {@code toegangActive} absent or TRUE. SCIM's
     * {@code active: false} stores FALSE (RFC 4517 Boolean, so compared as the directory does).
     */
    static boolean active(Entry entry) {
        String value = entry.getAttributeValue(ACTIVE);
        return value == null || !"FALSE".equalsIgnoreCase(value.strip());
    }

    /** The keys of the organisations a person entry legally represents; never null. */
    static Set<String> legalRepresentativeOf(Entry entry) {
        return values(entry, LEGAL_REPRESENTATIVE_OF);
    }

    static Organisation organisation(Entry entry) {
        return new Organisation(required(entry, ORGANISATION_KEY), required(entry, ORGANISATION_NAME),
                TargetGroup.fromCode(required(entry, TARGET_GROUP)), optional(entry, PARENT_ORGANISATION));
    }

    static WorkRelation workRelation(Entry entry) {
        return new WorkRelation(required(entry, ID), required(entry, PERSON_ID), required(entry, ORGANISATION_KEY),
                WorkRelationType.fromCode(required(entry, WORK_RELATION_TYPE)), validity(entry),
                "TRUE".equalsIgnoreCase(entry.getAttributeValue(PRIMARY)));
    }

    static Application application(Entry entry) {
        Set<TargetGroup> openTo = values(entry, OPEN_TO).stream().map(TargetGroup::fromCode).collect(Collectors.toSet());
        return new Application(required(entry, CLIENT_ID),
                Optional.ofNullable(entry.getAttributeValue("cn")).orElse(required(entry, CLIENT_ID)),
                required(entry, OWNER_ORGANISATION), CapacityScope.fromCode(required(entry, CAPACITY_PER)), openTo);
    }

    static Right right(Entry entry) {
        String[] contexts = entry.getAttributeValues(CONTEXT_VALUE);
        Long days = entry.getAttributeValueAsLong(MAXIMUM_DURATION);
        return new Right(required(entry, CLIENT_ID), required(entry, RIGHT_NAME), optional(entry, "description"),
                contexts == null ? List.of() : Arrays.asList(contexts),
                Boolean.TRUE.equals(entry.getAttributeValueAsBoolean(NEEDS_APPROVAL)),
                Optional.ofNullable(days).map(Duration::ofDays), values(entry, GRANTABLE_BY),
                optional(entry, NEEDS_APPROVAL_BY).map(ApprovalBy::fromCode).orElse(ApprovalBy.OWNER));
    }

    static Grant grant(Entry entry) {
        return new Grant(required(entry, ID), required(entry, PERSON_ID), required(entry, CLIENT_ID),
                required(entry, RIGHT_NAME), required(entry, ORGANISATION_KEY), optional(entry, CONTEXT_VALUE),
                validity(entry), GrantStatus.fromCode(required(entry, GRANT_STATUS)), optional(entry, REASON),
                optional(entry, GRANTED_BY), optional(entry, DECIDED_BY));
    }

    static Delegation delegation(Entry entry) {
        Optional<Validity> validity = entry.hasAttribute(VALID_FROM) ? Optional.of(validity(entry)) : Optional.empty();
        return new Delegation(required(entry, ID), required(entry, PERSON_ID), required(entry, ORGANISATION_KEY),
                DelegationRole.fromCode(required(entry, DELEGATION_ROLE)), values(entry, LIMITED_TO_CLIENT_ID), validity);
    }

    static String generalizedTime(Instant moment) {
        return StaticUtils.encodeGeneralizedTime(moment.toEpochMilli());
    }

    static Validity validity(Entry entry) {
        Instant from = time(entry, required(entry, VALID_FROM));
        Optional<Instant> to = optional(entry, VALID_TO).map(value -> time(entry, value));
        return new Validity(from, to);
    }

    private static Instant time(Entry entry, String value) {
        try {
            return GeneralizedTimes.parse(value);
        } catch (ParseException e) {
            throw new IllegalStateException(entry.getDN() + " holds a malformed time " + value, e);
        }
    }

    private static Optional<NationalRegisterNumber> nationalRegisterNumber(Entry entry) {
        Optional<String> stored = optional(entry, NATIONAL_REGISTER_NUMBER);
        try {
            return stored.map(NationalRegisterNumber::parse);
        } catch (ValidationException e) {
            // Data written around Toegang must not lock a person out; the number is just not released.
            LOG.log(System.Logger.Level.WARNING, "{0} holds an invalid national register number", entry.getDN());
            return Optional.empty();
        }
    }

    private static String required(Entry entry, String attribute) {
        String value = entry.getAttributeValue(attribute);
        if (value == null) {
            throw new IllegalStateException(entry.getDN() + " lacks required attribute " + attribute);
        }
        return value;
    }

    private static Optional<String> optional(Entry entry, String attribute) {
        return Optional.ofNullable(entry.getAttributeValue(attribute));
    }

    private static Set<String> values(Entry entry, String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? Set.of() : Set.copyOf(Arrays.asList(values));
    }
}
