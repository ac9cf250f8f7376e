package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toegang.directory.DemoData;

/**
 * The theme's own pages speak the language the application asks for ({@code ui_locales}, OIDC
 * Core 3.1.2.1) in each of the realm's four languages, with the texts of the theme's bundles:
 * the refusal page (Dina has no right at dv_loket) and the error page (a malformed login_hint).
 */
@ExtendWith(ToegangStackExtension.class)
class ThemeLanguagesIT {
    private static final Path MESSAGES = Path.of("../themes/src/main/resources/theme/toegang/login/messages");
    private static final String CLIENT = "dv_loket";
    private static final String SECRET = "dv_loket-demo-secret";
    private static final String REDIRECT = "http://127.0.0.1:8000/callback";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nl", "fr", "de", "en"})
    void theRefusalPageSpeaksTheAskedLanguage(String locale, RunningToegang toegang) throws IOException {
        String page = pageAfterSignIn(toegang, "dina.maes", Map.of("ui_locales", locale));

        Properties messages = messages(locale);
        assertThat(page).contains(text(messages, "toegangRefusedTitle"), text(messages, "toegangRefusedNoRightWhat"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nl", "fr", "de", "en"})
    void theErrorPageSpeaksTheAskedLanguage(String locale, RunningToegang toegang) throws IOException {
        String notJson = Base64.getEncoder().encodeToString("cap_hint=LB".getBytes(StandardCharsets.UTF_8));
        String page = pageAfterSignIn(toegang, "an.peeters", Map.of("ui_locales", locale, "login_hint", notJson));

        Properties messages = messages(locale);
        assertThat(page).contains(text(messages, "toegangErrorTitle"), text(messages, "toegangHintMalformedWhat"));
    }

    private static String pageAfterSignIn(RunningToegang toegang, String username, Map<String, String> parameters) {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), CLIENT, SECRET, REDIRECT);
        HttpResponse<String> response = signIn.submit(signIn.open("openid", parameters), username, DemoData.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // the page's HTML escapes apostrophes; the bundle's texts have them plain
        return response.body().replace("&#39;", "'").replace("&#x27;", "'").replace("&apos;", "'");
    }

    private static Properties messages(String locale) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve("messages_" + locale + ".properties"),
                StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }

    /** A bundle text as the page shows it: MessageFormat, as Keycloak formats it. */
    private static String text(Properties messages, String key) {
        String pattern = messages.getProperty(key);
        assertThat(pattern).as(key).isNotNull();
        return new MessageFormat(pattern).format(new Object[0]);
    }
}
