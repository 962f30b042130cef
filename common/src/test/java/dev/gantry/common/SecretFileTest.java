package dev.gantry.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {

    @TempDir
    Path home;

    @Test
    void theFirstReadMakesAnOwnerOnlySecretThatLaterReadsKeep() throws Exception {
        Path file = home.resolve("node").resolve("token");

        String made = SecretFile.readOrCreate(file, "node token");

        assertTrue(made.matches("[0-9a-f]{64}"), made);
        assertEquals(made, SecretFile.readOrCreate(file, "node token"));
        assertEquals(made, SecretFile.read(file, "node token", "start the node runner"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void aMissingOrEmptyFileIsRefusedWithWhatAndTheFix() throws Exception {
        Path missing = home.resolve("missing");
        UncheckedIOException absent = assertThrows(UncheckedIOException.class,
                () -> SecretFile.read(missing, "node token", "start the node runner"));
        assertTrue(absent.getMessage().startsWith("node token: cannot read " + missing), absent.getMessage());
        assertTrue(absent.getMessage().endsWith("; start the node runner"), absent.getMessage());

        Path empty = Files.writeString(home.resolve("empty"), "\n");
        IllegalStateException blank = assertThrows(IllegalStateException.class,
                () -> SecretFile.read(empty, "node token", "start the node runner"));
        assertEquals("node token: " + empty + " is empty; start the node runner", blank.getMessage());
    }
}
