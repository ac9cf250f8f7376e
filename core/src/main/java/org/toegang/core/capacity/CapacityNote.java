package org.toegang.core.capacity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.toegang.core.model.CapacityScope;
import org.toegang.core.model.Organisation;
import org.toegang.core.model.TargetGroup;

/**
 * The chosen capacity as a session note: JSON with the scope, target group and organisations
 * (key and name), so a token needs no directory search to name them — the one search per token
 * is left for the rights. Stateless and thread-safe.
 */
public final class CapacityNote {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CapacityNote() {
    }

    /** The note for a capacity without the application's name; never null. */
    public static String write(Capacity capacity) {
        return write(capacity, null);
    }

    /**
     * The note for a capacity chosen at an application.
     *
     * @param applicationName the application's name ({@code vo_applicatienaam}); null when unknown
     * @return the note; never null
     */
    public static String write(Capacity capacity, String applicationName) {
        ObjectNode note = JSON.createObjectNode()
                .put("scope", capacity.scope().code())
                .put("targetGroup", capacity.targetGroup().code());
        ArrayNode organisations = note.putArray("organisations");
        for (Organisation organisation : capacity.organisations()) {
            organisations.addObject().put("key", organisation.key()).put("name", organisation.name());
        }
        capacity.primaryKey().ifPresent(key -> note.put("primary", key));
        if (applicationName != null) {
            note.put("application", applicationName);
        }
        return note.toString();
    }

    /**
     * The application's name in a note written by {@link #write(Capacity, String)}.
     *
     * @return the name; empty when the note has none or cannot be read; never null
     */
    public static Optional<String> applicationName(String note) {
        if (note == null || note.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode name = JSON.readTree(note).get("application");
            return name != null && name.isTextual() ? Optional.of(name.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a note written by {@link #write}.
     *
     * @param note the note; may be null
     * @return the capacity; empty when there is no note or it cannot be read (then the
     *         capacity must be chosen again); never null
     */
    public static Optional<Capacity> read(String note) {
        if (note == null || note.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(note);
            TargetGroup group = TargetGroup.fromCode(json.path("targetGroup").asText());
            List<Organisation> organisations = new ArrayList<>();
            for (JsonNode organisation : json.path("organisations")) {
                organisations.add(new Organisation(organisation.path("key").asText(),
                        organisation.path("name").asText(), group, Optional.empty()));
            }
            Optional<String> primary = json.hasNonNull("primary") ? Optional.of(json.get("primary").asText()) : Optional.empty();
            return Optional.of(new Capacity(CapacityScope.fromCode(json.path("scope").asText()), group, organisations,
                    primary));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
