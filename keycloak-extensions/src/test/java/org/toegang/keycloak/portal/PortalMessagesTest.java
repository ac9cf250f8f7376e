package org.toegang.keycloak.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The portal's four message bundles stay in step: the same keys, the same placeholders, no empty
 * text; and every key the scripts name literally exists.
 */
class PortalMessagesTest {
    private static final String[] LANGUAGES = {"nl", "fr", "de", "en"};
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern KEY_IN_SCRIPT = Pattern.compile("\\bt\\('([A-Za-z]+(?:\\.[A-Za-z]+)+)'");
    private static final String[] SCRIPTS = {"app.js", "ui.js", "screens/common.js", "screens/home.js", "screens/organisation.js",
        "screens/person.js", "screens/grant.js", "screens/requests.js", "screens/bulk.js", "screens/reports.js",
        "screens/owner.js", "screens/central.js"};

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
        Map<String, String> dutch = bundle("nl");
        for (String language : LANGUAGES) {
            Map<String, String> bundle = bundle(language);
            assertThat(bundle.keySet()).as(language).isEqualTo(dutch.keySet());
            bundle.forEach((key, text) -> {
                assertThat(text).as(language + " " + key).isNotBlank();
                assertThat(placeholders(text)).as(language + " " + key).isEqualTo(placeholders(dutch.get(key)));
            });
        }
    }

    @Test
    void everyKeyTheScriptsUseExists() throws IOException {
        Set<String> keys = bundle("nl").keySet();
        for (String script : SCRIPTS) {
            Matcher used = KEY_IN_SCRIPT.matcher(read("portal/" + script));
            while (used.find()) {
                assertThat(keys).as(script).contains(used.group(1));
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> bundle(String language) throws IOException {
        return new TreeMap<>(new ObjectMapper().readValue(read("portal/i18n/" + language + ".json"), Map.class));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PortalMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
