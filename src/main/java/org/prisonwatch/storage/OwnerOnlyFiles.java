package org.prisonwatch.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes a directory and everything in it readable by the service's user only, whatever the umask: the directory
 * 700, its files 600. H2 creates its files with the process's umask, so this runs before the database opens (on
 * the directory) and again once it has (on the files it made).
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    static void secure(Path directory) {
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            Files.setPosixFilePermissions(directory, DIRECTORY);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file)) {
                        Files.setPosixFilePermissions(file, FILE);
                    }
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL, inherited from the user's profile, is what protects the files there
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the data directory " + directory + " owner-only", e);
        }
    }
}
