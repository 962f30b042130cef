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
 * packages on the base image. An operator may point any of them at another image (say, from their
 * registry); Gantry then uses that one as it is and builds only the others.
 */
public final class Stacks {

    public static final String DEFAULT_BASE_IMAGE = "gantry/base:bookworm";
    static final String BUILD = "build";
    static final String RUN = "run";

    /** Stack names (the kinds they serve) to their roles, in the order stacks:list shows them. */
    private static final Map<String, List<String>> ROLES = orderedRoles();
    private static final List<String> SHARED_FILES = List.of("trust-host-cas", "install-packages");
    private static final Map<String, List<String>> EXTRA_FILES = Map.of(
            "static-run", List.of("static-nginx.conf", "gantry-static"));
    private static final Set<String> SCRIPTS = Set.of("trust-host-cas", "install-packages", "gantry-static");

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
        return List.copyOf(ROLES.keySet());
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
        String id = name + "-" + role;
        String dockerfile = "FROM " + baseImage + "\n" + resource("prelude.Dockerfile") + resource(id + ".Dockerfile");
        List<StackImage.ContextFile> files = new ArrayList<>();
        List<String> names = new ArrayList<>(SHARED_FILES);
        names.addAll(EXTRA_FILES.getOrDefault(id, List.of()));
        for (String file : names) {
            files.add(new StackImage.ContextFile(file, resource(file).getBytes(StandardCharsets.UTF_8),
                    SCRIPTS.contains(file)));
        }
        return new StackImage(name, role, tagOf(name, role), dockerfile, files);
    }

    /** The stack's roles, build first: {@value #BUILD} and {@value #RUN}, or only {@value #RUN}. */
    public List<String> roles(String name) {
        List<String> roles = ROLES.get(name);
        if (roles == null) {
            throw new IllegalArgumentException("unknown stack '" + name + "': use one of " + String.join(", ", ROLES.keySet()));
        }
        return roles;
    }

    private static Set<String> imageIds() {
        Set<String> ids = new TreeSet<>();
        ROLES.forEach((name, roles) -> roles.forEach(role -> ids.add(name + "-" + role)));
        return ids;
    }

    private static Map<String, List<String>> orderedRoles() {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roles.put("java", List.of(BUILD, RUN));
        roles.put("node", List.of(BUILD, RUN));
        roles.put("python", List.of(BUILD, RUN));
        roles.put("go", List.of(BUILD, RUN));
        roles.put("static", List.of(RUN));
        return roles;
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
