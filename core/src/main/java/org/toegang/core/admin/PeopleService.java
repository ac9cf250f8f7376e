package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toegang.core.ValidationException;
import org.toegang.core.directory.OrganisationPeople;
import org.toegang.core.directory.PersonDraft;
import org.toegang.core.directory.StoreConflictException;
import org.toegang.core.directory.Versioned;
import org.toegang.core.identifier.NationalRegisterNumber;
import org.toegang.core.model.Person;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationType;

/**
 * An organisation's people and work relations, for its head and local administrators. A person
 * belongs to an organisation through a work relation (current or not) or legal representation.
 */
public final class PeopleService {
    private final AdminStores stores;
    private final Audit audit;
    private final java.util.function.BiConsumer<AdminContext, WorkRelation> created;
    private final OrganisationPeople people;

    PeopleService(AdminStores stores, Audit audit, java.util.function.BiConsumer<AdminContext, WorkRelation> created) {
        this.stores = stores;
        this.people = new OrganisationPeople(stores.directory(), stores.rosters());
        this.audit = audit;
        this.created = created;
    }

    /** What to search: each criterion optional; name matches given, family or full name, ignoring case. */
    public record PeopleQuery(Optional<String> name, Optional<String> nationalRegisterNumber, Optional<String> email) {
    }

    /** The sort key of people lists (family name, given name, id): what the cursor carries. */
    public static String sortKey(Person person) {
        return person.familyName() + "\u0000" + person.givenName() + "\u0000" + person.id();
    }

    /**
     * One page of the organisation's people matching the query, searched in the directory
     * ({@link OrganisationPeople}): never the whole organisation in memory.
     *
     * @throws RefusedException naming {@code nationalRegisterNumber} (not 11 digits), {@code email}
     *         (no mail address), {@code cursor} or {@code limit}
     */
    public Page<Person> search(AdminContext context, String organisationKey, PeopleQuery query,
                               Optional<String> cursor, Optional<Integer> limit) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the people of this organisation");
        int size = Page.limit(limit);
        Optional<String> after = Page.after(cursor);
        query.nationalRegisterNumber().ifPresent(number -> {
            if (!number.matches("[0-9]{11}")) {
                throw RefusedException.invalid("nationalRegisterNumber", "must be 11 digits");
            }
        });
        query.email().ifPresent(mail -> {
            if (mail.indexOf('@') < 1 || mail.indexOf('@') == mail.length() - 1) {
                throw RefusedException.invalid("email", "is not a mail address");
            }
        });
        List<Person> first = people.first(organisationKey, new OrganisationPeople.Criteria(query.name(),
                query.nationalRegisterNumber(), query.email()), after, size + 1, PeopleService::sortKey);
        return Page.ofFirst(first, PeopleService::sortKey, size);
    }

    /** One person of the organisation. */
    public Person person(AdminContext context, String organisationKey, String personId) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the people of this organisation");
        return stores.repository().findPerson(personId).filter(person -> belongs(person, organisationKey))
                .orElseThrow(() -> new NotFoundException("person " + personId));
    }

    /** The person's work relations with the organisation. */
    public List<Versioned<WorkRelation>> workRelations(AdminContext context, String organisationKey) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the work relations of this organisation");
        return stores.administration().workRelationsOfOrganisation(organisationKey);
    }

    /** One person's work relations with the organisation, searched by person. */
    public List<Versioned<WorkRelation>> workRelationsOfPerson(AdminContext context, String organisationKey, String personId) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the work relations of this organisation");
        return stores.administration().workRelationsOfPeople(organisationKey, List.of(personId));
    }

    /** A person added to an organisation: who, whether they were new, and their new work relation. */
    public record Added(Person person, boolean created, Versioned<WorkRelation> workRelation) {
    }

    /**
     * Adds a person to the organisation by national register number with a work relation: an
     * existing person with that number is found, never duplicated; a new one is created.
     */
    public Added add(AdminContext context, String organisationKey, String nationalRegisterNumber, String givenName,
                     String familyName, Optional<String> email, WorkRelationType type, Validity validity) {
        require(context.policy().mayManagePeopleOf(organisationKey), "add people to this organisation");
        String number;
        try {
            number = NationalRegisterNumber.parse(nationalRegisterNumber).value();
        } catch (ValidationException e) {
            throw RefusedException.invalid(List.of(RefusedException.of(e, "")));
        }
        requireOrganisation(organisationKey);
        Optional<Person> existing = stores.registry().personByNationalRegisterNumber(number);
        Person person = existing.orElseGet(() -> create(number, givenName, familyName, email));
        Versioned<WorkRelation> relation = stores.administration().addWorkRelation(person.id(), organisationKey, type, validity);
        if (existing.isEmpty()) {
            audit.record(context, organisationKey, null, "person.create", "person/" + person.id(), Map.of(),
                    Map.of("givenName", person.givenName(), "familyName", person.familyName()));
        }
        audit.record(context, organisationKey, null, "workRelation.create", "workRelation/" + relation.value().id(),
                Map.of(), Audit.of(relation.value()));
        created.accept(context, relation.value());
        return new Added(person, existing.isEmpty(), relation);
    }

    public Versioned<WorkRelation> createWorkRelation(AdminContext context, String organisationKey, String personId,
                                                      WorkRelationType type, Validity validity) {
        require(context.policy().mayManagePeopleOf(organisationKey), "create work relations for this organisation");
        requireOrganisation(organisationKey);
        stores.repository().findPerson(personId)
                .orElseThrow(() -> RefusedException.invalid("personId", "is not a person in the directory"));
        Versioned<WorkRelation> relation = stores.administration().addWorkRelation(personId, organisationKey, type, validity);
        audit.record(context, organisationKey, null, "workRelation.create", "workRelation/" + relation.value().id(),
                Map.of(), Audit.of(relation.value()));
        created.accept(context, relation.value());
        return relation;
    }

    public Versioned<WorkRelation> workRelation(AdminContext context, String organisationKey, String id) {
        require(context.policy().mayManagePeopleOf(organisationKey), "see the work relations of this organisation");
        return stores.administration().workRelation(id)
                .filter(relation -> relation.value().organisationKey().equals(organisationKey))
                .orElseThrow(() -> new NotFoundException("work relation " + id));
    }

    /**
     * Changes a work relation's type and validity. Ending it (a validity that ends now) makes the
     * grants that depended on it stop counting at once: {@link org.toegang.core.rights.ActiveGrants}
     * requires a valid work relation; the grants stay, marked by {@link GrantMarks}.
     */
    public Versioned<WorkRelation> change(AdminContext context, String organisationKey, String id,
                                          Optional<String> ifMatch, Optional<WorkRelationType> type, Validity validity) {
        Versioned<WorkRelation> current = workRelation(context, organisationKey, id);
        Versioned<WorkRelation> changed = stores.administration().changeWorkRelation(current.value(), ifMatch,
                type.orElse(current.value().type()), validity);
        audit.record(context, organisationKey, null, "workRelation.change", "workRelation/" + id,
                Audit.of(current.value()), Audit.of(changed.value()));
        return changed;
    }

    /** Ends a work relation now. */
    public Versioned<WorkRelation> end(AdminContext context, String organisationKey, String id, Optional<String> ifMatch) {
        Versioned<WorkRelation> current = workRelation(context, organisationKey, id);
        Validity validity = current.value().validity();
        if (!validity.contains(context.now())) {
            throw RefusedException.conflict("validTo", "the work relation is not running now");
        }
        return change(context, organisationKey, id, ifMatch, Optional.empty(),
                new Validity(validity.from(), Optional.of(context.now())));
    }

    private boolean belongs(Person person, String organisationKey) {
        return person.legalRepresentativeOf().contains(organisationKey)
                || stores.repository().workRelationsOf(person.id()).stream()
                .anyMatch(relation -> relation.organisationKey().equals(organisationKey));
    }

    private void requireOrganisation(String organisationKey) {
        if (stores.registry().organisation(organisationKey).isEmpty()) {
            throw new NotFoundException("organisation " + organisationKey);
        }
    }

    private Person create(String number, String givenName, String familyName, Optional<String> email) {
        String given = Inputs.optionalText("givenName", givenName).orElse("");
        String family = Inputs.text("familyName", familyName);
        String base = username(given, family);
        for (int attempt = 0; attempt < 20; attempt++) {
            String username = attempt == 0 ? base : base + (attempt + 1);
            try {
                PersonDraft draft = new PersonDraft(username, given, family, Optional.empty(), email,
                        Optional.of(number), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), true);
                return stores.people().create(draft).person();
            } catch (StoreConflictException e) {
                if (!"userName".equals(e.field())) {
                    // the number was registered meanwhile: the person exists, find them
                    return stores.registry().personByNationalRegisterNumber(number).orElseThrow(() -> e);
                }
            } catch (ValidationException e) {
                throw RefusedException.invalid(List.of(RefusedException.of(e, "")));
            }
        }
        throw RefusedException.conflict("familyName", "no free user name could be made from this name");
    }

    /** {@code given.family}, letters and digits of the Latin alphabet only, lower case. */
    static String username(String given, String family) {
        String joined = (given.isEmpty() ? family : given + "." + family).toLowerCase(Locale.ROOT);
        String ascii = Normalizer.normalize(joined, Normalizer.Form.NFD).replaceAll("[^a-z0-9.]", "");
        return ascii.replaceAll("^\\.+|\\.+$", "").length() < 3 ? "person" + Math.abs(joined.hashCode())
                : ascii.replaceAll("^\\.+|\\.+$", "");
    }
}
