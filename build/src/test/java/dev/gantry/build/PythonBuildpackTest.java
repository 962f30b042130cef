package dev.gantry.build;

import static dev.gantry.build.GeneratedDockerfiles.assertInOrder;
import static dev.gantry.build.GeneratedDockerfiles.runStage;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonBuildpackTest {

    private final PythonBuildpack python = new PythonBuildpack();
    private final Stack stack = Stacks.defaults().stack("python");

    @Test
    void requirementsInstallIntoAVirtualenvBeforeTheSourceIsCopied() {
        String dockerfile = python.dockerfile(MapTree.of("requirements.txt", "flask\n", "Procfile", "web: flask run\n"),
                stack, Map.of());

        assertInOrder(dockerfile,
                "FROM gantry/stack-python:build AS build",
                "RUN python3 -m venv /venv",
                "COPY requirements.txt ./",
                "RUN pip install -r requirements.txt",
                "COPY . ./",
                "FROM gantry/stack-python:run",
                "ENV PATH=/venv/bin:$PATH",
                "USER 1000:1000",
                "COPY --from=build --chown=1000:1000 /venv /venv",
                "COPY --from=build --chown=1000:1000 /app /app");
        assertFalse(runStage(dockerfile).contains("pip install"), dockerfile);
    }

    @Test
    void aPyprojectWithoutRequirementsInstallsTheProject() {
        String dockerfile = python.dockerfile(MapTree.of("pyproject.toml", "[project]\n", "main.py", ""), stack, Map.of());

        assertInOrder(dockerfile, "COPY . ./", "RUN pip install .", "CMD [\"python\",\"main.py\"]");
    }

    @Test
    void appPyRunsWhenTheProcfileHasNoWeb() {
        String dockerfile = python.dockerfile(MapTree.of("requirements.txt", "", "app.py", ""), stack, Map.of());

        assertTrue(dockerfile.contains("CMD [\"python\",\"app.py\"]\n"), dockerfile);
    }

    @Test
    void withNoWayToStartTheBuildIsRefusedSayingWhatToAdd() {
        NoBuildPlanException refused = assertThrows(NoBuildPlanException.class,
                () -> python.dockerfile(MapTree.of("requirements.txt", ""), stack, Map.of()));

        assertTrue(refused.getMessage().startsWith("there is no Procfile with a web process, nor an app.py or main.py"
                + " to run: add a Procfile line"), refused.getMessage());
    }
}
