package dev.gantry.control.services;

import dev.gantry.build.StackImage;
import dev.gantry.common.LineSink;
import dev.gantry.control.build.StackImages;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The images services run from, built like the stack images: from Debian packages on Gantry's base
 * image, the first time a service needs one and again when their definition changes, with no registry.
 * Each holds the kind's server script and its {@code gantry-backup}, {@code gantry-restore} and
 * {@code gantry-connect}, so the control plane runs the same commands whatever the kind.
 */
@ApplicationScoped
public class ServiceImages {

    static final List<String> SCRIPTS = List.of("gantry-backup", "gantry-restore", "gantry-connect");

    private final StackImages stackImages;

    ServiceImages(StackImages stackImages) {
        this.stackImages = stackImages;
    }

    /** The image's tag, once it is on the node. */
    public String ensure(ServiceKind kind, String version, LineSink progress) {
        StackImage image = definition(kind, version);
        stackImages.ensure(image, progress);
        return image.tag();
    }

    static String tag(ServiceKind kind, String version) {
        return "gantry/service-" + kind.word() + ":" + version;
    }

    StackImage definition(ServiceKind kind, String version) {
        String dockerfile = "FROM " + stackImages.baseImage() + "\n"
                + resource(kind.word() + ".Dockerfile").replace("@VERSION@", version);
        List<StackImage.ContextFile> files = new ArrayList<>();
        files.add(script("gantry-" + kind.word(), "gantry-" + kind.word()));
        for (String script : SCRIPTS) {
            files.add(script(script, script + "-" + kind.word()));
        }
        return new StackImage("service-" + kind.word(), version, tag(kind, version), dockerfile, files);
    }

    private static StackImage.ContextFile script(String name, String resource) {
        return new StackImage.ContextFile(name, resource(resource).getBytes(StandardCharsets.UTF_8), true);
    }

    private static String resource(String name) {
        try (InputStream in = ServiceImages.class.getResourceAsStream("images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("images/" + name + " is missing from the control plane's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
