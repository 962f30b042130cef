package dev.gantry.router;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gantry.router.api.AdminJson;
import dev.gantry.router.api.AppRoute;
import dev.gantry.service.ServiceJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The route table on disk, so that a restarted router serves its last routes at once instead of
 * 404s until the control plane calls (kamal-proxy's {@code saveStateSnapshot}). Written to a temporary
 * file beside it and moved over it atomically: a crash mid-write leaves the previous table.
 */
final class RouteStateFile {

    private static final Logger LOG = Logger.getLogger(RouteStateFile.class);
    private static final int VERSION = 1;
    private static final FileAttribute<?>[] OWNER_ONLY = FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix") ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];

    private final Path file;

    /** The file's JSON: the routes as the admin interface shows them, and the default certificate if set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record State(int version, Map<String, AdminJson.RouteJson> routes, AdminJson.CertificateJson defaultCertificate) {
    }

    RouteStateFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path path() {
        return file;
    }

    /**
     * The saved table, or the empty one when there is none. A file that cannot be read as a table is
     * set aside (renamed {@code *.unreadable-<time>}) and logged: the router starts empty rather than
     * not at all, and the control plane restores the routes.
     */
    RouteTable load() {
        if (!Files.exists(file)) {
            return RouteTable.EMPTY;
        }
        try {
            State state = ServiceJson.MAPPER.readValue(file.toFile(), State.class);
            RouteTable table = RouteTable.EMPTY;
            for (AppRoute route : AdminJson.routes(state.routes() == null ? Map.of() : state.routes(), "routes").values()) {
                table = table.with(route);
            }
            return state.defaultCertificate() == null ? table : table.withDefaultCertificate(
                    AdminJson.CertificateJson.read(state.defaultCertificate(), "defaultCertificate"));
        } catch (IOException | IllegalArgumentException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + Instant.now().toEpochMilli());
            LOG.errorf("Route state %s cannot be read (%s); moved it to %s and starting with no routes",
                    file, e.getMessage(), aside);
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                LOG.errorf("Could not move %s aside: %s", file, moveFailed.getMessage());
            }
            return RouteTable.EMPTY;
        }
    }

    /** Replaces the file with {@code table}; throws, leaving the previous file, if it cannot. */
    void save(RouteTable table) {
        State state = new State(VERSION, AdminJson.routes(table.apps()),
                table.defaultCertificate() == null ? null : AdminJson.CertificateJson.of(table.defaultCertificate()));
        try {
            Files.createDirectories(file.getParent());
            // Owner-only from the start (and so after the move): the table holds certificates' private keys.
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp", OWNER_ONLY);
            try {
                Files.writeString(temp, ServiceJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(state) + "\n",
                        StandardCharsets.UTF_8);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("route state could not be saved to " + file + ": " + e.getMessage()
                    + "; the route was not changed", e);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
