package org.toegang.keycloak.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The portal's static files, read from the class path under {@code portal/} (the themes module
 * puts them there; the provider jar carries it). Decides what a request path means:
 * a file name with a known extension is that file or nothing; any other path is a client-side
 * route and gets {@code index.html} (so a typed or bookmarked URL opens the right screen).
 *
 * <p>Only names of a strict form are looked up ({@link #SAFE_NAME}): no {@code ..}, no
 * backslash, no encoded characters, so no path reaches outside {@code portal/}. Files are
 * kept once read: they are part of the deployed jar and never change while it runs.
 * Thread-safe.
 */
final class PortalFiles {
    static final String INDEX = "index.html";
    /** Lower-case segments of letters, digits, '-', '_' and '.', not starting with a dot. */
    private static final Pattern SAFE_NAME = Pattern.compile("([a-z0-9][a-z0-9_.-]*/)*[a-z0-9][a-z0-9_.-]*\\.[a-z0-9]+");
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private final ClassLoader loader;
    private final String root;
    private final Path directory;
    private final Map<String, Optional<PortalFile>> read = new ConcurrentHashMap<>();

    PortalFiles(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root.endsWith("/") ? root : root + "/";
        this.directory = null;
    }

    /**
     * Serves the files of a directory instead, read at every request: for developing the portal
     * (edit, reload) without rebuilding the provider jar and restarting Keycloak.
     */
    PortalFiles(Path directory) {
        this.loader = null;
        this.root = "";
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** What to answer for a path below the portal's root (without a leading slash). */
    Optional<PortalFile> resolve(String path) {
        String name = path == null ? "" : path;
        if (!isFileName(name)) {
            return file(INDEX);
        }
        if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        return file(name);
    }

    /** A path whose last segment has an extension asks for a file; anything else is a route. */
    static boolean isFileName(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".");
    }

    private Optional<PortalFile> file(String name) {
        return directory == null ? read.computeIfAbsent(name, this::load) : load(name);
    }

    private Optional<PortalFile> load(String name) {
        String type = MEDIA_TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        if (directory != null) {
            Path file = directory.resolve(name).normalize();
            try {
                return file.startsWith(directory) && Files.isRegularFile(file)
                        ? Optional.of(PortalFile.of(Files.readAllBytes(file), type)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        try (InputStream in = loader.getResourceAsStream(root + name)) {
            return in == null ? Optional.empty() : Optional.of(PortalFile.of(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + name, e);
        }
    }

    /** {@code index.html} with its base path filled in (it differs per realm and context path). */
    static PortalFile index(PortalFile template, String basePath) {
        return PortalFile.of(template.text().replace("{{base}}", basePath).getBytes(StandardCharsets.UTF_8),
                template.mediaType());
    }
}
