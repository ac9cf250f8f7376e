package org.toegang.core.admin;

import static org.toegang.core.admin.AdministrationPolicy.require;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.toegang.core.ValidationException;
import org.toegang.core.directory.StoredGrant;
import org.toegang.core.directory.Versioned;
import org.toegang.core.model.Application;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.core.model.Right;
import org.toegang.core.model.TargetGroup;

/**
 * What the central administrator registers (organisations with keys validated per target group,
 * legal representatives, applications and their owner), and what application owners define
 * (rights) and see (every grant of their application).
 */
public final class RegistryService {
    /** A client id: what Keycloak and our claim names accept without escaping. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.-]{2,64}");
    /** A right's name: it appears in 3D roles, {@code <Right>[-<context>]:<key>}, so none of {@code -:,}. */
    private static final Pattern RIGHT_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final AdminStores stores;
    private final Audit audit;

    RegistryService(AdminStores stores, Audit audit) {
        this.stores = stores;
        this.audit = audit;
    }

    /** The organisations the caller may see, each with whether they administer it. */
    public List<Versioned<Organisation>> visibleOrganisations(AdminContext context) {
        return stores.registry().organisations().stream()
                .filter(organisation -> context.policy().maySeeOrganisation(organisation.value().key())).toList();
    }

    public Versioned<Organisation> organisation(AdminContext context, String key) {
        require(context.policy().maySeeOrganisation(key), "see this organisation");
        return stores.registry().organisation(key).orElseThrow(() -> new NotFoundException("organisation " + key));
    }

    /**
     * Registers an organisation; its key is validated for its target group ({@link TargetGroup#validateOrganisationKey}):
     * OVO code, KBO number, institution number, or for a foreign entity or association (VER) 1 to 40
     * letters, digits or hyphens, by convention its country code and its registration number, e.g. {@code NL-12345678}.
     */
    public Versioned<Organisation> registerOrganisation(AdminContext context, String key, String name,
                                                        String targetGroup, Optional<String> parentKey) {
        require(context.policy().mayRegister(), "register organisations");
        Organisation organisation;
        try {
            TargetGroup group = TargetGroup.fromCode(targetGroup);
            organisation = new Organisation(group.validateOrganisationKey(key), Inputs.text("name", name), group, parentKey);
        } catch (ValidationException e) {
            throw RefusedException.invalid(List.of(RefusedException.of(e, "")));
        }
        parentKey.ifPresent(parent -> {
            if (stores.registry().organisation(parent).isEmpty()) {
                throw RefusedException.invalid("parentKey", "is not a registered organisation");
            }
        });
        Versioned<Organisation> stored = stores.registry().addOrganisation(organisation);
        audit.record(context, null, null, "organisation.create", "organisation/" + organisation.key(), Map.of(),
                Audit.of(organisation));
        return stored;
    }

    /** The organisation's legal representatives. */
    public List<Person> legalRepresentatives(AdminContext context, String key) {
        require(context.policy().mayRegister() || context.policy().mayManagePeopleOf(key),
                "see the legal representatives of this organisation");
        return stores.registry().legalRepresentatives(key);
    }

    public void setLegalRepresentative(AdminContext context, String key, String personId, boolean represents) {
        require(context.policy().mayRegister(), "set legal representatives");
        if (stores.registry().organisation(key).isEmpty()) {
            throw new NotFoundException("organisation " + key);
        }
        stores.repository().findPerson(personId)
                .orElseThrow(() -> RefusedException.invalid("personId", "is not a person in the directory"));
        stores.registry().setLegalRepresentative(personId, key, represents);
        audit.record(context, key, null, represents ? "legalRepresentative.add" : "legalRepresentative.remove",
                "person/" + personId, represents ? Map.of() : Map.of("legalRepresentativeOf", key),
                represents ? Map.of("legalRepresentativeOf", key) : Map.of());
    }

    /** The applications the caller owns; every one for the central administrator. */
    public List<Versioned<Application>> applications(AdminContext context) {
        return stores.registry().applications().stream()
                .filter(application -> context.policy().maySeeApplication(application.value().clientId())).toList();
    }

    public Versioned<Application> application(AdminContext context, String clientId) {
        require(context.policy().maySeeApplication(clientId), "see this application");
        return stores.registry().application(clientId).orElseThrow(() -> new NotFoundException("application " + clientId));
    }

    public Versioned<Application> registerApplication(AdminContext context, Application application) {
        require(context.policy().mayRegister(), "register applications");
        if (!CLIENT_ID.matcher(application.clientId()).matches()) {
            throw RefusedException.invalid("clientId", "must be 2 to 64 letters, digits, '_', '.' or '-'");
        }
        if (stores.registry().organisation(application.ownerOrganisationKey()).isEmpty()) {
            throw RefusedException.invalid("ownerOrganisationKey", "is not a registered organisation");
        }
        Versioned<Application> stored = stores.registry().addApplication(application);
        audit.record(context, application.ownerOrganisationKey(), application.clientId(), "application.create",
                "application/" + application.clientId(), Map.of(),
                Map.of("clientId", application.clientId(), "owner", application.ownerOrganisationKey()));
        return stored;
    }

    public List<Versioned<Right>> rights(AdminContext context, String clientId) {
        require(context.policy().maySeeApplication(clientId), "see the rights of this application");
        return stores.registry().rights(clientId);
    }

    /** One right of the application, for its owner and the central administrator. */
    public Versioned<Right> right(AdminContext context, String clientId, String name) {
        require(context.policy().maySeeApplication(clientId), "see the rights of this application");
        return stores.registry().right(clientId, name).orElseThrow(() -> new NotFoundException("right " + name));
    }

    /**
     * Defines a right, new or replacing the stored one. Replacing needs {@code ifMatch}, the revision
     * the caller read (428 without, 412 when stale); creating needs none, and one given for a right
     * that does not exist fails as stale (RFC 9110 section 13.1.1: no current representation).
     */
    public Versioned<Right> putRight(AdminContext context, Right right, Optional<String> ifMatch) {
        require(context.policy().ownsApplication(right.clientId()), "define rights of this application");
        if (!RIGHT_NAME.matcher(right.name()).matches()) {
            throw RefusedException.invalid("name", "must be 1 to 64 letters, digits or '_'");
        }
        for (String value : right.contextValues()) {
            if (!RIGHT_NAME.matcher(value).matches()) {
                throw RefusedException.invalid("contextValues", "\"" + value + "\" must be 1 to 64 letters, digits or '_'");
            }
        }
        for (String by : right.grantableBy()) {
            boolean group = isTargetGroup(by);
            if (!group && stores.registry().organisation(by).isEmpty()) {
                throw RefusedException.invalid("grantableBy", "\"" + by + "\" is neither a target group nor a registered organisation");
            }
        }
        Application application = stores.registry().application(right.clientId()).map(Versioned::value)
                .orElseThrow(() -> new NotFoundException("application " + right.clientId()));
        Optional<Versioned<Right>> current = stores.registry().right(right.clientId(), right.name());
        if (current.isPresent()) {
            RefusedException.requireRevision(ifMatch);
        } else if (ifMatch.isPresent()) {
            throw RefusedException.stale("If-Match", "the right does not exist yet; create it without If-Match");
        }
        Versioned<Right> stored = stores.registry().putRight(right, current, ifMatch);
        audit.record(context, application.ownerOrganisationKey(), right.clientId(),
                current.isPresent() ? "right.change" : "right.create", "right/" + right.clientId() + "/" + right.name(),
                current.map(c -> Audit.of(c.value())).orElse(Map.of()), Audit.of(right));
        return stored;
    }

    /** Every grant of the application in every organisation, for its owner. */
    public List<StoredGrant> applicationGrants(AdminContext context, String clientId) {
        require(context.policy().ownsApplication(clientId), "see the grants of this application");
        return stores.administration().grantsOfApplication(clientId);
    }

    private static boolean isTargetGroup(String code) {
        try {
            TargetGroup.fromCode(code);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }
}
