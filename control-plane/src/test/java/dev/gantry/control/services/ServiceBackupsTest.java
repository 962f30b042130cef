package dev.gantry.control.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceBackupsTest {

    @Test
    void retentionKeepsTheNewestAndLeavesAPartialBackupOutOfTheList(@TempDir Path dir) throws Exception {
        for (String id : List.of("20250101-030000", "20250102-030000", "20250103-030000", "20250103-030000-2")) {
            Files.writeString(dir.resolve(id + ".dump"), id);
        }
        Files.writeString(dir.resolve("20250104-030000.partial"), "half");

        List<ServiceBackups.Backup> kept = ServiceBackups.prune(dir, 2);

        assertEquals(List.of("20250103-030000-2", "20250103-030000"), kept.stream().map(ServiceBackups.Backup::id).toList());
        assertEquals(15, kept.get(1).bytes());
        assertFalse(Files.exists(dir.resolve("20250101-030000.dump")));
        assertEquals(kept, ServiceBackups.list(dir));
    }

    @Test
    void anIdIsATimeAndNeverAPath() {
        assertTrue(ServiceBackups.isBackupId("20250107-030000"));
        assertTrue(ServiceBackups.isBackupId("20250107-030000-2"));
        for (String bad : new String[] {"../x", "20250107", "20250107-030000.dump", "latest", ""}) {
            assertFalse(ServiceBackups.isBackupId(bad), bad);
        }
    }
}
