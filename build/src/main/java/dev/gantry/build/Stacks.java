package dev.gantry.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gantry's stack images: per kind of app a build image (compilers, package managers) and a slimmer
 * run image (a runtime and the unprivileged user {@code app}, uid 1000), each built from Debian
 * packages on the base image. Java and Python have a stack per version Gantry offers, from one
 * definition with the version (and the Debian release that packages it) as arguments. An operator may point any of them at another image (say, from their
 * registry); Gantry then uses that one as it is and builds only the others.
 */
public final class Stacks {

    public static final String DEFAULT_BASE_IMAGE = "gantry/base:bookworm";
    static final String BUILD = "build";
    static final String RUN = "run";

    /** Stack names to their definitions, in the order stacks:list shows them. */
    private static final Map<String, Definition> DEFINITIONS = orderedDefinitions();
    private static final List<String> SHARED_FILES = List.of("trust-host-cas", "install-packages");
    private static final Map<String, List<String>> EXTRA_FILES = Map.of(
            "static-run", List.of("static-nginx.conf", "gantry-static"));
    private static final Set<String> SCRIPTS = Set.of("trust-host-cas", "install-packages", "gantry-static");

    /**
     * How a stack's images are defined: by the resources {@code TEMPLATE-ROLE.Dockerfile}, with
     * {@code arguments} set as the Dockerfile's ARGs (so one definition serves several Java versions).
     */
    private record Definition(String template, List<String> roles, Map<String, String> arguments) {

        static Definition of(String template, List<String> roles) {
            return new Definition(template, roles, Map.of());
        }

        static Definition java(String version, String debianRelease) {
            Map<String, String> arguments = new LinkedHashMap<>();
            arguments.put("JAVA_VERSION", version);
            arguments.put("DEBIAN_RELEASE", debianRelease);
            return new Definition("java", List.of(BUILD, RUN), arguments);
        }

        /** Python 3 as the Debian release packages it: 3.11 in bookworm, 3.13 in trixie. */
        static Definition python(String debianRelease) {
            return new Definition("python", List.of(BUILD, RUN), Map.of("DEBIAN_RELEASE", debianRelease));
        }
    }

    private final String baseImage;
    private final Map<String, String> overrides;

    private Stacks(String baseImage, Map<String, String> overrides) {
        this.baseImage = baseImage;
        this.overrides = Map.copyOf(overrides);
    }

    public static Stacks defaults() {
        return new Stacks(DEFAULT_BASE_IMAGE, Map.of());
    }

    /**
     * @param overrides image ids ("java-build", "static-run") to the image to use instead
     * @throws IllegalArgumentException naming an unknown image id and the known ones
     */
    public static Stacks of(String baseImage, Map<String, String> overrides) {
        Set<String> known = imageIds();
        for (String id : overrides.keySet()) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("unknown stack image '" + id + "': use one of " + String.join(", ", known));
            }
        }
        return new Stacks(baseImage, overrides);
    }

    /** The image every stack image starts from. */
    public String baseImage() {
        return baseImage;
    }

    public List<String> names() {
        return List.copyOf(DEFINITIONS.keySet());
    }

    public Stack stack(String name) {
        List<String> roles = roles(name);
        return new Stack(name, roles.contains(BUILD) ? Optional.of(imageOf(name, BUILD)) : Optional.empty(),
                imageOf(name, RUN));
    }

    /** The images of the stack Gantry builds itself, build image first; those an operator replaced are left out. */
    public List<StackImage> ownImages(String name) {
        List<StackImage> own = new ArrayList<>();
        for (String role : roles(name)) {
            if (!overrides.containsKey(name + "-" + role)) {
                own.add(definition(name, role));
            }
        }
        return own;
    }

    /** Where the image of this role comes from, for stacks:list: the operator's image, or empty for Gantry's own. */
    public Optional<String> override(String name, String role) {
        return Optional.ofNullable(overrides.get(name + "-" + role));
    }

    private String imageOf(String name, String role) {
        return overrides.getOrDefault(name + "-" + role, tagOf(name, role));
    }

    static String tagOf(String name, String role) {
        return "gantry/stack-" + name + ":" + role;
    }

    private StackImage definition(String name, String role) {
        Definition definition = DEFINITIONS.get(name);
        String template = definition.template() + "-" + role;
        StringBuilder dockerfile = new StringBuilder("FROM " + baseImage + "\n");
        definition.arguments().forEach((argument, value) -> dockerfile.append("ARG ").append(argument).append('=')
                .append(value).append('\n'));
        dockerfile.append(resource("prelude.Dockerfile")).append(resource(template + ".Dockerfile"));
        List<StackImage.ContextFile> files = new ArrayList<>();
        List<String> names = new ArrayList<>(SHARED_FILES);
        names.addAll(EXTRA_FILES.getOrDefault(template, List.of()));
        for (String file : names) {
            files.add(new StackImage.ContextFile(file, resource(file).getBytes(StandardCharsets.UTF_8),
                    SCRIPTS.contains(file)));
        }
        return new StackImage(name, role, tagOf(name, role), dockerfile.toString(), files);
    }

    /** The stack's roles, build first: {@value #BUILD} and {@value #RUN}, or only {@value #RUN}. */
    public List<String> roles(String name) {
        Definition definition = DEFINITIONS.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("unknown stack '" + name + "': use one of " + String.join(", ", names()));
        }
        return definition.roles();
    }

    private static Set<String> imageIds() {
        Set<String> ids = new TreeSet<>();
        DEFINITIONS.forEach((name, definition) -> definition.roles().forEach(role -> ids.add(name + "-" + role)));
        return ids;
    }

    private static Map<String, Definition> orderedDefinitions() {
        Map<String, Definition> definitions = new LinkedHashMap<>();
        definitions.put("java", Definition.java("17", "bookworm"));
        definitions.put("java21", Definition.java("21", "trixie"));
        definitions.put("java25", Definition.java("25", "trixie"));
        definitions.put("node", Definition.of("node", List.of(BUILD, RUN)));
        definitions.put("python", Definition.python("bookworm"));
        definitions.put("python313", Definition.python("trixie"));
        definitions.put("go", Definition.of("go", List.of(BUILD, RUN)));
        definitions.put("static", Definition.of("static", List.of(RUN)));
        definitions.put("procfile", Definition.of("procfile", List.of(RUN)));
        return definitions;
    }

    private static String resource(String name) {
        try (InputStream in = Stacks.class.getResourceAsStream("stacks/" + name)) {
            if (in == null) {
                throw new IllegalStateException("stacks/" + name + " is missing from the gantry-build jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
