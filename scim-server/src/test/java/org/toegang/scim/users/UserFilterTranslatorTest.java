package org.toegang.scim.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UserFilterTranslatorTest {
    static String ldap(String scim) throws ScimException {
        UserFilterTranslator.Translation translation = UserFilterTranslator.translate(Filter.fromString(scim), 50, true);
        assertThat(translation.testEach()).as("%s is answered by the directory alone", scim).isFalse();
        return translation.directory().toString();
    }

    static String widened(String scim) throws ScimException {
        UserFilterTranslator.Translation translation = UserFilterTranslator.translate(Filter.fromString(scim), 50, true);
        assertThat(translation.testEach()).as("%s needs each person found tested", scim).isTrue();
        return translation.directory().toString();
    }

    @Test
    void escapesEveryValueSoACraftedValueCannotWidenTheSearch() throws ScimException {
        assertThat(ldap("userName eq \"x)(uid=*\"")).isEqualTo("(uid=x\\29\\28uid=\\2a)");
        assertThat(ldap("userName co \"*\"")).isEqualTo("(uid=*\\2a*)");
        assertThat(ldap("userName sw \"a\\\\b\"")).isEqualTo("(uid=a\\5cb*)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", value = {
            "userName eq \"an\" => (uid=an)",
            "userName ne \"an\" => (!(uid=an))",
            "name.familyName co \"ee\" => (sn=*ee*)",
            "name.familyName sw \"Pe\" => (sn=Pe*)",
            "name.familyName ew \"rs\" => (sn=*rs)",
            "title pr => (title=*)",
            "name.givenName gt \"B\" => (&(givenName>=B)(!(givenName=B)))",
            "name.givenName ge \"B\" => (givenName>=B)",
            "name.givenName lt \"B\" => (&(givenName<=B)(!(givenName=B)))",
            "name.givenName le \"B\" => (givenName<=B)",
            "userName eq \"a\" and (displayName co \"b\" or not (title pr)) => (&(uid=a)(|(cn=*b*)(!(title=*))))",
            "emails[value ew \"@x.org\" or value eq \"a@y.org\"] => (|(|(mail=*@x.org)(toegangInternationalMail=*@x.org)(toegangOtherMail=*@x.org))(|(mail=a@y.org)(toegangInternationalMail=a@y.org)(toegangOtherMail=a@y.org)))",
            "name[givenName eq \"An\" and not (familyName ne \"Peeters\")] => (&(givenName=An)(!(!(sn=Peeters))))",
            "emails.value eq \"a@x.org\" => (|(mail=a@x.org)(toegangInternationalMail=a@x.org)(toegangOtherMail=a@x.org))",
            "emails co \"jensen\" => (|(mail=*jensen*)(toegangInternationalMail=*jensen*)(toegangOtherMail=*jensen*))",
            "name.familyName co \"\uD83D\uDE00\" => (!(objectClass=*))",
            "not (userName eq \"a\uD83D\uDE00\") => (!(!(objectClass=*)))",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"7\" => (employeeNumber=7)",
            "urn:toegang:params:scim:schemas:extension:toegang:2.0:User:nationalRegisterNumber eq \"85031212362\" => (toegangNationalRegisterNumber=85031212362)",
            "meta.lastModified gt \"2024-01-02T03:04:05Z\" => (&(modifyTimestamp>=20240102030405.000Z)(!(modifyTimestamp=20240102030405.000Z)))",
            "active eq true => (!(toegangActive=FALSE))",
            "active eq false => (toegangActive=FALSE)",
            "active eq \"False\" => (toegangActive=FALSE)",
            "active ne false => (!(toegangActive=FALSE))",
            "active pr => (toegangPersonId=*)",
            "externalId eq \"HR-1\" => (toegangExternalId=HR-1)",
            "externalId sw \"HR\" => (toegangExternalId=HR*)",
            "userName eq null => (!(uid=*))",
    })
    void translatesEveryOperator(String scim, String expected) throws ScimException {
        assertThat(ldap(scim)).isEqualTo(expected);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"externalId pr", "externalId sw \"HR\"",
            "urn:toegang:params:scim:schemas:extension:toegang:2.0:User:nationalRegisterNumber sw \"85\"",
            "urn:toegang:params:scim:schemas:extension:toegang:2.0:User:legalRepresentativeOf eq \"0900000147\"",
            "userName pr and not (externalId eq \"x\")"})
    void refusesAnApplicationAFilterOnWhatItMayNotReadAsAnUnknownAttribute(String scim) {
        assertThatThrownBy(() -> UserFilterTranslator.translate(Filter.fromString(scim), 50, false))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Unknown attribute ")
                .hasMessageEndingWith(" in filter");
    }

    @Test
    void refusesUnknownAttributesBadValuesAndTooComplexFilters() {
        assertThatThrownBy(() -> ldap("shoeSize eq \"42\"")).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("shoeSize");
        assertThatThrownBy(() -> ldap("meta.created gt \"yesterday\"")).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("xsd:dateTime");
        assertThatThrownBy(() -> ldap("active gt true")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> ldap("emails.primary gt true")).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("cannot be compared with gt");
        assertThatThrownBy(() -> UserFilterTranslator.translate(Filter.fromString(
                "userName eq \"a\" or userName eq \"b\" or userName eq \"c\""), 3, true)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("more than 3 operators");
        assertThatThrownBy(() -> ldap("urn:toegang:params:scim:schemas:extension:toegang:2.0:User:rights.value eq \"x\""))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("not supported");
    }

    /** Not part of the User a search reads: refused, not a silent "no match" for data that is there. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"groups.value eq \"g\"", "groups pr",
            "password eq \"secret\"", "meta.version eq \"W/\\\"1\\\"\"", "meta.location pr",
            "userName eq \"a\" or urn:toegang:params:scim:schemas:extension:toegang:2.0:User:rights.value eq \"x\""})
    void refusesAFilterOnWhatASearchDoesNotReadAsNotSupported(String scim) {
        assertThatThrownBy(() -> UserFilterTranslator.translate(Filter.fromString(scim), 50, true))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Filtering on ").hasMessageContaining("is not supported");
    }

    /**
     * What only the shown User holds (the JSON copy, which address is of which type), and and/not/ne
     * inside a value filter on a multi-valued attribute, whose values the directory keeps side by
     * side: the directory's filter finds at least every match (under a not, the part inside at most
     * its matches), and each person found is tested.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", value = {
            "nickName eq \"Babs\" => (objectClass=*)",
            "nickName pr => (objectClass=*)",
            "not (locale eq \"nl-BE\") => (!(!(objectClass=*)))",
            "locale ne \"nl-BE\" => (!(!(objectClass=*)))",
            "phoneNumbers[type eq \"mobile\"] => (objectClass=*)",
            "addresses[locality eq \"Gent\"] => (objectClass=*)",
            "userName eq \"a\" and emails.type eq \"home\" => (&(uid=a)(objectClass=*))",
            "userName eq \"a\" or nickName eq \"b\" => (|(uid=a)(objectClass=*))",
            "userName ne \"a\" and not (nickName eq \"b\") => (&(!(uid=a))(!(!(objectClass=*))))",
            "emails[type eq \"work\" and value co \"@x.org\"] => (&(objectClass=*)(|(mail=*@x.org*)(toegangInternationalMail=*@x.org*)(toegangOtherMail=*@x.org*)))",
            "not (emails[type eq \"work\" and value co \"@x.org\"]) => (!(!(objectClass=*)))",
            "emails[value sw \"an\" and value ew \".org\"] => (&(|(mail=an*)(toegangInternationalMail=an*)(toegangOtherMail=an*))(|(mail=*.org)(toegangInternationalMail=*.org)(toegangOtherMail=*.org)))",
            "emails[not (value eq \"an@x.org\")] => (objectClass=*)",
            "emails[value ne \"an@x.org\"] => (objectClass=*)",
            "meta.resourceType eq \"User\" => (objectClass=*)",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"x\" => (objectClass=*)",
    })
    void widensWhatTheDirectoryCannotCompareAndTestsEachPersonFound(String scim, String expected) throws ScimException {
        assertThat(widened(scim)).isEqualTo(expected);
    }

    @Test
    void stillChecksEveryPartOfWhatItWidens() {
        assertThatThrownBy(() -> UserFilterTranslator.translate(Filter.fromString(
                "emails[not (shoeSize eq \"42\")]"), 50, true)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("shoeSize");
        assertThatThrownBy(() -> UserFilterTranslator.translate(Filter.fromString(
                "nickName eq \"a\" and urn:toegang:params:scim:schemas:extension:toegang:2.0:User:nationalRegisterNumber sw \"85\""),
                50, false)).isInstanceOf(BadRequestException.class).hasMessageStartingWith("Unknown attribute ");
    }
}
