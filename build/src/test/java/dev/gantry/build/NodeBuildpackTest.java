package dev.gantry.build;

import static dev.gantry.build.GeneratedDockerfiles.assertInOrder;
import static dev.gantry.build.GeneratedDockerfiles.runStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeBuildpackTest {

    private final NodeBuildpack node = new NodeBuildpack();
    private final Stack stack = Stacks.defaults().stack("node");

    @Test
    void withALockFileNpmCiInstallsFromManifestAndLockBeforeTheSourceIsCopied() {
        String dockerfile = node.dockerfile(MapTree.of("package.json", "{\"scripts\": {\"start\": \"node a.js\"}}",
                "package-lock.json", "{}"), stack, Map.of());

        assertInOrder(dockerfile,
                "FROM gantry/stack-node:build AS dependencies",
                "COPY package.json package-lock.json ./",
                "RUN npm ci --omit=dev && mkdir -p node_modules",
                "FROM gantry/stack-node:run",
                "ENV NODE_ENV=production PATH=/app/node_modules/.bin:$PATH",
                "USER 1000:1000",
                "CMD [\"/bin/sh\",\"-c\",\"node a.js\"]",
                "COPY --from=dependencies --chown=1000:1000 /app/node_modules /app/node_modules",
                "COPY --chown=1000:1000 . /app");
        assertFalse(runStage(dockerfile).contains("npm"), dockerfile);
        assertFalse(dockerfile.contains(" AS build"), "without a build script there is no build stage:\n" + dockerfile);
    }

    @Test
    void withoutALockFileNpmInstallResolvesFromPackageJson() {
        String dockerfile = node.dockerfile(MapTree.of("package.json", "{\"scripts\": {\"start\": \"node a.js\"}}"),
                stack, Map.of());

        assertInOrder(dockerfile, "COPY package.json ./", "RUN npm install --omit=dev && mkdir -p node_modules");
    }

    @Test
    void aBuildScriptRunsWithDevDependenciesAndTheImageGetsItsModulesFromTheDependencyLayer() {
        String withDev = node.dockerfile(MapTree.of("package.json", "{\"scripts\": {\"build\": \"tsc\", \"start\":"
                + " \"node dist/a.js\"}, \"devDependencies\": {\"typescript\": \"5\"}}", "package-lock.json", "{}"),
                stack, Map.of());
        String withoutDev = node.dockerfile(MapTree.of("package.json", "{\"scripts\": {\"build\": \"node b.js\","
                + " \"start\": \"node a.js\"}}", "package-lock.json", "{}"), stack, Map.of());

        assertInOrder(withDev, "RUN npm ci --omit=dev && mkdir -p node_modules", "FROM dependencies AS build",
                "RUN npm ci", "COPY . ./", "RUN npm run build && rm -rf node_modules",
                "COPY --from=dependencies --chown=1000:1000 /app/node_modules /app/node_modules",
                "COPY --from=build --chown=1000:1000 /app /app");
        assertInOrder(withoutDev, "FROM dependencies AS build", "COPY . ./", "RUN npm run build && rm -rf node_modules");
        assertFalse(withoutDev.contains("\nRUN npm ci\n"), "no dev dependencies to add:\n" + withoutDev);
    }

    @Test
    void theStartCommandIsTheStartScriptWithItsPreAndPostScriptsThroughTheShell() {
        String dockerfile = node.dockerfile(MapTree.of("package.json", "{\"scripts\": {\"prestart\": \"node"
                + " migrate.js\", \"start\": \"node \\\"my server.js\\\" --port $PORT\", \"poststart\": \"echo done\"}}"),
                stack, Map.of());

        assertTrue(dockerfile.contains("CMD [\"/bin/sh\",\"-c\",\"node migrate.js && node \\\"my server.js\\\""
                + " --port $PORT && echo done\"]\n"), dockerfile);
    }

    @Test
    void withoutAStartScriptServerJsRunsAsNpmStartWouldRunIt() {
        String dockerfile = node.dockerfile(MapTree.of("package.json", "{}", "server.js", ""), stack, Map.of());

        assertTrue(dockerfile.contains("CMD [\"node\",\"server.js\"]\n"), dockerfile);
    }

    @Test
    void withoutAStartScriptTheProcfilesWebStartsTheApp() {
        String dockerfile = node.dockerfile(MapTree.of("package.json", "{}", "Procfile", "web: node index.js\n"),
                stack, Map.of());

        assertFalse(dockerfile.contains("\nCMD "), dockerfile);
        assertTrue(dockerfile.contains("# No CMD: the Procfile's web process starts the app\n"), dockerfile);
    }

    @Test
    void withNoWayToStartTheBuildIsRefusedSayingWhatToAdd() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> node.dockerfile(MapTree.of("package.json", "{\"scripts\": {\"build\": \"tsc\"}}",
                        "Procfile", "worker: node worker.js\n"), stack, Map.of()));

        assertEquals("package.json has no start script and there is no Procfile with a web process: add \"start\":"
                + " \"node index.js\" to the scripts in package.json (or a Procfile line 'web: node index.js'), naming"
                + " your server's file, and push again", refused.getMessage());
    }

    @Test
    void aPackageJsonThatIsNotJsonIsRefusedWithTheLine() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> node.dockerfile(MapTree.of("package.json", "{\n  \"scripts\": {,}\n}"), stack, Map.of()));

        assertTrue(refused.getMessage().startsWith("package.json is not valid JSON (Unexpected character")
                && refused.getMessage().contains(" at line 2, column "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("). Fix it and push again"), refused.getMessage());
    }

    @Test
    void enginesNodeThatDebiansNodeSatisfiesUsesTheStacksOthersFetchTheBinaryFromTheNpmRegistry() {
        MapTree debian = MapTree.of("package.json", "{\"engines\": {\"node\": \">=18\"}, \"scripts\": {\"start\":"
                + " \"node a.js\"}}");
        MapTree newer = MapTree.of("package.json", "{\"engines\": {\"node\": \">=20 <23\"}, \"scripts\":"
                + " {\"start\": \"node a.js\"}}");

        assertEquals(Optional.of("found package.json without a lock file: npm install resolves the versions anew;"
                + " commit package-lock.json for repeatable builds; Node.js 18.20.4 for engines.node '>=18'"),
                node.detect(debian));
        assertFalse(node.dockerfile(debian, stack, Map.of()).contains("npm pack"));
        String dockerfile = node.dockerfile(newer, stack, Map.of());
        assertInOrder(dockerfile, "FROM gantry/stack-node:build AS dependencies",
                "RUN npm pack --silent --pack-destination /tmp \"node-linux-$(dpkg --print-architecture | sed"
                        + " s/amd64/x64/)@\"'>=20 <23' >/dev/null \\",
                " && mv /tmp/package/bin/node /usr/local/bin/node && rm -rf /tmp/package /tmp/node-linux-*.tgz \\",
                "ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt",
                "COPY package.json ./", "FROM gantry/stack-node:run",
                "ENV NODE_ENV=production PATH=/app/node_modules/.bin:$PATH"
                        + " NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt",
                "COPY --from=dependencies --chown=1000:1000 /usr/local/bin/node /usr/local/bin/node",
                "COPY --from=dependencies --chown=1000:1000 /app/node_modules /app/node_modules");
        assertTrue(node.detect(newer).orElseThrow().endsWith("; Node.js >=20 <23 from the npm registry for engines.node"));
    }

    @Test
    void anEnginesNodeThatIsNoRangeIsRefused() {
        assertEquals("package.json: engines.node 'lts/*' is not a version range ('lts/*' is not a version). Write it"
                + " as npm does, e.g. \"22.x\" or \">=20\", and push again", assertThrows(NoBuildPlanException.class,
                        () -> node.detect(MapTree.of("package.json", "{\"engines\": {\"node\": \"lts/*\"}}")))
                .getMessage());
    }

    @Test
    void pnpmAndYarnInstallWithTheirLockFilesInTheVersionPackageManagerNames() {
        String pnpm = node.dockerfile(MapTree.of("package.json", "{\"packageManager\": \"pnpm@9.15.0+sha512.abc\","
                + " \"scripts\": {\"build\": \"node b.js\", \"start\": \"node a.js\"}, \"devDependencies\":"
                + " {\"x\": \"1\"}}", "pnpm-lock.yaml", "lockfileVersion: '9.0'\n"), stack, Map.of());
        String yarn = node.dockerfile(MapTree.of("package.json", "{\"scripts\": {\"start\": \"node a.js\"}}",
                "yarn.lock", "# yarn lockfile v1\n"), stack, Map.of());

        assertInOrder(pnpm, "RUN npm install -g pnpm@9.15.0", "COPY package.json pnpm-lock.yaml ./",
                "RUN pnpm install --frozen-lockfile --prod && mkdir -p node_modules", "FROM dependencies AS build",
                "RUN CI=true pnpm install --frozen-lockfile", "RUN pnpm run build && rm -rf node_modules");
        assertInOrder(yarn, "RUN npm install -g yarn@1", "COPY package.json yarn.lock ./",
                "RUN yarn install --frozen-lockfile --production=true && mkdir -p node_modules");
        assertInOrder(node.dockerfile(MapTree.of("package.json", "{\"scripts\": {\"start\": \"node a.js\"}}",
                "pnpm-lock.yaml", "lockfileVersion: '6.0'\n"), stack, Map.of()), "RUN npm install -g pnpm@8");
    }

    @Test
    void yarnTwoAndLaterIsRefusedNamingWhatGantryInstallsWith() {
        assertEquals("package.json names yarn@4.5.0 as its package manager, and Gantry installs with Yarn 1, pnpm or"
                + " npm (Yarn 2 and later keep their own install state): use one of those, or a Dockerfile, and push"
                + " again", assertThrows(NoBuildPlanException.class, () -> node.detect(MapTree.of("package.json",
                        "{\"packageManager\": \"yarn@4.5.0\"}", "yarn.lock", ""))).getMessage());
    }

    @Test
    void herokuPostbuildRunsInsteadOfBuildAsOnHeroku() {
        String dockerfile = node.dockerfile(MapTree.of("package.json", "{\"scripts\": {\"build\": \"node b.js\","
                + " \"heroku-postbuild\": \"node h.js\", \"start\": \"node a.js\"}}", "package-lock.json", "{}"),
                stack, Map.of());

        assertInOrder(dockerfile, "FROM dependencies AS build", "RUN npm run heroku-postbuild && rm -rf node_modules");
        assertFalse(dockerfile.contains("npm run build"), dockerfile);
    }
}
