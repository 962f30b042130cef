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

    @Test
    void pythonVersionOrRuntimeTxtChoosesThePythonAndItsStack() {
        MapTree python313 = MapTree.of("requirements.txt", "", ".python-version", "3.13\n", "app.py", "");

        assertEquals("python313", python.stack(python313));
        assertEquals(Optional.of("found requirements.txt; Python 3.13 from .python-version"), python.detect(python313));
        assertEquals("python313", python.stack(MapTree.of("requirements.txt", "", "runtime.txt", "python-3.13.1\n")));
        assertEquals("python", python.stack(MapTree.of("requirements.txt", "")));
        assertEquals("FROM gantry/stack-python313:run", runStage(new BuildPlanner().plan(python313)
                .generatedDockerfile().orElseThrow()).lines().findFirst().orElseThrow());
    }

    @Test
    void aPythonGantryCannotProvideIsRefusedNamingTheOnesItCan() {
        assertEquals("runtime.txt asks for Python 'python-3.12.4', which Gantry cannot provide: it has Python 3.11,"
                + " 3.13. Write one of them there and push again", assertThrows(NoBuildPlanException.class,
                        () -> python.detect(MapTree.of("requirements.txt", "", "runtime.txt", "python-3.12.4")))
                .getMessage());
    }

    @Test
    void uvAndPoetryInstallTheLockedDependenciesFromTheirLockFiles() {
        String uv = python.dockerfile(MapTree.of("pyproject.toml", "[project]\n", "uv.lock", "version = 1\n",
                "main.py", ""), stack, Map.of());
        String poetry = python.dockerfile(MapTree.of("pyproject.toml", "[project]\n", "poetry.lock", "",
                "main.py", ""), stack, Map.of());

        assertInOrder(uv, "RUN python3 -m venv /venv", "RUN python3 -m venv /opt/uv && /opt/uv/bin/pip install"
                + " 'uv>=0.5,<1'", "ENV UV_PROJECT_ENVIRONMENT=/venv UV_PYTHON_DOWNLOADS=never",
                "COPY pyproject.toml uv.lock ./", "RUN /opt/uv/bin/uv sync --frozen --no-dev --no-install-project",
                "COPY . ./");
        assertInOrder(poetry, "RUN python3 -m venv /opt/poetry && /opt/poetry/bin/pip install 'poetry>=2,<3'",
                "ENV VIRTUAL_ENV=/venv", "COPY pyproject.toml poetry.lock ./",
                "RUN /opt/poetry/bin/poetry install --only main --no-root --no-interaction", "COPY . ./");
        assertEquals(Optional.of("found pyproject.toml and uv.lock"), python.detect(MapTree.of("pyproject.toml", "",
                "uv.lock", "")));
    }
}
