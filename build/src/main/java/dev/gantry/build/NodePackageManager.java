package dev.gantry.build;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool that installs a Node.js app's dependencies, chosen by its lock file as Heroku chooses
 * it: pnpm for pnpm-lock.yaml, Yarn 1 for yarn.lock, npm otherwise ({@code npm ci} with
 * package-lock.json or npm-shrinkwrap.json, else {@code npm install}). pnpm and Yarn come from the
 * npm registry, in the version package.json's {@code packageManager} names (else the one the lock
 * file's format calls for), installed in a layer of their own.
 */
record NodePackageManager(String name, Optional<String> lockFile, Optional<String> toolInstall,
        String productionInstall, String fullInstall) {

    static final String PNPM_LOCK = "pnpm-lock.yaml";
    static final String YARN_LOCK = "yarn.lock";
    private static final List<String> NPM_LOCKS = List.of("package-lock.json", "npm-shrinkwrap.json");
    private static final Pattern PACKAGE_MANAGER = Pattern.compile("(npm|pnpm|yarn)@(\\d+)(\\.\\d+\\.\\d+)?(?:[+-].*)?");
    private static final Pattern PNPM_LOCK_VERSION = Pattern.compile("(?m)^lockfileVersion:\\s*'?(\\d+)");

    /** @throws NoBuildPlanException for a package manager or lock file format Gantry cannot install with */
    static NodePackageManager of(SourceTree tree, PackageJson packageJson) {
        Optional<Matcher> declared = packageJson.text("packageManager").map(PACKAGE_MANAGER::matcher)
                .filter(Matcher::matches);
        if (tree.hasFile(PNPM_LOCK)) {
            String version = declared.filter(named -> named.group(1).equals("pnpm")).map(NodePackageManager::version)
                    .orElseGet(() -> pnpmForLockFile(tree.read(PNPM_LOCK).orElseThrow()));
            return new NodePackageManager("pnpm", Optional.of(PNPM_LOCK), Optional.of("npm install -g pnpm@" + version),
                    "pnpm install --frozen-lockfile --prod", "CI=true pnpm install --frozen-lockfile");
        }
        if (tree.hasFile(YARN_LOCK)) {
            Optional<String> yarn = declared.filter(named -> named.group(1).equals("yarn"))
                    .map(named -> "yarn@" + version(named));
            if (yarn.isPresent() && !yarn.get().startsWith("yarn@1")) {
                throw new NoBuildPlanException(PackageJson.FILE_NAME + " names " + yarn.get() + " as its package"
                        + " manager, and Gantry installs with Yarn 1, pnpm or npm (Yarn 2 and later keep their own"
                        + " install state): use one of those, or a Dockerfile, and push again");
            }
            return new NodePackageManager("yarn", Optional.of(YARN_LOCK),
                    Optional.of("npm install -g " + yarn.orElse("yarn@1")),
                    "yarn install --frozen-lockfile --production=true", "yarn install --frozen-lockfile");
        }
        Optional<String> lock = NPM_LOCKS.stream().filter(tree::hasFile).findFirst();
        String install = lock.isPresent() ? "npm ci" : "npm install";
        return new NodePackageManager("npm", lock, Optional.empty(), install + " --omit=dev", install);
    }

    /** "9.15.0" of "pnpm@9.15.0+sha512.abc", "9" of "pnpm@9". */
    private static String version(Matcher packageManager) {
        return packageManager.group(2) + (packageManager.group(3) == null ? "" : packageManager.group(3));
    }

    /** pnpm 9 and later write lock files of format 9, pnpm 8 format 6, pnpm 7 format 5.4. */
    private static String pnpmForLockFile(String lockFile) {
        Matcher format = PNPM_LOCK_VERSION.matcher(lockFile);
        String major = format.find() ? format.group(1) : "";
        return switch (major) {
            case "9" -> "9";
            case "6" -> "8";
            case "5" -> "7";
            default -> throw new NoBuildPlanException(PNPM_LOCK + " has lockfileVersion '" + major + "', which no pnpm"
                    + " Gantry knows writes: name the pnpm version in package.json (\"packageManager\": \"pnpm@9.15.0\")"
                    + " and push again");
        };
    }

    /** How a package.json script runs with this tool: {@code npm run build}, {@code pnpm run build}. */
    String run(String script) {
        return name + " run " + script;
    }
}
