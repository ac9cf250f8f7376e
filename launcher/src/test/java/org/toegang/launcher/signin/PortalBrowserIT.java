package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * The administration portal in headless Debian chromium against the real stack: sign-in with the
 * realm's login pages (authorization code + PKCE as the public client toegang-portal), keyboard,
 * languages, phone width, the refusal page for typed URLs, sign-out; every screen audited with
 * axe-core in Dutch and French. Screenshots go to {@code docs/screenshots/portal-*.png}.
 */
@ExtendWith(ToegangStackExtension.class)
class PortalBrowserIT {
    static final Path SCREENSHOTS = Path.of("../docs/screenshots").toAbsolutePath().normalize();
    static final String CHRIS_ID = "a7bbafce-ec04-4dd8-bdb9-e8fd02406323";

    @Test
    void bartSignsInWorksByKeyboardInEveryWidthAndSignsOut(RunningToegang toegang) {
        Map<String, Object> refusals = new LinkedHashMap<>();
        refusals.put("otherOrganisation", "organisations/0900000246");
        refusals.put("unknownOrganisation", "organisations/0900000939");
        refusals.put("personOfOtherOrganisation", "organisations/0900000246/people/" + CHRIS_ID);
        refusals.put("otherPersonThroughOwnOrganisation", "organisations/0900000147/people/" + CHRIS_ID + "x");
        JsonNode seen = PortalRun.run(toegang, "shell", "bart.claes", Map.of("refusals", refusals));

        assertThat(seen.path("loginLang").asText()).isEqualTo("nl");
        assertThat(seen.path("lang").asText()).isEqualTo("nl");
        assertThat(seen.path("home").path("title").asText()).isEqualTo("Welkom, Bart");
        assertThat(seen.path("homeFr").path("title").asText()).isEqualTo("Bienvenue, Bart");
        assertThat(seen.path("firstTab").asText()).isEqualTo("skip-link");
        assertThat(seen.path("afterSkip").asText()).isEqualTo("main");
        assertThat(seen.path("phone").path("scrollWidth").asInt()).isLessThanOrEqualTo(320);
        // the same page, word for word, whether the thing exists or not
        String refusal = seen.path("refusals").path("otherOrganisation").path("main").asText();
        assertThat(refusal).contains("U hebt hier geen toegang").doesNotContain("Demo Bouw", "Chris", "Wouters");
        seen.path("refusals").forEach(page -> {
            assertThat(page.path("refused").asBoolean()).as(page.toString()).isTrue();
            assertThat(page.path("main").asText()).isEqualTo(refusal);
        });
        assertThat(seen.path("signedOut").path("title").asText()).isEqualTo("U bent afgemeld");
        assertThat(seen.path("afterSignOutShowsLogin").asBoolean()).isTrue();
        PortalRun.assertNoSeriousViolations(seen);
        System.out.println("[portal] home navigation timing: " + seen.path("timings").path("home"));
    }
}
