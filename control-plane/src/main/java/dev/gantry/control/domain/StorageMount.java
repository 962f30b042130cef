package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;

/** Where a volume appears in an app's containers: at {@code path}, in one process type or in all. */
@Entity
@Table(name = "storage_mount")
public class StorageMount extends IdentifiedEntity {

    @ManyToOne(optional = false)
    public Storage storage;

    @Column(nullable = false, length = 500)
    public String path;

    /** Null: every process type and one-off runs. */
    @Column(name = "process_type", length = 30)
    public String processType;

    public static List<StorageMount> of(App app) {
        return list("storage.app = ?1 order by storage.name, path", app);
    }

    public static List<StorageMount> of(Storage storage) {
        return list("storage = ?1", storage);
    }
}
