package dev.gantry.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Chooses how a pushed tree is built: as the kind chosen for the app ({@code buildpacks:set}), else
 * the kind of the buildpack the repository names (.buildpacks, app.json), else with the Dockerfile
 * heroku.yml names or the root Dockerfile, else with the first buildpack that recognises it (Java,
 * Go, Python, Node.js, static, in that order: a Java or Python app often carries a package.json for
 * its assets, and any of them may have an index.html; a Procfile alone, last, makes the procfile kind).
 */
public final class BuildPlanner {

    static final String DOCKERFILE = "Dockerfile";
    public static final String DOCKERFILE_KIND = "dockerfile";

    private final Stacks stacks;
    /** Dokku's null buildpack, chosen only when no other kind recognises the tree: any app may have a Procfile. */
    private final Buildpack lastResort = new ProcfileBuildpack();
    private final List<Buildpack> buildpacks = List.of(new MavenBuildpack(), new GoBuildpack(), new PythonBuildpack(),
            new NodeBuildpack(), new StaticBuildpack(), lastResort);

    public BuildPlanner(Stacks stacks) {
        this.stacks = stacks;
    }

    public BuildPlanner() {
        this(Stacks.defaults());
    }

    /** Every kind, as {@code buildpacks:set} takes them. */
    public List<String> kinds() {
        return Stream.concat(Stream.of(DOCKERFILE_KIND), buildpacks.stream().map(Buildpack::kind)).toList();
    }

    public BuildPlan plan(SourceTree tree) {
        return plan(tree, Optional.empty(), Map.of());
    }

    /**
     * @param chosenKind the kind set for the app, if any: used instead of detection
     * @param config the app's config vars, some of which steer builds (MAVEN_CUSTOM_GOALS)
     * @throws NoBuildPlanException when the tree is of no known kind (or not of the chosen one), with what was looked for
     */
    public BuildPlan plan(SourceTree tree, Optional<String> chosenKind, Map<String, String> config) {
        if (chosenKind.isPresent()) {
            return planAs(chosenKind.get(), tree, config);
        }
        // As in Dokku, a buildpack the repository names wins over its Dockerfile.
        Optional<BuildpackDeclaration> declared = BuildpackDeclaration.find(tree, kinds());
        if (declared.isPresent()) {
            return planAsDeclared(declared.get(), tree, config);
        }
        Optional<String> herokuYml = HerokuYml.dockerfile(tree);
        if (herokuYml.isPresent()) {
            return BuildPlan.ownDockerfile("named in " + HerokuYml.FILE_NAME + " (build.docker)", herokuYml.get());
        }
        if (tree.hasFile(DOCKERFILE)) {
            return BuildPlan.ownDockerfile("found " + DOCKERFILE + " at the repository root");
        }
        List<Buildpack> matching = buildpacks.stream().filter(pack -> pack.recognises(tree)).toList();
        if (matching.isEmpty()) {
            throw new NoBuildPlanException("no way to build this app: looked for " + String.join(", ", lookedFor())
                    + " at the repository root and found none. Add a Dockerfile or the file of your app's kind"
                    + " (docs/buildpacks.md) and push again");
        }
        Buildpack chosen = matching.get(0);
        List<Buildpack> others = matching.stream().skip(1).filter(pack -> pack != lastResort).toList();
        String reason = chosen.detect(tree).orElseThrow() + otherKinds(others);
        return generate(chosen, reason, tree, config);
    }

    private BuildPlan planAs(String kind, SourceTree tree, Map<String, String> config) {
        if (kind.equals(DOCKERFILE_KIND)) {
            if (!tree.hasFile(DOCKERFILE)) {
                throw new NoBuildPlanException("this app is set to build from its Dockerfile, but there is none at the"
                        + " repository root. Add it, or choose a buildpack with buildpacks:set, and push again");
            }
            return BuildPlan.ownDockerfile("set with buildpacks:set");
        }
        Buildpack pack = byKind(kind).orElseThrow(() -> new NoBuildPlanException("unknown buildpack '" + kind
                + "': use one of " + String.join(", ", kinds())));
        return planNamed(pack, "set with buildpacks:set", "this app is set to build with the " + kind + " buildpack",
                "choose another buildpack with buildpacks:set", tree, config);
    }

    private BuildPlan planAsDeclared(BuildpackDeclaration declared, SourceTree tree, Map<String, String> config) {
        return planNamed(byKind(declared.kind()).orElseThrow(), declared.describe(), declared.source() + " names the "
                + declared.buildpack() + " buildpack", "name another buildpack there", tree, config);
    }

    private Optional<Buildpack> byKind(String kind) {
        return buildpacks.stream().filter(pack -> pack.kind().equals(kind)).findFirst();
    }

    /** A kind named for the app: built as that kind if the tree has what it needs, else refused saying what. */
    private BuildPlan planNamed(Buildpack pack, String why, String named, String otherwise, SourceTree tree,
            Map<String, String> config) {
        String found = pack.acceptNamed(tree).orElseThrow(() -> new NoBuildPlanException(named + ", but there is no "
                + String.join(" or ", pack.markers()) + " at the repository root. Add it, or " + otherwise
                + ", and push again"));
        return generate(pack, why + "; " + found, tree, config);
    }

    private BuildPlan generate(Buildpack pack, String reason, SourceTree tree, Map<String, String> config) {
        if (tree.hasFile(BuildPlan.GENERATED_DOCKERFILE)) {
            throw new NoBuildPlanException("the repository has " + BuildPlan.GENERATED_DOCKERFILE + ", where Gantry puts"
                    + " the Dockerfile it generates. Rename it (or move it to the root to build with it) and push again");
        }
        String stack = pack.stack(tree);
        return BuildPlan.generated(pack.kind(), stack, reason, pack.dockerfile(tree, stacks.stack(stack), config));
    }

    private List<String> lookedFor() {
        List<String> files = new ArrayList<>(List.of(DOCKERFILE));
        buildpacks.forEach(pack -> files.addAll(pack.markers()));
        return files;
    }

    private static String otherKinds(List<Buildpack> others) {
        if (others.isEmpty()) {
            return "";
        }
        return " (it could also be built with the " + others.stream().map(Buildpack::kind)
                .collect(Collectors.joining(" or ")) + " buildpack: buildpacks:set chooses)";
    }
}
