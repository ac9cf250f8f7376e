package org.toegang.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Keycloak installation of our own: the distribution unpacked once, our providers in
 * {@code providers/}, the realm file in {@code data/import/}. Each stack has its own home, so a
 * running {@code toegang up} and the tests never share a Keycloak build or database.
 *
 * <p>Keycloak imports a realm only when its database does not have it yet. So the database is
 * reset when the realm definition changed since the last start (a new version of the realm file,
 * another directory): the realm is then always what the repository says. Users are not lost by
 * this: they live in the directory.
 */
final class KeycloakHome {
    private static final String UNPACKED_MARKER = ".toegang-unpacked-from";
    private static final String REALM_FINGERPRINT = "toegang-realm.sha256";

    private final Path home;

    private KeycloakHome(Path home) {
        this.home = home;
    }

    static KeycloakHome prepare(Path home, KeycloakDistribution distribution, RealmDefinition realm,
                                boolean freshData, Consumer<String> progress) {
        try {
            unpackUnlessCurrent(home, distribution.zip(), progress);
            installProviders(home.resolve("providers"), distribution);
            Path data = home.resolve("data");
            Path fingerprint = data.resolve(REALM_FINGERPRINT);
            boolean sameRealm = Files.isRegularFile(fingerprint)
                    && Files.readString(fingerprint).equals(realm.fingerprint());
            if (freshData || !sameRealm) {
                if (!freshData && Files.exists(data.resolve("h2"))) {
                    progress.accept("The realm definition changed since the last start: Keycloak's database is reset.");
                }
                deleteRecursively(data);
            }
            Files.createDirectories(data.resolve("import"));
            Files.writeString(data.resolve("import").resolve(RealmDefinition.FILE_NAME), realm.json());
            Files.writeString(fingerprint, realm.fingerprint());
            return new KeycloakHome(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Keycloak in " + home, e);
        }
    }

    Path path() {
        return home;
    }

    Path script() {
        return home.resolve("bin").resolve("kc.sh");
    }

    /** Unpacks the zip, without its top folder, unless this zip was unpacked there already. */
    private static void unpackUnlessCurrent(Path home, Path zip, Consumer<String> progress) throws IOException {
        String identity = zip.toRealPath() + " " + Files.size(zip) + " " + Files.getLastModifiedTime(zip).toMillis();
        Path marker = home.resolve(UNPACKED_MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(identity)) {
            return;
        }
        progress.accept("Unpacking Keycloak into " + home);
        deleteRecursively(home);
        Files.createDirectories(home);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = home.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("Unsafe entry in " + zip + ": " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (target.getParent().getFileName().toString().equals("bin") && name.endsWith(".sh")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Files.writeString(marker, identity, StandardCharsets.UTF_8);
    }

    /**
     * Copies each provider jar unless an identical one is there: Keycloak rebuilds itself (about
     * 20 s) whenever its providers change, so an unchanged jar must keep its timestamp.
     */
    private static void installProviders(Path providers, KeycloakDistribution distribution) throws IOException {
        Files.createDirectories(providers);
        try (Stream<Path> installed = Files.list(providers)) {
            for (Path jar : installed.filter(file -> file.toString().endsWith(".jar")).toList()) {
                if (distribution.providers().stream().noneMatch(ours -> ours.getFileName().equals(jar.getFileName()))) {
                    Files.delete(jar);
                }
            }
        }
        for (Path jar : distribution.providers()) {
            Path target = providers.resolve(jar.getFileName());
            if (!Files.exists(target) || Files.mismatch(jar, target) != -1) {
                Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
