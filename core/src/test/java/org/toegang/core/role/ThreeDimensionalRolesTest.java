package org.toegang.core.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.toegang.core.ValidationException;

/** The demo people's claims are those of CONTRACT.md, "People". */
class ThreeDimensionalRolesTest {

    private static RoleAssignment grant(String right, String context, String organisationKey) {
        return new RoleAssignment(right, context, organisationKey);
    }

    private static List<String> strings(List<ThreeDimensionalRole> roles) {
        return roles.stream().map(ThreeDimensionalRole::toString).toList();
    }

    @Test
    void emits_ans_editor_role_for_her_one_organisation_in_dv_geoportaal() {
        assertThat(strings(ThreeDimensionalRoles.perOrganisation(
                List.of(grant("GeoGebruiker", "editor", "OVO900001")))))
                .containsExactly("GeoGebruiker-editor:OVO900001");
    }

    @Test
    void joins_the_keys_of_ans_two_local_governments_in_dv_loket() {
        assertThat(strings(ThreeDimensionalRoles.perTargetGroup(List.of(
                grant("LoketGebruiker", null, "0900000345"),
                grant("LoketGebruiker", null, "0900000147")))))
                .containsExactly("LoketGebruiker:0900000147,0900000345");
    }

    @Test
    void gives_els_only_the_role_of_the_chosen_organisation() {
        // the caller has already reduced Els's grants to her chosen capacity, LB / 0900000147
        assertThat(strings(ThreeDimensionalRoles.perOrganisation(
                List.of(grant("GeoGebruiker", "lezer", "0900000147")))))
                .containsExactly("GeoGebruiker-lezer:0900000147");
    }

    @Test
    void gives_chris_the_key_of_the_target_group_he_chose() {
        assertThat(strings(ThreeDimensionalRoles.perTargetGroup(List.of(grant("LoketGebruiker", null, "0900000246")))))
                .containsExactly("LoketGebruiker:0900000246");
        assertThat(strings(ThreeDimensionalRoles.perTargetGroup(List.of(grant("LoketGebruiker", null, "0900000147")))))
                .containsExactly("LoketGebruiker:0900000147");
    }

    @Test
    void gives_one_role_per_right_context_and_organisation_sorted_and_without_duplicates() {
        List<RoleAssignment> assignments = List.of(
                grant("GeoGebruiker", "lezer", "OVO900001"),
                grant("GeoGebruiker", "editor", "0900000147"),
                grant("GeoGebruiker", null, "0900000345"),
                grant("Beheerder", null, "OVO900001"),
                grant("GeoGebruiker", "lezer", "0900000147"),
                grant("GeoGebruiker", "lezer", "OVO900001"));

        assertThat(strings(ThreeDimensionalRoles.perOrganisation(assignments))).containsExactly(
                "Beheerder:OVO900001",
                "GeoGebruiker:0900000345",
                "GeoGebruiker-editor:0900000147",
                "GeoGebruiker-lezer:0900000147",
                "GeoGebruiker-lezer:OVO900001");
    }

    @Test
    void gives_one_role_per_right_and_context_joining_sorted_distinct_keys() {
        List<RoleAssignment> assignments = List.of(
                grant("LoketGebruiker", null, "0900000345"),
                grant("LoketBeheerder", null, "0900000147"),
                grant("LoketGebruiker", "lezer", "0900000147"),
                grant("LoketGebruiker", null, "0900000147"),
                grant("LoketGebruiker", null, "0900000345"));

        assertThat(strings(ThreeDimensionalRoles.perTargetGroup(assignments))).containsExactly(
                "LoketBeheerder:0900000147",
                "LoketGebruiker:0900000147,0900000345",
                "LoketGebruiker-lezer:0900000147");
    }

    @Test
    void gives_the_same_order_whatever_the_order_of_the_grants() {
        List<RoleAssignment> assignments = new ArrayList<>(List.of(
                grant("B", "y", "2"), grant("A", null, "3"), grant("B", null, "1"),
                grant("A", "x", "1"), grant("B", "y", "1"), grant("A", null, "2")));
        List<String> perOrganisation = strings(ThreeDimensionalRoles.perOrganisation(assignments));
        List<String> perTargetGroup = strings(ThreeDimensionalRoles.perTargetGroup(assignments));

        Collections.reverse(assignments);

        assertThat(strings(ThreeDimensionalRoles.perOrganisation(assignments))).isEqualTo(perOrganisation)
                .containsExactly("A:2", "A:3", "A-x:1", "B:1", "B-y:1", "B-y:2");
        assertThat(strings(ThreeDimensionalRoles.perTargetGroup(assignments))).isEqualTo(perTargetGroup)
                .containsExactly("A:2,3", "A-x:1", "B:1", "B-y:1,2");
    }

    @Test
    void gives_no_roles_for_no_grants() {
        assertThat(ThreeDimensionalRoles.perOrganisation(List.of())).isEmpty();
        assertThat(ThreeDimensionalRoles.perTargetGroup(List.of())).isEmpty();
    }

    @Test
    void returns_unmodifiable_lists() {
        List<RoleAssignment> one = List.of(grant("R", null, "a"));

        assertThatThrownBy(() -> ThreeDimensionalRoles.perOrganisation(one).add(null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ThreeDimensionalRoles.perTargetGroup(one).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refuses_null_assignments_as_a_programming_error() {
        assertThatThrownBy(() -> ThreeDimensionalRoles.perOrganisation(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ThreeDimensionalRoles.perTargetGroup(Arrays.asList(grant("R", null, "a"), null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void refuses_an_assignment_whose_parts_could_not_be_emitted() {
        assertThatThrownBy(() -> grant("Loket-Gebruiker", null, "0900000147"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("right"));
        assertThatThrownBy(() -> grant("LoketGebruiker", "", "0900000147"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("context"));
        assertThatThrownBy(() -> grant("LoketGebruiker", null, "0900000147,0900000345"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("organisationKey"));
        assertThatThrownBy(() -> grant(null, null, "0900000147"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("right is required but was missing or blank");
    }

    @Test
    void exposes_the_context_of_an_assignment_as_optional() {
        assertThat(grant("R", "c", "a").contextValue()).contains("c");
        assertThat(grant("R", null, "a").contextValue()).isEmpty();
    }
}
