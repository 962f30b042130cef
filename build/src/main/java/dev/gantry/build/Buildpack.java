package dev.gantry.build;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One kind of app Gantry builds without a Dockerfile: how to recognise it and the Dockerfile that builds it. */
interface Buildpack {

    /** The kind's name, as {@code buildpacks:set} takes it. */
    String kind();

    /** The files whose presence marks this kind, for the list of what was looked for. */
    List<String> markers();

    /**
     * Whether a file of this kind is at the root: cheap, and never refuses, so that a kind that
     * would refuse the tree (a bad engines.node, say) does not stop another kind from building it.
     */
    default boolean recognises(SourceTree tree) {
        return markers().stream().anyMatch(tree::hasFile);
    }

    /**
     * Why the tree is of this kind (which file says so, and what it asks for), or empty when it is not.
     *
     * @throws NoBuildPlanException when the tree is of this kind but asks for something Gantry cannot do
     */
    Optional<String> detect(SourceTree tree);

    /**
     * Why the tree builds as this kind when the app names it ({@code buildpacks:set}, .buildpacks),
     * or empty when the tree lacks what the kind needs: by default, when it would be detected.
     */
    default Optional<String> acceptNamed(SourceTree tree) {
        return detect(tree);
    }

    /** The stack the tree builds on: by default the one named like the kind. */
    default String stack(SourceTree tree) {
        return kind();
    }

    /**
     * A Dockerfile that builds the tree on the stack's images and runs it as the unprivileged app
     * user. Dependencies are resolved in a layer of their own, before the rest of the tree is
     * copied, so a push that leaves the dependency manifest alone reuses that layer.
     *
     * @param config the app's config vars, some of which steer builds (say, MAVEN_CUSTOM_GOALS)
     * @throws NoBuildPlanException naming what to add when the tree lacks something the build needs
     */
    String dockerfile(SourceTree tree, Stack stack, Map<String, String> config);
}
