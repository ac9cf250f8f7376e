package org.toegang.launcher.generate;

import com.unboundid.ldap.sdk.Entry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.toegang.core.identifier.NationalRegisterNumber;
import org.toegang.core.model.DelegationRole;
import org.toegang.core.model.GrantStatus;
import org.toegang.core.model.TargetGroup;
import org.toegang.core.model.WorkRelationType;

/**
 * A realistic directory of any size, made from a seed so a run can be repeated: organisations in
 * every target group that has organisations (OVO codes for GID, KBO numbers with their check
 * digits for LB and EA, institution numbers for OV, association keys for VER), applications with
 * rights, people with valid national register numbers, one work relation each, grants with
 * validity periods and delegations. Every key is checked by core's validators as it is made.
 *
 * <p>Entries come out parents first ({@link #structure} before {@link #leaves}), so a loader may
 * add the leaves in parallel once the structure is in. Keys never collide with the demo data's
 * (OVO9xxxxx, KBO 09xxxxxxxx), so a generated set can be added next to it.
 */
public final class GeneratedDirectory {
    public static final String BASE_DN = "dc=toegang,dc=local";
    /**
     * One password for every generated person ({@code Demo-Toegang-1}, the demo accounts'), stored
     * as the demo data stores it: hashing a million salted passwords would cost more than the load.
     */
    static final String PASSWORD_HASH = "{SSHA}vVKEVP5JruxI2aMDdqrok3NHaPTdLIZNfAEjVA==";
    static final List<String> OUS = List.of("people", "organisations", "applications", "workRelations", "grants",
            "delegations");
    private static final TargetGroup[] ORGANISATION_GROUPS = {TargetGroup.GID, TargetGroup.LB, TargetGroup.OV,
            TargetGroup.EA, TargetGroup.VER};
    private static final String[] GIVEN = {"An", "Bart", "Chris", "Dirk", "Els", "Fien", "Geert", "Hanne", "Ilse",
            "Jan", "Karen", "Lotte", "Marc", "Nele", "Olivier", "Pieter", "Rik", "Sofie", "Tom", "Veerle", "Wim",
            "Yasmine", "Zoë", "Mohamed", "Fatima", "Lucas", "Emma", "Louis", "Olivia", "Noah", "Marie", "Arthur"};
    private static final String[] FAMILY = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
            "Goossens", "Wouters", "De Smet", "Dubois", "Hermans", "Aerts", "Lambrechts", "Van den Broeck",
            "Vermeulen", "De Clercq", "Michiels", "Martens", "Pauwels", "El Amrani", "Verstraete", "Cools", "Smets"};
    private static final String[] PLACES = {"Aalst", "Antwerpen", "Brugge", "Genk", "Gent", "Hasselt", "Kortrijk",
            "Leuven", "Mechelen", "Oostende", "Roeselare", "Sint-Niklaas", "Turnhout", "Lier", "Geel", "Tienen",
            "Ieper", "Diest", "Tielt", "Eeklo", "Lokeren", "Dendermonde", "Herentals", "Mol", "Zottegem"};
    private static final String[] GID_KINDS = {"Agentschap", "Departement", "Fonds", "Raad", "Dienst"};
    private static final String[] GID_TOPICS = {"Wonen", "Natuur", "Onderwijs", "Wegen", "Zorg", "Cultuur",
            "Economie", "Omgeving", "Mobiliteit", "Innovatie", "Landbouw", "Werk"};
    private static final String[] EA_KINDS = {"BV", "NV", "CV", "VZW"};
    private static final String[] EA_TRADES = {"Bouw", "Transport", "Software", "Bakkerij", "Advies", "Schrijnwerk",
            "Tuinaanleg", "Logistiek", "Drukkerij", "Elektro"};
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1945, 1, 1);
    private static final int BIRTH_DAYS = (int) ChronoUnit.DAYS.between(FIRST_BIRTH, LocalDate.of(2006, 1, 1));

    private final GeneratorSettings settings;
    private final Instant now;

    public GeneratedDirectory(GeneratorSettings settings, Instant now) {
        this.settings = settings;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** How many entries {@link #structure} and {@link #leaves} give together. */
    public long entryCount() {
        return structureCount() + leafCount();
    }

    long structureCount() {
        return 1 + OUS.size() + settings.organisations() + settings.applications() * (1L + settings.rightsPerApplication());
    }

    long leafCount() {
        return settings.people() * (2L + settings.grantsPerPerson()) + delegationCount();
    }

    private long delegationCount() {
        return (settings.people() + settings.peoplePerDelegation() - 1) / settings.peoplePerDelegation();
    }

    /** The base entry, the six OUs, the organisations, the applications and their rights. */
    public void structure(Consumer<Entry> out) {
        out.accept(new Entry(BASE_DN, attr("objectClass", "top", "domain"), attr("dc", "toegang")));
        for (String ou : OUS) {
            out.accept(new Entry("ou=" + ou + "," + BASE_DN, attr("objectClass", "top", "organizationalUnit"),
                    attr("ou", ou)));
        }
        for (int i = 0; i < settings.organisations(); i++) {
            TargetGroup group = groupOf(i);
            String key = organisationKey(i);
            out.accept(new Entry("toegangOrganisationKey=" + key + ",ou=organisations," + BASE_DN,
                    attr("objectClass", "top", "toegangOrganisation"), attr("toegangOrganisationKey", key),
                    attr("toegangOrganisationName", organisationName(i, group)),
                    attr("toegangTargetGroup", group.code())));
        }
        for (int a = 0; a < settings.applications(); a++) {
            String client = applicationId(a);
            String dn = "toegangClientId=" + client + ",ou=applications," + BASE_DN;
            out.accept(new Entry(dn, attr("objectClass", "top", "toegangApplication"), attr("toegangClientId", client),
                    attr("cn", "Toepassing " + (a + 1)), attr("toegangOwnerOrganisation", organisationKey(0)),
                    attr("toegangCapacityPer", "organisation"),
                    attr("toegangOpenTo", "GID", "LB", "OV", "EA", "VER")));
            for (int r = 0; r < settings.rightsPerApplication(); r++) {
                out.accept(new Entry("toegangRightName=" + rightName(r) + "," + dn,
                        attr("objectClass", "top", "toegangRight"), attr("toegangClientId", client),
                        attr("toegangRightName", rightName(r)), attr("description", "Generated right " + (r + 1)),
                        attr("toegangNeedsApproval", r % 3 == 0 ? "TRUE" : "FALSE"),
                        attr("toegangGrantableBy", "GID", "LB", "OV", "EA", "VER")));
            }
        }
    }

    /** Per person: the person, one work relation, the grants; and a delegation for every few people. */
    public void leaves(Consumer<Entry> out) {
        for (long p = 0; p < settings.people(); p++) {
            Random random = new Random(settings.seed() * 1_000_003L + p);
            String personId = uuid(random).toString();
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String family = FAMILY[random.nextInt(FAMILY.length)];
            String uid = (given + "." + family.replace(" ", "")).toLowerCase(Locale.ROOT)
                    .replace("ë", "e") + "." + p;
            out.accept(new Entry("uid=" + uid + ",ou=people," + BASE_DN,
                    attr("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "toegangPerson"),
                    attr("uid", uid), attr("cn", given + " " + family), attr("givenName", given), attr("sn", family),
                    attr("mail", uid + "@example.toegang.local"), attr("userPassword", PASSWORD_HASH),
                    attr("toegangPersonId", personId),
                    attr("toegangNationalRegisterNumber", nationalRegisterNumber(p))));
            int organisation = (int) (p % settings.organisations());
            String key = organisationKey(organisation);
            WorkRelationType type = WorkRelationType.values()[random.nextInt(WorkRelationType.values().length)];
            String relation = uuid(random).toString();
            out.accept(new Entry("toegangId=" + relation + ",ou=workRelations," + BASE_DN,
                    attr("objectClass", "top", "toegangWorkRelation"), attr("toegangId", relation),
                    attr("toegangPersonId", personId), attr("toegangOrganisationKey", key),
                    attr("toegangWorkRelationType", type.code()),
                    attr("toegangValidFrom", time(now.minus(30 + random.nextInt(3000), ChronoUnit.DAYS)))));
            for (int g = 0; g < settings.grantsPerPerson(); g++) {
                out.accept(grant(random, personId, key, g));
            }
            if (p % settings.peoplePerDelegation() == 0) {
                String delegation = uuid(random).toString();
                out.accept(new Entry("toegangId=" + delegation + ",ou=delegations," + BASE_DN,
                        attr("objectClass", "top", "toegangDelegation"), attr("toegangId", delegation),
                        attr("toegangPersonId", personId), attr("toegangOrganisationKey", key),
                        attr("toegangDelegationRole", DelegationRole.LOCAL_ADMINISTRATOR.code()),
                        attr("toegangValidFrom", time(now.minus(random.nextInt(700), ChronoUnit.DAYS)))));
            }
        }
    }

    /** Mostly active grants, some ending, a few requested or revoked; each for one application's right. */
    private Entry grant(Random random, String personId, String organisationKey, int index) {
        String id = uuid(random).toString();
        int application = (index + random.nextInt(settings.applications())) % settings.applications();
        int roll = random.nextInt(100);
        GrantStatus status = roll < 85 ? GrantStatus.ACTIVE : roll < 93 ? GrantStatus.REQUESTED : GrantStatus.REVOKED;
        List<com.unboundid.ldap.sdk.Attribute> attributes = new ArrayList<>(List.of(
                attr("objectClass", "top", "toegangGrant"), attr("toegangId", id), attr("toegangPersonId", personId),
                attr("toegangClientId", applicationId(application)),
                attr("toegangRightName", rightName(random.nextInt(settings.rightsPerApplication()))),
                attr("toegangOrganisationKey", organisationKey), attr("toegangGrantStatus", status.code())));
        Instant from = now.minus(1 + random.nextInt(1000), ChronoUnit.DAYS);
        attributes.add(attr("toegangValidFrom", time(from)));
        if (random.nextInt(3) == 0) { // a third of the grants end, some of them already ended
            Instant to = now.plus(random.nextInt(400) - 30, ChronoUnit.DAYS);
            // a period ends after it begins (core refuses any other)
            attributes.add(attr("toegangValidTo", time(to.isAfter(from) ? to : from.plus(1, ChronoUnit.DAYS))));
        }
        return new Entry("toegangId=" + id + ",ou=grants," + BASE_DN, attributes);
    }

    /** Every fifth organisation per target group: GID, LB, OV, EA, VER in turn. */
    static TargetGroup groupOf(int organisation) {
        return ORGANISATION_GROUPS[organisation % ORGANISATION_GROUPS.length];
    }

    /**
     * The organisation's key, valid for its target group (checked by {@link TargetGroup#validateOrganisationKey}):
     * OVO1xxxxx, KBO numbers 05xxxxxxcc (LB) and 06xxxxxxcc (EA), from their first eight digits, institution numbers from 500000,
     * association keys gen-vereniging-N.
     */
    public static String organisationKey(int organisation) {
        TargetGroup group = groupOf(organisation);
        int serial = organisation / ORGANISATION_GROUPS.length;
        String key = switch (group) {
            case GID -> String.format(Locale.ROOT, "OVO%06d", 100_000 + serial);
            case LB -> kbo(5_000_000L + serial);
            case EA -> kbo(6_000_000L + serial);
            case OV -> String.valueOf(500_000 + serial);
            case VER -> "gen-vereniging-" + serial;
            case BUR -> throw new IllegalStateException("citizens have no organisation");
        };
        return group.validateOrganisationKey(key);
    }

    /** A KBO number from its first eight digits: the last two are 97 - (first eight mod 97). */
    static String kbo(long firstEight) {
        return String.format(Locale.ROOT, "%08d%02d", firstEight, 97 - firstEight % 97);
    }

    private static String organisationName(int organisation, TargetGroup group) {
        int serial = organisation / ORGANISATION_GROUPS.length;
        String place = PLACES[serial % PLACES.length];
        return switch (group) {
            case GID -> GID_KINDS[serial % GID_KINDS.length] + " " + GID_TOPICS[(serial / 5) % GID_TOPICS.length]
                    + " " + (serial + 1);
            case LB -> (serial % 3 == 0 ? "Gemeente " : serial % 3 == 1 ? "OCMW " : "Politiezone ") + place + " "
                    + (serial + 1);
            case OV -> (serial % 2 == 0 ? "Basisschool " : "Atheneum ") + place + " " + (serial + 1);
            case EA -> EA_TRADES[serial % EA_TRADES.length] + " " + FAMILY[serial % FAMILY.length] + " "
                    + EA_KINDS[serial % EA_KINDS.length] + " " + (serial + 1);
            case VER -> "Vereniging " + place + " " + (serial + 1);
            case BUR -> throw new IllegalStateException("citizens have no organisation");
        };
    }

    /**
     * A national register number unique per person: person {@code p} is born on day
     * {@code p mod BIRTH_DAYS} after 1 January 1945, with serial {@code 1 + p / BIRTH_DAYS} (so
     * 22,280 people share no number up to 997 × 22,280 ≈ 22 million people), and the check digits of
     * the register's rule, with the 2 prefix for people born from 2000 on. Checked by core's parser.
     */
    static String nationalRegisterNumber(long person) {
        LocalDate birth = FIRST_BIRTH.plusDays(person % BIRTH_DAYS);
        long serial = 1 + person / BIRTH_DAYS;
        if (serial > 997) {
            throw new IllegalArgumentException("more people than national register numbers: " + person);
        }
        String nine = String.format(Locale.ROOT, "%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth(), serial);
        long base = Long.parseLong(nine) + (birth.getYear() >= 2000 ? 2_000_000_000L : 0);
        String number = nine + String.format(Locale.ROOT, "%02d", 97 - base % 97);
        return NationalRegisterNumber.parse(number).value();
    }

    static String applicationId(int application) {
        return String.format(Locale.ROOT, "gen_toepassing%02d", application + 1);
    }

    static String rightName(int right) {
        return String.format(Locale.ROOT, "GenRecht%02d", right + 1);
    }

    private String time(Instant instant) {
        return GENERALIZED.format(instant);
    }

    private static UUID uuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(most, least);
    }

    private static com.unboundid.ldap.sdk.Attribute attr(String name, String... values) {
        return new com.unboundid.ldap.sdk.Attribute(name, values);
    }
}
