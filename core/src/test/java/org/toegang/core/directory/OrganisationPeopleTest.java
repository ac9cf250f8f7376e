package org.toegang.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.toegang.core.model.Person;

/** The name rule of people searches, matched in memory over an organisation's roster. */
class OrganisationPeopleTest {
    private static final Person SOFIE = person("Sofie", "Van den Broeck");
    private static final Person FILIP = person("\uFB01lip", "D'Hondt"); // "ﬁlip": the fi ligature

    private static Person person(String given, String family) {
        return new Person("id-" + given, "user." + given, given, family, Optional.empty(), Optional.empty(), Set.of());
    }

    @Test
    void everyWordMustOccurInTheGivenOrTheFamilyNameIgnoringCase() {
        assertThat(OrganisationPeople.named("sofie BROECK")).accepts(SOFIE);
        assertThat(OrganisationPeople.named("  den   ")).accepts(SOFIE);
        assertThat(OrganisationPeople.named("sofie peeters")).as("one word found nowhere").rejects(SOFIE);
        assertThat(OrganisationPeople.named("sofievan")).as("a word within one name, not across names").rejects(SOFIE);
    }

    @Test
    void matchesCompatibilityFormsAsTheDirectoryPreparesThem() {
        assertThat(OrganisationPeople.named("filip")).accepts(FILIP);
        assertThat(OrganisationPeople.named("\uFF28\uFF2F\uFF2E\uFF24\uFF34")).as("full-width letters").accepts(FILIP);
    }

    @Test
    void matchesEveryCharacterAsItselfNeverAsAPattern() {
        Predicate<Person> anything = OrganisationPeople.named("*");
        assertThat(anything).rejects(SOFIE, FILIP);
        assertThat(OrganisationPeople.named("*)(uid=*")).rejects(SOFIE);
        assertThat(OrganisationPeople.named("d'h")).accepts(FILIP);
        assertThat(OrganisationPeople.named(".*")).rejects(SOFIE);
    }

    @Test
    void aNameWithoutAWordMatchesEveryone() {
        assertThat(OrganisationPeople.named(" \t ")).accepts(SOFIE, FILIP);
    }
}
