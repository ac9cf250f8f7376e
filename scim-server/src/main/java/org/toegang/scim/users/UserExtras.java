package org.toegang.scim.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.ByteArrayInputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.toegang.core.ValidationException;
import org.toegang.core.directory.PersonExtras;
import org.toegang.core.directory.StoredPerson;

/**
 * The User attributes that have no typed field (RFC 7643 §4.1 and the enterprise extension):
 * kept exactly as sent in one JSON object, so a User reads back as written, and copied to the
 * standard LDAP attributes where one exists ({@link PersonExtras}). The e-mail addresses are kept
 * there too when they say more than the one work address {@code mail} holds (several, a type, a
 * display), and the addresses besides that one go to {@code toegangOtherMail}, so that filters
 * find every address; the copy is shown only while its primary address is still the one in the
 * directory, so a change of {@code mail} by another tool is not hidden behind an old copy.
 */
final class UserExtras {
    private UserExtras() {
    }

    /**
     * What to store beyond the typed fields of a User a client sent.
     *
     * @throws BadRequestException invalidValue for a password (set at sign-in, not over SCIM), a
     *         multi-valued attribute with more than one primary value, or a value too long to store
     */
    static PersonExtras from(ObjectNode user) throws BadRequestException {
        if (field(user, "password") != null) {
            throw BadRequestException.invalidValue("password cannot be set over SCIM: people set their password when "
                    + "they sign in (Keycloak); this server advertises changePassword as unsupported");
        }
        for (String name : UserSchema.multiValuedComplex()) {
            JsonNode values = field(user, name);
            long primaries = values == null ? 0 : count(values);
            if (primaries > 1) {
                throw BadRequestException.invalidValue(name + ": primary may be true for one value only (RFC 7643 §2.4)");
            }
        }
        ObjectNode kept = JsonUtils.getJsonNodeFactory().objectNode();
        for (UserSchema.Row row : UserSchema.kept()) {
            JsonNode container = row.container().map(name -> field(user, name)).orElse(user);
            JsonNode value = container != null && container.isObject() ? field((ObjectNode) container, row.name()) : null;
            if (value != null && !value.isNull()) {
                row.container().<ObjectNode>map(kept::with).orElse(kept).set(row.name(), value);
            }
        }
        JsonNode emails = field(user, "emails");
        List<String> otherMails = new ArrayList<>();
        if (emails != null && emails.isArray() && !plainWorkAddress((ArrayNode) emails)) {
            kept.set("emails", emails);
            String mail = mailAddress(emails).orElse("");
            for (JsonNode email : emails) {
                if (email.hasNonNull("value") && !email.path("value").asText().equalsIgnoreCase(mail)) {
                    otherMails.add(email.path("value").asText());
                }
            }
        }
        List<String> phones = new ArrayList<>();
        List<String> mobiles = new ArrayList<>();
        JsonNode numbers = kept.path("phoneNumbers");
        for (JsonNode number : numbers) {
            String value = number.path("value").asText(null);
            if (value != null && !value.isBlank()) {
                ("mobile".equalsIgnoreCase(number.path("type").asText()) ? mobiles : phones).add(value);
            }
        }
        try {
            return new PersonExtras(kept.isEmpty() ? Optional.empty() : Optional.of(kept.toString()),
                    text(kept, "userType"), text(kept, "preferredLanguage"), text(kept, "profileUrl"), phones, mobiles,
                    otherMails, certificates(kept.path("x509Certificates")));
        } catch (ValidationException e) {
            throw BadRequestException.invalidValue(e.getMessage());
        }
    }

    /** The User with what was kept put back. */
    static UserResource merge(UserResource user, StoredPerson stored) {
        Optional<String> json = stored.extras().attributes();
        if (json.isEmpty()) {
            return user;
        }
        try {
            ObjectNode kept = (ObjectNode) JsonUtils.getObjectReader().readTree(json.get());
            ObjectNode node = JsonUtils.valueToNode(user);
            Iterator<Map.Entry<String, JsonNode>> fields = kept.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                switch (field.getKey()) {
                    case "name" -> node.with("name").setAll((ObjectNode) field.getValue());
                    case UserSchema.ENTERPRISE_URN -> {
                        node.with(UserSchema.ENTERPRISE_URN).setAll((ObjectNode) field.getValue());
                        ArrayNode schemas = node.withArray("schemas");
                        if (!schemas.toString().contains(UserSchema.ENTERPRISE_URN)) {
                            schemas.add(UserSchema.ENTERPRISE_URN);
                        }
                    }
                    case "emails" -> {
                        if (mailAddress(field.getValue()).orElse("").equalsIgnoreCase(stored.person().email().orElse(""))) {
                            node.set("emails", field.getValue());
                        }
                    }
                    default -> node.set(field.getKey(), field.getValue());
                }
            }
            return JsonUtils.nodeToValue(node, UserResource.class);
        } catch (java.io.IOException | RuntimeException e) {
            // a copy that no longer reads is not shown rather than failing the whole read
            return user;
        }
    }

    /**
     * The values that are DER-encoded X.509 certificates in base64, as RFC 7643 §4.1.2 asks, for
     * the directory's {@code userCertificate}. Other values are kept in the copy only, not refused:
     * RFC 7643's own example User (§8.2) carries a truncated one, and clients send that example.
     */
    private static List<String> certificates(JsonNode values) {
        List<String> certificates = new ArrayList<>();
        for (JsonNode value : values) {
            String text = value.path("value").asText("");
            try {
                byte[] der = Base64.getMimeDecoder().decode(text);
                Certificate certificate = CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                certificates.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (IllegalArgumentException | CertificateException e) {
                // not a certificate: kept as sent in the copy, not in userCertificate
            }
        }
        return certificates;
    }

    private static boolean plainWorkAddress(ArrayNode emails) {
        if (emails.size() > 1) {
            return false;
        }
        if (emails.isEmpty()) {
            return true;
        }
        JsonNode email = emails.get(0);
        Iterator<String> names = email.fieldNames();
        while (names.hasNext()) {
            String name = names.next().toLowerCase(Locale.ROOT);
            if (!name.equals("value") && !name.equals("type") && !name.equals("primary")) {
                return false;
            }
        }
        String type = email.path("type").asText("work");
        return type.equalsIgnoreCase("work") && !email.path("primary").asText("true").equalsIgnoreCase("false");
    }

    /**
     * The address of a User's {@code emails} that the directory keeps as the person's one, in
     * {@code mail}: the primary one, else the first. The others go to {@code toegangOtherMail}.
     */
    static Optional<String> mailAddress(JsonNode emails) {
        if (emails == null || !emails.isArray()) {
            return Optional.empty();
        }
        String first = null;
        for (JsonNode email : emails) {
            if (!email.hasNonNull("value")) {
                continue;
            }
            if (email.path("primary").asBoolean(false)) {
                return Optional.of(email.path("value").asText());
            }
            first = first == null ? email.path("value").asText() : first;
        }
        return Optional.ofNullable(first);
    }

    private static long count(JsonNode values) {
        long primaries = 0;
        for (JsonNode value : values) {
            JsonNode primary = value.path("primary");
            if (primary.asBoolean(false) || primary.asText("").equalsIgnoreCase("true")) {
                primaries++;
            }
        }
        return primaries;
    }

    private static Optional<String> text(ObjectNode kept, String name) {
        JsonNode value = kept.get(name);
        return value != null && value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText())
                : Optional.empty();
    }

    /** A member of a JSON object by its SCIM name, which is case-insensitive (RFC 7643 §2.1). */
    static JsonNode field(ObjectNode object, String name) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return object.get(candidate);
            }
        }
        return null;
    }
}
