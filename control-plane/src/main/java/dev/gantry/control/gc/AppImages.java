package dev.gantry.control.gc;

import dev.gantry.node.DiskUsage;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which app an image on a host's disk belongs to, by its names: builds carry no labels (each would
 * cost the build a step), but every name of one is in its app's repository, {@code gantry/APP:build-N}
 * on the host that built it, and on the cluster's other hosts, which pull by digest,
 * {@code registry/gantry/APP@sha256:...}. (Labels cannot tell: an app's image inherits those of the stack
 * image it is built on.) Of Gantry's own images, only the host tools go to the registry, in a repository
 * of their own outside {@code gantry/}.
 */
final class AppImages {

    private static final Pattern NAMED = Pattern.compile("(?:^|/)gantry/([a-z0-9][a-z0-9-]*)[:@]");
    private static final Pattern PULLED = Pattern.compile("/gantry/([a-z0-9][a-z0-9-]*)@sha256:");

    private AppImages() {
    }

    static boolean of(DiskUsage.Item image, String app) {
        return app(image, NAMED).filter(app::equals).isPresent();
    }

    /** The app whose image a name is, when it is a digest reference of the cluster's registry, as instances on other hosts pull. */
    static Optional<String> pulledAs(String name) {
        Matcher found = PULLED.matcher(name);
        return found.find() ? Optional.of(found.group(1)) : Optional.empty();
    }

    private static Optional<String> app(DiskUsage.Item image, Pattern names) {
        return image.tags().stream().map(names::matcher).filter(Matcher::find).map(found -> found.group(1)).findFirst();
    }
}
