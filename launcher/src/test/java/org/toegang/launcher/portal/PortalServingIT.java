package org.toegang.launcher.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.toegang.launcher.RunningToegang;
import org.toegang.launcher.ToegangStackExtension;

/**
 * The portal as Keycloak serves it under the realm: media types, the strict Content-Security-Policy
 * (no inline script anywhere), revalidation with ETags, client-side routes falling back to the
 * page, and nothing served outside the portal's files.
 */
@ExtendWith(ToegangStackExtension.class)
class PortalServingIT {
    private static final String CSP_SCRIPT = "script-src 'self'";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesThePageWithItsSecurityHeadersAndNoInlineScript(RunningToegang toegang) throws Exception {
        HttpResponse<String> page = get(portal(toegang, ""), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        String csp = page.headers().firstValue("content-security-policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", CSP_SCRIPT, "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-cache");
        // every script is a module loaded from the realm's portal path; none inline, no style attributes
        assertThat(page.body()).contains("<script type=\"module\" src=\"/realms/toegang/portal/app.js\"></script>")
                .doesNotContain("{{base}}", "style=", "onclick", "<script>");
    }

    @Test
    void answersNotModifiedWhileTheFileIsUnchanged(RunningToegang toegang) throws Exception {
        HttpResponse<String> first = get(portal(toegang, "app.js"), null);
        String etag = first.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> again = get(portal(toegang, "app.js"), etag);

        assertThat(first.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get(portal(toegang, "app.js"), "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void servesEveryKindOfFileWithItsMediaType(RunningToegang toegang) throws Exception {
        assertThat(get(portal(toegang, "portal.css"), null).headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        assertThat(get(portal(toegang, "i18n/fr.json"), null).headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(get(portal(toegang, "favicon.svg"), null).headers().firstValue("content-type")).hasValue("image/svg+xml; charset=utf-8");
        assertThat(get(portal(toegang, "screens/grant.js"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientSideRouteGetsThePage(RunningToegang toegang) throws Exception {
        HttpResponse<String> route = get(portal(toegang, "organisations/0900000147/people/x"), null);

        assertThat(route.statusCode()).isEqualTo(200);
        assertThat(route.body()).contains("/realms/toegang/portal/app.js");
    }

    @Test
    void servesNothingOutsideThePortalsFiles(RunningToegang toegang) throws Exception {
        for (String path : new String[] {"missing.js", "../META-INF/keycloak-themes.json", "%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
                "org/toegang/keycloak/portal/PortalResource.class", "theme/toegang/login/theme.properties", "i18n/../app.js.map"}) {
            HttpResponse<String> response = get(portal(toegang, path), null);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            // (Keycloak itself refuses a path that is not normalised, with a JSON error of its own)
            assertThat(response.body()).as(path).doesNotContain("toegang", "class", "portal", "<html");
        }
    }

    @Test
    void thePathWithoutSlashGetsThePageToo(RunningToegang toegang) throws Exception {
        HttpResponse<String> response = get(URI.create(toegang.realmUrl() + "/portal"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/realms/toegang/portal/app.js");
    }

    private static URI portal(RunningToegang toegang, String path) {
        return URI.create(toegang.realmUrl() + "/portal/" + path);
    }

    private HttpResponse<String> get(URI uri, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
