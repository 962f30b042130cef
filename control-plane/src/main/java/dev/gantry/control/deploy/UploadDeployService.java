package dev.gantry.control.deploy;

import dev.gantry.common.LineSink;
import dev.gantry.control.DeployFailedException;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.build.BuildDetails;
import dev.gantry.control.build.BuildHistory;
import dev.gantry.git.ArchivePush;
import dev.gantry.git.InvalidArchiveException;
import dev.gantry.git.PushResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A deploy from an uploaded source archive (CI without git): the archive is committed to the app's
 * repository and handed to {@link PushDeployService} as a push of that commit, so it is built,
 * released and rolled out exactly as {@code git push} would, under the same app lock. An image
 * already on the engine is released the same way, as a source tree whose Dockerfile is only
 * {@code FROM image}: the build takes no time, and the image gets the app's tags, so retention and
 * rollback treat it like any build.
 */
@ApplicationScoped
public class UploadDeployService {

    private final ArchivePush archives;
    private final AppService apps;
    private final BuildHistory builds;

    UploadDeployService(GantryConfig config, PushDeployService pushes, AppService apps, BuildHistory builds) {
        this.archives = new ArchivePush(config.home().resolve("repos"), config.ssh().maxPackMib() * 1024 * 1024,
                pushes::onPush);
        this.apps = apps;
        this.builds = builds;
    }

    /** A name as {@code docker images} shows it, {@code registry:5000/team/app:1.2} or {@code name@sha256:...}. */
    private static final Pattern IMAGE_REFERENCE = Pattern.compile("[a-z0-9][a-zA-Z0-9._/:@-]{0,254}");

    public BuildDetails deployImage(String app, String user, String image, String clientAddress, LineSink progress) {
        if (image == null || !IMAGE_REFERENCE.matcher(image).matches()) {
            throw new InvalidInputException("image: " + (image == null ? "missing" : "'" + image + "' is not an image"
                    + " reference") + ". Send e.g. {\"image\": \"registry.example/team/shop:1.4\"} naming an image"
                    + " on the engine ('docker images' lists them)");
        }
        return deploy(app, user, new ByteArrayInputStream(dockerfileOnly("FROM " + image + "\n")), clientAddress,
                progress);
    }

    /** The build the upload made, with its log, once its release serves. */
    public BuildDetails deploy(String app, String user, InputStream tarGz, String clientAddress, LineSink progress) {
        apps.get(app);
        PushResult result;
        try {
            result = archives.push(user, app, tarGz, clientAddress, progress);
        } catch (InvalidArchiveException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the upload in " + app + "'s repository: " + e.getMessage(),
                    e);
        }
        if (!result.accepted()) {
            throw new DeployFailedException(result.reason() + ". The build's log is in builds:info " + app);
        }
        return builds.details(app, Optional.empty());
    }

    private static byte[] dockerfileOnly(String dockerfile) {
        byte[] content = dockerfile.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
