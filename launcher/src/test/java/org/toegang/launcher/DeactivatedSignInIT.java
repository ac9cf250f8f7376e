package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.directory.DemoData;

/**
 * A person deactivated in the directory (SCIM {@code active: false}, stored as
 * {@code toegangActive: FALSE}) cannot sign in, also after signing in before; reactivated, they
 * can again. The realm's LDAP federation filters on it ({@code customUserSearchFilter}).
 */
@ExtendWith(ToegangStackExtension.class)
class DeactivatedSignInIT {
    private static final String ACCOUNT_CONSOLE = "account-console";
    private static final String DINA = "uid=dina.maes,ou=people,dc=toegang,dc=local";

    @Test
    void refusesADeactivatedPersonAndLetsThemInAgainOnceReactivated(RunningToegang toegang) throws LDAPException {
        assertThat(signIn(toegang)).as("signs in while active").isTrue();
        try {
            setActive(toegang, false);
            assertThat(signIn(toegang)).as("refused while deactivated").isFalse();
        } finally {
            setActive(toegang, true);
        }
        assertThat(signIn(toegang)).as("signs in again once reactivated").isTrue();
    }

    private static boolean signIn(RunningToegang toegang) {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), ACCOUNT_CONSOLE, null,
                toegang.realmUrl() + "/account/");
        HttpResponse<String> afterLogin = signIn.submit(signIn.open("openid"), "dina.maes", DemoData.PASSWORD);
        if (signIn.code(afterLogin).isPresent()) {
            return true;
        }
        assertThat(AuthorizationCodeSignIn.LoginPage.isLoginPage(afterLogin)).as("refusal shows the login page").isTrue();
        return false;
    }

    private static void setActive(RunningToegang toegang, boolean active) throws LDAPException {
        DirectoryAccess directory = toegang.directory();
        LDAPURL url = new LDAPURL(directory.url());
        try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(), directory.bindDn(),
                directory.password())) {
            connection.modify(DINA, active
                    ? new Modification(ModificationType.REPLACE, "toegangActive")
                    : new Modification(ModificationType.REPLACE, "toegangActive", "FALSE"));
        }
    }
}
