package dev.gantry.build;

import static dev.gantry.build.GeneratedDockerfiles.assertInOrder;
import static dev.gantry.build.GeneratedDockerfiles.runStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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
}
