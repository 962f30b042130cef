package dev.gantry.control.domain;

import dev.gantry.control.secrets.EncryptedTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A backing service ({@code services:create}): a PostgreSQL or Redis of its own, run by Gantry from
 * Debian packages, with its data on the engine volume of its name. The password is generated and sealed at
 * rest with the config key ({@link EncryptedTextConverter}); apps get it through a {@link ServiceLink}.
 */
@Entity
@Table(name = "backing_service")
public class BackingService extends IdentifiedEntity {

    public enum Type { POSTGRES, REDIS }

    @Column(nullable = false, unique = true, length = 30)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    @Column(nullable = false, length = 8)
    public String version;

    @Convert(converter = EncryptedTextConverter.class)
    @Column(nullable = false)
    public String password;

    /** A cron expression (UTC) for scheduled backups; null: backups by hand only. */
    @Column(name = "backup_schedule", length = 100)
    public String backupSchedule;

    @Column(name = "backups_kept", nullable = false)
    public int backupsKept = 7;

    /** Who may act on it besides admins and the members of the apps it is linked to. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<BackingService> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public static List<BackingService> all() {
        return list("order by name");
    }
}
