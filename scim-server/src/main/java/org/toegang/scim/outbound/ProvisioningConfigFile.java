package org.toegang.scim.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.toegang.core.ValidationException;
import org.toegang.core.provisioning.Secret;
import org.toegang.core.provisioning.TargetConfig;

/**
 * Reads the provisioning configuration file (JSON; its format is in the README, section
 * "Outbound provisioning"). A credential may be written as {@code ${env:NAME}} to take it from the
 * environment, so that the file itself holds none. A mistake is refused with the field's path
 * and the reason; credentials never appear in a message.
 */
public final class ProvisioningConfigFile {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnaryOperator<String> environment;
    private final Path base;

    private ProvisioningConfigFile(UnaryOperator<String> environment, Path base) {
        this.environment = environment;
        this.base = base;
    }

    /** Reads {@code file}, taking {@code ${env:NAME}} from the process environment. */
    public static ProvisioningConfig load(Path file) {
        return load(file, System::getenv);
    }

    /**
     * Reads {@code file}; {@code environment} answers {@code ${env:NAME}} (null when unset).
     *
     * @throws IllegalArgumentException naming the field and the reason when the file is not valid
     */
    public static ProvisioningConfig load(Path file, UnaryOperator<String> environment) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the provisioning configuration " + file + ": "
                    + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return new ProvisioningConfigFile(environment, base).parse(root);
    }

    private ProvisioningConfig parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw invalid("", "must be a JSON object");
        }
        JsonNode journal = root.path("journal");
        ProvisioningConfig.JournalConfig journalConfig = journal.isMissingNode()
                ? ProvisioningConfig.JournalConfig.embedded(base.resolve("provisioning"))
                : new ProvisioningConfig.JournalConfig(text(journal, "journal.url", "url"),
                        optionalText(journal, "user").orElse(""), secret(journal, "journal.password", "password", true));
        JsonNode targets = root.path("targets");
        if (!targets.isArray()) {
            throw invalid("targets", "must be an array of targets");
        }
        int defaultAttempts = intValue(root, "maxAttempts", TargetConfig.DEFAULT_MAX_ATTEMPTS);
        List<TargetConfig> parsed = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            parsed.add(target(targets.get(i), "targets[" + i + "]", defaultAttempts));
        }
        ProvisioningConfig.RegisteredTargets registered = registered(root.path("registeredTargets"), defaultAttempts);
        try {
            return new ProvisioningConfig(journalConfig, parsed, duration(root, "firstRetry", Duration.ofSeconds(1)),
                    duration(root, "longestRetry", Duration.ofMinutes(5)), intValue(root, "workers", 16),
                    duration(root, "reconcileEvery", Duration.ofHours(1)), registered);
        } catch (IllegalArgumentException e) {
            throw invalid("", e.getMessage());
        }
    }

    /** Default: every https target owners register; {@code "allow": []} serves none. */
    private static ProvisioningConfig.RegisteredTargets registered(JsonNode node, int maxAttempts) {
        if (node.isMissingNode()) {
            return new ProvisioningConfig.RegisteredTargets(List.of("https://"), Duration.ofSeconds(10), maxAttempts);
        }
        JsonNode allow = node.path("allow");
        if (!allow.isArray()) {
            throw invalid("registeredTargets.allow", "must be an array of URL prefixes");
        }
        List<String> prefixes = new ArrayList<>();
        allow.forEach(prefix -> prefixes.add(prefix.asText()));
        Duration refreshEvery = duration(node, "refreshEvery", Duration.ofSeconds(10));
        try {
            return new ProvisioningConfig.RegisteredTargets(prefixes, refreshEvery, maxAttempts);
        } catch (IllegalArgumentException e) {
            throw invalid("", e.getMessage());
        }
    }

    private TargetConfig target(JsonNode node, String path, int defaultAttempts) {
        String name = text(node, path + ".name", "name");
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw invalid(path + ".name", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        URI baseUrl = url(node, path, "baseUrl", true);
        TargetConfig.RightsAs rightsAs = optionalText(node, "rights")
                .map(code -> checked(path + ".rights", () -> TargetConfig.RightsAs.fromCode("rights", code)))
                .orElse(TargetConfig.RightsAs.ROLES);
        TargetConfig.Deprovision onLastRight = optionalText(node, "whenLastRightEnds")
                .map(code -> checked(path + ".whenLastRightEnds", () -> TargetConfig.Deprovision.fromCode("whenLastRightEnds", code)))
                .orElse(TargetConfig.Deprovision.DEACTIVATE);
        JsonNode groups = node.path("groups");
        if (!groups.isMissingNode() && !groups.isBoolean()) {
            throw invalid(path + ".groups", "must be true or false");
        }
        int maxAttempts = intValue(node, "maxAttempts", defaultAttempts);
        if (maxAttempts < 1) {
            throw invalid(path + ".maxAttempts", "must be at least 1");
        }
        return new TargetConfig(name, text(node, path + ".application", "application"), baseUrl,
                authentication(node.path("authentication"), path + ".authentication"), rightsAs,
                groups.asBoolean(false), onLastRight, maxAttempts);
    }

    private TargetConfig.Authentication authentication(JsonNode node, String path) {
        String type = text(node, path + ".type", "type");
        switch (type) {
            case "bearer":
                return new TargetConfig.Bearer(secret(node, path + ".token", "token", false));
            case "client_credentials":
                URI endpoint = url(node, path, "tokenEndpoint", false);
                return new TargetConfig.ClientCredentials(endpoint, text(node, path + ".clientId", "clientId"),
                        secret(node, path + ".clientSecret", "clientSecret", false), optionalText(node, "scope"));
            default:
                throw invalid(path + ".type", "must be \"bearer\" or \"client_credentials\"");
        }
    }

    private Secret secret(JsonNode node, String path, String field, boolean mayBeEmpty) {
        String written = optionalText(node, field).orElse("");
        Matcher reference = ENV.matcher(written);
        String value = written;
        if (reference.matches()) {
            value = environment.apply(reference.group(1));
            if (value == null) {
                throw invalid(path, "refers to the environment variable " + reference.group(1) + ", which is not set");
            }
        }
        if (value.isEmpty() && !mayBeEmpty) {
            throw invalid(path, "is required");
        }
        return Secret.of(value);
    }

    private static URI url(JsonNode node, String path, String field, boolean base) {
        return checked(path + "." + field, () -> TargetConfig.endpoint(field, text(node, path + "." + field, field), base));
    }

    /** The value, or the rule's refusal under the field's path in the file. */
    private static <T> T checked(String path, Supplier<T> value) {
        try {
            return value.get();
        } catch (ValidationException e) {
            throw invalid(path, e.getMessage().substring(e.field().length()).strip().replaceFirst("^: ", ""));
        }
    }

    private static String text(JsonNode node, String path, String field) {
        return optionalText(node, field).orElseThrow(() -> invalid(path, "is required"));
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
    }

    private static int intValue(JsonNode node, String field, int fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode()) {
            return fallback;
        }
        if (!value.canConvertToInt()) {
            throw invalid(field, "must be a whole number");
        }
        return value.asInt();
    }

    private static Duration duration(JsonNode node, String field, Duration fallback) {
        Optional<String> written = optionalText(node, field);
        try {
            return written.map(Duration::parse).orElse(fallback);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO 8601 duration such as PT1S or PT1H");
        }
    }

    private static IllegalArgumentException invalid(String path, String reason) {
        return new IllegalArgumentException("Provisioning configuration: " + (path.isEmpty() ? "" : path + " ")
                + reason);
    }
}
