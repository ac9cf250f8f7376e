package org.toegang.keycloak.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PortalFilesTest {
    private final PortalFiles files = new PortalFiles(PortalFilesTest.class.getClassLoader(), "portal");

    @ParameterizedTest
    @ValueSource(strings = {"", "organisations/0900000147", "organisations/0900000147/people/abc-123", "requests", "signed-out"})
    void aRouteGetsThePage(String path) {
        assertThat(files.resolve(path)).get().extracting(PortalFile::mediaType).isEqualTo("text/html; charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../META-INF/MANIFEST.MF", "i18n/../app.js", "./app.js", ".hidden.js", "App.JS", "app.js\\x.js",
            "portal.class", "org/toegang/keycloak/portal/PortalFiles.class", "missing.js", "i18n/xx.json", "%2e%2e/a.js"})
    void refusesWhatIsNoPortalFile(String path) {
        assertThat(files.resolve(path)).isEmpty();
    }

    @Test
    void servesFilesWithTheirMediaType() {
        assertThat(files.resolve("app.js")).get().extracting(PortalFile::mediaType).isEqualTo("text/javascript; charset=utf-8");
        assertThat(files.resolve("screens/grant.js")).isPresent();
        assertThat(files.resolve("portal.css")).get().extracting(PortalFile::mediaType).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void theIndexGetsItsBasePathAndANewTag() {
        PortalFile template = files.resolve("").orElseThrow();
        PortalFile index = PortalFiles.index(template, "/realms/x/portal/");

        assertThat(new String(index.bytes(), StandardCharsets.UTF_8)).contains("/realms/x/portal/app.js").doesNotContain("{{base}}");
        assertThat(index.etag()).isNotEqualTo(template.etag());
    }

    @Test
    void matchesItsOwnTagOnly() {
        PortalFile file = PortalFile.of("a".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(file.matches(file.etag())).isTrue();
        assertThat(file.matches("\"x\", " + file.etag())).isTrue();
        assertThat(file.matches("W/" + file.etag())).isTrue();
        assertThat(file.matches("\"x\"")).isFalse();
        assertThat(file.matches(null)).isFalse();
    }
}
