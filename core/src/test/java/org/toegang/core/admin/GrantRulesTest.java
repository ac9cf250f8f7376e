package org.toegang.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toegang.core.model.Application;
import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.Person;
import org.toegang.core.model.Right;
import org.toegang.core.model.TargetGroup;
import org.toegang.core.model.Validity;
import org.toegang.core.model.WorkRelation;
import org.toegang.core.model.WorkRelationType;

class GrantRulesTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Organisation LB = new Organisation("0900000147", "Gemeente", TargetGroup.LB, Optional.empty());
    static final Organisation EA = new Organisation("0900000246", "Bouw", TargetGroup.EA, Optional.empty());
    static final Application LOKET = new Application("dv_loket", "Loket", "OVO900001", CapacityScope.TARGET_GROUP,
            Set.of(TargetGroup.LB, TargetGroup.EA));
    static final Right GEO = new Right("dv_loket", "Geo", Optional.empty(), List.of("lezer", "editor"), false,
            Optional.of(Duration.ofDays(365)), Set.of("LB"));
    static final Person PERSON = new Person("p", "p", "P", "Q", Optional.empty(), Optional.empty(), Set.of());
    static final Person REPRESENTATIVE = new Person("r", "r", "R", "S", Optional.empty(), Optional.empty(), Set.of("0900000147"));
    static final List<WorkRelation> WORKS_AT_LB = List.of(new WorkRelation("w", "p", "0900000147",
            WorkRelationType.PERMANENT, Validity.openEnded(NOW.minus(10, ChronoUnit.DAYS))));
    static final List<WorkRelation> ENDED_AT_LB = List.of(new WorkRelation("w", "p", "0900000147",
            WorkRelationType.PERMANENT, Validity.between(NOW.minus(10, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS))));
    static final Validity YEAR = Validity.between(NOW, NOW.plus(365, ChronoUnit.DAYS));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a valid grant", PERSON, WORKS_AT_LB, LB, Optional.of("lezer"), YEAR, null),
                Arguments.of("context the right does not define", PERSON, WORKS_AT_LB, LB, Optional.of("admin"), YEAR, "context"),
                Arguments.of("context missing", PERSON, WORKS_AT_LB, LB, Optional.empty(), YEAR, "context"),
                Arguments.of("validity beyond the maximum", PERSON, WORKS_AT_LB, LB, Optional.of("lezer"),
                        Validity.between(NOW, NOW.plus(366, ChronoUnit.DAYS)), "validTo"),
                Arguments.of("open-ended validity of a limited right", PERSON, WORKS_AT_LB, LB, Optional.of("lezer"),
                        Validity.openEnded(NOW), "validTo"),
                Arguments.of("organisation of a target group the right is not for", PERSON,
                        List.of(new WorkRelation("w", "p", "0900000246", WorkRelationType.PERMANENT, Validity.openEnded(NOW))),
                        EA, Optional.of("lezer"), YEAR, "organisationKey"),
                Arguments.of("work relation ended", PERSON, ENDED_AT_LB, LB, Optional.of("lezer"), YEAR, "personId"),
                Arguments.of("no work relation", PERSON, List.of(), LB, Optional.of("lezer"), YEAR, "personId"),
                Arguments.of("legal representative needs none", REPRESENTATIVE, List.of(), LB, Optional.of("lezer"), YEAR, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesNamingTheField(String rule, Person person, List<WorkRelation> relations, Organisation organisation,
                               Optional<String> context, Validity validity, String field) {
        List<RefusedException.FieldError> errors = GrantRules.check("", person, relations, organisation, LOKET, GEO,
                context, validity, NOW);
        if (field == null) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).extracting(RefusedException.FieldError::field).containsExactly(field);
        }
    }
}
