package org.toegang.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.directory.DemoData;

/**
 * Logs an operator can keep: a sign-in is one audit line, a successful refresh is none, and
 * Keycloak's user event metrics count the refreshes instead. Prints the log's growth over the
 * refreshes, the figure behind the README's "Logs" section.
 */
@ExtendWith(ToegangStackExtension.class)
class RefreshLogVolumeIT {
    private static final String CLIENT = "dv_loket";
    private static final String SECRET = "dv_loket-demo-secret";
    private static final String SCOPE = "openid profile vo rrn wettelijkvertegenwoordiger dv_loket";
    private static final int REFRESHES = 50;
    private static final Pattern REFRESH_COUNTER = Pattern.compile(
            "(?m)^keycloak_user_events_total\\{([^}]*event=\"refresh_token\"[^}]*)\\}\\s+([0-9.eE+]+)$");

    @Test
    void countsRefreshesInMetricsAndWritesNoLineForThem(RunningToegang toegang) throws Exception {
        AuthorizationCodeSignIn signIn = new AuthorizationCodeSignIn(toegang.realmUrl(), CLIENT, SECRET,
                "http://127.0.0.1:8000/callback");
        AuthorizationCodeSignIn.LoginPage page = signIn.open(SCOPE);
        HttpResponse<String> afterLogin = signIn.submit(page, "an.peeters", DemoData.PASSWORD);
        Map<String, Object> issued = signIn.exchange(signIn.code(afterLogin).orElseThrow(
                () -> new AssertionError(afterLogin.body())));
        List<String> signInLines = toegang.awaitLogLines(line -> line.contains("type=LOGIN ")
                && line.contains("client=" + CLIENT) && line.contains("username=an.peeters"));
        assertThat(signInLines).as("the sign-in is in the audit trail").isNotEmpty();

        double countedBefore = refreshesCounted(toegang);
        long bytesBefore = Files.size(toegang.keycloakLog());
        long linesBefore = refreshLines(toegang);
        String refreshToken = (String) issued.get("refresh_token");
        for (int i = 0; i < REFRESHES; i++) {
            refreshToken = (String) refresh(toegang, refreshToken).get("refresh_token");
        }
        Thread.sleep(1_000); // an event's line, if any, is written just after the answer
        long grown = Files.size(toegang.keycloakLog()) - bytesBefore;

        System.out.printf("keycloak.log grew by %d bytes over %d refreshes (%.1f bytes per refresh)%n",
                grown, REFRESHES, grown / (double) REFRESHES);
        assertThat(refreshLines(toegang) - linesBefore).as("audit lines of successful refreshes").isZero();
        assertThat(refreshesCounted(toegang) - countedBefore).as("refreshes counted in /metrics")
                .isEqualTo(REFRESHES);

        HttpResponse<String> refused = post(toegang, Map.of("grant_type", "refresh_token",
                "refresh_token", "not-a-token", "client_id", CLIENT, "client_secret", SECRET));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("access_token");
        assertThat(toegang.awaitLogLines(line -> line.contains("type=REFRESH_TOKEN_ERROR")))
                .as("a failed refresh stays in the audit trail").isNotEmpty();
    }

    private static long refreshLines(RunningToegang toegang) {
        return toegang.logLines().stream().filter(line -> line.contains("type=REFRESH_TOKEN ")).count();
    }

    /** The sum of {@code keycloak_user_events_total} for successful refreshes of the realm. */
    private static double refreshesCounted(RunningToegang toegang) throws IOException, InterruptedException {
        HttpResponse<String> metrics = new Browser().get(URI.create(toegang.stack().managementUrl() + "/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        double sum = 0;
        Matcher counter = REFRESH_COUNTER.matcher(metrics.body());
        while (counter.find()) {
            String labels = counter.group(1);
            if (labels.contains("realm=\"toegang\"") && !labels.matches(".*error=\"[^\"]+\".*")) {
                sum += Double.parseDouble(counter.group(2));
            }
        }
        return sum;
    }

    private static Map<String, Object> refresh(RunningToegang toegang, String refreshToken) throws ParseException {
        HttpResponse<String> response = post(toegang, Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", CLIENT, "client_secret", SECRET));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSONObjectUtils.parse(response.body());
    }

    private static HttpResponse<String> post(RunningToegang toegang, Map<String, String> fields) {
        return new Browser().send(HttpRequest.newBuilder(
                        URI.create(toegang.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(fields))));
    }
}
