package org.toegang.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toegang.directory.DemoData;
import org.toegang.launcher.RunningToegang;

/** Runs a scenario of {@code src/test/node/portal.mjs} and checks what every run must hold. */
final class PortalRun {
    private static final List<String> SERIOUS = List.of("serious", "critical");

    private PortalRun() {
    }

    static JsonNode run(RunningToegang toegang, String scenario, String username, Map<String, ?> arguments) {
        return run(toegang, scenario, username, DemoData.PASSWORD, arguments);
    }

    static JsonNode run(RunningToegang toegang, String scenario, String username, String password, Map<String, ?> arguments) {
        Map<String, Object> all = new HashMap<>(arguments);
        all.put("scenario", scenario);
        all.put("base", toegang.keycloakUrl().toString().replaceAll("/$", ""));
        all.put("username", username);
        all.put("password", password);
        all.put("screenshots", PortalBrowserIT.SCREENSHOTS.toString());
        // a run that waits longer for its screens (the scale benchmark) gets a whole hour
        JsonNode seen = NodeScripts.run("portal.mjs", all, all.containsKey("timeout") ? 3600 : 300);
        System.out.println("[portal] " + scenario + " as " + username + ": " + seen);
        assertThat(seen.path("error").isMissingNode()).as(seen.path("error").asText()).isTrue();
        assertThat(seen.path("pageErrors").isMissingNode()).as(seen.path("pageErrors").toString()).isTrue();
        return seen;
    }

    /** axe-core found no serious or critical violation on any screen audited, in any language. */
    static void assertNoSeriousViolations(JsonNode seen) {
        assertThat(seen.path("audits").size()).isPositive();
        seen.path("audits").fields().forEachRemaining(screen -> screen.getValue().forEach(violation ->
                assertThat(SERIOUS).as(screen.getKey() + ": " + violation).doesNotContain(violation.path("impact").asText())));
    }
}
